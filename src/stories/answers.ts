import { parseCommand } from '../commands/grammar.js';
import type { Intent } from '../commands/intents.js';
import { matchTheme } from '../prompts/library.js';
import type { CoreContext } from '../core/types.js';
import type { IncomingMessage } from '../model/message.js';
import type { Reply } from '../model/reply.js';
import type { PersonKey } from '../store/stories.js';
import { digestMinPeople } from './consent.js';
import { note, thanksReply } from './messages.js';
import { previewFor } from './preview.js';

/** Longest story kept; a longer answer is cut here (and the person is told). */
export const STORY_MAX_CHARS = 4000;
/**
 * The command in a DM line that arrives while a story question is open, or undefined when the line is
 * an answer. Verbs whose grammar is strict (schedule, pause, welcome, digest, forget me) count whenever
 * they parse; verbs that take free text or nothing count only on their own, so "Story time: nobody
 * reads the wiki" or "Review meetings are where I learnt the most" stay stories.
 */
export function commandIn(text: string): Intent | undefined {
  const intent = parseCommand(text);
  const words = text.trim().split(/\s+/).length;
  switch (intent.verb) {
    case 'unknown':
    case 'invalid':
      return undefined;
    case 'help':
      return words <= 2 ? intent : undefined;
    case 'prompt':
      return words === 1 || (intent.theme !== undefined && matchTheme(intent.theme) !== undefined) ? intent : undefined;
    case 'welcome':
      // "Welcome on board was a leaflet" is a story; the command is exactly two words.
      return words === 2 ? intent : undefined;
    case 'my-stories':
      return words === 2 ? intent : undefined;
    case 'withdraw':
      return words <= 2 ? intent : undefined;
    case 'review':
    case 'reframe':
    case 'story':
    case 'status':
    case 'resume':
    case 'skip':
      return words === 1 ? intent : undefined;
    default:
      return intent;
  }
}

/** The person a message is from, as the key of everything stories hold about them. */
export function personOf(message: Pick<IncomingMessage, 'platform' | 'workspaceId' | 'userId'>): PersonKey {
  return { platform: message.platform, workspaceId: message.workspaceId, userId: message.userId };
}

/**
 * A DM text from someone with an open question (or an edit in progress): `skip` skips it, a command is
 * left to the grammar, anything else is stored as the story. Undefined when this message is not ours.
 */
export async function handleAnswer(message: IncomingMessage, ctx: Pick<CoreContext, 'store' | 'prompts' | 'settings' | 'outbound' | 'logger'>): Promise<Reply[] | undefined> {
  if (message.source !== 'direct' || !message.isDirect) return undefined;
  const text = message.text.trim();
  if (!text) return undefined;
  const person = await ctx.store.stories.getPerson(personOf(message));
  if (!person?.pending || person.dmConversationId !== message.conversationId) return undefined;
  const intent = commandIn(text);
  if (intent?.verb === 'skip') {
    await ctx.store.stories.setPending(person, undefined);
    return [note(person.pending.kind === 'edit' ? 'Fine, your story stays as it was.' : 'Skipped. No need to answer; the next question comes in due course.')];
  }
  if (intent) return undefined;
  const clipped = text.length > STORY_MAX_CHARS;
  const body = clipped ? text.slice(0, STORY_MAX_CHARS) : text;
  const extra = clipped ? [note(`That was long, so I kept the first ${STORY_MAX_CHARS} characters.`)] : [];
  const minPeople = digestMinPeople(ctx);
  if (person.pending.kind === 'edit') {
    const storyId = person.pending.storyId;
    const before = await ctx.store.stories.get(person, storyId);
    const ok = await ctx.store.stories.edit(person, storyId, body);
    await ctx.store.stories.setPending(person, undefined);
    if (!ok || !before) return [note('That story has been withdrawn, so there is nothing to edit.')];
    // A story waiting for its preview (or one already shared) is previewed again at its level: new words
    // are not shared until their author has seen them as they will appear.
    const level = before.sharing !== 'private' ? before.sharing : person.sharing;
    if (level === 'private') {
      const story = await ctx.store.stories.get(person, storyId);
      return story ? [thanksReply(story, true, minPeople), ...extra] : [];
    }
    if (before.sharing !== 'private') await ctx.store.stories.setSharing(person, storyId, 'private');
    const story = await ctx.store.stories.get(person, storyId);
    return story ? [await previewFor(ctx, message, story, level), ...extra] : [];
  }
  const prompt = ctx.prompts.get(person.pending.promptId);
  // A story to be shared is kept private until its author has seen the preview and confirmed it.
  const story = await ctx.store.stories.add(
    person,
    { promptId: person.pending.promptId, promptText: prompt?.text ?? 'A question for new starters', text: body },
    'private',
  );
  await ctx.store.stories.setPending(person, undefined);
  if (person.sharing === 'private') return [thanksReply(story, false, minPeople), ...extra];
  return [note('Thank you. I have saved your story (privately, for now).'), await previewFor(ctx, message, story, person.sharing), ...extra];
}
