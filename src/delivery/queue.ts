import type { Clock } from '../clock.js';
import { PlatformError, describeError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { ConversationRef, PlatformName } from '../model/message.js';
import type { Outbound, PostedRef } from '../model/outbound.js';
import type { Reply } from '../model/reply.js';
import { DEFAULT_LIMITS, RateGate, type PlatformLimits, type Rate } from './limits.js';
import { Pacer } from './pacer.js';

/** What became of one proactive send. */
export type DeliveryOutcome =
  | { status: 'sent'; posted: PostedRef; attempts: number; at: Date }
  | {
      status: 'failed';
      /** Why, in words fit for a log line and the slot's stored reason. */
      reason: string;
      /** The platform's error code, or `deadline` / `error`, or `stopped` (cancelled before it was sent). */
      code: string;
      attempts: number;
    };

export interface SendOptions {
  /** Identifies the send in logs (e.g. `subscriptionId:slotISO`). */
  key?: string;
  /** Give up (and report why) rather than send after this instant. */
  deadline?: Date;
  /**
   * Cancels the send if it has not gone out yet (shutdown): it then fails with code `stopped` at once,
   * and the caller knows nothing was posted. A post already on the wire is finished.
   */
  signal?: AbortSignal;
}

/** A promise that resolves when `signal` aborts (never without one); `dispose` removes its listener. */
function whenAborted(signal: AbortSignal | undefined): { promise: Promise<void>; dispose: () => void } {
  if (!signal) return { promise: new Promise(() => undefined), dispose: () => undefined };
  let onAbort = () => undefined as void;
  const promise = new Promise<void>((resolve) => {
    onAbort = () => resolve();
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  return { promise, dispose: () => signal.removeEventListener('abort', onAbort) };
}

export interface DeliveryQueueOptions {
  clock: Clock;
  logger: Logger;
  /** Waits `ms` on the queue's clock. Tests pass fake time; the default is a real timer. */
  sleep?: (ms: number) => Promise<void>;
  /** 0 ≤ x < 1, for backoff jitter. */
  random?: () => number;
  /** Overrides per platform (merged over `DEFAULT_LIMITS`). */
  limits?: Partial<Record<PlatformName, PlatformLimits>>;
  /** Deadline when a send gives none. */
  defaultDeadlineMs?: number;
  /** First retry delay; doubles per attempt up to `maxBackoffMs`. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** Hard cap on attempts per send, whatever the deadline. */
  maxAttempts?: number;
  /** With several instances on one database: who paces each workspace (see `WorkspaceLease`). */
  lease?: WorkspaceLease;
}

/** Counters for benchmarks and logs. */
export interface DeliveryStats {
  sent: number;
  failed: number;
  retries: number;
  throttled: number;
}

interface PlatformState {
  platform: PlatformName;
  limits: PlatformLimits;
  /** App-wide buckets. */
  global: Pacer[];
  /** Per workspace: its buckets (a pause-only bucket when no workspace rate is set). */
  workspaces: Map<string, Pacer[]>;
  conversations: Map<string, ConversationState>;
  inFlight: number;
  waiting: Array<() => void>;
  /** Per conversation, the tail of the line of senders waiting for their turn. */
  lines: Map<string, Promise<void>>;
  sends: number;
  /** The in-flight cap, worked out once. */
  cap?: number;
}

interface ConversationState {
  gates: RateGate[];
  /** A 429's Retry-After for this conversation. */
  pausedUntil: number;
}

/**
 * Waits for a lease before sending for a workspace (several instances pacing one workspace's limit):
 * only the holder claims and sends for it. Used for platforms with a per-workspace rate (Slack).
 */
export interface WorkspaceLease {
  /** Resolves once this instance may send for the workspace; false when not before `deadline` (or aborted). */
  hold(platform: PlatformName, workspaceId: string, deadline: number, signal?: AbortSignal): Promise<boolean>;
  /** This instance has nothing more to send there for now. */
  release(platform: PlatformName, workspaceId: string): void;
  /** True while this instance holds it: a send already queued checks again just before it goes out. */
  holds?(platform: PlatformName, workspaceId: string): boolean;
}

/**
 * The way every proactive message leaves the bot. Each send waits for its conversation's limits
 * (exact sliding windows), then books an instant from its workspace's and the app's token buckets,
 * paced just under the platform's rate; as many requests fly as the round trip needs to fill the rate.
 * A 429 pauses only the buckets it concerns, for as long as Retry-After says; transient failures get
 * jittered exponential backoff, permanent ones fail fast, and a send gives up at its deadline and says
 * why.
 */
export class DeliveryQueue {
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly limits: Partial<Record<PlatformName, PlatformLimits>>;
  private readonly defaultDeadlineMs: number;
  private readonly baseBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly maxAttempts: number;
  private readonly lease: WorkspaceLease | undefined;
  private readonly platforms = new Map<PlatformName, PlatformState>();
  /** Sends under way per platform and workspace, so the lease is released when none is left. */
  private readonly pending = new Map<string, number>();
  /** Room promised by `room` to senders about to send (per platform and workspace). */
  private readonly reserved = new Map<string, number>();
  private readonly roomWaiters = new Map<string, Array<() => void>>();
  readonly stats: DeliveryStats = { sent: 0, failed: 0, retries: 0, throttled: 0 };

  constructor(options: DeliveryQueueOptions) {
    this.clock = options.clock;
    this.logger = options.logger;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    this.limits = options.limits ?? {};
    this.defaultDeadlineMs = options.defaultDeadlineMs ?? 10 * 60_000;
    this.baseBackoffMs = options.baseBackoffMs ?? 1000;
    this.maxBackoffMs = options.maxBackoffMs ?? 60_000;
    this.maxAttempts = options.maxAttempts ?? 10;
    this.lease = options.lease;
  }

  private state(platform: PlatformName): PlatformState {
    let s = this.platforms.get(platform);
    if (!s) {
      const limits = { ...DEFAULT_LIMITS[platform], ...this.limits[platform] };
      s = {
        platform,
        limits,
        global: (limits.global ?? []).map((r) => new Pacer(r)),
        workspaces: new Map(),
        conversations: new Map(),
        inFlight: 0,
        waiting: [],
        lines: new Map(),
        sends: 0,
      };
      this.platforms.set(platform, s);
    }
    return s;
  }

  private static key(target: ConversationRef): string {
    return `${target.workspaceId}\u0000${target.conversationId}`;
  }

  /**
   * Queues behind earlier senders to the same conversation, so only the first of them polls the rate
   * gates (a thousand messages for one thread would otherwise all wake at every turn). Resolves with
   * the function that lets the next one in.
   */
  private async line(s: PlatformState, target: ConversationRef): Promise<() => void> {
    const key = DeliveryQueue.key(target);
    const before = s.lines.get(key);
    let done!: () => void;
    const mine = new Promise<void>((resolve) => (done = resolve));
    const tail = before ? before.then(() => mine) : mine;
    s.lines.set(key, tail);
    if (before) await before;
    return () => {
      done();
      if (s.lines.get(key) === tail) s.lines.delete(key);
    };
  }

  private conversation(s: PlatformState, target: ConversationRef): ConversationState {
    const key = DeliveryQueue.key(target);
    let conv = s.conversations.get(key);
    if (!conv) {
      conv = { gates: (s.limits.perConversation ?? []).map((r) => new RateGate(r)), pausedUntil: 0 };
      s.conversations.set(key, conv);
    }
    return conv;
  }

  private workspace(s: PlatformState, workspaceId: string): Pacer[] {
    let pacers = s.workspaces.get(workspaceId);
    if (!pacers) {
      const rates = s.limits.perWorkspace ?? [];
      // With no workspace rate, a pause-only bucket still lets a 429 hold just this workspace.
      pacers = rates.length ? rates.map((r) => new Pacer(r)) : [new Pacer({ count: Number.POSITIVE_INFINITY, perMs: 1000 })];
      s.workspaces.set(workspaceId, pacers);
    }
    return pacers;
  }

  /** Forgets conversations and workspaces whose limits no longer constrain anything, so the maps stay small. */
  private prune(s: PlatformState, now: number): void {
    if (++s.sends % 1000 !== 0) return;
    for (const [key, conv] of s.conversations) {
      if (conv.pausedUntil <= now && conv.gates.every((g) => g.idle(now)) && !s.lines.has(key)) s.conversations.delete(key);
    }
    for (const [key, pacers] of s.workspaces) if (pacers.every((p) => p.idle(now))) s.workspaces.delete(key);
  }

  /**
   * Waits until a send to `target` is allowed and books it. Returns false when that would be after
   * `deadline`.
   */
  private async acquire(s: PlatformState, target: ConversationRef, deadline: number, signal?: AbortSignal): Promise<boolean> {
    const stop = whenAborted(signal);
    try {
      return await this.book(s, target, deadline, stop.promise, signal);
    } finally {
      stop.dispose();
    }
  }

  private async book(s: PlatformState, target: ConversationRef, deadline: number, stop: Promise<void>, signal?: AbortSignal): Promise<boolean> {
    const max = this.inFlightCap(s);
    for (;;) {
      if (signal?.aborted) return false;
      // The lease was lost while this send waited (it expired, another instance has it): wait for it again.
      if (this.leased(s.platform) && this.lease?.holds && !this.lease.holds(s.platform, target.workspaceId)) {
        if (!(await this.lease.hold(s.platform, target.workspaceId, deadline, signal))) return false;
        continue;
      }
      let now = this.clock.now().getTime();
      const conv = this.conversation(s, target);
      const convAt = Math.max(now, conv.pausedUntil, ...conv.gates.map((g) => g.earliest(now)));
      if (convAt > deadline) return false;
      if (convAt > now) {
        await Promise.race([this.sleep(convAt - now), stop]);
        continue;
      }
      const pacers = [...s.global, ...this.workspace(s, target.workspaceId)];
      let at = now;
      for (const p of pacers) at = Math.max(at, p.peek(now));
      if (at > deadline) return false;
      // Booked before sleeping: every waiter has its own instant, so they wake one by one at the rate.
      for (const p of pacers) p.book(at);
      if (at > now) {
        await Promise.race([this.sleep(at - now), stop]);
        if (signal?.aborted) return false;
        now = this.clock.now().getTime();
      }
      // Woken late (a busy event loop): the sends of the last window decide, not the booked instant.
      for (let due = Math.max(now, ...pacers.map((p) => p.due(now))); due > now; due = Math.max(now, ...pacers.map((p) => p.due(now)))) {
        if (due > deadline) return false;
        await Promise.race([this.sleep(due - now), stop]);
        if (signal?.aborted) return false;
        now = this.clock.now().getTime();
      }
      // A 429 while we slept paused a bucket: book again after the pause (spread at the rate, no herd).
      if (conv.pausedUntil > now || pacers.some((p) => p.pausedUntil > now)) continue;
      if (s.inFlight >= max) {
        let wake!: () => void;
        await Promise.race([new Promise<void>((resolve) => s.waiting.push((wake = resolve))), stop]);
        // Cancelled while waiting: leave the line, so a later wake-up is not spent on nobody.
        const mine = s.waiting.indexOf(wake);
        if (mine >= 0) s.waiting.splice(mine, 1);
        continue;
      }
      for (const g of conv.gates) g.commit(now);
      for (const p of pacers) p.sent(now);
      s.inFlight += 1;
      this.prune(s, now);
      return true;
    }
  }

  /** Pauses what a 429 concerns: the conversation, and its workspace's or the app's buckets. */
  private throttle(s: PlatformState, target: ConversationRef, until: number): void {
    const conv = this.conversation(s, target);
    conv.pausedUntil = Math.max(conv.pausedUntil, until);
    const pacers = s.limits.throttleScope === 'workspace' ? this.workspace(s, target.workspaceId) : s.global.length ? s.global : this.workspace(s, target.workspaceId);
    for (const p of pacers) p.pause(until);
  }

  private release(s: PlatformState): void {
    s.inFlight -= 1;
    if (s.inFlight < this.inFlightCap(s)) s.waiting.shift()?.();
  }

  /** Sends a second's worth of the platform's rate: more at once only when round trips stall. */
  private static perSecond(rates: Rate[] | undefined): number {
    let most = 0;
    for (const r of rates ?? []) if (Number.isFinite(r.count)) most = Math.max(most, (r.count * 1000) / r.perMs);
    return most;
  }

  /**
   * Requests open at once on a platform. The rate decides throughput; this only stops a platform that
   * has stopped answering from collecting requests: a second's worth at the rate (at least 20), unless
   * `maxInFlight` says otherwise.
   */
  private inFlightCap(s: PlatformState): number {
    if (s.limits.maxInFlight !== undefined) return s.limits.maxInFlight;
    return (s.cap ??= Math.max(20, Math.ceil(DeliveryQueue.perSecond(s.limits.global) || DeliveryQueue.perSecond(s.limits.perWorkspace))));
  }

  /**
   * Resolves when a workspace has room for more sends: fewer under way than two seconds' worth at its
   * rate (at least 40). The scheduler waits for it before claiming a slot, so it claims only what can
   * go out soon (after a crash, few claims wait for their lease) and keeps just enough sends queued to
   * fill the rate.
   */
  async room(platform: PlatformName, workspaceId: string, signal?: AbortSignal): Promise<void> {
    const key = `${platform}\u0000${workspaceId}`;
    // With several instances, only the one holding the workspace's lease claims for it; the others wait
    // here (their claims are left to the holder, or made once they hold it in turn).
    if (this.leased(platform) && !(await this.lease?.hold(platform, workspaceId, Number.POSITIVE_INFINITY, signal))) return;
    const limit = this.backlogLimit(platform);
    if ((this.pending.get(key) ?? 0) + (this.reserved.get(key) ?? 0) < limit) {
      this.reserved.set(key, (this.reserved.get(key) ?? 0) + 1);
      return;
    }
    const stop = whenAborted(signal);
    try {
      await Promise.race([
        new Promise<void>((resolve) => {
          const list = this.roomWaiters.get(key) ?? [];
          list.push(resolve);
          this.roomWaiters.set(key, list);
        }),
        stop.promise,
      ]);
    } finally {
      stop.dispose();
    }
  }

  /** Gives back room taken by `room` that no send used (the slot was lost or skipped). */
  unreserve(platform: PlatformName, workspaceId: string): void {
    const key = `${platform}\u0000${workspaceId}`;
    this.useReservation(key);
    this.wakeRoom(key);
    if (!this.pending.has(key) && !this.reserved.has(key) && this.leased(platform)) this.lease?.release(platform, workspaceId);
  }

  /** Whether sends on `platform` wait for a workspace lease: with a lease set, where workspaces have a rate. */
  private leased(platform: PlatformName): boolean {
    if (!this.lease) return false;
    return (this.state(platform).limits.perWorkspace ?? []).some((r) => Number.isFinite(r.count));
  }

  private backlogLimit(platform: PlatformName): number {
    const s = this.state(platform);
    const rate = DeliveryQueue.perSecond(s.limits.perWorkspace) || DeliveryQueue.perSecond(s.limits.global);
    return Math.max(40, Math.ceil(rate * 2));
  }

  private useReservation(key: string): void {
    const held = this.reserved.get(key) ?? 0;
    if (held <= 1) this.reserved.delete(key);
    else this.reserved.set(key, held - 1);
  }

  private wakeRoom(key: string): void {
    const list = this.roomWaiters.get(key);
    if (!list?.length) return;
    const [platform] = key.split('\u0000') as [PlatformName];
    const limit = this.backlogLimit(platform);
    while (list.length && (this.pending.get(key) ?? 0) + (this.reserved.get(key) ?? 0) < limit) {
      this.reserved.set(key, (this.reserved.get(key) ?? 0) + 1);
      list.shift()?.();
    }
    if (!list.length) this.roomWaiters.delete(key);
  }

  /** Counts a send under way for a workspace; the lease is let go when the last one ends. */
  private async enter(platform: PlatformName, workspaceId: string, deadline: number, signal?: AbortSignal): Promise<boolean> {
    const key = `${platform}\u0000${workspaceId}`;
    // A send that took room from `room` turns its reservation into a pending send.
    if (this.reserved.has(key)) this.useReservation(key);
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    if (!this.lease || !this.leased(platform)) return true;
    const held = await this.lease.hold(platform, workspaceId, deadline, signal);
    if (!held) this.leave(platform, workspaceId);
    return held;
  }

  private leave(platform: PlatformName, workspaceId: string): void {
    const key = `${platform}\u0000${workspaceId}`;
    const left = (this.pending.get(key) ?? 1) - 1;
    if (left > 0) this.pending.set(key, left);
    else this.pending.delete(key);
    this.wakeRoom(key);
    if (left <= 0 && !this.reserved.has(key) && this.leased(platform)) this.lease?.release(platform, workspaceId);
  }

  /** Sends `reply` to `target` through `outbound`, within the limits. Never throws. */
  async send(outbound: Outbound, target: ConversationRef, reply: Reply, options: SendOptions = {}): Promise<DeliveryOutcome> {
    const deadline = options.deadline?.getTime() ?? this.clock.now().getTime() + this.defaultDeadlineMs;
    if (options.signal?.aborted) return { status: 'failed', reason: 'not sent: the bot is stopping (after 0 attempt(s))', code: 'stopped', attempts: 0 };
    if (!(await this.enter(outbound.platform, target.workspaceId, deadline, options.signal))) {
      // Stopping while waiting for the lease: nothing was sent, and the caller gives the claim back.
      if (options.signal?.aborted) return { status: 'failed', reason: 'not sent: the bot is stopping (after 0 attempt(s))', code: 'stopped', attempts: 0 };
      this.stats.failed += 1;
      const reason = `gave up at the deadline ${new Date(deadline).toISOString()} waiting for another instance to finish sending to this workspace`;
      this.logger.warn('delivery failed', { platform: outbound.platform, conversation: target.conversationId, reason, code: 'deadline' });
      return { status: 'failed', reason, code: 'deadline', attempts: 0 };
    }
    try {
      return await this.attempt(outbound, target, reply, options, deadline);
    } finally {
      this.leave(outbound.platform, target.workspaceId);
    }
  }

  private async attempt(outbound: Outbound, target: ConversationRef, reply: Reply, options: SendOptions, deadline: number): Promise<DeliveryOutcome> {
    const s = this.state(outbound.platform);
    const log = this.logger.child({ platform: outbound.platform, conversation: target.conversationId, ...(options.key ? { key: options.key } : {}) });
    let attempts = 0;
    let last = '';
    const fail = (reason: string, code: string): DeliveryOutcome => {
      this.stats.failed += 1;
      log.warn('delivery failed', { reason, code, attempts });
      return { status: 'failed', reason, code, attempts };
    };
    for (;;) {
      const next = await this.line(s, target);
      let allowed: boolean;
      try {
        allowed = await this.acquire(s, target, deadline, options.signal);
      } finally {
        next();
      }
      if (options.signal?.aborted) {
        if (allowed) this.release(s);
        return { status: 'failed', reason: `not sent: the bot is stopping (after ${attempts} attempt(s))`, code: 'stopped', attempts };
      }
      if (!allowed) {
        return fail(`gave up at the deadline ${new Date(deadline).toISOString()} after ${attempts} attempt(s)${last ? `; last error: ${last}` : ' waiting for the rate limit'}`, 'deadline');
      }
      attempts += 1;
      let error: unknown;
      try {
        const posted = await outbound.post(target, reply);
        this.stats.sent += 1;
        return { status: 'sent', posted, attempts, at: this.clock.now() };
      } catch (e) {
        error = e;
      } finally {
        this.release(s);
      }
      last = describeError(error);
      if (!(error instanceof PlatformError)) return fail(last, 'error');
      const now = this.clock.now().getTime();
      if (error.retryAfterMs !== undefined) {
        this.stats.throttled += 1;
        this.throttle(s, target, now + error.retryAfterMs);
        log.info('platform asked us to slow down', { retryAfterMs: error.retryAfterMs });
      } else if (!error.retryable) {
        return fail(last, error.platformCode);
      }
      if (attempts >= this.maxAttempts) return fail(`gave up after ${attempts} attempts; last error: ${last}`, error.platformCode);
      this.stats.retries += 1;
      if (error.retryAfterMs === undefined) {
        const ceiling = Math.min(this.maxBackoffMs, this.baseBackoffMs * 2 ** (attempts - 1));
        // "Equal jitter": at least half the backoff, so retries spread out but never hammer.
        const wait = Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
        if (now + wait > deadline) return fail(`gave up at the deadline after ${attempts} attempt(s); last error: ${last}`, error.platformCode);
        const stop = whenAborted(options.signal);
        await Promise.race([this.sleep(wait), stop.promise]).finally(stop.dispose);
      }
    }
  }
}
