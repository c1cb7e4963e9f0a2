import type { Feature } from '../core/types.js';
import { adminsWord, isAdmin } from '../core/permissions.js';
import { textReply } from '../model/reply.js';
import { engagementFeature } from './engagement.js';
import { guardSubscription } from './guard.js';
import { helpFeature } from './help.js';
import { insightsFeature } from './insights.js';
import { introduceFeature } from './introduce.js';
import { createOwnPromptsFeature, type SettingsGuard } from './own-prompts.js';
import { promptsFeature } from './prompts.js';
import { reviewFeature } from './review.js';
import { createScheduleFeature } from './schedule.js';
import { createStoriesFeature } from './stories.js';

/** Every feature the bot runs, in the order they see messages. */
export function allFeatures(): Feature[] {
  return [engagementFeature, createStoriesFeature(), helpFeature, introduceFeature, promptsFeature, reviewFeature, createScheduleFeature(), insightsFeature, createOwnPromptsFeature(ownPromptsGuard)];
}

/**
 * A workspace's own questions may be changed by whoever may change the channel's prompt schedule; from a
 * direct message, where there is no channel, only by admins.
 */
const ownPromptsGuard: SettingsGuard = async (ctx, message) => {
  if (!message.isDirect) return guardSubscription(ctx, message, 'prompt');
  if (await isAdmin(ctx, message)) return undefined;
  return textReply(`Add or remove questions in the channel they are for, or ask one of the ${adminsWord(message.platform)} or the bot's administrators (ADMIN_USERS).`, {
    visibility: 'private',
  });
};
