import type { Intent } from '../commands/intents.js';
import type { CoreContext } from '../core/types.js';
import { describeError } from '../errors.js';
import type { ConversationRef, IncomingMessage } from '../model/message.js';
import type { PostedRef } from '../model/outbound.js';
import { reply, type Block, type Reply } from '../model/reply.js';
import { MAX_RECORDED_SKIPS, TICK_GRACE_MS, planDue } from '../schedule/plan.js';
import { describeRecurrence, ruleFor } from '../schedule/rule.js';
import { slotsAfter } from '../schedule/slots.js';
import { formatLocal } from '../schedule/format.js';
import type { Subscription } from '../store/subscriptions.js';
import type { StoryRecord } from '../store/stories.js';
import { digestMinPeople } from './consent.js';
import { guardSubscription } from '../features/guard.js';
import { note } from './messages.js';
import { INSTANCE_ID } from './sequence.js';
import { deliver } from './send.js';
import { timeZoneFor } from '../schedule/zone.js';

type Ctx = Pick<CoreContext, 'store' | 'prompts' | 'settings' | 'outbound' | 'logger' | 'clock'>;

/** Stories per digest; more wait for the next one (Slack allows 50 blocks a message). */
export const DIGEST_MAX_STORIES = 10;
/** Stories in the digest post itself, so it stays within about two phone screens; the rest go in its thread. */
export const DIGEST_SHOWN = 5;
/** A story in a digest is cut near this many characters, at a word boundary. */
export const QUOTE_MAX_CHARS = 300;

const refOf = (r: ConversationRef): ConversationRef => ({ platform: r.platform, workspaceId: r.workspaceId, conversationId: r.conversationId });

