import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { giveBackSpareHeap, settleHeap, type HeapFigures } from '../../src/heap-settle.js';
import { manualTimer } from './manual-timer.js';

const MB = 1024 * 1024;

/** A fake heap: figures the test sets, and a release that leaves `committed` at `used` (resolved by the test). */
function fakeHeap(used: number, committed: number) {
  const heap = {
    figures: { used, committed } as HeapFigures,
    releases: 0,
    finish: undefined as (() => void) | undefined,
    read: () => ({ ...heap.figures }),
    release: () =>
      new Promise<void>((resolve) => {
        heap.releases += 1;
        heap.finish = () => {
          heap.figures.committed = heap.figures.used;
          resolve();
        };
      }),
  };
  return heap;
}


/** Four looks of 500 ms: the 2 s of quiet the watch waits for. */
async function quietLooks(check: () => Promise<void>, looks = 4): Promise<void> {
  for (let i = 0; i < looks; i += 1) await check();
}

const options = { everyMs: 500, quietMs: 2000, laterQuietMs: 5000, spareBytes: 8 * MB, busyBytes: 1 * MB };

describe('heap settle', () => {
  it('gives the spare heap back once start-up has been quiet for the quiet time', async () => {
    const heap = fakeHeap(24 * MB, 67 * MB);
    const watch = settleHeap({ ...options, read: heap.read, release: heap.release, every: manualTimer().every, onError: () => undefined });
    await quietLooks(() => watch.check(), 3);
    expect(heap.releases).toBe(0);
    const done = watch.check();
    expect(heap.releases).toBe(1);
    // One at a time: looking again while it runs starts no other.
    void watch.check();
    expect(heap.releases).toBe(1);
    heap.finish?.();
    await done;
    expect(heap.figures.committed).toBe(24 * MB);
  });

  it('waits while the heap is busy and counts the quiet from the last busy look', async () => {
    const heap = fakeHeap(24 * MB, 67 * MB);
    const watch = settleHeap({ ...options, read: heap.read, release: heap.release, every: manualTimer().every, onError: () => undefined });
    await quietLooks(() => watch.check(), 3);
    heap.figures.used += 3 * MB;
    await watch.check();
    await quietLooks(() => watch.check(), 3);
    expect(heap.releases).toBe(0);
    void watch.check();
    expect(heap.releases).toBe(1);
  });

  it('leaves a heap alone when little of it is spare', async () => {
    const heap = fakeHeap(24 * MB, 30 * MB);
    const watch = settleHeap({ ...options, read: heap.read, release: heap.release, every: manualTimer().every, onError: () => undefined });
    await quietLooks(() => watch.check(), 10);
    expect(heap.releases).toBe(0);
  });

  it('releases once per busy spell, even when the release could not give memory back', async () => {
    const heap = fakeHeap(24 * MB, 67 * MB);
    let giveBack = false;
    const release = () => {
      heap.releases += 1;
      if (giveBack) heap.figures.committed = heap.figures.used;
      return Promise.resolve();
    };
    const watch = settleHeap({ ...options, read: heap.read, release, every: manualTimer().every, onError: () => undefined });
    await quietLooks(() => watch.check(), 12);
    expect(heap.releases).toBe(1);
    // A fan-out: busy, then quiet again.
    giveBack = true;
    heap.figures.used = 60 * MB;
    heap.figures.committed = 110 * MB;
    await watch.check();
    heap.figures.used = 30 * MB;
    await watch.check();
    await quietLooks(() => watch.check(), 12);
    expect(heap.releases).toBe(2);
    expect(heap.figures.committed).toBe(30 * MB);
  });

  it('waits longer after a later busy spell than after start-up, so a pause between bursts is not stalled', async () => {
    const heap = fakeHeap(24 * MB, 67 * MB);
    const release = () => {
      heap.releases += 1;
      return Promise.resolve();
    };
    const watch = settleHeap({ ...options, read: heap.read, release, every: manualTimer().every, onError: () => undefined });
    // Start-up: released after quietMs (four looks).
    await quietLooks(() => watch.check(), 4);
    expect(heap.releases).toBe(1);
    // A burst of requests, then a pause of 4.5 s: quiet enough after start-up, not after a later spell.
    heap.figures.used += 3 * MB;
    await watch.check();
    await quietLooks(() => watch.check(), 9);
    expect(heap.releases).toBe(1);
    // The next burst starts the count again; 5 s of quiet after it (laterQuietMs) and the heap is settled.
    heap.figures.used += 3 * MB;
    await watch.check();
    await quietLooks(() => watch.check(), 9);
    expect(heap.releases).toBe(1);
    await watch.check();
    expect(heap.releases).toBe(2);
  });

  it('reports a failed release and goes on watching', async () => {
    const heap = fakeHeap(24 * MB, 67 * MB);
    const errors: unknown[] = [];
    const watch = settleHeap({ ...options, read: heap.read, release: () => Promise.reject(new Error('not today')), every: manualTimer().every, onError: (e) => errors.push(e) });
    await quietLooks(() => watch.check());
    expect(errors).toHaveLength(1);
  });

  it('looks on its own timer until stopped', () => {
    const heap = fakeHeap(24 * MB, 67 * MB);
    const { timer, every } = manualTimer();
    const watch = settleHeap({ ...options, read: heap.read, release: heap.release, every, onError: () => undefined });
    expect(timer.everyMs).toBe(500);
    for (let i = 0; i < 4; i += 1) timer.check?.();
    expect(heap.releases).toBe(1);
    watch.stop();
    expect(timer.stopped).toBe(true);
  });

  it('gives back a young generation grown by a busy spell, with the real release', async () => {
    // Short-lived garbage at a high rate: V8 grows the young generation to fit it.
    let keep: unknown[] = [];
    for (let round = 0; round < 200; round += 1) {
      keep = [];
      for (let i = 0; i < 2000; i += 1) keep.push({ round, i, text: `item ${i}`.repeat(4) });
    }
    expect(keep).toHaveLength(2000);
    const newSpace = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
    const before = newSpace();
    await giveBackSpareHeap();
    expect(newSpace()).toBeLessThan(before);
  });
});
