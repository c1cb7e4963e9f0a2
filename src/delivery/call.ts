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

/**
 * `call` within its platform's limits, ahead of scheduled sends, until `deadline`. Only a rate limit
 * (an error with Retry-After: the platform refused the call, so nothing was posted) is tried again, once
 * its pause is over; anything else is thrown as it came, since a post that failed another way may have
 * been made, and posting it twice is worse than the caller's fallback. A call that finally fails is
 * logged with its platform, method and code (never its content) and thrown.
 */
export async function callWithin<T>(deps: CallDeps, target: PlatformCall, what: string, call: () => Promise<T>, deadline: number): Promise<T> {
  const { gate, clock, sleep, logger, stats } = deps;
  let attempts = 0;
  let last: PlatformError | undefined;
  const fail = (code: string, error: Error): Error => {
    stats.failed += 1;
    logger.warn('platform call failed', { platform: target.platform, method: what, code, attempts });
    return error;
  };
  for (;;) {
    const ticket = await acquireFirst(gate, clock, sleep, target, deadline);
    if (!ticket) {
      const why = last ? `; last error: ${describeError(last)}` : ' waiting for the rate limit';
      throw fail('deadline', new PlatformError(target.platform, 'deadline', `gave up ${what} at the deadline ${new Date(deadline).toISOString()} after ${attempts} attempt(s)${why}`, { cause: last }));
    }
    attempts += 1;
    let result: T;
    try {
      result = await call();
    } catch (error) {
      gate.release(ticket, true);
      if (!(error instanceof PlatformError) || error.retryAfterMs === undefined) {
        throw fail(error instanceof PlatformError ? error.platformCode : 'error', error as Error);
      }
      stats.throttled += 1;
      const until = clock.now().getTime() + error.retryAfterMs;
      gate.throttle(target, until);
      logger.info('platform asked us to slow down', { platform: target.platform, method: what, retryAfterMs: error.retryAfterMs });
      // Retry-After past the deadline: failing now tells the person sooner than failing then.
      if (until > deadline) throw fail(error.platformCode, error);
      last = error;
      continue;
    }
    gate.release(ticket, true);
    stats.made += 1;
    return result;
  }
}
