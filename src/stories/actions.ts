import type { CoreContext } from '../core/types.js';
import type { IncomingMessage } from '../model/message.js';
import type { Reply } from '../model/reply.js';
import { personOf } from './answers.js';
import { note } from './messages.js';

type Ctx = Pick<CoreContext, 'store'>;

/** "Skip this question" on a question: closes it without an answer. */
export async function skipAction(message: IncomingMessage, ctx: Ctx): Promise<Reply[]> {
  const person = await ctx.store.stories.getPerson(personOf(message));
  if (person?.pending) await ctx.store.stories.setPending(person, undefined);
  return [note('Skipped. No need to answer; the next question comes in due course.')];
}

/** "Edit" on a saved story: the person's next DM text replaces it. */
export async function editAction(message: IncomingMessage, ctx: Ctx): Promise<Reply[]> {
  const key = personOf(message);
  const storyId = message.action?.value ?? '';
  const person = await ctx.store.stories.getPerson(key);
  if (!person || !(await ctx.store.stories.get(key, storyId))) return [note('That story is no longer there, so there is nothing to edit.')];
  await ctx.store.stories.setPending(key, { kind: 'edit', storyId });
  return [note('Send the new text as your next message here and it will replace what you wrote (or say "skip" to keep it).')];
}

/** "Withdraw" on a saved story: deletes it. */
export async function withdrawAction(message: IncomingMessage, ctx: Ctx): Promise<Reply[]> {
  const key = personOf(message);
  const storyId = message.action?.value ?? '';
  const gone = await ctx.store.stories.withdraw(key, storyId);
  const person = await ctx.store.stories.getPerson(key);
  if (person?.pending?.kind === 'edit' && person.pending.storyId === storyId) await ctx.store.stories.setPending(key, undefined);
  return [note(gone ? 'Withdrawn: that story is deleted and will not be shared.' : 'That story was already withdrawn.')];
}

/** "Keep as is". */
export async function keepAction(): Promise<Reply[]> {
  return [note('Thanks. It is kept as it is.')];
}

/** `forget me`: deletes everything stories hold about the person in this workspace, with counts. */
export async function forgetMe(message: IncomingMessage, ctx: Ctx): Promise<Reply[]> {
  const counts = await ctx.store.stories.forget(personOf(message), message.isDirect ? { dmConversationId: message.conversationId } : {});
  if (counts.stories + counts.jobs + counts.choice === 0) {
    return [note('I hold nothing about you in this workspace: no stories, no questions waiting, no sharing choice.')];
  }
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return [
    note(
      `Done. I deleted ${plural(counts.stories, 'story', 'stories')}, ${plural(counts.jobs, 'scheduled question', 'scheduled questions')} and ${counts.choice ? 'your sharing choice' : 'no sharing choice'}. I hold nothing else about you here; say "story" if you ever want to start again.`,
    ),
  ];
}
