import type { CoreContext, Feature } from '../core/types.js';
import type { IncomingMessage } from '../model/message.js';
import { textReply, type Reply } from '../model/reply.js';
import { choosePrompt, promptReply } from '../prompts/choose.js';
import { matchTheme } from '../prompts/library.js';
import type { Theme } from '../prompts/schema.js';

async function promptNow(message: IncomingMessage, ctx: CoreContext, themeWord?: string): Promise<Reply[]> {
  let themes: Theme[] | undefined;
  if (themeWord) {
    const theme = matchTheme(themeWord);
    if (!theme) {
      return [textReply(`I don't have a theme called "${themeWord.slice(0, 40)}". Themes: ${ctx.prompts.themes().join(', ')}.`, { visibility: 'private' })];
    }
    themes = [theme];
  }
  const prompt = await choosePrompt(ctx, message, themes ? { themes } : {});
  if (!prompt) return [textReply('I have no prompts for that yet. Add some to the prompt library (see the README).')];
  const answer = promptReply(prompt);
  if (message.threadId) answer.inThread = true;
  return [answer];
}

/** `prompt [THEME]`, a bare mention, and the "Another question" button. */
export const promptsFeature: Feature = {
  name: 'prompts',
  commands: {
    prompt: (intent, message, ctx) => promptNow(message, ctx, intent.theme),
  },
  actions: {
    'prompt.another': (message, ctx) => promptNow(message, ctx, message.action?.value || undefined),
  },
};
