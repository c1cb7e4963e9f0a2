import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { CoreContext } from '../core/types.js';
import type { DeliveryQueue } from '../delivery/queue.js';
import { describeError } from '../errors.js';
import type { ConversationRef } from '../model/message.js';
import type { Outbound } from '../model/outbound.js';
import { choosePrompt, peekPrompt, promptReply } from '../prompts/choose.js';
import { matchTheme } from '../prompts/library.js';
import type { Prompt, Theme } from '../prompts/schema.js';
import { nextSeq, type RotationState } from '../store/rotation.js';
import type { PostedSlot, SlotClaim, SlotRecord } from '../store/slots.js';
import type { Subscription } from '../store/subscriptions.js';
import { Batcher } from './batch.js';
import { MAX_RECORDED_SKIPS, TICK_GRACE_MS, latestSlot, planDue } from './plan.js';

/** The metadata type a scheduled prompt carries (Slack message metadata), used to find it again. */
export const PROMPT_METADATA_TYPE = 'moodmusic_prompt';

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

/** What one run did, for logs and tests. */
export interface RunReport {
  posted: number;
  skipped: number;
  failed: number;
  /** Abandoned claims found posted (via `findPosted`) or re-sent. */
  recovered: number;
  /** Claims given back unsent because the bot was stopping. */
  released: number;
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

const refOf = (sub: ConversationRef): ConversationRef => ({
  platform: sub.platform,
  workspaceId: sub.workspaceId,
  conversationId: sub.conversationId,
});

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

  /** Gives back a claim that was not sent because the bot is stopping. */
  async function release(sub: Subscription, slot: string, report: RunReport): Promise<void> {
    await ctx.store.slots.release(sub.id, slot, instanceId);
    report.released += 1;
  }

  function themesOf(sub: Subscription): Theme[] {
    return sub.themes.map((t) => matchTheme(t)).filter((t): t is Theme => t !== undefined);
  }

  const noPrompt = (sub: Subscription) => `no prompt in the library fits the themes ${sub.themes.join(', ') || '(all)'}`;

  /** Sends a claimed slot and records the outcome. `claim` carries a prompt chosen by an earlier attempt. */
  async function deliver(sub: Subscription, slot: string, now: Date, report: RunReport, claim?: SlotRecord): Promise<void> {
    const outbound = ctx.outbound(sub.platform);
    if (!outbound) return; // only subscriptions on attached platforms are run
    const ref = refOf(sub);
    let prompt: Prompt | undefined = claim?.promptId ? ctx.prompts.get(claim.promptId) : undefined;
    if (!prompt) {
      prompt = await choosePrompt(ctx, ref, { themes: themesOf(sub) });
      if (!prompt) {
        await ctx.store.slots.markEnded(sub.id, slot, 'skipped', noPrompt(sub));
        report.skipped += 1;
        return;
      }
      await ctx.store.slots.setPrompt(sub.id, slot, prompt.id);
    }
    await send(outbound, sub, slot, prompt, now, report);
  }

  /**
   * Sends a claimed slot and records the outcome. With `later`, a delivered slot's record is left to its
   * batch (the run waits for it before it ends) and the caller moves on: the next conversation's send
   * need not wait for this one's confirmation to be written.
   */
  async function send(outbound: Outbound, sub: Subscription, slot: string, prompt: Prompt, now: Date, report: RunReport, later?: Set<Promise<void>>): Promise<void> {
    const ref = refOf(sub);
    const message = promptReply(prompt);
    message.metadata = {
      type: PROMPT_METADATA_TYPE,
      payload: { ...message.metadata?.payload, subscription_id: sub.id, slot, prompt_id: prompt.id },
    };
    const deadline = new Date(Math.min(now.getTime() + deliveryMs, Date.parse(slot) + windowMs()));
    const outcome = await options.queue.send(outbound, ref, message, { key: `${sub.id}:${slot}`, deadline, signal: stopping.signal });
    if (outcome.status === 'failed' && outcome.code === 'stopped') {
      await release(sub, slot, report);
    } else if (outcome.status === 'sent') {
      const recorded = recordPosted(sub, slot, outcome.posted, prompt.id).then(() => {
        report.posted += 1;
        // One line per post only at debug: a fan-out to thousands would otherwise write thousands.
        logger.debug('scheduled prompt posted', { subscription: sub.id, slot, conversation: sub.conversationId, attempts: outcome.attempts });
      });
      if (!later) return recorded;
      const tracked = recorded.catch((error: unknown) => {
        logger.error('schedule run failed for a subscription', { subscription: sub.id, error });
      });
      later.add(tracked);
      void tracked.finally(() => later.delete(tracked));
    } else {
      await ctx.store.slots.markEnded(sub.id, slot, 'failed', outcome.reason);
      report.failed += 1;
      logger.warn('scheduled prompt not delivered', { subscription: sub.id, slot, reason: outcome.reason, code: outcome.code });
    }
  }

