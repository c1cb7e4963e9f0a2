import type { Intent } from '../commands/intents.js';
import type { CoreContext } from '../core/types.js';
import { describeError } from '../errors.js';
import type { ConversationRef, IncomingMessage } from '../model/message.js';
import { reply, type Block, type Reply } from '../model/reply.js';
import { choosePrompt } from '../prompts/choose.js';
import { MAX_RECORDED_SKIPS, TICK_GRACE_MS, planDue } from '../schedule/plan.js';
import { describeRecurrence, ruleFor } from '../schedule/rule.js';
import { slotsAfter } from '../schedule/slots.js';
import { formatLocal } from '../schedule/format.js';
import type { Subscription } from '../store/subscriptions.js';
import type { StoryRecord } from '../store/stories.js';
import { note } from './messages.js';
import { INSTANCE_ID } from './sequence.js';
import { deliver } from './send.js';
import { timeZoneFor } from '../schedule/zone.js';

type Ctx = Pick<CoreContext, 'store' | 'prompts' | 'settings' | 'outbound' | 'logger' | 'clock'>;

/** Stories per digest; more wait for the next one (Slack allows 50 blocks a message). */
export const DIGEST_MAX_STORIES = 10;
const QUOTE_MAX_CHARS = 2500;

const refOf = (r: ConversationRef): ConversationRef => ({ platform: r.platform, workspaceId: r.workspaceId, conversationId: r.conversationId });

function clip(text: string): string {
  return text.length > QUOTE_MAX_CHARS ? `${text.slice(0, QUOTE_MAX_CHARS - 1)}…` : text;
}

/**
 * The digest: each shared story as its question and a quote. Anonymous stories carry nothing else: no
 * name, no id, no date (a date near someone's start would point to them).
 */
export function digestReply(stories: StoryRecord[], more: number, question?: string): Reply {
  const blocks: Block[] = [
    { type: 'header', text: 'What new starters have noticed' },
    {
      type: 'text',
      text: `${stories.length === 1 ? 'One story from someone who' : `${stories.length} stories from people who`} joined recently, in their own words, shared because they chose to.`,
    },
  ];
  for (const story of stories) {
    blocks.push({ type: 'divider' });
    blocks.push({ type: 'context', text: `Asked: ${story.promptText}` });
    blocks.push({ type: 'quote', text: clip(story.text) });
    if (story.sharing === 'named' && story.authorName) blocks.push({ type: 'context', text: `Shared by ${story.authorName}` });
  }
  blocks.push({ type: 'divider' });
  if (more > 0) blocks.push({ type: 'context', text: `${more} more ${more === 1 ? 'story follows' : 'stories follow'} in the next digest.` });
  blocks.push({
    type: 'text',
    text: `A question for all of us: ${question ?? 'What do these tell us about how things really get done here, and is that how we want it to be?'}`,
  });
  blocks.push({ type: 'context', text: 'Only stories their authors chose to share appear here; anonymous ones carry no name.' });
  return reply(blocks, { fallback: `What new starters have noticed: ${stories.length} shared ${stories.length === 1 ? 'story' : 'stories'}.` });
}

/**
 * Builds the next digest for a conversation: shared stories of its workspace told since its last digest.
 * Returns undefined when there is nothing new. `upTo` is the newest story included, to be stored as the
 * new mark once the digest is out.
 */
export async function buildDigest(ctx: Ctx, ref: ConversationRef): Promise<{ reply: Reply; upTo: string } | undefined> {
  const channel = await ctx.store.storyChannels.get(ref);
  const found = await ctx.store.stories.shared(
    { platform: ref.platform, workspaceId: ref.workspaceId },
    { ...(channel?.lastDigestAt ? { since: channel.lastDigestAt } : {}), limit: DIGEST_MAX_STORIES + 200 },
  );
  if (found.length === 0) return undefined;
  let cut = Math.min(found.length, DIGEST_MAX_STORIES);
  // The mark is a creation time: never cut between two stories told in the same millisecond.
  while (cut < found.length && found[cut]?.createdAt === found[cut - 1]?.createdAt) cut += 1;
  const included = found.slice(0, cut);
  const question = await choosePrompt(ctx, refOf(ref), { themes: ['onboarding'], audience: 'channel' });
  const last = included[included.length - 1];
  return { reply: digestReply(included, found.length - included.length, question?.text), upTo: last?.createdAt ?? ctx.clock.now().toISOString() };
}

/** `digest now`: the digest as the reply, here. */
export async function digestNow(message: IncomingMessage, ctx: Ctx): Promise<Reply[]> {
  const ref = refOf(message);
  const digest = await buildDigest(ctx, ref);
  if (!digest) return [note('No stories have been shared since the last digest here. New starters choose whether to share; private stories are never posted.')];
  await ctx.store.storyChannels.markDigested(ref, digest.upTo);
  return [{ ...digest.reply, visibility: 'conversation', ...(message.threadId ? { inThread: true } : {}) }];
}


