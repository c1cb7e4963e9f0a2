import type { CoreContext } from '../core/types.js';
import type { DeliveryQueue } from '../delivery/queue.js';
import type { Logger } from '../logger.js';
import type { ConversationRef } from '../model/message.js';
import type { Outbound } from '../model/outbound.js';
import { shareBlocks, type Reply } from '../model/reply.js';
import { choosePrompt, promptReply } from '../prompts/choose.js';
import { matchTheme } from '../prompts/library.js';
import type { Prompt, Theme } from '../prompts/schema.js';
import type { SlotRecord } from '../store/slot-record.js';
import type { PostedSlot } from '../store/slots.js';
import type { Subscription } from '../store/subscriptions.js';
import type { Batcher } from './batch.js';
import type { RunReport } from './run-report.js';

/** The metadata type a scheduled prompt carries (Slack message metadata), used to find it again. */
export const PROMPT_METADATA_TYPE = 'moodmusic_prompt';

/** The conversation a subscription posts to (without its schedule). */
export const refOf = (sub: ConversationRef): ConversationRef => ({
  platform: sub.platform,
  workspaceId: sub.workspaceId,
  conversationId: sub.conversationId,
});

/** The library themes a subscription names (unknown names dropped). */
export function themesOf(sub: Subscription): Theme[] {
  return sub.themes.map((t) => matchTheme(t)).filter((t): t is Theme => t !== undefined);
}

/** Why a subscription's slot was skipped when no prompt fits it. */
export const noPrompt = (sub: Subscription) => `no prompt in the library fits the themes ${sub.themes.join(', ') || '(all)'}`;

/**
 * Each prompt's message, built once and its blocks frozen: a fan-out sends one prompt to thousands of
 * conversations, and each send then adds only its own metadata (and the platform renders it once).
 */
const replies = new WeakMap<Prompt, Reply>();

function replyOf(prompt: Prompt): Reply {
  let message = replies.get(prompt);
  if (!message) replies.set(prompt, (message = shareBlocks(promptReply(prompt))));
  return message;
}

/** What a slot sender needs from its scheduler. */
export interface SlotSenderDeps {
  ctx: CoreContext;
  queue: DeliveryQueue;
  instanceId: string;
  logger: Logger;
  /** How long the queue may try to deliver one slot. */
  deliveryMs: number;
  /** How late a slot may still be posted (ms). */
  windowMs: () => number;
  /** Aborted when the bot is stopping. */
  stopping: AbortSignal;
  /** Delivered slots' records, written together. */
  confirmations: Batcher<PostedSlot, void>;
}

/** Sends claimed slots through the delivery queue and records what became of them. */
export interface SlotSender {
  /** Sends a claimed slot and records the outcome. `claim` carries a prompt chosen by an earlier attempt. */
  deliver(sub: Subscription, slot: string, now: Date, report: RunReport, claim?: SlotRecord): Promise<void>;
  /**
   * Sends a claimed slot and records the outcome. With `later`, a delivered slot's record is left to its
   * batch (the run waits for it before it ends) and the caller moves on: the next conversation's send
   * need not wait for this one's confirmation to be written.
   */
  send(outbound: Outbound, sub: Subscription, slot: string, prompt: Prompt, now: Date, report: RunReport, later?: Set<Promise<void>>): Promise<void>;
  /** Records a delivered slot and its message (with others delivered meanwhile, in one transaction). */
  recordPosted(sub: Subscription, slot: string, posted: { messageId: string; threadId?: string }, promptId: string | undefined): Promise<void>;
  /** Gives back a claim that was not sent because the bot is stopping. */
  release(sub: Subscription, slot: string, report: RunReport): Promise<void>;
}

/** The scheduler's sending half: one claimed slot to its conversation, and its record. */
export function createSlotSender(deps: SlotSenderDeps): SlotSender {
  const { ctx, queue, instanceId, logger, deliveryMs, windowMs, stopping, confirmations } = deps;

  async function release(sub: Subscription, slot: string, report: RunReport): Promise<void> {
    await ctx.store.slots.release(sub.id, slot, instanceId);
    report.released += 1;
  }

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

  async function send(outbound: Outbound, sub: Subscription, slot: string, prompt: Prompt, now: Date, report: RunReport, later?: Set<Promise<void>>): Promise<void> {
    const ref = refOf(sub);
    const shared = replyOf(prompt);
    const message: Reply = {
      ...shared,
      metadata: { type: PROMPT_METADATA_TYPE, payload: { ...shared.metadata?.payload, subscription_id: sub.id, slot, prompt_id: prompt.id } },
    };
    const deadline = new Date(Math.min(now.getTime() + deliveryMs, Date.parse(slot) + windowMs()));
    const outcome = await queue.send(outbound, ref, message, { key: `${sub.id}:${slot}`, deadline, signal: stopping });
    if (outcome.status === 'failed' && outcome.code === 'stopped') {
      await release(sub, slot, report);
    } else if (outcome.status === 'sent') {
      const recorded = recordPosted(sub, slot, outcome.posted, prompt.id).then(() => {
        report.posted += 1;
        // One line per post only at debug: a fan-out to thousands would otherwise write thousands.
        if (logger.enabled?.('debug') !== false) logger.debug('scheduled prompt posted', { subscription: sub.id, slot, conversation: sub.conversationId, attempts: outcome.attempts });
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

  return { deliver, send, recordPosted, release };
}
