import v8 from 'node:v8';
import { unrefInterval } from './unref-interval.js';

/** What V8's heap holds now (bytes): in use, and committed (resident once touched). */
export interface HeapFigures {
  used: number;
  committed: number;
}

/** Committed heap beyond what is in use that is worth giving back (bytes). */
export const SETTLE_SPARE_BYTES = 8 * 1024 * 1024;

/** A change in the heap's use between two looks that counts as busy (bytes). */
export const SETTLE_BUSY_BYTES = 1024 * 1024;

/** How long the heap must stay quiet after start-up before its spare memory is given back (ms). */
export const SETTLE_QUIET_MS = 3000;

/**
 * How long the heap must stay quiet after any later busy spell (ms). Longer than after start-up: the
 * release is a stop-the-world collection (80-350 ms on this machine), and requests come in bursts a
 * few seconds apart, so a release 3 s into a pause kept landing on the next burst's first requests
 * (the `slack.ack` bench: about 0.35 ms of CPU per event and 350 ms stalls at the start of a stretch).
 */
export const SETTLE_LATER_QUIET_MS = 10_000;

/** How often the heap is looked at (ms). */
export const SETTLE_EVERY_MS = 500;

export interface HeapSettleOptions {
  /** The heap's figures now (default: `v8.getHeapStatistics`). */
  read?: () => HeapFigures;
  /** Asks V8 to give its spare memory back; resolves once done (default: `giveBackSpareHeap`). */
  release?: () => Promise<void>;
  /** Runs `check` every `everyMs` until the returned function is called (default: an unreferenced timer). */
  every?: (check: () => void, everyMs: number) => () => void;
  everyMs?: number;
  /** Quiet before the first release, start-up's (default `SETTLE_QUIET_MS`). */
  quietMs?: number;
  /** Quiet before each later release (default `SETTLE_LATER_QUIET_MS`). */
  laterQuietMs?: number;
  spareBytes?: number;
  busyBytes?: number;
  /** A release that failed (the watch goes on). */
  onError(error: unknown): void;
}

/** A running heap settle watch. */
export interface HeapSettle {
  /** Looks once (what the timer does); resolves when any release it started is done. */
  check(): Promise<void>;
  stop(): void;
}

/**
 * Gives V8's spare heap back once the bot has gone quiet after a busy spell (start-up, a fan-out).
 *
 * Why: a busy spell grows V8's young generation to its largest (two 16 MB semi-spaces) and leaves the
 * old space with free pages; V8 keeps both committed, resident in the bot's RSS, until its own memory
 * reducer runs, which at idle takes about 30 s (it samples the allocation rate every 8 s and wants a
 * few low samples). Through that spell a bot that has finished starting holds 40-45 MB it does not use.
 * Released once per busy spell, after `quietMs` without a change in use (start-up's spell) or
 * `laterQuietMs` (every later one), so a quiet bot pays a single memory-reducing collection (tens of
 * ms) and a steady trickle of events none. After start-up nobody waits on the first seconds of idle,
 * and V8's own reducer would give the memory back at about 30 s anyway: waiting 10 s costs little
 * memory-time and keeps the stall away from a conversation that is only pausing.
 */
export function settleHeap(options: HeapSettleOptions): HeapSettle {
  const read = options.read ?? heapFigures;
  const release = options.release ?? giveBackSpareHeap;
  const everyMs = options.everyMs ?? SETTLE_EVERY_MS;
  const laterQuietMs = options.laterQuietMs ?? SETTLE_LATER_QUIET_MS;
  let quietMs = options.quietMs ?? SETTLE_QUIET_MS;
  const spare = options.spareBytes ?? SETTLE_SPARE_BYTES;
  const busyBytes = options.busyBytes ?? SETTLE_BUSY_BYTES;
  let last = read();
  let quietFor = 0;
  // Armed from the start: start-up is the first busy spell.
  let armed = true;
  let releasing: Promise<void> | undefined;
  const check = (): Promise<void> => {
    if (releasing) return releasing;
    const now = read();
    const busy = Math.abs(now.used - last.used) >= busyBytes;
    last = now;
    if (busy) {
      quietFor = 0;
      armed = true;
      return Promise.resolve();
    }
    quietFor += everyMs;
    if (!armed || quietFor < quietMs || now.committed - now.used < spare) return Promise.resolve();
    // Once per busy spell: what a release cannot give back is not asked for again until the next one.
    armed = false;
    quietMs = laterQuietMs;
    releasing = release()
      .then(
        () => undefined,
        (error: unknown) => options.onError(error),
      )
      .finally(() => {
        last = read();
        releasing = undefined;
      });
    return releasing;
  };
  const every = options.every ?? unrefInterval;
  const stop = every(() => void check(), everyMs);
  return { check, stop };
}

function heapFigures(): HeapFigures {
  const stats = v8.getHeapStatistics();
  return { used: stats.used_heap_size, committed: stats.total_heap_size };
}

/**
 * A memory-reducing full collection, which shrinks the young generation and compacts and frees the
 * old space's pages: `HeapProfiler.collectGarbage` on an in-process inspector session (no port is
 * opened; V8 runs it as a low-memory notification). Node has no other way to ask for one without a V8
 * flag. A Node built without the inspector cannot: then nothing is done and V8's own reducer does it
 * later.
 */
export async function giveBackSpareHeap(): Promise<void> {
  let inspector: typeof import('node:inspector');
  try {
    inspector = await import('node:inspector');
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_INSPECTOR_NOT_AVAILABLE') return;
    throw error;
  }
  const session = new inspector.Session();
  session.connect();
  try {
    await new Promise<void>((resolve, reject) => session.post('HeapProfiler.collectGarbage', (error) => (error ? reject(error) : resolve())));
  } finally {
    // After the await, never inside post's callback: disconnecting from within that callback leaves
    // Node 20's main thread waiting on a lock for good (seen with HeapProfiler.collectGarbage).
    session.disconnect();
  }
}
