import type { Feature } from '../core/types.js';
import { engagementFeature } from './engagement.js';
import { helpFeature } from './help.js';
import { insightsFeature } from './insights.js';
import { introduceFeature } from './introduce.js';
import { promptsFeature } from './prompts.js';
import { reviewFeature } from './review.js';
import { createScheduleFeature } from './schedule.js';
import { createStoriesFeature } from './stories.js';

/** Every feature the bot runs, in the order they see messages. */
export function allFeatures(): Feature[] {
  return [engagementFeature, createStoriesFeature(), helpFeature, introduceFeature, promptsFeature, reviewFeature, createScheduleFeature(), insightsFeature];
}
