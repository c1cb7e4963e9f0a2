import type { Clock } from '../clock.js';
import { whenAborted } from './abort.js';
import type { PlatformGate, Ticket } from './gate.js';
import type { CallTarget } from './limits.js';
import type { Pacer } from './pacer.js';

/**
 * Waits for a call that goes first (a person waiting for a reply) to conform to its limits, and lets
 * it through (counting it in flight until `gate.release`). Unlike a scheduled send it books no instant
 * behind the others: it waits only for its conversation's (or method's) windows, for a 429's pause and
 * for a place in the last window of real sends, and it claims that place, so the scheduled sends that
 * wake meanwhile leave it free. The app together stays under the paced rate: the scheduled sends
 * booked for that instant wait for the window, and later bookings start one interval later.
 * With several instances it also takes a place in the workspace's limit they share (see `ReplyPlaces`).
 * Returns false when that would be after `deadline` or when `signal` aborts.
 */
export async function acquireFirst(
  gate: PlatformGate,
  clock: Clock,
  sleep: (ms: number) => Promise<void>,
  target: CallTarget,
  deadline: number,
  signal?: AbortSignal,
): Promise<Ticket | false> {
  const stop = whenAborted(signal);
  let claimed: Pacer[] = [];
  const unclaim = () => {
    for (const p of claimed) p.unclaim();
    claimed = [];
  };
  const started = clock.now().getTime();
  // Several instances on one database: the call also needs a place in the workspace's limit shared by
  // all of them, taken last, just before it goes, so a place is used when it is taken.
  const places = gate.replyPlaces(target);
  let placed = places === undefined;
  let mode: 'first' | 'claimed' = 'first';
  let leaveLine: (() => void) | undefined;
  try {
    for (;;) {
      if (signal?.aborted) return false;
      const now = clock.now().getTime();
      // Looked up on every turn: a conversation idle while this call waited for the rate may have been forgotten.
      const conv = gate.conversation(target);
      const pacers = gate.pacers(target);
      const convAt = Math.max(now, conv.pausedUntil, ...conv.gates.map((g) => g.earliest(now)));
      const pausedAt = Math.max(convAt, ...pacers.map((p) => p.pausedUntil));
      if (pausedAt > now) {
        // Waiting for the conversation or a pause, it holds no place in the window from the others.
        unclaim();
        if (pausedAt > deadline) return false;
        await Promise.race([sleep(pausedAt - now), stop.promise]);
        continue;
      }
      const due = Math.max(now, ...pacers.map((p) => p.due(now, mode)));
      if (due > now) {
        if (due > deadline) return false;
        if (!claimed.length) {
          claimed = pacers;
          for (const p of claimed) p.claim();
        }
        await Promise.race([sleep(due - now), stop.promise]);
        continue;
      }
      if (gate.full()) {
        await gate.placeFreed(true, stop.promise);
        continue;
      }
      if (!placed && places) {
        if (!leaveLine) {
          leaveLine = await places.turn(stop.promise);
          if (!leaveLine) return false;
          continue;
        }
        const wait = await Promise.race([places.take(), stop.promise.then(() => 0)]);
        if (signal?.aborted) return false;
        if (wait === 0 || places.holder) {
          // The lease's holder paces the fan-out: without a shared place, its reply takes one of its own
          // paced places, ahead of its scheduled sends, and leaves the margin to the other instances.
          if (wait > 0) mode = 'claimed';
          placed = true;
          // The next call in line may ask for the next place.
          leaveLine();
          leaveLine = undefined;
        } else {
          if (clock.now().getTime() + wait > deadline) return false;
          unclaim();
          await Promise.race([sleep(wait), stop.promise]);
        }
        // The statement took a while: look at the windows again before going.
        continue;
      }
      unclaim();
      for (const p of pacers) p.take(now);
      return gate.admit(conv, pacers, now, now - started, 0);
    }
  } finally {
    leaveLine?.();
    unclaim();
    stop.dispose();
  }
}
