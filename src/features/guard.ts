import { refuseChange, isAdmin, adminsWord } from '../core/permissions.js';
import type { CoreContext } from '../core/types.js';
import type { IncomingMessage } from '../model/message.js';
import { textReply, type Reply } from '../model/reply.js';
import { firesMoreThanDaily } from '../schedule/frequency.js';
import type { ScheduleRule } from '../schedule/rule.js';
import type { SubscriptionKind } from '../store/subscriptions.js';

type Ctx = Pick<CoreContext, 'store' | 'settings' | 'outbound' | 'logger'>;

/** How each setting is named in the answer to someone who may not change it. */
export const SETTING_WORDS = { prompt: "this channel's prompt schedule", digest: "this channel's story digest", welcome: "this channel's welcome" } as const;

/**
 * Checks a change to a conversation's prompt schedule or digest: only the person who set it, an admin
 * (ADMIN_USERS, Slack workspace admins and owners, Teams team owners) or anyone when nothing is set may
 * change it; and in Slack and Teams channels a new rule may fire at most once a day unless an admin sets
 * it (the shell keeps every rule, for trying things). Undefined when the change may go ahead.
 */
export async function guardSubscription(ctx: Ctx, message: IncomingMessage, kind: SubscriptionKind, rule?: { rule: ScheduleRule; now: Date }): Promise<Reply | undefined> {
  const ref = { platform: message.platform, workspaceId: message.workspaceId, conversationId: message.conversationId };
  const current = await ctx.store.subscriptions.forConversation(ref, kind);
  const refused = await refuseChange(ctx, message, SETTING_WORDS[kind], current?.createdBy);
  if (refused) return refused;
  if (rule && message.platform !== 'shell' && !message.isDirect && firesMoreThanDaily(rule.rule, rule.now) && !(await isAdmin(ctx, message))) {
    return textReply(
      `In a channel, ${kind === 'digest' ? 'a digest' : 'a schedule'} runs at most once a day; that rule runs more often. Choose daily, weekdays or weekly (e.g. ${kind === 'digest' ? 'digest weekly friday 15:00' : 'schedule weekly monday 09:30'}), or ask one of the ${adminsWord(message.platform)} or the bot's administrators (ADMIN_USERS) to set it.`,
      { visibility: 'private' },
    );
  }
  return undefined;
}
