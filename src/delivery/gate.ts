import type { Clock } from '../clock.js';
import type { ConversationRef, PlatformName } from '../model/message.js';
import { whenAborted } from './abort.js';
import type { WorkspaceLease } from './lease.js';
import type { Arrival } from './arrivals.js';
import { RateGate, perSecond, type CallTarget, type PlatformLimits, type Rate } from './limits.js';
import { PACE_FRACTION, Pacer } from './pacer.js';
import type { RoomBounds } from './room-limit.js';
import { WindowLine, windowTurn } from './window-line.js';

/** @internal A conversation's windows (or a method's, see `PlatformLimits.methods`) and its pause. */
export interface ConversationState {
  gates: RateGate[];
  /** A 429's Retry-After for this conversation. */
  pausedUntil: number;
}

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

/** A method's own lane in a workspace is keyed apart from any conversation id. */
const METHOD = '\u0001';

/**
 * One platform's limits as the queue enforces them: each send waits for its conversation's limits
 * (exact sliding windows), then books an instant from its workspace's and the app's token buckets,
 * paced just under the platform's rate; as many requests fly as the round trip needs to fill the rate.
 * A 429 pauses only the buckets it concerns.
 */
export class PlatformGate {
  /** App-wide buckets. */
  private readonly global: Pacer[];
  /** Per workspace: its buckets (a pause-only bucket when no workspace rate is set). */
  private readonly workspaces = new Map<string, Pacer[]>();
  private readonly conversations = new Map<string, ConversationState>();
  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];
  /** Sends that go first (see `acquireFirst`) waiting for a place in flight: woken before `waiting`. */
  private readonly waitingFirst: Array<() => void> = [];
  /** Per conversation, the tail of the line of senders waiting for their turn. */
  private readonly lines = new Map<string, Promise<void>>();
  /** Per workspace, senders waiting for room in the last window of real sends. */
  private readonly windowLine = new WindowLine();
  /** Per workspace, this instance's calls waiting for a shared reply place (see `replyPlaces`). */
  private readonly placeLine = new WindowLine();
  private sends = 0;
  /** Requests open at once (see `inFlightCap`). */
  private readonly cap: number;
  /** Whether sends wait for a workspace lease: with a lease set, where workspaces have a rate. */
  readonly leased: boolean;

  constructor(
    readonly platform: PlatformName,
    readonly limits: PlatformLimits,
    private readonly clock: Clock,
    private readonly sleep: (ms: number) => Promise<void>,
    private readonly lease: WorkspaceLease | undefined,
  ) {
    this.global = (limits.global ?? []).map((r) => new Pacer(r));
    this.cap = PlatformGate.inFlightCap(limits);
    this.leased = lease !== undefined && (limits.perWorkspace ?? []).some((r) => Number.isFinite(r.count));
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
    const next = await this.line(target);
    const stop = whenAborted(signal);
    try {
      return await this.book(target, deadline, stop.promise, signal);
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
    this.inFlight -= 1;
    if (answered) {
      const now = this.clock.now().getTime();
      ticket.pacers.forEach((p, i) => p.answered(ticket.arrivals[i], now));
    }
    if (this.inFlight < this.cap) (this.waitingFirst.shift() ?? this.waiting.shift())?.();
  }

  /**
   * Pauses what a 429 concerns: the conversation, and its workspace's or the app's buckets; for a method
   * with its own rates, only that method in the workspace.
   */
  throttle(target: CallTarget, until: number): void {
    const conv = this.conversation(target);
    conv.pausedUntil = Math.max(conv.pausedUntil, until);
    if (this.methodRates(target)) return;
    const pacers = this.limits.throttleScope === 'workspace' ? this.workspace(target.workspaceId) : this.global.length ? this.global : this.workspace(target.workspaceId);
    for (const p of pacers) p.pause(until);
  }

  /**
   * Queues behind earlier senders to the same conversation, so only the first of them polls the rate
   * gates (a thousand messages for one thread would otherwise all wake at every turn). Resolves with
   * the function that lets the next one in.
   */
  private async line(target: ConversationRef): Promise<() => void> {
    const k = this.key(target);
    const before = this.lines.get(k);
    let done!: () => void;
    const mine = new Promise<void>((resolve) => (done = resolve));
    const tail = before ? before.then(() => mine) : mine;
    this.lines.set(k, tail);
    if (before) await before;
    return () => {
      done();
      if (this.lines.get(k) === tail) this.lines.delete(k);
    };
  }

  /** The rates of the method `target` calls, when the limits give it its own (see `PlatformLimits.methods`). */
  private methodRates(target: CallTarget) {
    return target.method === undefined ? undefined : this.limits.methods?.[target.method];
  }

  /** Where a call's windows are kept: its method's lane in the workspace, else its conversation (or, with none, its method). */
  private key(target: CallTarget): string {
    const lane = this.methodRates(target) || target.conversationId === undefined ? `${METHOD}${target.method ?? ''}` : target.conversationId;
    return `${target.workspaceId}\u0000${lane}`;
  }

  /** @internal The windows a call waits for (its conversation's, or its method's). */
  conversation(target: CallTarget): ConversationState {
    const k = this.key(target);
    let conv = this.conversations.get(k);
    if (!conv) {
      conv = { gates: (this.methodRates(target) ?? this.limits.perConversation ?? []).map((r) => new RateGate(r)), pausedUntil: 0 };
      this.conversations.set(k, conv);
    }
    return conv;
  }

  /** @internal The buckets a call takes a token from: the app's, and its workspace's unless its method has its own rates. */
  pacers(target: CallTarget): Pacer[] {
    return this.methodRates(target) ? this.global : [...this.global, ...this.workspace(target.workspaceId)];
  }

  /**
   * @internal With several instances on one database, the places a call that goes first takes in the
   * workspace's limit for all of them together (see `ReplyPlaces`); undefined when the call does not
   * count against the workspace's bucket, or there is one instance.
   */
  replyPlaces(target: CallTarget): ReplyPlaces | undefined {
    const lease = this.lease;
    if (!this.leased || !lease?.takeReplyPlace || this.methodRates(target)) return undefined;
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
    return this.inFlight;
  }

  /** @internal Whether a send now would exceed the cap on requests in flight. */
  full(): boolean {
    return this.inFlight >= this.cap;
  }

  /** @internal Resolves when a place in flight may be free (`first`: ahead of the other waiters), or on `stop`. */
  async placeFreed(first: boolean, stop: Promise<void>): Promise<void> {
    const list = first ? this.waitingFirst : this.waiting;
    let wake!: () => void;
    await Promise.race([new Promise<void>((resolve) => list.push((wake = resolve))), stop]);
    // Cancelled while waiting: leave the line, so a later wake-up is not spent on nobody.
    const mine = list.indexOf(wake);
    if (mine >= 0) list.splice(mine, 1);
  }

  /** @internal Lets a send through at `now`: counts it in its windows and buckets and in flight. */
  admit(conv: ConversationState, pacers: Pacer[], now: number, waitedMs: number, unused: number): Ticket {
    for (const g of conv.gates) g.commit(now);
    const arrivals = pacers.map((p) => p.sent(now));
    this.inFlight += 1;
    this.prune(now);
    return { pacers, arrivals, waitedMs, unused, at: now };
  }

  private workspace(workspaceId: string): Pacer[] {
    let pacers = this.workspaces.get(workspaceId);
    if (!pacers) {
      const rates = this.limits.perWorkspace ?? [];
      // With no workspace rate, a pause-only bucket still lets a 429 hold just this workspace.
      // With several instances, the window keeps at least one place beyond the paced count for the replies they all make (see `replyPlaces`).
      pacers = rates.length ? rates.map((r) => new Pacer(r, PACE_FRACTION, this.leased ? 1 : 0)) : [new Pacer({ count: Number.POSITIVE_INFINITY, perMs: 1000 })];
      this.workspaces.set(workspaceId, pacers);
    }
    return pacers;
  }

  /** Forgets conversations and workspaces whose limits no longer constrain anything, so the maps stay small. */
  private prune(now: number): void {
    if (++this.sends % 1000 !== 0) return;
    for (const [k, conv] of this.conversations) {
      if (conv.pausedUntil <= now && conv.gates.every((g) => g.idle(now)) && !this.lines.has(k)) this.conversations.delete(k);
    }
    for (const [k, pacers] of this.workspaces) if (pacers.every((p) => p.idle(now))) this.workspaces.delete(k);
  }

  private async book(target: ConversationRef, deadline: number, stop: Promise<void>, signal?: AbortSignal): Promise<Ticket | false> {
    let waitedMs = 0;
    let unused = 0;
    for (;;) {
      if (signal?.aborted) return false;
      // The lease was lost while this send waited (it expired, another instance has it): wait for it again.
      if (this.leased && this.lease?.holds && !this.lease.holds(this.platform, target.workspaceId)) {
        if (!(await this.lease.hold(this.platform, target.workspaceId, deadline, signal))) return false;
        continue;
      }
      let now = this.clock.now().getTime();
      const conv = this.conversation(target);
      const convAt = Math.max(now, conv.pausedUntil, ...conv.gates.map((g) => g.earliest(now)));
      if (convAt > deadline) return false;
      if (convAt > now) {
        await Promise.race([this.sleep(convAt - now), stop]);
        continue;
      }
      const pacers = this.pacers(target);
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
        await Promise.race([this.sleep(at - now), stop]);
        if (signal?.aborted) return false;
        now = this.clock.now().getTime();
      }
      // Woken late (a busy event loop): the sends of the last window decide, not the booked instant.
      const turn = await windowTurn(this.windowLine, target.workspaceId, pacers, { now, deadline, clock: this.clock, sleep: this.sleep, stop, signal });
      if (!turn) return false;
      now = turn.now;
      waitedMs += turn.waitedMs;
      // A 429 while we slept paused a bucket: book again after the pause (spread at the rate, no herd).
      if (conv.pausedUntil > now || pacers.some((p) => p.pausedUntil > now)) {
        turn.leave();
        continue;
      }
      if (this.full()) {
        // Waiting for a place in flight is a line of its own: the next sender may look at the window.
        turn.leave();
        await this.placeFreed(false, stop);
        waitedMs += this.clock.now().getTime() - now;
        continue;
      }
      const ticket = this.admit(conv, pacers, now, waitedMs, unused);
      // Counted: the next sender in the window line looks at a window that includes this send.
      turn.leave();
      return ticket;
    }
  }
}
