import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { CoreContext } from '../core/types.js';
import type { DeliveryQueue } from '../delivery/queue.js';
import type { ConversationRef } from '../model/message.js';
import { peekPrompt } from '../prompts/choose.js';
import { nextSeq, type RotationState } from '../store/rotation.js';
import type { PostedSlot, SlotClaim } from '../store/slots.js';
import type { Subscription } from '../store/subscriptions.js';
import { Batcher } from './batch.js';
import { checkpoints, type Checkpoints } from './checkpoints.js';
import { subscriptionPages } from './pages.js';
import { MAX_RECORDED_SKIPS, TICK_GRACE_MS, dueBy, planDue } from './plan.js';
import { recoverAbandoned } from './recover.js';
import { emptyReport, type RunReport } from './run-report.js';
import { createSlotSender, noPrompt, refOf, themesOf } from './slot-sender.js';

export { PROMPT_METADATA_TYPE } from './slot-sender.js';
export type { RunReport } from './run-report.js';

export interface SchedulerOptions {
  queue: DeliveryQueue;
  /** Names this process in slot claims; unique per process by default. */
  instanceId?: string;
  /** How long a send may take before its claim is considered abandoned (must exceed `deliveryMs`). */
  claimLeaseMs?: number;
  /** How long the queue may try to deliver one slot. */
  deliveryMs?: number;
  /**
   * Subscriptions worked on at once (default 192): enough sends waiting in the delivery queue to fill
   * a platform's rate at any round trip, without holding every due conversation in memory.
   */
  concurrency?: number;
  /**
   * Claims and confirmations written together (default 100 within 10 ms): one transaction per batch
   * instead of a commit per conversation.
   */
  batch?: { max: number; lingerMs: number };
}

export interface Scheduler {
  readonly instanceId: string;
  /** Posts every due slot once (claiming each first), records skipped ones, recovers abandoned claims. */
  runDue(now?: Date): Promise<RunReport>;
  /** After start-up: the same as `runDue`, which already posts the latest missed slot within the window. */
  catchUp(now?: Date): Promise<RunReport>;
  /**
   * Shutdown: claims no more slots, cancels sends not yet on the wire and gives their claims back (so a
   * restart or another instance posts them at once). A run in progress finishes the posts already sent.
   */
  stop(): void;
}

/**
 * The schedule runner. All decisions are made from the store and the clock passed in, so any number of
 * instances (or a restarted one) can run it at any moment: the slot claim decides who posts.
 */
