import type { Feature } from '../core/types.js';
import { formatCount, SMALL_COUNT, type ThemeFigures } from '../insights/aggregate.js';
import { collectInsights } from '../insights/collect.js';
import { signToken, type InsightsScope } from '../insights/token.js';
import { reply, type Block } from '../model/reply.js';
import { THEME_TITLES } from '../prompts/choose.js';

/** Share of a theme's prompts that got a reply (0 when hidden). */
const share = (t: ThemeFigures): number => (t.startedConversation.shown ? t.startedConversation.value : 0);

/**
 * `insights [workspace] [weeks N]`: aggregate engagement with the prompts posted here (or across the
 * workspace), answered privately, with a short-lived link to the charts page when the bot has a URL.
 * Only counts per post are read; nothing is ever per person.
 */
export const insightsFeature: Feature = {
  name: 'insights',
  commands: {
    async insights(intent, message, ctx) {
      const workspaceWide = intent.scope === 'workspace' || message.isDirect;
      const scope: InsightsScope = {
        platform: message.platform,
        workspaceId: message.workspaceId,
        ...(workspaceWide ? {} : { conversationId: message.conversationId }),
      };
      const weeks = intent.weeks ?? 12;
      const insights = await collectInsights(ctx, scope, weeks);
      const where = workspaceWide ? 'this workspace' : 'this channel';
      const blocks: Block[] = [{ type: 'header', text: `Insights for ${where}, last ${weeks} week${weeks === 1 ? '' : 's'}` }];
      if (insights.posts === 0) {
        blocks.push({
          type: 'text',
          text: workspaceWide
            ? 'No scheduled prompts were posted in this workspace in that time, so there is nothing to show yet.'
            : 'No scheduled prompts were posted here in that time, so there is nothing to show yet. Say "schedule weekly monday 09:30" to start.',
        });
      } else {
        blocks.push({
          type: 'fields',
          fields: [
            { label: 'Prompts posted', value: String(insights.posts) },
            { label: 'Replies', value: formatCount(insights.replies) },
            { label: 'Reactions', value: formatCount(insights.reactions) },
          ],
        });
        const themes = insights.themes
          .filter((t) => t.startedConversation.shown)
          .sort((a, b) => share(b) - share(a) || b.posts - a.posts)
          .map((t) => `${THEME_TITLES[t.theme]}: ${Math.round(share(t) * 100)}% of ${t.posts} prompt${t.posts === 1 ? '' : 's'} got a reply`);
        if (themes.length) blocks.push({ type: 'text', text: 'Themes that started conversation:' }, { type: 'list', items: themes });
        if (insights.top.length) {
          blocks.push({ type: 'text', text: 'Questions that started the most conversation:' }, { type: 'list', ordered: true, items: insights.top.map((q) => `${q.text} (${q.replies} replies)`) });
        }
      }
      const base = ctx.settings.webBase?.();
      if (base && ctx.settings.insightsSecret) {
        const token = signToken(ctx.settings.insightsSecret, scope, ctx.clock.now());
        blocks.push({ type: 'link', label: 'Open the charts (link works for an hour)', url: `${base.replace(/\/+$/, '')}/insights?t=${token}` });
      } else {
        blocks.push({ type: 'context', text: 'The charts page needs the bot to have a web address: the people who run it can set PUBLIC_URL.' });
      }
      blocks.push({
        type: 'context',
        text: `Counts only, never who replied. A figure from fewer than ${SMALL_COUNT} replies shows as "fewer than ${SMALL_COUNT}". Stories are not included.`,
      });
      return [reply(blocks, { visibility: 'private' })];
    },
  },
};
