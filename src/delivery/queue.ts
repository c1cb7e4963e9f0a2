import type { Clock } from '../clock.js';
import { PlatformError, describeError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { ConversationRef, PlatformName } from '../model/message.js';
import type { Outbound, PostedRef } from '../model/outbound.js';
import type { Reply } from '../model/reply.js';
import { DEFAULT_LIMITS, RateGate, type PlatformLimits } from './limits.js';

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
}

/** Counters for benchmarks and logs. */
export interface DeliveryStats {
  sent: number;
  failed: number;
  retries: number;
  throttled: number;
}

interface PlatformState {
  limits: PlatformLimits;
  global: RateGate[];
  conversations: Map<string, RateGate[]>;
  /** Shared "throttled until" (ms) per throttle scope: a 429's Retry-After holds every send in it. */
  throttledUntil: Map<string, number>;
  inFlight: number;
  waiting: Array<() => void>;
  /** Per conversation, the tail of the line of senders waiting for their turn. */
  lines: Map<string, Promise<void>>;
  sends: number;
}

/**
 * The way every proactive message leaves the bot: per-conversation and global rate limits per
 * platform, one shared pause after a 429 for as long as Retry-After says, jittered exponential backoff
 * for transient failures, fast failure for permanent ones, and a deadline after which it gives up and
 * says why.
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
  private readonly platforms = new Map<PlatformName, PlatformState>();
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
  }

  private state(platform: PlatformName): PlatformState {
    let s = this.platforms.get(platform);
    if (!s) {
      const limits = { ...DEFAULT_LIMITS[platform], ...this.limits[platform] };
      s = {
        limits,
        global: (limits.global ?? []).map((r) => new RateGate(r)),
        conversations: new Map(),
        throttledUntil: new Map(),
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
    if (!s.limits.perConversation?.length) return () => undefined;
    const key = DeliveryQueue.key(target);
    const before = s.lines.get(key) ?? Promise.resolve();
    let done!: () => void;
    const mine = before.then(() => new Promise<void>((resolve) => (done = resolve)));
    s.lines.set(key, mine);
    await before;
    return () => {
      done();
      if (s.lines.get(key) === mine) s.lines.delete(key);
    };
  }

  private gates(s: PlatformState, target: ConversationRef): RateGate[] {
    if (!s.limits.perConversation?.length) return s.global;
    const key = DeliveryQueue.key(target);
    let conv = s.conversations.get(key);
    if (!conv) {
      conv = s.limits.perConversation.map((r) => new RateGate(r));
      s.conversations.set(key, conv);
    }
    return [...s.global, ...conv];
  }

  /** Forgets conversations whose limits no longer constrain anything, so the map stays small. */
  private prune(s: PlatformState, now: number): void {
    if (++s.sends % 1000 !== 0) return;
    for (const [key, gates] of s.conversations) if (gates.every((g) => g.idle(now))) s.conversations.delete(key);
  }

  /**
   * Waits until a send to `target` is allowed and books it. Returns false when that would be after
   * `deadline`.
   */
  private async acquire(s: PlatformState, target: ConversationRef, deadline: number, signal?: AbortSignal): Promise<boolean> {
    const max = s.limits.maxInFlight ?? Number.POSITIVE_INFINITY;
    const stop = whenAborted(signal);
    try {
      return await this.book(s, target, deadline, max, stop.promise, signal);
    } finally {
      stop.dispose();
    }
  }

  private async book(s: PlatformState, target: ConversationRef, deadline: number, max: number, stop: Promise<void>, signal?: AbortSignal): Promise<boolean> {
    for (;;) {
      if (signal?.aborted) {
        this.wakeNext(s);
        return false;
      }
      const now = this.clock.now().getTime();
      const gates = this.gates(s, target);
      const at = Math.max(now, s.throttledUntil.get(this.scope(s, target)) ?? 0, ...gates.map((g) => g.earliest(now)));
      if (at > deadline) {
        this.wakeNext(s);
        return false;
      }
      if (at > now) {
        // We may have been woken for a free in-flight place we cannot use yet: hand it on.
        this.wakeNext(s);
        // Look again after waking: other senders or a 429's Retry-After may have moved our turn.
        await Promise.race([this.sleep(at - now), stop]);
        continue;
      }
      if (s.inFlight >= max) {
        let wake!: () => void;
        await Promise.race([new Promise<void>((resolve) => s.waiting.push((wake = resolve))), stop]);
        // Cancelled while waiting: leave the line, so a later wake-up is not spent on nobody.
        const mine = s.waiting.indexOf(wake);
        if (mine >= 0) s.waiting.splice(mine, 1);
        continue;
      }
      for (const g of gates) g.commit(now);
      s.inFlight += 1;
      this.prune(s, now);
      return true;
    }
  }

  /** The key of the throttle a send to `target` shares with others. */
  private scope(s: PlatformState, target: ConversationRef): string {
    return s.limits.throttleScope === 'workspace' ? target.workspaceId : '';
  }

  /** Lets the longest-waiting sender look again when an in-flight place is free. */
  private wakeNext(s: PlatformState): void {
    if (s.inFlight < (s.limits.maxInFlight ?? Number.POSITIVE_INFINITY)) s.waiting.shift()?.();
  }

  private release(s: PlatformState): void {
    s.inFlight -= 1;
    this.wakeNext(s);
  }

  /** Sends `reply` to `target` through `outbound`, within the limits. Never throws. */
  async send(outbound: Outbound, target: ConversationRef, reply: Reply, options: SendOptions = {}): Promise<DeliveryOutcome> {
    const s = this.state(outbound.platform);
    const deadline = options.deadline?.getTime() ?? this.clock.now().getTime() + this.defaultDeadlineMs;
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
        const scope = this.scope(s, target);
        s.throttledUntil.set(scope, Math.max(s.throttledUntil.get(scope) ?? 0, now + error.retryAfterMs));
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
