import { describe, expect, it } from 'vitest';
import { Batcher } from '../../src/schedule/batch.js';

describe('Batcher: one run per batch of requests', () => {
  it('runs a lone request at once, and full batches without waiting, each caller getting its own answer', async () => {
    const runs: number[][] = [];
    // A linger of a minute: nothing here may wait for it.
    const batcher = new Batcher<number, number>(async (items) => {
      runs.push(items);
      return items.map((n) => n * 10);
    }, { max: 3, lingerMs: 60_000 });
    expect(await batcher.add(1)).toBe(10);
    expect(runs).toEqual([[1]]);
    expect(await Promise.all([2, 3, 4, 5, 6, 7].map((n) => batcher.add(n)))).toEqual([20, 30, 40, 50, 60, 70]);
    expect(runs.slice(1)).toEqual([[2, 3, 4], [5, 6, 7]]);
  });

  it('gives each caller of a failed batch the error, and keeps working for the next', async () => {
    let fail = true;
    const batcher = new Batcher<string, string>(async (items) => {
      if (fail) throw new Error('database unavailable');
      return items.map((s) => s.toUpperCase());
    }, { max: 2, lingerMs: 60_000 });
    const failed = await Promise.allSettled([batcher.add('a'), batcher.add('b')]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await Promise.all([batcher.add('c'), batcher.add('d')])).toEqual(['C', 'D']);
  });

  it('runs one batch at a time: requests made meanwhile wait for the next', async () => {
    let open = 0;
    let most = 0;
    const batcher = new Batcher<number, number>(async (items) => {
      most = Math.max(most, ++open);
      await new Promise((resolve) => setImmediate(resolve));
      open -= 1;
      return items;
    }, { max: 2, lingerMs: 0 });
    expect(await Promise.all(Array.from({ length: 9 }, (_, i) => batcher.add(i)))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(most).toBe(1);
  });
});
