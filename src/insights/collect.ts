import type { CoreContext } from '../core/types.js';
import type { PlatformName } from '../model/message.js';
import { customPrompts } from '../prompts/custom.js';
import type { Prompt } from '../prompts/schema.js';
import { aggregate, weekStart, type Insights, type PostFacts } from './aggregate.js';
import type { InsightsScope } from './token.js';

const WEEK_MS = 7 * 86_400_000;

/**
 * The prompts posted in `scope` (a conversation, or a whole workspace) over the `weeks`-week window up to
 * now, as aggregate input with the conversation each was posted in. Prompt texts and themes come from the
 * library or the workspace's own questions (a prompt since removed still counts, without its text).
 */
export async function windowPosts(
  ctx: Pick<CoreContext, 'store' | 'prompts' | 'clock'>,
  scope: { platform: PlatformName; workspaceId: string; conversationId?: string },
  weeks: number,
): Promise<{ now: Date; posts: Array<PostFacts & { conversationId: string }> }> {
  const now = ctx.clock.now();
  const since = new Date(weekStart(now).getTime() - (weeks - 1) * WEEK_MS);
  const rows = await ctx.store.posts.promptEngagement(scope, since);
  const find = await promptLookup(ctx, scope.platform, scope.workspaceId);
  const posts = rows.map((r) => {
    const prompt = find(r.promptId);
    return { conversationId: r.conversationId, promptId: r.promptId, theme: prompt?.theme, text: prompt?.text, postedAt: new Date(r.postedAt), replies: r.replies, reactions: r.reactions };
  });
  return { now, posts };
}

/** Reads the prompts posted in `scope` over the window and aggregates them. */
export async function collectInsights(ctx: Pick<CoreContext, 'store' | 'prompts' | 'clock'>, scope: InsightsScope, weeks = 12): Promise<Insights> {
  const { now, posts } = await windowPosts(ctx, scope, weeks);
  return aggregate(posts, now, weeks);
}

/** Finds a prompt by id in the library or among the workspace's own. */
export async function promptLookup(ctx: Pick<CoreContext, 'store' | 'prompts' | 'clock'>, platform: PlatformName, workspaceId: string): Promise<(id: string) => Prompt | undefined> {
  const own = new Map((await customPrompts(ctx, platform, workspaceId)).map((p) => [p.id, p]));
  return (id) => ctx.prompts.get(id) ?? own.get(id);
}
