import type { Clock } from '../clock.js';
import type { ConversationRef } from '../model/message.js';
import type { PlatformGate, Ticket } from './gate.js';
import type { WorkspaceLease } from './lease.js';
import { windowTurn, type WindowLine } from './window-line.js';

/** What a scheduled send's booking needs from its gate. */
export interface BookingDeps {
  gate: PlatformGate;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  /** Set where sends wait for a workspace lease (several instances, a workspace rate). */
  lease: WorkspaceLease | undefined;
  /** Per workspace, senders waiting for room in the last window of real sends. */
  windowLine: WindowLine;
}

/**
 * Waits for a scheduled send's conforming instant and books it: its conversation's windows first,
 * then an instant from the workspace's and the app's token buckets (booked before sleeping, so
 * waiters wake one by one at the rate), then room in the last window of real sends (in line), the
 * workspace's lease and a place in flight. Returns false when that would be after `deadline` or when
 * `signal` aborts.
 */
export async function book(deps: BookingDeps, target: ConversationRef, deadline: number, stop: Promise<void>, signal?: AbortSignal): Promise<Ticket | false> {
  const { gate, clock, sleep, lease } = deps;
  let waitedMs = 0;
  let unused = 0;
  for (;;) {
    if (signal?.aborted) return false;
    // The lease was lost while this send waited (it expired, another instance has it): wait for it again.
    if (lease?.holds && !lease.holds(gate.platform, target.workspaceId)) {
      if (!(await lease.hold(gate.platform, target.workspaceId, deadline, signal))) return false;
      continue;
    }
    let now = clock.now().getTime();
    const conv = gate.conversation(target);
    const convAt = Math.max(now, conv.pausedUntil, ...conv.gates.map((g) => g.earliest(now)));
    if (convAt > deadline) return false;
    if (convAt > now) {
      await Promise.race([sleep(convAt - now), stop]);
      continue;
    }
    const pacers = gate.pacers(target);
    let at = now;
    for (const p of pacers) at = Math.max(at, p.peek(now));
    if (at > deadline) return false;
    // The bucket that binds decides whether the rate went unused (unlimited ones never bind).
    const limited = pacers.filter((p) => p.interval > 0);
    unused = limited.length ? Math.min(...limited.map((p) => p.unused(now))) : at > now ? 0 : 1;
    // Booked before sleeping: every waiter has its own instant, so they wake one by one at the rate.
    for (const p of pacers) p.book(at);
    // Counted as planned, not as slept: a busy event loop wakes senders late, which is no queue.
    waitedMs += at - now;
    if (at > now) {
      await Promise.race([sleep(at - now), stop]);
      if (signal?.aborted) return false;
      now = clock.now().getTime();
    }
    // Woken late (a busy event loop): the sends of the last window decide, not the booked instant.
    const turn = await windowTurn(deps.windowLine, target.workspaceId, pacers, { now, deadline, clock, sleep, stop, signal });
    if (!turn) return false;
    now = turn.now;
    waitedMs += turn.waitedMs;
    // A 429 while we slept paused a bucket: book again after the pause (spread at the rate, no herd).
    if (conv.pausedUntil > now || pacers.some((p) => p.pausedUntil > now)) {
      turn.leave();
      continue;
    }
    if (gate.full()) {
      // Waiting for a place in flight is a line of its own: the next sender may look at the window.
      turn.leave();
      await gate.placeFreed(false, stop);
      waitedMs += clock.now().getTime() - now;
      continue;
    }
    const ticket = gate.admit(conv, pacers, now, waitedMs, unused);
    // Counted: the next sender in the window line looks at a window that includes this send.
    turn.leave();
    return ticket;
  }
}