export function createScheduler(ctx: CoreContext, options: SchedulerOptions): Scheduler {
  const instanceId = options.instanceId ?? `${process.pid}-${randomUUID().slice(0, 8)}`;
  const deliveryMs = options.deliveryMs ?? 10 * 60_000;
  const leaseMs = options.claimLeaseMs ?? deliveryMs + 5 * 60_000;
  const concurrency = options.concurrency ?? 192;
  const logger = ctx.logger.child({ part: 'schedule', instance: instanceId });
  const windowMs = () => Math.max(ctx.settings.catchUpHours * 3_600_000, TICK_GRACE_MS);
  const stopping = new AbortController();
  // Every send waiting in the queue listens for it: thousands in a fan-out are expected, not a leak.
  setMaxListeners(0, stopping.signal);
  const stopped = () => stopping.signal.aborted;
  const batching = options.batch ?? { max: 100, lingerMs: 10 };
  // Each claim is still an insert-once per slot; a batch only shares the transaction (and its commit).
  const claims = new Batcher<SlotClaim, boolean>((items) => ctx.store.slots.claimMany(items, instanceId), batching);
  const rotations = new Batcher<ConversationRef, RotationState>((refs) => ctx.store.rotation.stateMany(refs), batching);
  const confirmations = new Batcher<PostedSlot, void>(async (items) => {
    await ctx.store.slots.markPostedMany(items);
    return items.map(() => undefined);
  }, batching);
  const sender = createSlotSender({ ctx, queue: options.queue, instanceId, logger, deliveryMs, windowMs, stopping: stopping.signal, confirmations });

  /**
   * Claims and posts a fresh slot: the prompt is picked first so the claim records it in the same
   * statement, and its use is recorded (in the claim's transaction) only when this instance wins.
   */
  async function claimAndSend(sub: Subscription, slot: string, now: Date, report: RunReport, checked: Checkpoints, later: Set<Promise<void>>): Promise<void> {
    const ref = refOf(sub);
    const outbound = ctx.outbound(sub.platform);
    if (!outbound) return; // only subscriptions on attached platforms are run
    // Claim only what can go out soon: a crash then leaves few claims waiting for their lease.
    await options.queue.room(sub.platform, sub.workspaceId, stopping.signal);
    let sending = false;
    try {
      if (stopped()) return;
      const picked = await peekPrompt(ctx, ref, { themes: themesOf(sub), state: await rotations.add(ref) });
      if (!picked) {
        if (await ctx.store.slots.skip(ref, sub.id, slot, noPrompt(sub))) report.skipped += 1;
        await checked.add(sub.id);
        return;
      }
      const won = await claims.add({
        target: ref,
        subscriptionId: sub.id,
        slot,
        promptId: picked.prompt.id,
        use: { promptId: picked.prompt.id, seq: nextSeq(picked.lastUsed) },
      });
      await checked.add(sub.id);
      if (!won) return;
      if (stopped()) {
        await sender.release(sub, slot, report);
        return;
      }
      sending = true;
      await sender.send(outbound, sub, slot, picked.prompt, now, report, later);
    } finally {
      if (!sending) options.queue.unreserve(sub.platform, sub.workspaceId);
    }
  }

  async function runSubscription(sub: Subscription, now: Date, report: RunReport, checked: Checkpoints, later: Set<Promise<void>>): Promise<void> {
    if (sub.pausedUntil && Date.parse(sub.pausedUntil) <= now.getTime()) {
      await ctx.store.subscriptions.setPause(sub.id, { paused: false });
    }
    const plan = planDue(sub, now, ctx.settings.catchUpHours);
    let skipped = 0;
    for (const { slot, reason } of plan.skip.slice(-MAX_RECORDED_SKIPS)) {
      if (await ctx.store.slots.skip(refOf(sub), sub.id, slot.toISOString(), reason)) skipped += 1;
    }
    if (skipped > 0 || plan.uncounted > 0) {
      report.skipped += skipped;
      logger.info('slots skipped', {
        subscription: sub.id,
        conversation: sub.conversationId,
        recorded: skipped,
        notRecorded: plan.uncounted,
        reasons: [...new Set(plan.skip.map((s) => s.reason))],
      });
    }
    const slot = plan.post?.toISOString();
    // Move the checkpoint past what was looked at (in batches, before the possibly slow send: the claim
    // already guards the slot). With nothing due there is nothing to move past (and no write every minute).
    // A slot due is moved past only once it is claimed (by anyone): stopping before the claim leaves it due.
    if (!slot && (plan.skip.length > 0 || plan.paused > 0 || plan.uncounted > 0)) await checked.add(sub.id);
    if (slot) await claimAndSend(sub, slot, now, report, checked, later);
  }

  async function runDue(now: Date = ctx.clock.now()): Promise<RunReport> {
    const report = emptyReport();
    const platforms = ctx.platforms().map((o) => o.platform);
    const take = subscriptionPages(ctx.store.subscriptions, platforms);
    // Many at once, so the delivery queue (which paces sends per platform) always has work; but not
    // all at once: thousands of waiters on one database connection cost more than they gain.
    const checked = checkpoints(ctx.store.subscriptions, now);
    const worker = async () => {
      for (let sub = await take(); sub && !stopped(); sub = await take()) {
        // Most subscriptions have nothing due: one look-up per rule and tick decides that.
        if (!dueBy(sub, now)) continue;
        const current = sub;
        await runSubscription(current, now, report, checked, later).catch((error: unknown) => {
          logger.error('schedule run failed for a subscription', { subscription: current.id, error });
        });
      }
    };
    // Confirmations of delivered slots still being written.
    const later = new Set<Promise<void>>();
    await Promise.all(Array.from({ length: concurrency }, worker));
    while (later.size) await Promise.all([...later]);
    await checked.flush().catch((error: unknown) => logger.error('moving schedule checkpoints failed', { error }));
    const recovering = { ctx, instanceId, logger, leaseMs, windowMs, stopped, sender };
    await recoverAbandoned(recovering, now, report).catch((error: unknown) => logger.error('recovering abandoned slots failed', { error }));
    if (report.released > 0) logger.info('unsent claims given back at shutdown', { released: report.released });
    return report;
  }

  return {
    instanceId,
    runDue,
    catchUp: runDue,
    stop: () => stopping.abort(),
  };
}
