import type { CoreContext } from '../core/types.js';
import { aggregate, weekStart, type Insights, type PostFacts } from './aggregate.js';
import type { InsightsScope } from './token.js';

const WEEK_MS = 7 * 86_400_000;

/**
 * Reads the prompts posted in `scope` over the window and aggregates them. Prompt texts and themes come
 * from the library (a prompt since removed from it still counts, without its text).
 */
export async function collectInsights(ctx: Pick<CoreContext, 'store' | 'prompts' | 'clock'>, scope: InsightsScope, weeks = 12): Promise<Insights> {
  const now = ctx.clock.now();
  const since = new Date(weekStart(now).getTime() - (weeks - 1) * WEEK_MS);
  const rows = await ctx.store.posts.promptEngagement(scope, since);
  const posts: PostFacts[] = rows.map((r) => {
    const prompt = ctx.prompts.get(r.promptId);
    return { promptId: r.promptId, theme: prompt?.theme, text: prompt?.text, postedAt: new Date(r.postedAt), replies: r.replies, reactions: r.reactions };
  });
  return aggregate(posts, now, weeks);
}
