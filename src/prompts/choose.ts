import type { CoreContext } from '../core/types.js';
import type { ConversationRef } from '../model/message.js';
import { reply, type Reply } from '../model/reply.js';
import { pickNext } from './rotation.js';
import type { Audience, Prompt, Theme } from './schema.js';

/**
 * Picks the next prompt for a conversation and records the use, so the rotation state lives in the store.
 * Returns undefined when no prompt fits (e.g. a theme with no prompts for this audience).
 */
export async function choosePrompt(
  ctx: Pick<CoreContext, 'store' | 'prompts' | 'settings'>,
  ref: ConversationRef,
  options: { themes?: readonly Theme[]; audience?: Audience } = {},
): Promise<Prompt | undefined> {
  const eligible = ctx.prompts.eligible(options.audience ?? 'channel', options.themes);
  const used = await ctx.store.rotation.lastUsed(ref);
  const key = `${ref.platform}:${ref.workspaceId}:${ref.conversationId}`;
  const prompt = pickNext(eligible, used, ctx.settings.rotationSeed, key);
  if (prompt) await ctx.store.rotation.markUsed(ref, prompt.id);
  return prompt;
}

const THEME_TITLES: Record<Theme, string> = {
  purpose: 'Purpose',
  perspectives: 'More perspectives',
  onboarding: 'How things really get done here',
  language: 'Language',
  people: 'Who is in the room',
  design: 'Meeting design',
};

/** The reply that carries a prompt: the question, why it matters, and a way to get another. */
export function promptReply(prompt: Prompt, options: { intro?: string; anotherButton?: boolean } = {}): Reply {
  return reply(
    [
      { type: 'header', text: options.intro ?? `A question on ${THEME_TITLES[prompt.theme].toLowerCase()}` },
      { type: 'text', text: prompt.text },
      ...(prompt.followUps.length ? [{ type: 'list' as const, items: prompt.followUps }] : []),
      { type: 'context', text: `Why this question: ${prompt.why}` },
      ...(options.anotherButton === false
        ? []
        : [{ type: 'actions' as const, buttons: [{ id: 'prompt.another', label: 'Another question', value: prompt.theme }] }]),
    ],
    { fallback: prompt.text, metadata: { type: 'moodmusic_prompt', payload: { prompt_id: prompt.id, theme: prompt.theme } } },
  );
}

export { THEME_TITLES };
