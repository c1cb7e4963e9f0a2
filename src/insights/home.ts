import type { CoreContext } from '../core/types.js';
import type { PlatformName } from '../model/message.js';
import type { Block } from '../model/reply.js';
import { THEME_TITLES } from '../prompts/choose.js';
import { aggregate, formatCount, type PostFacts } from './aggregate.js';
import { windowPosts } from './collect.js';

/** A conversation the person can see, as the platform named it. */
export interface VisibleChannel {
  id: string;
  name: string;
}

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
  const { now, posts } = await windowPosts(ctx, where, weeks);
  const names = new Map(visible.map((c) => [c.id, c.name]));
  const byChannel = new Map<string, PostFacts[]>();
  for (const post of posts) {
    if (!names.has(post.conversationId)) continue;
    byChannel.set(post.conversationId, [...(byChannel.get(post.conversationId) ?? []), post]);
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