/** A story cut near QUOTE_MAX_CHARS at the last word boundary before it, with "…" where it was cut. */
export function clipStory(text: string, max = QUOTE_MAX_CHARS): string {
  const clean = text.trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.search(/\s\S*$/);
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

/** A story's blocks; the question it answered is named only when it differs from the story before. */
function storyBlocks(story: StoryRecord, previous?: StoryRecord): Block[] {
  const blocks: Block[] = [
    { type: 'divider' },
    ...(previous?.promptText === story.promptText ? [] : [{ type: 'context' as const, text: `Asked: ${story.promptText}` }]),
    { type: 'quote', text: clipStory(story.text), user: true },
  ];
  if (story.sharing === 'named' && story.authorName) blocks.push({ type: 'context', text: `Shared by ${story.authorName}`, user: [story.authorName] });
  return blocks;
}

/** The question a digest closes with: about the stories, never about who joined or when. */
export const DIGEST_QUESTION = 'What do these tell us about how things really get done here, and is that how we want it to be?';

/**
 * The digest: each shared story as its question and a quote. Anonymous stories carry nothing else: no
 * name, no id, no date (a date near someone's start would point to them), and neither the heading nor
 * the closing question says who the authors are or when they joined.
 */
export function digestReply(stories: StoryRecord[], more: number): Reply {
  const shown = stories.slice(0, DIGEST_SHOWN);
  const inThread = stories.length - shown.length;
  const blocks: Block[] = [
    { type: 'header', text: 'How things really get done here, in people\'s own words' },
    { type: 'text', text: `${stories.length === 1 ? 'One story' : `${stories.length} stories`} people chose to share.` },
  ];
  shown.forEach((story, i) => blocks.push(...storyBlocks(story, shown[i - 1])));
  blocks.push({ type: 'divider' });
  if (inThread > 0) blocks.push({ type: 'context', text: `${inThread} more in the thread.` });
  if (more > 0) blocks.push({ type: 'context', text: `${more} more ${more === 1 ? 'story follows' : 'stories follow'} in the next digest.` });
  blocks.push({ type: 'label', text: 'A question for all of us' }, { type: 'text', text: DIGEST_QUESTION });
  blocks.push({ type: 'context', text: 'Only stories their authors chose to share appear here; anonymous ones carry no name.' });
  return reply(blocks, { fallback: `How things really get done here: ${stories.length} shared ${stories.length === 1 ? 'story' : 'stories'}.` });
}

/** The stories a digest post leaves out (past DIGEST_SHOWN), as one reply for its thread; none when all fit. */
export function digestThreadReply(stories: StoryRecord[]): Reply | undefined {
  const rest = stories.slice(DIGEST_SHOWN);
  if (rest.length === 0) return undefined;
  const blocks: Block[] = [{ type: 'text', text: rest.length === 1 ? 'One more story:' : `${rest.length} more stories:` }];
  rest.forEach((story, i) => blocks.push(...storyBlocks(story, rest[i - 1])));
  return reply(blocks, { inThread: true, fallback: `${rest.length} more shared ${rest.length === 1 ? 'story' : 'stories'}.` });
}

/** Said in a digest's place while too few people have shared for their stories to stay anonymous. */
export function notYetReply(minPeople: number): Reply {
  return reply([
    {
      type: 'text',
      text: `There are not yet enough stories to share without pointing at anyone: a story digest waits until stories from at least ${minPeople} different people are ready. The ones shared so far are kept for the next digest.`,
    },
  ]);
}

/** What the next digest of a conversation would be. */
export type DigestPlan =
  /** Stories to post; `upTo` is the newest one's creation time, stored as the new mark once posted. */
  | { kind: 'stories'; reply: Reply; thread?: Reply; upTo: string; storyIds: string[] }
  /** Stories are waiting but from too few people: say so instead, keep them. */
  | { kind: 'not-yet'; reply: Reply };

const people = (stories: readonly StoryRecord[]) => new Set(stories.map((s) => s.userId)).size;

/**
 * Builds the next digest for a conversation: shared stories of its workspace told since its last digest,
 * posted only when they come from at least DIGEST_MIN_PEOPLE different people (otherwise a line saying
 * so, and the stories wait). Undefined when there is nothing new. Withdrawn stories are deleted, so a
 * digest built later never contains them.
 */
export async function buildDigest(ctx: Ctx, ref: ConversationRef): Promise<DigestPlan | undefined> {
  const channel = await ctx.store.storyChannels.get(ref);
  const found = await ctx.store.stories.shared(
    { platform: ref.platform, workspaceId: ref.workspaceId },
    { ...(channel?.lastDigestAt ? { since: channel.lastDigestAt } : {}), limit: DIGEST_MAX_STORIES + 200 },
  );
  if (found.length === 0) return undefined;
  const minPeople = digestMinPeople(ctx);
  let cut = Math.min(found.length, DIGEST_MAX_STORIES);
  // One talkative person must not fill a digest alone: take more until enough different people are in it.
  while (cut < found.length && people(found.slice(0, cut)) < minPeople) cut += 1;
  // The mark is a creation time: never cut between two stories told in the same millisecond.
  while (cut < found.length && found[cut]?.createdAt === found[cut - 1]?.createdAt) cut += 1;
  const included = found.slice(0, cut);
  if (people(included) < minPeople) return { kind: 'not-yet', reply: notYetReply(minPeople) };
  const last = included[included.length - 1];
  const thread = digestThreadReply(included);
  return {
    kind: 'stories',
    reply: digestReply(included, found.length - included.length),
    ...(thread ? { thread } : {}),
    upTo: last?.createdAt ?? ctx.clock.now().toISOString(),
    storyIds: included.map((s) => s.id),
  };
}

/** `digest now`: the digest as the reply, here. */
export async function digestNow(message: IncomingMessage, ctx: Ctx): Promise<Reply[]> {
  const ref = refOf(message);
  const digest = await buildDigest(ctx, ref);
  if (!digest) return [note('No stories have been shared since the last digest here. New starters choose whether to share; private stories are never posted.')];
  if (digest.kind === 'stories') await ctx.store.storyChannels.markDigested(ref, digest.upTo);
  const more = digest.kind === 'stories' && digest.thread ? [{ ...digest.thread, visibility: 'conversation' as const, inThread: true }] : [];
  return [{ ...digest.reply, visibility: 'conversation', ...(message.threadId ? { inThread: true } : {}) }, ...more];
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
  const refused = await guardSubscription(ctx, message, 'digest', { rule, now });
  if (refused) return [refused];
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
    createdBy: message.userId,
  });
  const next = slotsAfter(rule, now).next();
  return [
    note(
      `Done: I'll share back new starters' stories here ${description} (${timeZone})${next.done ? '' : `, next on ${formatLocal(next.value, timeZone, now)}`}. Only stories people chose to share are included, anonymous ones without a name, and only once stories from at least ${digestMinPeople(ctx)} different people are waiting; when there is nothing new I stay quiet.`,
    ),
  ];
}

