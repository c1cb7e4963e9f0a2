import type { Clock } from '../clock.js';
import { PlatformError, describeError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { ConversationRef, PlatformName } from '../model/message.js';
import type { Outbound } from '../model/outbound.js';
import type { Reply } from '../model/reply.js';
import { whenAborted } from './abort.js';
import { callWithin, type CallDeps, type PlatformCall } from './call.js';
import { PlatformGate } from './gate.js';
import type { WorkspaceLease } from './lease.js';
import { LaterCalls, type TurnOutcome } from './later.js';
import { DEFAULT_LIMITS, type PlatformLimits } from './limits.js';
import type { CallStats, DeliveryOutcome, DeliveryStats, SendOptions } from './outcome.js';
import { WorkspaceRoom } from './room.js';

export type { DeliveryOutcome, DeliveryStats, SendOptions } from './outcome.js';
export type { WorkspaceLease } from './lease.js';

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
  /** How long a call outside the queue (see `pace`) may wait for the rate and its retries; 30 s by default. */
  callWithinMs?: number;
  /**
   * How long a reply may wait for the rate within an inbound turn before it is made after the turn
   * instead (see `inTurn`); 2 s by default, a small part of the 10-15 s a Bot Framework channel gives a turn.
   */
  turnWaitMs?: number;
}

/** Told to `Outbound.post` by the queue: the send already holds its place in the rate limits. */
const PACED = { paced: true } as const;

