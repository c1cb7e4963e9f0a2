import v8 from 'node:v8';
import vm from 'node:vm';
import { unrefInterval } from './unref-interval.js';

/** Old-space growth since the last full collection that asks for the next one (bytes). */
export const OLD_SPACE_GROWTH = 16 * 1024 * 1024;

/** How often the old space is looked at (ms). */
export const OLD_SPACE_EVERY_MS = 500;

export interface OldSpaceWatchOptions {
  /** Bytes in use in V8's old space now. */
  read?: () => number;
  /** Starts a full collection now; resolves once it is done. */
  collect?: () => Promise<unknown>;
  /** Growth that asks for a collection (default `OLD_SPACE_GROWTH`). */
  growthBytes?: number;
  /** Runs `check` every `everyMs` until the returned function is called (default: an unreferenced timer). */
  every?: (check: () => void, everyMs: number) => () => void;
  everyMs?: number;
  /** A collection that failed (the watch goes on). */
  onError(error: unknown): void;
}

/** A running watch of the old space. */
export interface OldSpaceWatch {
  /** Looks once (what the timer does); resolves when any collection it started is done. */
  check(): Promise<void>;
  stop(): void;
}

/**
 * Asks V8 for a full collection whenever its old space has grown by `growthBytes` since the last one.
 *
 * Why: a fan-out's sends and HTTP requests live a few hundred ms, long enough for part of them to
 * survive two young-generation collections and be promoted, so a 10k fan-out promotes 50-120 MB of
 * garbage while the live heap stays near 30 MB. V8 sizes the old space's next collection from the
 * machine's memory (a 4 GB heap limit here), so it leaves all of it until the fan-out is over and the
 * bot's resident memory grows by as much. Collected every 16 MB instead, the garbage never piles up; a
 * collection marks only the ~30 MB that is live, mostly on V8's helper threads.
 */
export function watchOldSpace(options: OldSpaceWatchOptions): OldSpaceWatch {
  const read = options.read ?? oldSpaceUsed;
  const collect = options.collect ?? fullCollection;
  const growth = options.growthBytes ?? OLD_SPACE_GROWTH;
  let since = read();
  let collecting: Promise<void> | undefined;
  const check = (): Promise<void> => {
    if (collecting) return collecting;
    const used = read();
    // V8 collected on its own (or the heap shrank): growth counts from there.
    if (used < since) since = used;
    if (used - since < growth) return Promise.resolve();
    collecting = collect()
      .then(
        () => undefined,
        (error: unknown) => options.onError(error),
      )
      .finally(() => {
        since = read();
        collecting = undefined;
      });
    return collecting;
  };
  const every = options.every ?? unrefInterval;
  const stop = every(() => void check(), options.everyMs ?? OLD_SPACE_EVERY_MS);
  return { check, stop };
}

function oldSpaceUsed(): number {
  return v8.getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')?.space_used_size ?? 0;
}

/**
 * A full collection through `vm.measureMemory`: with eager execution Node documents that it starts a
 * collection at once (there is no other way without a V8 flag). It is marked experimental, so its one
 * ExperimentalWarning is kept off stderr (the bot's log is JSON lines), and without it nothing is done.
 */
function fullCollection(): Promise<unknown> {
  if (typeof vm.measureMemory !== 'function') return Promise.resolve();
  const emit = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (/measureMemory is an experimental feature/.test(typeof warning === 'string' ? warning : warning.message)) return;
    (emit as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return vm.measureMemory({ execution: 'eager' });
  } finally {
    process.emitWarning = emit;
  }
}
