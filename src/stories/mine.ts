import type { Intent } from '../commands/intents.js';
import { formatDate } from '../schedule/format.js';
import type { CoreContext } from '../core/types.js';
import type { IncomingMessage } from '../model/message.js';
import { reply, type Block, type Button, type Reply } from '../model/reply.js';
import { SHARING_LEVELS, type Sharing, type StoryRecord } from '../store/stories.js';
import { personOf } from './answers.js';
import { digestMinPeople, storyWhere } from './consent.js';
import { SHARING_LABELS, STORY_ACTIONS, note } from './messages.js';
import { parseStoryValue, previewFor, storyValue } from './preview.js';

type Ctx = Pick<CoreContext, 'store' | 'settings' | 'outbound' | 'logger'>;

/** Stories shown in one `my stories` reply (Slack allows 50 blocks a message; each story takes three). */
export const MY_STORIES_SHOWN = 15;
const EXCERPT_CHARS = 400;

const LEVEL_WORDS: Record<Sharing, string> = { private: 'private', anonymous: 'shared anonymously', named: 'shared with your name' };
const CHANGE_LABELS: Record<Sharing, string> = { private: 'Make private', anonymous: SHARING_LABELS.anonymous, named: SHARING_LABELS.named };

/** The day a story was told, in the style every reply uses ("Friday 27 November 2026"). */
function day(iso: string): string {
  // The year is always given: a story list spans years, and no clock is at hand to leave it out.
  return formatDate(new Date(iso), 'UTC', new Date(0));
}

function excerpt(text: string): string {
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1)}…` : text;
}

/** One story's buttons: every other level, edit and withdraw. */
function storyButtons(story: StoryRecord): Button[] {
  return [
    ...SHARING_LEVELS.filter((l) => l !== story.sharing).map((l) => ({ id: STORY_ACTIONS.level, label: CHANGE_LABELS[l], value: storyValue(story.id, l) })),
    { id: STORY_ACTIONS.edit, label: 'Edit', value: story.id },
    { id: STORY_ACTIONS.withdraw, label: 'Withdraw', value: story.id, style: 'danger' as const },
  ];
}

/** `my stories`: each of the person's stories, numbered, with its level, date and buttons. */
export function myStoriesReply(stories: StoryRecord[]): Reply {
  if (stories.length === 0) {
    return note('You have no saved stories here. Say "story" to see what I ask new starters and how your answers may be used.');
  }
  const blocks: Block[] = [{ type: 'header', text: `Your stories (${stories.length})` }];
  stories.slice(0, MY_STORIES_SHOWN).forEach((story, i) => {
    blocks.push({ type: 'context', text: `${i + 1}. ${day(story.createdAt)}, ${LEVEL_WORDS[story.sharing]}. Asked: ${story.promptText}` });
    blocks.push({ type: 'quote', text: excerpt(story.text), user: true });
    blocks.push({ type: 'actions', buttons: storyButtons(story) });
  });
  if (stories.length > MY_STORIES_SHOWN) {
    blocks.push({ type: 'context', text: `${stories.length - MY_STORIES_SHOWN} more not shown; "withdraw N" works for any of them.` });
  }
  blocks.push({
    type: 'context',
    text: 'Say "withdraw N" to withdraw story N. A withdrawn story is deleted from my database and left out of every digest not yet posted.',
  });
  return reply(blocks, { fallback: `Your stories (${stories.length})`, visibility: 'private' });
}

/** `my stories`. */
export async function myStories(message: IncomingMessage, ctx: Ctx): Promise<Reply[]> {
  return [myStoriesReply(await ctx.store.stories.listFor(personOf(message)))];
}

/** `withdraw` alone explains how; `withdraw N` deletes story N of `my stories`. */
export async function withdrawCommand(intent: Extract<Intent, { verb: 'withdraw' }>, message: IncomingMessage, ctx: Ctx): Promise<Reply[]> {
  const key = personOf(message);
  const stories = await ctx.store.stories.listFor(key);
  if (intent.which === undefined) {
    if (stories.length === 0) return [note('You have no saved stories here, so there is nothing to withdraw. ("forget me" deletes everything else I hold about you.)')];
    return [
      note(
        `To withdraw one story, say "my stories" and press Withdraw under it, or say "withdraw N" with its number there (you have ${stories.length}, so 1${stories.length > 1 ? ` to ${stories.length}` : ''}). It is deleted from my database and left out of every digest not yet posted. "forget me" deletes all of them and everything else I hold about you.`,
      ),
    ];
  }
  const story = stories[intent.which - 1];
  if (!story) {
    return [note(stories.length ? `You have ${stories.length} saved ${stories.length === 1 ? 'story' : 'stories'}; say "my stories" to see their numbers.` : 'You have no saved stories here.')];
  }
  await ctx.store.stories.withdraw(key, story.id);
  const person = await ctx.store.stories.getPerson(key);
  if (person?.pending?.kind === 'edit' && person.pending.storyId === story.id) await ctx.store.stories.setPending(key, undefined);
  return [note(`Withdrawn: story ${intent.which} ("${excerpt(story.text).slice(0, 60)}${story.text.length > 60 ? '…' : ''}") is deleted and will not appear in any digest not yet posted.`)];
}

/**
 * A level button under one story: a more private level applies at once; a more open one first shows
 * the story as it will appear (the preview), and is applied only when the author confirms there.
 */
export async function levelAction(message: IncomingMessage, ctx: Ctx): Promise<Reply[]> {
  const parsed = parseStoryValue(message.action?.value);
  const key = personOf(message);
  const story = parsed ? await ctx.store.stories.get(key, parsed.storyId) : undefined;
  if (!parsed || !story) return [note('That story is no longer there (it may have been withdrawn).')];
  const rank = SHARING_LEVELS.indexOf(parsed.level);
  if (parsed.level !== 'private' && rank > SHARING_LEVELS.indexOf(story.sharing)) {
    return [await previewFor(ctx, message, story, parsed.level)];
  }
  await ctx.store.stories.setSharing(key, story.id, parsed.level, story.authorName ? { authorName: story.authorName } : {});
  return [note(`Done. ${storyWhere(parsed.level, digestMinPeople(ctx))}`)];
}
