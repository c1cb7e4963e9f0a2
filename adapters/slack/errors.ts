import { webApi } from '@slack/bolt';
import { PlatformError, describeError } from '../../src/errors.js';

/** What Slack's error codes mean for the people running the bot, and whether trying again can help. */
const EXPLAINED: Record<string, { retryable: boolean; fix: string }> = {
  channel_not_found: {
    retryable: false,
    fix: 'the channel does not exist or the app cannot see it; for a private channel invite the app with /invite @moodmusic',
  },
  not_in_channel: { retryable: false, fix: 'the app is not a member of the channel; invite it with /invite @moodmusic' },
  is_archived: { retryable: false, fix: 'the channel is archived; unarchive it or turn its schedule off' },
  invalid_auth: {
    retryable: false,
    fix: 'Slack refused SLACK_BOT_TOKEN; copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions for this workspace',
  },
  not_authed: { retryable: false, fix: 'no token was sent; set SLACK_BOT_TOKEN to the Bot User OAuth Token (xoxb-…)' },
  account_inactive: {
    retryable: false,
    fix: 'the app was uninstalled or its bot deactivated; reinstall the app to the workspace and update SLACK_BOT_TOKEN',
  },
  token_revoked: { retryable: false, fix: 'the bot token was revoked; reinstall the app and update SLACK_BOT_TOKEN' },
  token_expired: { retryable: false, fix: 'the bot token expired; reinstall the app and update SLACK_BOT_TOKEN' },
  missing_scope: {
    retryable: false,
    fix: 'the app lacks a permission; add the scopes from adapters/slack/manifest.yaml under OAuth & Permissions and reinstall',
  },
  user_not_found: { retryable: false, fix: 'the person is not in this workspace any more' },
  cannot_dm_bot: { retryable: false, fix: 'the recipient is a bot, which cannot receive direct messages' },
  expired_trigger_id: { retryable: false, fix: 'the form could not open in time; ask the person to try again' },
  ratelimited: { retryable: true, fix: 'Slack is rate limiting the app; the message will be retried after the delay Slack asked for' },
  internal_error: { retryable: true, fix: 'Slack had an internal error; the call will be retried' },
  fatal_error: { retryable: true, fix: 'Slack had an internal error; the call will be retried' },
  service_unavailable: { retryable: true, fix: 'Slack is unavailable; the call will be retried' },
  request_timeout: { retryable: true, fix: 'Slack timed out; the call will be retried' },
};

const WebErrorCode = webApi.ErrorCode;

interface SlackishError {
  code?: unknown;
  data?: { error?: unknown; needed?: unknown };
  retryAfter?: unknown;
  statusCode?: unknown;
  original?: unknown;
}

/**
 * Turns any error from a Slack Web API call (or a response_url post) into a `PlatformError` whose message
 * names the call, Slack's code and how to fix it. Rate limits carry Slack's `Retry-After` so the core's
 * delivery queue (not the Web API client) decides when to try again.
 */
export function toPlatformError(error: unknown, call: string): PlatformError {
  if (error instanceof PlatformError) return error;
  const e = (error ?? {}) as SlackishError;
  if (e.code === WebErrorCode.RateLimitedError) {
    const seconds = typeof e.retryAfter === 'number' ? e.retryAfter : 1;
    return new PlatformError('slack', 'ratelimited', `Slack rate limited ${call}; retry after ${seconds}s`, {
      retryable: true,
      retryAfterMs: seconds * 1000,
      cause: error,
    });
  }
  if (e.code === WebErrorCode.PlatformError) {
    const code = typeof e.data?.error === 'string' ? e.data.error : 'unknown_error';
    const known = EXPLAINED[code];
    const needed = code === 'missing_scope' && typeof e.data?.needed === 'string' ? ` (needed: ${e.data.needed})` : '';
    const fix = known?.fix ?? 'see https://docs.slack.dev/reference/methods for what this code means';
    return new PlatformError('slack', code, `Slack refused ${call} (${code}): ${fix}${needed}`, { retryable: known?.retryable ?? false, cause: error });
  }
  if (e.code === WebErrorCode.RequestError) {
    return new PlatformError('slack', 'request_failed', `could not reach Slack for ${call}: ${describeError(e.original ?? error)}; check network access to SLACK_API_URL`, {
      retryable: true,
      cause: error,
    });
  }
  const status = typeof e.statusCode === 'number' ? e.statusCode : typeof e.code === 'number' ? e.code : undefined;
  if (e.code === WebErrorCode.HTTPError || status !== undefined) {
    const retryable = status === undefined || status >= 500 || status === 429;
    return new PlatformError('slack', `http_${status ?? 'error'}`, `Slack answered ${call} with HTTP ${status ?? '?'}${retryable ? '; it will be retried' : ''}`, {
      retryable,
      cause: error,
    });
  }
  return new PlatformError('slack', 'unknown_error', `${call} failed: ${describeError(error)}`, { retryable: false, cause: error });
}

/** Runs one Web API call and converts its failure with `toPlatformError`. */
export async function slackCall<T>(call: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toPlatformError(error, call);
  }
}

/** What Slack's refusals of `apps.connections.open` mean: they are about the app-level token or app settings. */
const SOCKET_FIXES: Record<string, string> = {
  socket_mode_not_enabled:
    'Socket Mode is off for this app; turn it on under Settings > Socket Mode in your app settings, or unset SLACK_APP_TOKEN to receive events over HTTP with SLACK_SIGNING_SECRET',
  not_allowed_token_type: 'SLACK_APP_TOKEN is not an app-level token; create one (xapp-…) with the connections:write scope under Basic Information > App-Level Tokens',
  missing_scope: 'SLACK_APP_TOKEN lacks the connections:write scope; create an app-level token with it under Basic Information > App-Level Tokens',
};
const APP_TOKEN_REFUSED =
  'Slack refused SLACK_APP_TOKEN; copy a current app-level token (xapp-…) with the connections:write scope from Basic Information > App-Level Tokens';

/**
 * Explains why Socket Mode could not start. Its refusals concern SLACK_APP_TOKEN and the app's settings,
 * never the bot token, so `toPlatformError`'s bot-token advice would send an operator the wrong way.
 */
export function socketStartError(error: unknown): PlatformError {
  const e = (error ?? {}) as SlackishError;
  if (e.code === WebErrorCode.PlatformError && typeof e.data?.error === 'string') {
    const code = e.data.error;
    const refused = ['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive'].includes(code);
    const fix = SOCKET_FIXES[code] ?? (refused ? APP_TOKEN_REFUSED : undefined);
    if (fix) return new PlatformError('slack', code, `Slack refused to open a Socket Mode connection (${code}): ${fix}`, { cause: error });
  }
  return toPlatformError(error, 'apps.connections.open (opening the Socket Mode connection with SLACK_APP_TOKEN)');
}
