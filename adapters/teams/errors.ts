import { PlatformError, describeError } from '../../src/errors.js';
import { ConnectorHttpError } from './connector-http.js';

function findConnectorError(error: unknown): ConnectorHttpError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    if (current instanceof ConnectorHttpError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Turns whatever a connector call threw into the typed `PlatformError` the delivery queue understands:
 * 429 and 5xx (and no answer at all) are retryable with the service's `Retry-After`; refusals are not,
 * and say what to do about them. `doing` names the operation for the message ("post to …").
 */
export function toPlatformError(error: unknown, doing: string): PlatformError {
  if (error instanceof PlatformError) return error;
  const http = findConnectorError(error);
  if (!http) {
    return new PlatformError('teams', 'unexpected', `Teams: could not ${doing}: ${describeError(error)}`, { cause: error });
  }
  const status = http.status;
  const retry = http.retryAfterMs === undefined ? {} : { retryAfterMs: http.retryAfterMs };
  if (status === undefined) {
    return new PlatformError('teams', 'unreachable', `Teams: could not ${doing}: ${http.message}; will try again`, { retryable: true, cause: error });
  }
  if (status === 429) {
    // Teams documents no Retry-After. Without one, a second: its limits are counted per second (the
    // longer per-conversation windows are kept by the queue itself), so the tenant pauses just past them
    // rather than sending on at its pace while the service refuses.
    return new PlatformError('teams', 'throttled', `Teams: rate limited while trying to ${doing} (429); will try again`, { retryable: true, retryAfterMs: http.retryAfterMs ?? 1000, cause: error });
  }
  if (status >= 500) {
    return new PlatformError('teams', `http_${status}`, `Teams: the Bot Framework service failed to ${doing} (${status}); will try again`, { retryable: true, ...retry, cause: error });
  }
  const why: Record<number, string> = {
    401: 'the bot credentials were refused: check MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppType against the Azure Bot registration',
    403: 'Teams refused: the app is not installed in that team or chat, was blocked, or (for a 1:1) is not installed for that person; add moodmusic there (or let an admin install it for users) and try again',
    404: 'the conversation no longer exists for the bot (it was removed from the team or the chat was deleted); add moodmusic again to reach it',
    413: 'the message is larger than Teams accepts; this is a bug in how the reply was built',
  };
  return new PlatformError('teams', `http_${status}`, `Teams: could not ${doing} (${status}): ${why[status] ?? http.body.slice(0, 200)}`, { cause: error });
}
