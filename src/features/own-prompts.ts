import { randomBytes } from 'node:crypto';
import type { CoreContext, Feature } from '../core/types.js';
import { UserInputError } from '../errors.js';
import type { IncomingMessage } from '../model/message.js';
import { reply, textReply, type Reply } from '../model/reply.js';
import { checkQuestion, CUSTOM_LIMITS, forgetCustomCache } from '../prompts/custom.js';
import { matchTheme } from '../prompts/library.js';
import { THEMES } from '../prompts/schema.js';

/** Short ids people can type back: `c-` and four letters or digits. */
function newId(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return `c-${[...randomBytes(4)].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

/**
 * Checks that the sender may change this channel's settings (the person who set its schedule, admins,
 * ADMIN_USERS). Undefined when allowed, else the short answer naming who can.
 */
export type SettingsGuard = (ctx: CoreContext, message: IncomingMessage) => Promise<Reply | undefined>;

/**
 * A channel's own questions: `prompt add THEME "QUESTION" [why "..."]`, `prompt list mine|all`,
 * `prompt remove ID`. Kept per workspace and used in rotation beside the library's questions. Adding and
 * removing need the right to change the channel's settings (`guard`).
 */
export function createOwnPromptsFeature(guard: SettingsGuard): Feature {
  return {
    name: 'own-prompts',
    commands: {
      async 'prompt-add'(intent, message, ctx) {
        const refused = await guard(ctx, message);
        if (refused) return [refused];
        const theme = matchTheme(intent.theme);
        if (!theme) throw new UserInputError(`"${intent.theme.slice(0, 30)}" is not a theme. Themes: ${THEMES.join(', ')}.`);
        const check = checkQuestion(intent.question, intent.why);
        if (check.problems.length) {
          return [
            reply(
              [
                { type: 'text', text: `I have not added it. ${check.problems.join(' ')}` },
                ...(check.suggestions.length
                  ? [{ type: 'text' as const, text: 'It could be asked like this:' }, { type: 'list' as const, items: check.suggestions }]
                  : []),
              ],
              { visibility: 'private' },
            ),
          ];
        }
        const existing = await ctx.store.customPrompts.list(message.platform, message.workspaceId);
        if (existing.length >= CUSTOM_LIMITS.perWorkspace) {
          throw new UserInputError(`This workspace already has ${existing.length} questions of its own, the most it can keep. Remove one first (prompt list all).`);
        }
        if (existing.some((p) => p.text.trim().toLowerCase() === intent.question.trim().toLowerCase())) {
          throw new UserInputError('That question is already in this workspace’s own questions.');
        }
        const added = await ctx.store.customPrompts.add({
          id: newId(),
          platform: message.platform,
          workspaceId: message.workspaceId,
          theme,
          text: intent.question.trim(),
          ...(intent.why?.trim() ? { why: intent.why.trim() } : {}),
          createdBy: message.userId,
        });
        forgetCustomCache(ctx, message.platform, message.workspaceId);
        return [
          textReply(`Added to the ${theme} questions for this workspace as ${added.id}: "${added.text}". It joins the rotation; say prompt remove ${added.id} to take it out.`, {
            visibility: 'private',
          }),
        ];
      },
      async 'prompt-list'(intent, message, ctx) {
        const list = await ctx.store.customPrompts.list(message.platform, message.workspaceId, intent.mine ? message.userId : undefined);
        if (list.length === 0) {
          return [textReply(intent.mine ? 'You have not added any questions. Try: prompt add purpose "What is this team for, in one sentence?"' : 'This workspace has no questions of its own yet.', { visibility: 'private' })];
        }
        return [
          reply(
            [
              { type: 'text', text: intent.mine ? 'Questions you added:' : 'This workspace’s own questions:' },
              { type: 'list', items: list.map((p) => `${p.id} (${p.theme}): ${p.text}`) },
              { type: 'context', text: 'Say prompt remove ID to take one out.' },
            ],
            { visibility: 'private' },
          ),
        ];
      },
      async 'prompt-remove'(intent, message, ctx) {
        const refused = await guard(ctx, message);
        if (refused) return [refused];
        const removed = await ctx.store.customPrompts.remove(message.platform, message.workspaceId, intent.id);
        forgetCustomCache(ctx, message.platform, message.workspaceId);
        if (!removed) throw new UserInputError(`There is no question ${intent.id.slice(0, 20)} in this workspace. Say prompt list all to see the ids.`);
        return [textReply(`Removed ${intent.id}. It will not be asked again.`, { visibility: 'private' })];
      },
    },
  };
}
