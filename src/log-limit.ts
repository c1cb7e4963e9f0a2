import type { Logger } from './logger.js';

export interface RateLimitOptions {
  /** Lines written per window; the rest are counted and summed up in one line when the window ends. */
  max?: number;
  windowMs?: number;
  /** Milliseconds now (injected in tests). */
  now?: () => number;
}

/**
 * One warning line per event, but at most `max` per window: a flood of bogus requests costs a few log
 * lines and one "N more" summary, not one line each. Returns the function to call per event (with the
 * line's fields, and its own message when it differs from `msg`).
 */
export function rateLimitedWarn(logger: Logger, msg: string, options: RateLimitOptions = {}): (fields?: Record<string, unknown>, message?: string) => void {
  const max = options.max ?? 10;
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  let windowStart = Number.NEGATIVE_INFINITY;
  let written = 0;
  let suppressed = 0;
  return (fields = {}, message = msg) => {
    const t = now();
    if (t - windowStart >= windowMs) {
      if (suppressed > 0) logger.warn(`${msg} (more of the same)`, { suppressed, windowMs });
      windowStart = t;
      written = 0;
      suppressed = 0;
    }
    if (written < max) {
      written += 1;
      logger.warn(message, fields);
    } else {
      suppressed += 1;
    }
  };
}
