import type { CoreContext } from '../core/types.js';
import type { PlatformName } from '../model/message.js';
import type { Block } from '../model/reply.js';
import { THEME_TITLES } from '../prompts/choose.js';
import { promptLookup } from './collect.js';
import { aggregate, formatCount, weekStart, type PostFacts } from './aggregate.js';

/** A conversation the person can see, as the platform named it. */
export interface VisibleChannel {
  id: string;
  name: string;
}

const WEEK_MS = 7 * 86_400_000;

/**
 * A small per-channel summary for a person's home view: only channels the platform says this person can
 * see, only channels with prompts in the last `weeks` weeks, counts only (small ones hidden).
 */
export async function homeInsights(
  ctx: Pick<CoreContext, 'store' | 'prompts' | 'clock'>,
  where: { platform: PlatformName; workspaceId: string },
  visible: readonly VisibleChannel[],
  weeks = 12,
): Promise<Block[]> {
  const now = ctx.clock.now();
  const since = new Date(weekStart(now).getTime() - (weeks - 1) * WEEK_MS);
  const rows = await ctx.store.posts.promptEngagement(where, since);
  const names = new Map(visible.map((c) => [c.id, c.name]));
  const find = await promptLookup(ctx, where.platform, where.workspaceId);
  const byChannel = new Map<string, PostFacts[]>();
  for (const r of rows) {
    if (!names.has(r.conversationId)) continue;
    const prompt = find(r.promptId);
    const facts: PostFacts = { promptId: r.promptId, theme: prompt?.theme, text: prompt?.text, postedAt: new Date(r.postedAt), replies: r.replies, reactions: r.reactions };
    byChannel.set(r.conversationId, [...(byChannel.get(r.conversationId) ?? []), facts]);
  }
  const lines = [...byChannel.entries()]
    .map(([id, posts]) => {
      const a = aggregate(posts, now, weeks);
      const lead = a.themes.find((t) => t.startedConversation.shown);
      return {
        name: names.get(id) ?? id,
        posts: a.posts,
        text: `#${names.get(id) ?? id}: ${a.posts} prompt${a.posts === 1 ? '' : 's'}, ${formatCount(a.replies)} replies${lead ? `; most conversation: ${THEME_TITLES[lead.theme]}` : ''}`,
      };
    })
    .sort((x, y) => y.posts - x.posts || x.name.localeCompare(y.name))
    .slice(0, 10);
  if (lines.length === 0) {
    return [{ type: 'text', text: `None of your channels has had a scheduled prompt in the last ${weeks} weeks.` }];
  }
  return [
    { type: 'text', text: `Your channels, last ${weeks} weeks (counts only, never who replied):` },
    { type: 'list', items: lines.map((l) => l.text) },
    { type: 'context', text: 'Say insights in a channel for its charts.' },
  ];
}
