import { constants, PerformanceObserver } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { watchOldSpace } from '../../src/old-space.js';
import { manualTimer } from './manual-timer.js';

const MB = 1024 * 1024;

/** A fake old space: `used` bytes, and a collection that leaves `live` of them (resolved by the test). */
function fakeHeap(used: number, live: number) {
  const heap = {
    used,
    live,
    collections: 0,
    finish: undefined as (() => void) | undefined,
    read: () => heap.used,
    collect: () =>
      new Promise<void>((resolve) => {
        heap.collections += 1;
        heap.finish = () => {
          heap.used = heap.live;
          resolve();
        };
      }),
  };
  return heap;
}


describe('old-space watch', () => {
  it('asks for a full collection once the old space has grown by the threshold since the last one', async () => {
    const heap = fakeHeap(30 * MB, 30 * MB);
    const errors: unknown[] = [];
    const watch = watchOldSpace({ read: heap.read, collect: heap.collect, growthBytes: 16 * MB, every: manualTimer().every, onError: (e) => errors.push(e) });
    heap.used = 45 * MB;
    await watch.check();
    expect(heap.collections).toBe(0);
    heap.used = 46 * MB;
    const done = watch.check();
    expect(heap.collections).toBe(1);
    // One at a time: looking again while it runs starts no other.
    heap.used = 80 * MB;
    void watch.check();
    expect(heap.collections).toBe(1);
    heap.live = 31 * MB;
    heap.finish?.();
    await done;
    // Growth counts from what the collection left (31 MB live).
    heap.used = 31 * MB + 15 * MB;
    await watch.check();
    expect(heap.collections).toBe(1);
    expect(errors).toEqual([]);
  });

  it('counts growth from where V8 left the old space when it collected on its own', async () => {
    const heap = fakeHeap(100 * MB, 30 * MB);
    const watch = watchOldSpace({ read: heap.read, collect: heap.collect, growthBytes: 16 * MB, every: manualTimer().every, onError: () => undefined });
    heap.used = 35 * MB;
    await watch.check();
    heap.used = 50 * MB;
    await watch.check();
    expect(heap.collections).toBe(0);
    heap.used = 52 * MB;
    void watch.check();
    expect(heap.collections).toBe(1);
  });

  it('reports a failed collection and goes on watching', async () => {
    const heap = fakeHeap(30 * MB, 30 * MB);
    const errors: unknown[] = [];
    let fail = true;
    const collect = () => {
      if (fail) return Promise.reject(new Error('no collection today'));
      return heap.collect();
    };
    const watch = watchOldSpace({ read: heap.read, collect, growthBytes: 16 * MB, every: manualTimer().every, onError: (e) => errors.push(e) });
    heap.used = 50 * MB;
    await watch.check();
    expect(errors).toHaveLength(1);
    fail = false;
    heap.used = 70 * MB;
    void watch.check();
    expect(heap.collections).toBe(1);
  });

  it('looks on its own timer until stopped', () => {
    const heap = fakeHeap(30 * MB, 30 * MB);
    const { timer, every } = manualTimer();
    const watch = watchOldSpace({ read: heap.read, collect: heap.collect, growthBytes: 16 * MB, every, everyMs: 500, onError: () => undefined });
    expect(timer.everyMs).toBe(500);
    heap.used = 60 * MB;
    timer.check?.();
    expect(heap.collections).toBe(1);
    watch.stop();
    expect(timer.stopped).toBe(true);
  });

  it('runs a real full collection with the default reader and collector, and warns nothing on stderr', async () => {
    const warnings: unknown[] = [];
    const onWarning = (w: unknown) => warnings.push(w);
    const majors: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (((entry as { detail?: { kind?: number } }).detail)?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors.push(entry.startTime);
    });
    observer.observe({ entryTypes: ['gc'] });
    process.on('warning', onWarning);
    try {
      // A threshold of 0: any look collects.
      const watch = watchOldSpace({ growthBytes: 0, every: manualTimer().every, onError: (e) => warnings.push(e) });
      await watch.check();
      // GC entries reach observers a turn or two later.
      for (let turn = 0; turn < 100 && majors.length === 0; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
      observer.disconnect();
    }
    expect(majors.length).toBeGreaterThan(0);
    expect(warnings).toEqual([]);
  });
});
