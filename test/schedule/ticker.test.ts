import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { startTicker } from '../../src/schedule/ticker.js';

describe('ticker', () => {
  it('runs the job at once (catch-up), never two at once, and stop waits for a run in progress', async () => {
    let runs = 0;
    let finish!: () => void;
    const ticker = startTicker(async () => {
      runs += 1;
      await new Promise<void>((resolve) => (finish = resolve));
    }, silentLogger);
    expect(runs).toBe(1);
    let stopped = false;
    const stopping = ticker.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
  });

  it('logs a failing run instead of crashing', async () => {
    const errors: string[] = [];
    const logger = { ...silentLogger, error: (msg: string) => void errors.push(msg), child: () => logger };
    const ticker = startTicker(() => Promise.reject(new Error('database down')), logger);
    await ticker.stop();
    expect(errors).toEqual(['schedule tick failed']);
  });
});
