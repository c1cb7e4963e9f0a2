import type { PlatformName } from '../model/message.js';
import { whenAborted } from './abort.js';
import type { PlatformGate } from './gate.js';
import type { WorkspaceLease } from './lease.js';
import { RoomLimit, type GateVisit } from './room-limit.js';

const key = (platform: PlatformName, workspaceId: string) => `${platform}\u0000${workspaceId}`;

/**
 * How much work each workspace has under way: sends in progress (`pending`) and room promised to
 * senders about to send (`reserved`). It keeps the backlog a workspace's rate can use (learnt per
 * workspace, see `RoomLimit`), and with several instances it holds the workspace's lease while there
 * is work and lets it go when there is none.
 */
export class WorkspaceRoom {
  /** Sends under way per platform and workspace, so the lease is released when none is left. */
  private readonly pending = new Map<string, number>();
  /** Room promised by `room` to senders about to send (per platform and workspace). */
  private readonly reserved = new Map<string, number>();
  private readonly roomWaiters = new Map<string, Array<() => void>>();
  /** Per workspace with work under way, the room learnt so far (forgotten when it has none). */
  private readonly limits = new Map<string, RoomLimit>();

  constructor(
    private readonly gate: (platform: PlatformName) => PlatformGate,
    private readonly lease: WorkspaceLease | undefined,
  ) {}

  /**
   * Resolves when a workspace has room for more sends: fewer under way than its `RoomLimit`, which
   * follows how long sends wait for the rate, within the gate's backlog limit (two seconds' worth at
   * its rate, at least 40). The scheduler waits for it before claiming a slot, so it claims only what
   * can go out soon (after a crash, few claims wait for their lease) and keeps just enough sends under
   * way to fill the rate.
   */
  async room(platform: PlatformName, workspaceId: string, signal?: AbortSignal): Promise<void> {
    const k = key(platform, workspaceId);
    // With several instances, only the one holding the workspace's lease claims for it; the others wait
    // here (their claims are left to the holder, or made once they hold it in turn).
    if (this.gate(platform).leased && !(await this.lease?.hold(platform, workspaceId, Number.POSITIVE_INFINITY, signal))) return;
    if (this.used(k) < this.limit(platform, k).value) {
      this.reserved.set(k, (this.reserved.get(k) ?? 0) + 1);
      return;
    }
    const stop = whenAborted(signal);
    try {
      await Promise.race([
        new Promise<void>((resolve) => {
          const list = this.roomWaiters.get(k) ?? [];
          list.push(resolve);
          this.roomWaiters.set(k, list);
        }),
        stop.promise,
      ]);
    } finally {
      stop.dispose();
    }
  }

  /** Gives back room taken by `room` that no send used (the slot was lost or skipped). */
  unreserve(platform: PlatformName, workspaceId: string): void {
    const k = key(platform, workspaceId);
    this.useReservation(k);
    this.wake(platform, k);
    if (!this.pending.has(k) && !this.reserved.has(k)) this.idle(platform, workspaceId, k);
  }

  /**
   * A send to the workspace got its turn (see `RoomLimit`): the workspace's room grows when the rate
   * went unused before it and shrinks when sends stand in a queue for the rate.
   */
  booked(platform: PlatformName, workspaceId: string, visit: GateVisit): void {
    const k = key(platform, workspaceId);
    if (this.limit(platform, k).observe(visit, this.used(k))) this.wake(platform, k);
  }

  /**
   * Counts a send under way for a workspace (turning room taken by `room` into a pending send) and
   * waits for the workspace's lease where there is one; false (nothing counted) when it does not come
   * before `deadline` or `signal` aborts.
   */
  async enter(platform: PlatformName, workspaceId: string, deadline: number, signal?: AbortSignal): Promise<boolean> {
    const k = key(platform, workspaceId);
    if (this.reserved.has(k)) this.useReservation(k);
    this.pending.set(k, (this.pending.get(k) ?? 0) + 1);
    if (!this.lease || !this.gate(platform).leased) return true;
    const held = await this.lease.hold(platform, workspaceId, deadline, signal);
    if (!held) this.leave(platform, workspaceId);
    return held;
  }

  /** A send counted by `enter` has ended; the lease is let go when the last one ends. */
  leave(platform: PlatformName, workspaceId: string): void {
    const k = key(platform, workspaceId);
    const left = (this.pending.get(k) ?? 1) - 1;
    if (left > 0) this.pending.set(k, left);
    else this.pending.delete(k);
    this.wake(platform, k);
    if (left <= 0 && !this.reserved.has(k)) this.idle(platform, workspaceId, k);
  }

  /** Nothing is under way for the workspace: its lease goes, and its room starts afresh next time. */
  private idle(platform: PlatformName, workspaceId: string, k: string): void {
    this.limits.delete(k);
    if (this.gate(platform).leased) this.lease?.release(platform, workspaceId);
  }

  private used(k: string): number {
    return (this.pending.get(k) ?? 0) + (this.reserved.get(k) ?? 0);
  }

  private limit(platform: PlatformName, k: string): RoomLimit {
    let limit = this.limits.get(k);
    if (!limit) this.limits.set(k, (limit = new RoomLimit(this.gate(platform).roomBounds())));
    return limit;
  }

  private useReservation(k: string): void {
    const held = this.reserved.get(k) ?? 0;
    if (held <= 1) this.reserved.delete(k);
    else this.reserved.set(k, held - 1);
  }

  private wake(platform: PlatformName, k: string): void {
    const list = this.roomWaiters.get(k);
    if (!list?.length) return;
    const limit = this.limit(platform, k);
    while (list.length && this.used(k) < limit.value) {
      this.reserved.set(k, (this.reserved.get(k) ?? 0) + 1);
      list.shift()?.();
    }
    if (!list.length) this.roomWaiters.delete(k);
  }
}
