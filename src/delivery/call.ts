import type { Clock } from '../clock.js';
import { PlatformError, describeError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { PlatformName } from '../model/message.js';
import { acquireFirst } from './first.js';
import type { PlatformGate } from './gate.js';
import type { CallTarget } from './limits.js';
import type { CallStats } from './outcome.js';

/** A call to a platform outside the delivery queue: where it goes, for the rate limits it counts against. */
export interface PlatformCall extends CallTarget {
  platform: PlatformName;
}

/**
 * Runs one platform call made outside the delivery queue (a reply, an update, opening a 1:1 chat)
 * within the same rate limits as the queue's sends, going first (see `DeliveryQueue.pace`).
 */
export type Pace = <T>(target: PlatformCall, what: string, call: () => Promise<T>) => Promise<T>;

export interface CallDeps {
  gate: PlatformGate;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  logger: Logger;
  stats: CallStats;
}

/** What one try of a call came to: its result, or the instant the platform's Retry-After ends (nothing was made). */
export type Attempt<T> = { made: T } | { refused: PlatformError; until: number };

/**
 * One try of `call` once its limits let it through (see `acquireFirst`): false when they would not
 * before `deadline` (or `signal` aborted). A 429 pauses what it concerns (`PlatformGate.throttle`) and
 * comes back as `refused`; any other failure is logged and thrown (see `callWithin`).
 */
export async function attemptCall<T>(
  deps: CallDeps,
  target: PlatformCall,
  what: string,
  call: () => Promise<T>,
  deadline: number,
  options: { signal?: AbortSignal | undefined; attempt?: number } = {},
): Promise<Attempt<T> | false> {
  const { gate, clock, logger, stats } = deps;
  const ticket = await acquireFirst(gate, clock, deps.sleep, target, deadline, options.signal);
  if (!ticket) return false;
  let made: T;
  try {
    made = await call();
  } catch (error) {
    gate.release(ticket, true);
    if (!(error instanceof PlatformError) || error.retryAfterMs === undefined) {
      throw failed(deps, target, what, error instanceof PlatformError ? error.platformCode : 'error', error as Error, options.attempt ?? 1);
    }
    stats.throttled += 1;
    const until = clock.now().getTime() + error.retryAfterMs;
    gate.throttle(target, until);
    logger.info('platform asked us to slow down', { platform: target.platform, method: what, retryAfterMs: error.retryAfterMs });
    return { refused: error, until };
  }
  gate.release(ticket, true);
  stats.made += 1;
  return { made };
}

/** Counts and logs a call that finally failed (platform, method and code; never its content), and gives the error to throw. */
export function failed(deps: Pick<CallDeps, 'logger' | 'stats'>, target: PlatformCall, what: string, code: string, error: Error, attempts?: number): Error {
  deps.stats.failed += 1;
  deps.logger.warn('platform call failed', { platform: target.platform, method: what, code, ...(attempts === undefined ? {} : { attempts }) });
  return error;
}

/**
 * `call` within its platform's limits, ahead of scheduled sends, until `deadline`. Only a rate limit
 * (an error with Retry-After: the platform refused the call, so nothing was posted) is tried again, once
 * its pause is over; anything else is thrown as it came, since a post that failed another way may have
 * been made, and posting it twice is worse than the caller's fallback. A call that finally fails is
 * logged with its platform, method and code (never its content) and thrown. `signal` gives it up
 * (shutdown) if it has not been made yet.
 */
export async function callWithin<T>(deps: CallDeps, target: PlatformCall, what: string, call: () => Promise<T>, deadline: number, signal?: AbortSignal): Promise<T> {
  let attempts = 0;
  let last: PlatformError | undefined;
  for (;;) {
    const tried = await attemptCall(deps, target, what, call, deadline, { signal, attempt: attempts + 1 });
    if (!tried) {
      const stopped = signal?.aborted === true;
      const why = stopped ? '; the bot is stopping' : last ? `; last error: ${describeError(last)}` : ' waiting for the rate limit';
      const message = `gave up ${what}${stopped ? '' : ` at the deadline ${new Date(deadline).toISOString()}`} after ${attempts} attempt(s)${why}`;
      throw failed(deps, target, what, stopped ? 'stopped' : 'deadline', new PlatformError(target.platform, stopped ? 'stopped' : 'deadline', message, { cause: last }), attempts);
    }
    attempts += 1;
    if ('made' in tried) return tried.made;
    // Retry-After past the deadline: failing now tells the person sooner than failing then.
    if (tried.until > deadline) throw failed(deps, target, what, tried.refused.platformCode, tried.refused, attempts);
    last = tried.refused;
  }
}
