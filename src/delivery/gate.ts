import type { Clock } from '../clock.js';
import type { ConversationRef, PlatformName } from '../model/message.js';
import { whenAborted } from './abort.js';
import type { Arrival } from './arrivals.js';
import { book, type BookingDeps } from './book.js';
import { InFlight } from './flight.js';
import { Lanes, type ConversationState } from './lanes.js';
import type { WorkspaceLease } from './lease.js';
import { perSecond, type CallTarget, type PlatformLimits, type Rate } from './limits.js';
import { PACE_FRACTION, Pacer } from './pacer.js';
import type { RoomBounds } from './room-limit.js';
import { WindowLine } from './window-line.js';

export type { ConversationState } from './lanes.js';

/** A send let through by `PlatformGate.acquire`; hand it back to `release` once it has been made. */
export interface Ticket {
  readonly pacers: Pacer[];
  /** Where each pacer counted the send. */
  readonly arrivals: Array<Arrival | undefined>;
  /** How long it waited for the rate as planned (its booked instant, the last window) and for a place in flight; not for its conversation, nor a late wake-up (ms). */
  readonly waitedMs: number;
  /** How many sends' time the rate had gone unused just before this one was booked (see `Pacer.unused`). */
  readonly unused: number;
  /** When it got its turn (ms). */
  readonly at: number;
}

/**
 * A workspace's limit shared by several instances on one database: the instance holding the
 * workspace's lease paces its fan-out within the paced count, and every instance's replies take
 * places in the margin left above it from the database (`WorkspaceLease.takeReplyPlace`), so together
 * they stay under the one limit.
 */
export interface ReplyPlaces {
  /** This instance holds the lease: it may also go within its own paced count (ahead of its fan-out). */
  holder: boolean;
  /**
   * Resolves once this call is first in this instance's line for the workspace's places, with the
   * function that lets the next one in (undefined when `stop` settles first): only the head asks the
   * database, so replies waiting together cost a statement per place, not one each per place.
   */
  turn(stop: Promise<void>): Promise<(() => void) | undefined>;
  /** 0 when a place was taken, else ms until the next one is free. */
  take(): Promise<number>;
}

/**
 * One platform's limits as the queue enforces them: each send waits for its conversation's limits
 * (exact sliding windows, see `Lanes`), then books an instant from its workspace's and the app's token
 * buckets, paced just under the platform's rate (see `book`); as many requests fly as the round trip
 * needs to fill the rate (see `InFlight`). A 429 pauses only the buckets it concerns.
 */
export class PlatformGate {
  /** App-wide buckets. */
  private readonly global: Pacer[];
  /** Per workspace: its buckets (a pause-only bucket when no workspace rate is set). */
  private readonly workspaces = new Map<string, Pacer[]>();
  private readonly lanes: Lanes;
  private readonly flight: InFlight;
  private readonly booking: BookingDeps;
  /** Per workspace, this instance's calls waiting for a shared reply place (see `replyPlaces`). */
  private readonly placeLine = new WindowLine();
  private sends = 0;
  /** Whether sends wait for a workspace lease: with a lease set, where workspaces have a rate. */
  readonly leased: boolean;

  constructor(
    readonly platform: PlatformName,
    readonly limits: PlatformLimits,
    private readonly clock: Clock,
    sleep: (ms: number) => Promise<void>,
    private readonly lease: WorkspaceLease | undefined,
  ) {
    this.global = (limits.global ?? []).map((r) => new Pacer(r));
    this.lanes = new Lanes(limits);
    this.flight = new InFlight(PlatformGate.inFlightCap(limits));
    this.leased = lease !== undefined && (limits.perWorkspace ?? []).some((r) => Number.isFinite(r.count));
    this.booking = { gate: this, clock, sleep, lease: this.leased ? lease : undefined, windowLine: new WindowLine() };
  }

  /**
   * Requests open at once on a platform. The rate decides throughput; this only stops a platform that
   * has stopped answering from collecting requests: a second's worth at the rate (at least 20), unless
   * `maxInFlight` says otherwise.
   */
  private static inFlightCap(limits: PlatformLimits): number {
    if (limits.maxInFlight !== undefined) return limits.maxInFlight;
    return Math.max(20, Math.ceil(perSecond(limits.global) || perSecond(limits.perWorkspace)));
  }

  /**
   * Sends under way (or promised room) a workspace may have: two seconds' worth at its rate (at least
   * 40), just enough queued to fill the rate.
   */
  backlogLimit(): number {
    return Math.max(40, Math.ceil(this.workspaceRate() * 2));
  }

  /**
   * Where a workspace's room starts and moves (see `RoomLimit`): from 20 sends up to the backlog limit,
   * starting at a tenth of a second's worth at the rate; sends may queue for the rate for two sends'
   * time (at least 50 ms: claims land in batches, and a busy event loop wakes senders late).
   */
  roomBounds(): RoomBounds {
    const rate = this.workspaceRate();
    return {
      floor: 20,
      ceiling: this.backlogLimit(),
      start: Math.ceil(rate / 10),
      queueMs: rate > 0 ? Math.max(50, 2000 / rate) : 50,
      sendMs: rate > 0 ? 1000 / rate : 1,
    };
  }