/**
 * The way every proactive message leaves the bot. Each send waits for its platform's limits (see
 * `PlatformGate`: conversation windows, then workspace and app token buckets paced just under the rate);
 * as many requests fly as the round trip needs to fill the rate. A 429 pauses only the buckets it
 * concerns, for as long as Retry-After says; transient failures get jittered exponential backoff,
 * permanent ones fail fast, and a send gives up at its deadline and says why.
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
  private readonly gates = new Map<PlatformName, PlatformGate>();
  private readonly workspaces: WorkspaceRoom;
  readonly stats: DeliveryStats = { sent: 0, failed: 0, retries: 0, throttled: 0 };
  readonly callStats: CallStats = { made: 0, failed: 0, throttled: 0 };
  private readonly callWithinMs: number;
  /** Replies handed on by `inTurn`, per platform. */
  private readonly later = new Map<PlatformName, LaterCalls>();
  private readonly turnWaitMs: number;

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
    this.callWithinMs = options.callWithinMs ?? 30_000;
    this.turnWaitMs = options.turnWaitMs ?? 2000;
    this.workspaces = new WorkspaceRoom((platform) => this.gate(platform), this.lease);
  }

  private gate(platform: PlatformName): PlatformGate {
    let gate = this.gates.get(platform);
    if (!gate) {
      gate = new PlatformGate(platform, { ...DEFAULT_LIMITS[platform], ...this.limits[platform] }, this.clock, this.sleep, this.lease);
      this.gates.set(platform, gate);
    }
    return gate;
  }

  /**
   * Resolves when a workspace has room for more sends (see `WorkspaceRoom.room`). The scheduler waits
   * for it before claiming a slot, so it claims only what can go out soon.
   */
  room(platform: PlatformName, workspaceId: string, signal?: AbortSignal): Promise<void> {
    return this.workspaces.room(platform, workspaceId, signal);
  }

  /** Requests on the wire now (sends and calls let through and not yet answered), on every platform. */
  inFlight(): number {
    let n = 0;
    for (const gate of this.gates.values()) n += gate.open();
    return n;
  }

  /** Gives back room taken by `room` that no send used (the slot was lost or skipped). */
  unreserve(platform: PlatformName, workspaceId: string): void {
    this.workspaces.unreserve(platform, workspaceId);
  }

  /**
   * Makes a platform call that is not a queued send (a reply to a person, an update, opening a 1:1 chat,
   * an App Home) within the same rate limits as the queue's sends, ahead of them: a person waiting beats
   * a weekly prompt. A 429 pauses only what it concerns (see `PlatformGate.throttle`) and the call is
   * made again after its Retry-After, within `callWithinMs`; other failures are thrown at once (see
   * `callWithin`). Adapters route every such call through here.
   */
  pace<T>(target: PlatformCall, what: string, call: () => Promise<T>): Promise<T> {
    return callWithin(this.callDeps(target.platform), target, what, call, this.clock.now().getTime() + this.callWithinMs);
  }

  /**
   * Makes a reply to an inbound turn (see `LaterCalls`): in the turn when the rate lets it through
   * within `turnWaitMs`, else, or when the platform answers 429, after the turn through `later` once
   * the pause is over (within `callWithinMs`), still ahead of scheduled sends and never twice. Resolves
   * when the turn may end; a failure other than a 429 is thrown at once, as with `pace`.
   */
  inTurn(target: PlatformCall, what: string, now: () => Promise<unknown>, later: () => Promise<unknown>): Promise<TurnOutcome> {
    let calls = this.later.get(target.platform);
    if (!calls) {
      calls = new LaterCalls(this.callDeps(target.platform), { turnWaitMs: this.turnWaitMs, withinMs: this.callWithinMs });
      this.later.set(target.platform, calls);
    }
    return calls.inTurn(target, what, now, later);
  }

  /** Replies `inTurn` handed on that are not yet made or given up, on every platform. */
  waitingReplies(): number {
    let n = 0;
    for (const calls of this.later.values()) n += calls.waiting();
    return n;
  }

  /** Resolves once every reply `inTurn` handed on is made or given up. */
  async repliesSettled(): Promise<void> {
    await Promise.all([...this.later.values()].map((calls) => calls.drained()));
  }

  /**
   * Shutdown: waits up to `withinMs` for the replies `inTurn` handed on, then gives up the ones not yet
   * made (each logged as failed with code `stopped`).
   */
  async settle(withinMs: number): Promise<void> {
    await Promise.all([...this.later.values()].map((calls) => calls.settle(withinMs)));
  }

  private callDeps(platform: PlatformName): CallDeps {
    return { gate: this.gate(platform), clock: this.clock, sleep: this.sleep, logger: this.logger, stats: this.callStats };
  }

  /** Sends `reply` to `target` through `outbound`, within the limits. Never throws. */
  async send(outbound: Outbound, target: ConversationRef, reply: Reply, options: SendOptions = {}): Promise<DeliveryOutcome> {
    const deadline = options.deadline?.getTime() ?? this.clock.now().getTime() + this.defaultDeadlineMs;
    if (options.signal?.aborted) return { status: 'failed', reason: 'not sent: the bot is stopping (after 0 attempt(s))', code: 'stopped', attempts: 0 };
    if (!(await this.workspaces.enter(outbound.platform, target.workspaceId, deadline, options.signal))) {
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
      this.workspaces.leave(outbound.platform, target.workspaceId);
    }
  }

  private async attempt(outbound: Outbound, target: ConversationRef, reply: Reply, options: SendOptions, deadline: number): Promise<DeliveryOutcome> {
    const gate = this.gate(outbound.platform);
    // Made only when there is a line to write: made up front, each send's child logger lived through its
    // wait for a turn and was promoted to old space (about 8 of 58 MB promoted in a 10k fan-out).
    let logger: Logger | undefined;
    const log = () => (logger ??= this.logger.child({ platform: outbound.platform, conversation: target.conversationId, ...(options.key ? { key: options.key } : {}) }));
    let attempts = 0;
    let last = '';
    const fail = (reason: string, code: string): DeliveryOutcome => {
      this.stats.failed += 1;
      log().warn('delivery failed', { reason, code, attempts });
      return { status: 'failed', reason, code, attempts };
    };
    for (;;) {
      const allowed = await gate.acquire(target, deadline, options.signal);
      if (options.signal?.aborted) {
        if (allowed) gate.release(allowed, false);
        return { status: 'failed', reason: `not sent: the bot is stopping (after ${attempts} attempt(s))`, code: 'stopped', attempts };
      }
      if (!allowed) {
        return fail(`gave up at the deadline ${new Date(deadline).toISOString()} after ${attempts} attempt(s)${last ? `; last error: ${last}` : ' waiting for the rate limit'}`, 'deadline');
      }
      attempts += 1;
      this.workspaces.booked(outbound.platform, target.workspaceId, allowed);
      let error: unknown;
      try {
        const posted = await outbound.post(target, reply, PACED);
        this.stats.sent += 1;
        return { status: 'sent', posted, attempts, at: this.clock.now() };
      } catch (e) {
        error = e;
      } finally {
        gate.release(allowed, true);
      }
      last = describeError(error);
      if (!(error instanceof PlatformError)) return fail(last, 'error');
      const now = this.clock.now().getTime();
      if (error.retryAfterMs !== undefined) {
        this.stats.throttled += 1;
        gate.throttle(target, now + error.retryAfterMs);
        log().info('platform asked us to slow down', { retryAfterMs: error.retryAfterMs });
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
