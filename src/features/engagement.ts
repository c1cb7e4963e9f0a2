import type { CoreContext, Feature } from '../core/types.js';
import type { ConversationRef } from '../model/message.js';

/**
 * Engagement with what the bot posted, counted per post and never per person: a reply in a prompt's
 * thread adds one to that post's `replies`, a reaction on it adds one to its `reactions`. Who replied or
 * reacted is not stored. Messages on anything that is not one of our posts change nothing.
 *
 * Replies arrive as ordinary messages (`source: 'thread'`, `threadId` = the parent's message id) and are
 * counted by `intercept`, which then passes them on. Reactions are not messages, so adapters report them
 * through `recordReaction` instead of inventing a message for them.
 */
export const engagementFeature: Feature = {
  name: 'engagement',
  async intercept(message, ctx) {
    if (message.source === 'thread' && message.threadId) {
      const { platform, workspaceId, conversationId } = message;
      await ctx.store.posts.countEngagement({ platform, workspaceId, conversationId }, message.threadId, 'replies');
    }
    return undefined;
  },
};

/**
 * Counts a reaction added to message `messageId` in `ref`'s conversation. Returns true when that message
 * is one of our posts (and was counted), false when it is someone else's.
 */
export async function recordReaction(ctx: Pick<CoreContext, 'store'>, ref: ConversationRef, messageId: string, eventId?: string): Promise<boolean> {
  const { platform, workspaceId, conversationId } = ref;
  // A redelivered reaction event must not count twice.
  if (eventId && !(await ctx.store.events.claim(platform, workspaceId, eventId))) return false;
  return ctx.store.posts.countEngagement({ platform, workspaceId, conversationId }, messageId, 'reactions');
}