  private workspaceRate(): number {
    return perSecond(this.limits.perWorkspace) || perSecond(this.limits.global);
  }

  /**
   * Waits for this send's turn and a conforming instant, and books it (counting it in flight until
   * `release`). Returns false when that would be after `deadline` or when `signal` aborts.
   */
  async acquire(target: ConversationRef, deadline: number, signal?: AbortSignal): Promise<Ticket | false> {
    const next = await this.lanes.line(target);
    const stop = whenAborted(signal);
    try {
      return await book(this.booking, target, deadline, stop.promise, signal);
    } finally {
      stop.dispose();
      next();
    }
  }

  /**
   * A send let through by `acquire` has ended: the next waiter for a place in flight may go. With
   * `answered`, the platform answered it just now (a post, an error or a 429), which tells the pacers
   * when it most likely reached the platform.
   */
  release(ticket: Ticket, answered: boolean): void {
    if (answered) {
      const now = this.clock.now().getTime();
      ticket.pacers.forEach((p, i) => p.answered(ticket.arrivals[i], now));
    }
    this.flight.done();
  }

  /**
   * Pauses what a 429 concerns: the conversation, and its workspace's or the app's buckets; for a method
   * with its own rates, only that method in the workspace.
   */
  throttle(target: CallTarget, until: number): void {
    const conv = this.conversation(target);
    conv.pausedUntil = Math.max(conv.pausedUntil, until);
    if (this.lanes.methodRates(target)) return;
    const pacers = this.limits.throttleScope === 'workspace' ? this.workspace(target.workspaceId) : this.global.length ? this.global : this.workspace(target.workspaceId);
    for (const p of pacers) p.pause(until);
  }

  /** @internal The windows a call waits for (its conversation's, or its method's). */
  conversation(target: CallTarget): ConversationState {
    return this.lanes.conversation(target);
  }

  /** @internal The buckets a call takes a token from: the app's, and its workspace's unless its method has its own rates. */
  pacers(target: CallTarget): Pacer[] {
    return this.lanes.methodRates(target) ? this.global : [...this.global, ...this.workspace(target.workspaceId)];
  }

  /**
   * @internal With several instances on one database, the places a call that goes first takes in the
   * workspace's limit for all of them together (see `ReplyPlaces`); undefined when the call does not
   * count against the workspace's bucket, or there is one instance.
   */
  replyPlaces(target: CallTarget): ReplyPlaces | undefined {
    const lease = this.lease;
    if (!this.leased || !lease?.takeReplyPlace || this.lanes.methodRates(target)) return undefined;
    const rates = this.limits.perWorkspace ?? [];
    const at = rates.findIndex((r) => Number.isFinite(r.count));
    const pacer = this.workspace(target.workspaceId)[at];
    if (!pacer || pacer.margin === 0) return undefined;
    const spacing = { leasedMs: (rates[at] as Rate).perMs / pacer.margin, freeMs: pacer.interval };
    const { platform } = this;
    return {
      holder: lease.holds?.(platform, target.workspaceId) ?? false,
      turn: (stop) => this.placeLine.enter(target.workspaceId, stop),
      take: () => (lease.takeReplyPlace as NonNullable<WorkspaceLease['takeReplyPlace']>)(platform, target.workspaceId, spacing),
    };
  }

  /** Requests let through and not yet released. */
  open(): number {
    return this.flight.open();
  }

  /** @internal Whether a send now would exceed the cap on requests in flight. */
  full(): boolean {
    return this.flight.full();
  }

  /** @internal Resolves when a place in flight may be free (`first`: ahead of the other waiters), or on `stop`. */
  placeFreed(first: boolean, stop: Promise<void>): Promise<void> {
    return this.flight.placeFreed(first, stop);
  }

  /** @internal Lets a send through at `now`: counts it in its windows and buckets and in flight. */
  admit(conv: ConversationState, pacers: Pacer[], now: number, waitedMs: number, unused: number): Ticket {
    for (const g of conv.gates) g.commit(now);
    const arrivals = pacers.map((p) => p.sent(now));
    this.flight.add();
    this.prune(now);
    return { pacers, arrivals, waitedMs, unused, at: now };
  }

  private workspace(workspaceId: string): Pacer[] {
    let pacers = this.workspaces.get(workspaceId);
    if (!pacers) {
      const rates = this.limits.perWorkspace ?? [];
      // With no workspace rate, a pause-only bucket still lets a 429 hold just this workspace. With
      // several instances, the window keeps at least one place above the paced count for the replies
      // they all make (see `replyPlaces`).
      pacers = rates.length ? rates.map((r) => new Pacer(r, PACE_FRACTION, this.leased ? 1 : 0)) : [new Pacer({ count: Number.POSITIVE_INFINITY, perMs: 1000 })];
      this.workspaces.set(workspaceId, pacers);
    }
    return pacers;
  }

  /** Forgets conversations and workspaces whose limits no longer constrain anything, so the maps stay small. */
  private prune(now: number): void {
    if (++this.sends % 1000 !== 0) return;
    this.lanes.prune(now);
    for (const [k, pacers] of this.workspaces) if (pacers.every((p) => p.idle(now))) this.workspaces.delete(k);
  }
}
