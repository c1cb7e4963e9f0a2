import cron from 'node-cron';
import type { Logger } from '../logger.js';

/** A running ticker. */
export interface Ticker {
  /** Stops ticking and waits for a tick in progress. */
  stop(): Promise<void>;
}

/**
 * Calls `tick` once now (catch-up after start-up) and then two seconds past every minute, never two at
 * once. node-cron only drives the timer: which slots are due, and who posts them, is decided from the
 * store by `tick`. (node-cron's own per-task coordination is not used for slots: its matcher silently
 * drops a local time that a spring-forward night skips, cannot express every-N-weeks or nth-weekday
 * rules, and never catches up missed runs, so its keys could not be the slots' identity.)
 */
export function startTicker(tick: () => Promise<unknown>, logger: Logger): Ticker {
  let running: Promise<void> | undefined;
  let stopped = false;
  const run = () => {
    if (running || stopped) return running;
    running = tick()
      .then(() => undefined)
      .catch((error: unknown) => logger.error('schedule tick failed', { error }))
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const task = cron.schedule('2 * * * * *', () => run(), {
    name: 'moodmusic-schedules',
    noOverlap: true,
    logger: {
      info: (m) => logger.debug(m),
      warn: (m) => logger.warn(m),
      error: (m, e) => logger.error(typeof m === 'string' ? m : m.message, e ? { error: e } : {}),
      debug: (m) => logger.debug(typeof m === 'string' ? m : m.message),
    },
  });
  void run();
  return {
    async stop() {
      stopped = true;
      await task.stop();
      await task.destroy();
      await running;
    },
  };
}
