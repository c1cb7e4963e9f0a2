import type { CoreContext, Feature } from '../core/types.js';
import type { IncomingMessage } from '../model/message.js';
import { reply, textReply, type Reply } from '../model/reply.js';
import { choosePrompt, promptReply } from '../prompts/choose.js';
import { matchTheme } from '../prompts/library.js';
import type { Theme } from '../prompts/schema.js';

/** `prompt facilitator`: the word that asks for the facilitator prompts rather than a theme. */
export const FACILITATOR_WORD = /^facilitators?$/i;

async function promptNow(message: IncomingMessage, ctx: CoreContext, themeWord?: string): Promise<Reply[]> {
  let themes: Theme[] | undefined;
  const facilitator = themeWord !== undefined && FACILITATOR_WORD.test(themeWord.trim());
  if (themeWord && !facilitator) {
    const theme = matchTheme(themeWord);
    if (!theme) {
      const shown = themeWord.slice(0, 40);
      return [reply([{ type: 'text', text: `I don't have a theme called "${shown}". Themes: ${ctx.prompts.themes().join(', ')}, or facilitator.`, user: [shown] }], { visibility: 'private' })];
    }
    themes = [theme];
  }
  const prompt = await choosePrompt(ctx, message, facilitator ? { audience: 'facilitator' } : themes ? { themes } : {});
  if (!prompt) return [textReply('I have no prompts for that yet. Add some to the prompt library (see the README).')];
  const answer = facilitator
    ? promptReply(prompt, { intro: 'An opening question for a meeting you are running', anotherValue: 'facilitator' })
    : promptReply(prompt);
  if (message.threadId) answer.inThread = true;
  return [answer];
}

/**
 * `prompt [THEME]`, `prompt facilitator`, a bare mention, and the "Another question" button. The button
 * answers only the person who pressed it (ephemeral in Slack, their 1:1 chat in Teams): one person
 * wanting another question is no reason to post again to everyone, least of all under a scheduled prompt.
 */
export const promptsFeature: Feature = {
  name: 'prompts',
  commands: {
    prompt: (intent, message, ctx) => promptNow(message, ctx, intent.theme),
  },
  actions: {
    'prompt.another': async (message, ctx) => {
      const replies = await promptNow(message, ctx, message.action?.value || undefined);
      return message.isDirect ? replies : replies.map((r) => ({ ...r, visibility: 'private' as const }));
    },
  },
};
