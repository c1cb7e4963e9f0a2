import type { CoreContext } from '../core/types.js';
import { formatDate } from '../schedule/format.js';
import { describeError } from '../errors.js';
import type { IncomingMessage } from '../model/message.js';
import type { Reply } from '../model/reply.js';
import { SHARING_LEVELS, type Sharing, type StoryPerson } from '../store/stories.js';
import { personOf } from './answers.js';
import { digestMinPeople } from './consent.js';
import { SHARING_LABELS, currentChoiceReply, note, welcomeReply } from './messages.js';
import { zoneOrDefault } from './quiet-hours.js';
import { startSequence, storyDays } from './sequence.js';
import { deliver, openDirect } from './send.js';

type Ctx = Pick<CoreContext, 'store' | 'prompts' | 'settings' | 'outbound' | 'logger' | 'clock'>;

/** A welcome is not sent again to a DM that had one this recently (two channels, a rejoin). */
const REWELCOME_AFTER_MS = 30 * 86_400_000;

function formatWhen(iso: string, timeZone: string): string {
  return `on ${formatDate(new Date(iso), timeZone)}`;
}

/** What someone who already chose sees on `story`: their level, the buttons, the open question. */
async function choiceReply(ctx: Ctx, person: StoryPerson): Promise<Reply> {
  const next = await ctx.store.storyJobs.nextPending(person);
  const open = person.pending?.kind === 'answer' ? ctx.prompts.get(person.pending.promptId)?.text : undefined;
  return currentChoiceReply(person.sharing, {
    stories: await ctx.store.stories.countFor(person),
    minPeople: digestMinPeople(ctx),
    ...(open ? { openQuestion: open } : {}),
    ...(next ? { next: formatWhen(next.dueAt, person.timeZone) } : {}),
  });
}

/** The reply for this person's DM: the welcome before any choice, their current choice after. */
async function dmOpening(ctx: Ctx, message: Pick<IncomingMessage, 'platform' | 'workspaceId' | 'userId'>): Promise<Reply> {
  const person = await ctx.store.stories.getPerson(personOf(message));
  return person ? choiceReply(ctx, person) : welcomeReply(storyDays(ctx), digestMinPeople(ctx));
}

/**
 * `story`: in a DM, the welcome (or the current choice) right here; in a channel, the same sent as a DM
 * with a private note in the channel, so nobody's answers start in public.
 */
export async function storyCommand(message: IncomingMessage, ctx: Ctx): Promise<Reply[]> {
  if (message.isDirect) return [await dmOpening(ctx, message)];
  let reason: string;
  try {
    const dm = await openDirect(ctx, message.platform, message.workspaceId, message.userId);
    const outcome = await deliver(ctx, dm, await dmOpening(ctx, message), { key: `story-dm:${message.userId}` });
    if (outcome.status === 'sent') return [note("I've sent you a direct message.")];
    reason = outcome.reason;
  } catch (error) {
    reason = describeError(error);
  }
  ctx.logger.warn('could not open a story DM', { platform: message.platform, reason });
  return [note('I could not open a direct message with you just now. Message me directly and say "story" there.')];
}

/** A person joined a channel: welcome them privately if the channel asked for it. Always consumed. */
export async function memberJoined(message: IncomingMessage, ctx: Ctx): Promise<Reply[]> {
  const channel = await ctx.store.storyChannels.get(message);
  if (!channel?.welcome) return [];
  if (await ctx.store.stories.getPerson(personOf(message))) return [];
  try {
    const dm = await openDirect(ctx, message.platform, message.workspaceId, message.userId);
    const dmKey = { platform: dm.platform, workspaceId: dm.workspaceId, conversationId: dm.conversationId };
    const last = await ctx.store.posts.latest(dmKey, 'welcome');
    if (last && ctx.clock.now().getTime() - new Date(last.postedAt).getTime() < REWELCOME_AFTER_MS) return [];
    // Someone added to several welcoming channels at once arrives as simultaneous joins (on any
    // instance): only the one that claims this welcome sends it. The welcome post above covers later joins.
    if (!(await ctx.store.events.claim(message.platform, message.workspaceId, `welcome:${message.userId}`))) return [];
    const outcome = await deliver(ctx, dm, welcomeReply(storyDays(ctx), digestMinPeople(ctx)), { key: `welcome:${message.userId}` });
    if (outcome.status === 'sent') await ctx.store.posts.record({ ...dmKey, messageId: outcome.posted.messageId, kind: 'welcome' });
    else ctx.logger.warn('welcome DM not delivered', { platform: message.platform, workspaceId: message.workspaceId, reason: outcome.reason });
  } catch (error) {
    ctx.logger.warn('welcome DM not delivered', { platform: message.platform, workspaceId: message.workspaceId, error: describeError(error) });
  }
  return [];
}

/** The sharing buttons: records the choice; the first choice also starts the question sequence. */
/** The person's name from their platform, when the message did not carry it (Slack button presses). */
async function lookUpName(ctx: Ctx, message: IncomingMessage): Promise<string | undefined> {
  try {
    return await ctx.outbound(message.platform)?.displayName?.(message.workspaceId, message.userId);
  } catch (error) {
    ctx.logger.warn('could not look up a display name; the story will carry the user id', { platform: message.platform, error: describeError(error) });
    return undefined;
  }
}

export async function consentAction(message: IncomingMessage, ctx: Ctx): Promise<Reply[]> {
  const level = message.action?.value as Sharing | undefined;
  if (!level || !SHARING_LEVELS.includes(level)) return [note('That choice is not one I know. Say "story" to see the options again.')];
  if (!message.isDirect) return [note('Let us do this privately: message me directly and say "story".')];
  const key = personOf(message);
  const before = await ctx.store.stories.getPerson(key);
  const result = await ctx.store.stories.choose(key, {
    sharing: level,
    dmConversationId: message.conversationId,
    timeZone: before?.timeZone ?? zoneOrDefault(message.userTimeZone, ctx.settings.defaultTimeZone),
    displayName: message.userName ?? (level === 'named' ? await lookUpName(ctx, message) : undefined) ?? message.userId,
  });
  const person = await ctx.store.stories.getPerson(key);
  if (!person) return [note('Something went wrong saving your choice; please try again.')];
  const label = SHARING_LABELS[level];
  if (result.previous) {
    const changed = result.storiesMadeMorePrivate;
    const moved = changed > 0 ? ` ${changed === 1 ? 'One earlier story now follows' : `${changed} earlier stories now follow`} this choice too.` : '';
    const opener = SHARING_LEVELS.indexOf(level) > SHARING_LEVELS.indexOf(result.previous);
    const opened = opener ? ' It applies to answers from now on; earlier ones keep the choice they were given.' : '';
    // The pressed card is replaced, so its buttons do not stay live once the choice is made.
    return [{ ...note(`Your choice is now: ${label}.${moved}${opened}`), replacesPressed: true }];
  }
  const question = await startSequence(ctx, person, ctx.clock.now());
  const thanks: Reply = { ...note(`Thank you. Your choice: ${label}. You can change it any time by saying "story".`), replacesPressed: true };
  return question ? [thanks, question] : [thanks];
}
