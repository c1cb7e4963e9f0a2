import type { CoreContext } from '../core/types.js';
import { describeError } from '../errors.js';
import type { IncomingMessage } from '../model/message.js';
import { reply, type Block, type Button, type Reply } from '../model/reply.js';
import { SHARING_LEVELS, type Sharing, type StoryPerson, type StoryRecord } from '../store/stories.js';
import { digestMinPeople } from './consent.js';
import { KIND_WORDS, findIdentifying, highlighted, withoutThem, type Found } from './identifying.js';
import { STORY_ACTIONS, note } from './messages.js';

type Ctx = Pick<CoreContext, 'store' | 'settings' | 'outbound' | 'logger'>;

/** A level people can share at (not `private`). */
export type SharedLevel = Exclude<Sharing, 'private'>;

/** Packs a story id and a level into a button value, and back. */
export function storyValue(storyId: string, level: Sharing): string {
  return `${storyId}:${level}`;
}

export function parseStoryValue(value: string | undefined): { storyId: string; level: Sharing } | undefined {
  const at = value?.lastIndexOf(':') ?? -1;
  if (!value || at < 1) return undefined;
  const level = value.slice(at + 1) as Sharing;
  return SHARING_LEVELS.includes(level) ? { storyId: value.slice(0, at), level } : undefined;
}

function listWords(found: readonly Found[]): string {
  const parts = found.map((f) => `«${f.text}» (${KIND_WORDS[f.kind]})`);
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * The story as it will appear in a digest, shown to its author before it is shared, with names,
 * @mentions, email addresses and phone numbers marked and a one-click "Share without them". Until the
 * author chooses, the story stays private.
 */
export async function previewReply(story: StoryRecord, level: SharedLevel, authorName: string | undefined, minPeople: number): Promise<Reply> {
  const found = await findIdentifying(story.text);
  const blocks: Block[] = [
    { type: 'header', text: 'Before it is shared' },
    {
      type: 'text',
      text: `This is how your story will appear in a channel's story digest, ${level === 'named' ? 'with your name' : 'without your name'}, once stories from at least ${minPeople} different people are waiting:`,
    },
    { type: 'context', text: `Asked: ${story.promptText}` },
    { type: 'quote', text: highlighted(story.text, found), user: true },
  ];
  if (level === 'named') blocks.push({ type: 'context', text: `Shared by ${authorName ?? 'you'}` });
  if (found.length > 0) {
    blocks.push({
      type: 'text',
      user: found.map((f) => f.text),
      text: `Marked «like this»: ${listWords(found)}. ${found.length === 1 ? 'It' : 'They'} could point to someone; "Share without them" puts "a colleague" in ${found.length === 1 ? 'its' : 'their'} place.`,
    });
  }
  blocks.push({ type: 'context', text: "Until you choose, it stays private: kept in this bot's database and not shared." });
  const value = storyValue(story.id, level);
  const buttons: Button[] =
    found.length > 0
      ? [
          { id: STORY_ACTIONS.redact, label: 'Share without them', value, style: 'primary' },
          { id: STORY_ACTIONS.share, label: 'Share as it is', value },
        ]
      : [{ id: STORY_ACTIONS.share, label: 'Share it', value, style: 'primary' }];
  buttons.push({ id: STORY_ACTIONS.level, label: 'Keep it private', value: storyValue(story.id, 'private') });
  buttons.push({ id: STORY_ACTIONS.edit, label: 'Edit', value: story.id });
  blocks.push({ type: 'actions', buttons });
  return reply(blocks, { fallback: 'Before your story is shared: here it is as it will appear.', visibility: 'private' });
}

/** The name a story shared "with my name" carries: the stored one, the platform's, the message's, or the id. */
export async function authorNameFor(ctx: Ctx, person: StoryPerson | undefined, message: IncomingMessage): Promise<string> {
  if (person?.displayName) return person.displayName;
  try {
    const name = await ctx.outbound(message.platform)?.displayName?.(message.workspaceId, message.userId);
    if (name) return name;
  } catch (error) {
    ctx.logger.warn('could not look up a display name', { platform: message.platform, error: describeError(error) });
  }
  return message.userName ?? message.userId;
}

/** The preview for sharing `story` at `level` (after an answer, an edit, or a level change in `my stories`). */
export async function previewFor(ctx: Ctx, message: IncomingMessage, story: StoryRecord, level: SharedLevel): Promise<Reply> {
  const person = await ctx.store.stories.getPerson(story);
  const name = level === 'named' ? await authorNameFor(ctx, person, message) : undefined;
  return previewReply(story, level, name, digestMinPeople(ctx));
}

function sharedNote(level: SharedLevel, minPeople: number, text?: string): Reply[] {
  const how = level === 'named' ? 'with your name' : 'without your name';
  const done = note(
    `Shared ${how}: it can appear in a channel's story digest once stories from at least ${minPeople} different people are waiting. Say "my stories" to change or withdraw it.`,
  );
  return text === undefined ? [done] : [reply([{ type: 'text', text: 'It now reads:' }, { type: 'quote', text, user: true }], { visibility: 'private' }), done];
}

async function confirm(message: IncomingMessage, ctx: Ctx, redact: boolean): Promise<Reply[]> {
  const parsed = parseStoryValue(message.action?.value);
  const key = { platform: message.platform, workspaceId: message.workspaceId, userId: message.userId };
  const story = parsed ? await ctx.store.stories.get(key, parsed.storyId) : undefined;
  if (!parsed || !story) return [note('That story is no longer there (it may have been withdrawn), so nothing was shared.')];
  if (parsed.level === 'private') return [note('That story stays private.')];
  const level = parsed.level;
  const authorName = level === 'named' ? await authorNameFor(ctx, await ctx.store.stories.getPerson(key), message) : undefined;
  // The text is read again from the store and searched again, so the button cannot carry other text in.
  const text = redact ? withoutThem(story.text, await findIdentifying(story.text)) : undefined;
  await ctx.store.stories.setSharing(key, story.id, level, { ...(authorName ? { authorName } : {}), ...(text !== undefined ? { text } : {}) });
  return sharedNote(level, digestMinPeople(ctx), text);
}

/** "Share it" / "Share as it is" on a preview. */
export const shareAction = (message: IncomingMessage, ctx: Ctx): Promise<Reply[]> => confirm(message, ctx, false);

/** "Share without them" on a preview: names and contact details become "a colleague", then it is shared. */
export const redactAction = (message: IncomingMessage, ctx: Ctx): Promise<Reply[]> => confirm(message, ctx, true);