/** `digest off`: stops this channel's scheduled digest; stories stay as they are. */
export async function unsubscribeDigest(message: IncomingMessage, ctx: Ctx): Promise<Reply[]> {
  const refused = await guardSubscription(ctx, message, 'digest');
  if (refused) return [refused];
  const removed = await ctx.store.subscriptions.remove(refOf(message), 'digest');
  return [note(removed ? 'Done: no more scheduled story digests here. "digest now" still works whenever you want one.' : 'There is no scheduled digest here to stop.')];
}

/**
 * Posts the rest of a digest in the digest's own thread. The digest is already out and recorded, so a
 * failure here is logged, not retried as a whole digest.
 */
async function postInThread(ctx: Ctx, ref: ConversationRef, posted: PostedRef, thread: Reply, key: string): Promise<void> {
  const outcome = await deliver(ctx, { ...ref, threadId: posted.threadId ?? posted.messageId }, thread, { key });
  if (outcome.status !== 'sent') ctx.logger.warn('rest of a story digest not delivered in its thread', { platform: ref.platform, reason: outcome.reason });
}

/** The metadata a scheduled digest carries, so a platform lookup can tell whether it went out. */
export const DIGEST_METADATA_TYPE = 'moodmusic_story_digest';

/**
 * Posts every scheduled digest that has come due, once across instances: the schedules module plans the
 * due slots (only the latest missed one, within CATCH_UP_HOURS) and the slot row is claimed before the
 * digest is built and sent. A slot with nothing new to share is recorded as skipped, not posted.
 */
export async function runDueDigests(ctx: Ctx & Pick<CoreContext, 'platforms'>, now: Date, signal?: AbortSignal): Promise<{ posted: number; skipped: number; failed: number }> {
  const result = { posted: 0, skipped: 0, failed: 0 };
  const platforms = ctx.platforms().map((o) => o.platform);
  for (const sub of await ctx.store.subscriptions.list({ kind: 'digest', platforms })) {
    if (signal?.aborted) break;
    try {
      await runOne(ctx, sub, now, result, signal);
    } catch (error) {
      ctx.logger.error('story digest run failed', { subscription: sub.id, error: describeError(error) });
    }
  }
  return result;
}

async function runOne(ctx: Ctx, sub: Subscription, now: Date, result: { posted: number; skipped: number; failed: number }, signal?: AbortSignal): Promise<void> {
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
    { key: `${sub.id}:${slot}`, deadline: new Date(Math.min(now.getTime() + 10 * 60_000, Date.parse(slot) + windowMs)), ...(signal ? { signal } : {}) },
  );
  if (outcome.status === 'failed' && outcome.code === 'stopped') {
    // Not sent because the bot is stopping: give the claim back (its stories carry over either way).
    await ctx.store.slots.release(sub.id, slot, INSTANCE_ID);
  } else if (outcome.status === 'sent') {
    await ctx.store.slots.markPosted(sub.id, slot, outcome.posted);
    if (digest.kind === 'stories') await ctx.store.storyChannels.markDigested(ref, digest.upTo);
    if (digest.kind === 'stories' && digest.thread) await postInThread(ctx, ref, outcome.posted, digest.thread, `${sub.id}:${slot}:thread`);
    await ctx.store.posts.record({ ...ref, messageId: outcome.posted.messageId, kind: 'digest', ...(outcome.posted.threadId ? { threadId: outcome.posted.threadId } : {}) });
    result.posted += 1;
  } else {
    await ctx.store.slots.markEnded(sub.id, slot, 'failed', outcome.reason);
    result.failed += 1;
    ctx.logger.warn('story digest not delivered', { subscription: sub.id, slot, reason: outcome.reason });
  }
}