/**
 * `digest weekly friday 15:00 [zone]`: this channel's digest schedule, stored as a `digest` subscription
 * of the schedules module so its slots are claimed exactly like scheduled prompts.
 */
export async function subscribeDigest(intent: Extract<Intent, { verb: 'digest' }>, message: IncomingMessage, ctx: Ctx): Promise<Reply[]> {
  if (message.isDirect) return [note('Digests are for channels: say this in the channel that should hear the stories. Here you can say "digest now".')];
  const timeZone = await timeZoneFor(intent.timeZone, message, ctx);
  const now = ctx.clock.now();
  const rule = ruleFor(intent.recurrence, timeZone, now);
  const description = describeRecurrence(intent.recurrence);
  await ctx.store.subscriptions.upsert({
    ...refOf(message),
    kind: 'digest',
    ruleText: description,
    recurrence: intent.recurrence,
    cron: rule.cron,
    timeZone,
    everyWeeks: rule.everyWeeks,
    ...(rule.anchor ? { anchor: rule.anchor } : {}),
    themes: [],
  });
  const next = slotsAfter(rule, now).next();
  return [
    note(
      `Done: I'll share back new starters' stories here ${description} (${timeZone})${next.done ? '' : `, next on ${formatLocal(next.value, timeZone, now)}`}. Only stories people chose to share are included, anonymous ones without a name; when there is nothing new I stay quiet.`,
    ),
  ];
}

/** `digest off`: stops this channel's scheduled digest; stories stay as they are. */
export async function unsubscribeDigest(message: IncomingMessage, ctx: Ctx): Promise<Reply[]> {
  const removed = await ctx.store.subscriptions.remove(refOf(message), 'digest');
  return [note(removed ? 'Done: no more scheduled story digests here. "digest now" still works whenever you want one.' : 'There is no scheduled digest here to stop.')];
}

/** The metadata a scheduled digest carries, so a platform lookup can tell whether it went out. */
export const DIGEST_METADATA_TYPE = 'moodmusic_story_digest';

/**
 * Posts every scheduled digest that has come due, once across instances: the schedules module plans the
 * due slots (only the latest missed one, within CATCH_UP_HOURS) and the slot row is claimed before the
 * digest is built and sent. A slot with nothing new to share is recorded as skipped, not posted.
 */
export async function runDueDigests(ctx: Ctx & Pick<CoreContext, 'platforms'>, now: Date): Promise<{ posted: number; skipped: number; failed: number }> {
  const result = { posted: 0, skipped: 0, failed: 0 };
  const platforms = ctx.platforms().map((o) => o.platform);
  for (const sub of await ctx.store.subscriptions.list({ kind: 'digest', platforms })) {
    try {
      await runOne(ctx, sub, now, result);
    } catch (error) {
      ctx.logger.error('story digest run failed', { subscription: sub.id, error: describeError(error) });
    }
  }
  return result;
}

async function runOne(ctx: Ctx, sub: Subscription, now: Date, result: { posted: number; skipped: number; failed: number }): Promise<void> {
  const ref = refOf(sub);
  const plan = planDue(sub, now, ctx.settings.catchUpHours);
  for (const { slot, reason } of plan.skip.slice(-MAX_RECORDED_SKIPS)) {
    if (await ctx.store.slots.skip(ref, sub.id, slot.toISOString(), reason)) result.skipped += 1;
  }
  const slot = plan.post?.toISOString();
  const won = slot ? await ctx.store.slots.claim(ref, sub.id, slot, INSTANCE_ID) : false;
  await ctx.store.subscriptions.advance(sub.id, now);
  if (!slot || !won) return;
  const digest = await buildDigest(ctx, ref);
  if (!digest) {
    await ctx.store.slots.markEnded(sub.id, slot, 'skipped', 'no stories shared since the last digest');
    result.skipped += 1;
    return;
  }
  const windowMs = Math.max(ctx.settings.catchUpHours * 3_600_000, TICK_GRACE_MS);
  const outcome = await deliver(
    ctx,
    ref,
    { ...digest.reply, metadata: { type: DIGEST_METADATA_TYPE, payload: { subscription_id: sub.id, slot } } },
    { key: `${sub.id}:${slot}`, deadline: new Date(Math.min(now.getTime() + 10 * 60_000, Date.parse(slot) + windowMs)) },
  );
  if (outcome.status === 'sent') {
    await ctx.store.slots.markPosted(sub.id, slot, outcome.posted);
    await ctx.store.storyChannels.markDigested(ref, digest.upTo);
    await ctx.store.posts.record({ ...ref, messageId: outcome.posted.messageId, kind: 'digest', ...(outcome.posted.threadId ? { threadId: outcome.posted.threadId } : {}) });
    result.posted += 1;
  } else {
    await ctx.store.slots.markEnded(sub.id, slot, 'failed', outcome.reason);
    result.failed += 1;
    ctx.logger.warn('story digest not delivered', { subscription: sub.id, slot, reason: outcome.reason });
  }
}