  /** Records a delivered slot and its message (with others delivered meanwhile, in one transaction). */
  async function recordPosted(sub: Subscription, slot: string, posted: { messageId: string; threadId?: string }, promptId: string | undefined) {
    await confirmations.add({
      subscriptionId: sub.id,
      slot,
      posted,
      post: {
        ...refOf(sub),
        messageId: posted.messageId,
        ...(posted.threadId ? { threadId: posted.threadId } : {}),
        kind: 'prompt',
        ...(promptId ? { promptId } : {}),
      },
    });
  }

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
        await release(sub, slot, report);
        return;
      }
      sending = true;
      await send(outbound, sub, slot, picked.prompt, now, report, later);
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

  /** Claims whose sender stopped before confirming: check the platform, else re-send within the window. */
  async function recover(now: Date, report: RunReport): Promise<void> {
    const platforms = ctx.platforms().map((o) => o.platform);
    const stale = await ctx.store.slots.staleClaims(new Date(now.getTime() - leaseMs), platforms);
    for (const seen of stale) {
      if (stopped()) return;
      if (!(await ctx.store.slots.takeOver(seen, instanceId))) continue;
      // A claim given back at shutdown (no owner) is known not to have been sent: no need to look.
      const released = seen.claimedBy === undefined;
      const log = { subscription: seen.subscriptionId, slot: seen.slot, claimedBy: seen.claimedBy, attempts: seen.attempts };
      const sub = await ctx.store.subscriptions.get(seen.subscriptionId);
      const outbound = ctx.outbound(seen.platform);
      if (!sub || !outbound) {
        await ctx.store.slots.markEnded(seen.subscriptionId, seen.slot, 'skipped', 'the schedule was removed before this slot was confirmed');
        continue;
      }
      if (sub.kind !== 'prompt') {
        // Only prompts can be rebuilt from the slot alone; a digest's stories carry over to the next one.
        await ctx.store.slots.markEnded(sub.id, seen.slot, 'failed', `the sending instance stopped before confirming this ${sub.kind}; its content goes out with the next one`);
        report.failed += 1;
        logger.warn('abandoned non-prompt slot not re-sent', log);
        continue;
      }
      if (outbound.findPosted && !released) {
        let found;
        try {
          found = await outbound.findPosted(refOf(sub), PROMPT_METADATA_TYPE, { subscription_id: sub.id, slot: seen.slot }, new Date(Date.parse(seen.slot) - 60_000));
        } catch (error) {
          // Unknown is not "absent": leave the claim to expire again rather than risk a double post.
          logger.warn('could not check whether an abandoned slot was posted; will try again', { ...log, error: describeError(error) });
          continue;
        }
        if (found) {
          await recordPosted(sub, seen.slot, found, seen.promptId);
          report.recovered += 1;
          logger.info('abandoned slot had been posted; recorded it', log);
          continue;
        }
      }
      const maxAttempts = outbound.findPosted ? 3 : 2;
      if (seen.attempts >= maxAttempts) {
        await ctx.store.slots.markEnded(sub.id, seen.slot, 'failed', `the sending instance stopped ${seen.attempts} time(s) before confirming; not re-sent again to avoid a double post`);
        report.failed += 1;
        logger.warn('abandoned slot given up', log);
      } else if (now.getTime() - Date.parse(seen.slot) > windowMs()) {
        await ctx.store.slots.markEnded(sub.id, seen.slot, 'failed', `claimed by ${seen.claimedBy ?? 'another instance'} but never confirmed, and now older than the catch-up window (CATCH_UP_HOURS)`);
        report.failed += 1;
        logger.warn('abandoned slot too old to re-send', log);
      } else {
        logger.warn('re-sending an abandoned slot', log);
        const before = report.posted;
        await deliver(sub, seen.slot, now, report, seen);
        if (report.posted > before) report.recovered += 1;
      }
    }
  }

  async function runDue(now: Date = ctx.clock.now()): Promise<RunReport> {
    const report: RunReport = { posted: 0, skipped: 0, failed: 0, recovered: 0, released: 0 };
    const platforms = ctx.platforms().map((o) => o.platform);
    const take = pages(platforms);
    // Many at once, so the delivery queue (which paces sends per platform) always has work; but not
    // all at once: thousands of waiters on one database connection cost more than they gain.
    const checked = checkpoints(now);
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
    await recover(now, report).catch((error: unknown) => logger.error('recovering abandoned slots failed', { error }));
    if (report.released > 0) logger.info('unsent claims given back at shutdown', { released: report.released });
    return report;
  }

  /**
   * The prompt subscriptions, handed out one at a time and read a page at a time: a run over tens of
   * thousands holds one page of them, not all. Undefined once all have been handed out.
   */
  function pages(platforms: Subscription['platform'][]): () => Promise<Subscription | undefined> {
    let page: Subscription[] = [];
    let next = 0;
    let done = false;
    let loading: Promise<void> | undefined;
    const load = async () => {
      const after = page.length ? (page[page.length - 1] as Subscription).id : undefined;
      const rows = await ctx.store.subscriptions.list({ kind: 'prompt', platforms, limit: PAGE, ...(after !== undefined ? { after } : {}) });
      page = rows;
      next = 0;
      if (rows.length < PAGE) done = true;
    };
    return async () => {
      for (;;) {
        if (next < page.length) return page[next++];
        if (done) return undefined;
        loading ??= load().finally(() => (loading = undefined));
        await loading;
      }
    };
  }

  /** Checkpoints to move to `now`, written 200 at a time rather than one statement per subscription. */
  function checkpoints(now: Date): Checkpoints {
    let ids: string[] = [];
    const flush = async () => {
      const batch = ids;
      ids = [];
      if (batch.length) await ctx.store.subscriptions.advanceMany(batch, now);
    };
    return {
      async add(id) {
        ids.push(id);
        if (ids.length >= 200) await flush();
      },
      flush,
    };
  }

  return {
    instanceId,
    runDue,
    catchUp: runDue,
    stop: () => stopping.abort(),
  };
}

/** Subscriptions read per page in a run. */
const PAGE = 1000;

interface Checkpoints {
  add(id: string): Promise<void>;
  flush(): Promise<void>;
}

/** True when a subscription may have something to do at `now` (a slot after its checkpoint, or a pause ending). */
function dueBy(sub: Subscription, now: Date): boolean {
  if (sub.pausedUntil && Date.parse(sub.pausedUntil) <= now.getTime()) return true;
  const checked = Math.max(Date.parse(sub.checkedThrough), Date.parse(sub.createdAt));
  return latestSlot(sub, now) > checked;
}
