import type { Clock } from '../clock.js';
import type { Pacer } from './pacer.js';

/**
 * Senders waiting for a place in a workspace's last window of real sends (see `Pacer.due`), let to
 * the window one at a time, in the order they came.
 *
 * Why: sends that wake at their booked instant and find the window full used to sleep until the
 * window's next free instant, all of them for the same instant; the first took it and the others slept
 * again, about four wake-ups per send (each with a timer and a race) for a 10k fan-out. In a line,
 * only the sender at its head waits for the window; the others wait for their turn, each woken once.
 */
export class WindowLine {
  /** Per key, the senders waiting behind the one at the head (present while a head holds the key). */
  private readonly lines = new Map<string, Array<() => void>>();

  /** Senders waiting for `key`, the one at the head included. */
  waiting(key: string): number {
    const line = this.lines.get(key);
    return line ? line.length + 1 : 0;
  }

  /**
   * Resolves once this sender is at the head of `key`'s line (at once when nobody is), with the
   * function that hands the head over to the next sender; call it exactly once, when done with the
   * window. Resolves undefined (out of the line) when `stop` settles first.
   */
  async enter(key: string, stop: Promise<void>): Promise<(() => void) | undefined> {
    const line = this.lines.get(key);
    if (!line) {
      this.lines.set(key, []);
      return this.leaver(key);
    }
    let given = false;
    let resolveTurn!: () => void;
    const mine = new Promise<void>((resolve) => (resolveTurn = resolve));
    const turn = () => {
      given = true;
      resolveTurn();
    };
    line.push(turn);
    await Promise.race([mine, stop]);
    if (given) return this.leaver(key);
    // Stopped while waiting: out of the line, so no turn is spent on nobody.
    const at = line.indexOf(turn);
    if (at >= 0) line.splice(at, 1);
    return undefined;
  }

  private leaver(key: string): () => void {
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const line = this.lines.get(key);
      const next = line?.shift();
      if (next) next();
      else this.lines.delete(key);
    };
  }
}

/** What `windowTurn` needs from the send waiting for it. */
export interface WindowWait {
  /** When the send looks (ms). */
  now: number;
  /** The latest instant the send may go (ms). */
  deadline: number;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  /** Settles when the send is given up (its abort signal). */
  stop: Promise<void>;
  signal?: AbortSignal | undefined;
}

/** A send's turn at the window: the instant it may go, the time it waited for the window, and the hand-over. */
export interface WindowTurn {
  now: number;
  waitedMs: number;
  /** Lets the next sender in line look at the window: call it once the send is counted, or given up. */
  leave: () => void;
}

const nobodyWaiting = () => undefined;

/**
 * Waits until every bucket's last window of real sends (`Pacer.due`) has room for a send, in line
 * behind the workspace's earlier senders that found it full. False when the room would come after the
 * deadline or the send is given up (the line is then handed over already).
 */
export async function windowTurn(line: WindowLine, key: string, pacers: readonly Pacer[], wait: WindowWait): Promise<WindowTurn | false> {
  let now = wait.now;
  if (windowDue(pacers, now) <= now && line.waiting(key) === 0) return { now, waitedMs: 0, leave: nobodyWaiting };
  const leave = await line.enter(key, wait.stop);
  if (!leave) return false;
  let waitedMs = 0;
  let turn = false;
  try {
    if (wait.signal?.aborted) return false;
    now = wait.clock.now().getTime();
    for (let due = windowDue(pacers, now); due > now; due = windowDue(pacers, now)) {
      if (due > wait.deadline) return false;
      waitedMs += due - now;
      await Promise.race([wait.sleep(due - now), wait.stop]);
      if (wait.signal?.aborted) return false;
      now = wait.clock.now().getTime();
    }
    turn = true;
    return { now, waitedMs, leave };
  } finally {
    if (!turn) leave();
  }
}

/** The earliest instant at or after `now` every bucket's last window has room (a loop, no arrays: called per send). */
export function windowDue(pacers: readonly Pacer[], now: number): number {
  let due = now;
  for (const p of pacers) due = Math.max(due, p.due(now));
  return due;
}
