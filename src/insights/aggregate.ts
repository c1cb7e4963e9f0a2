import type { Theme } from '../prompts/schema.js';

/** One prompt the bot posted, with the engagement counted on it (never who). */
export interface PostFacts {
  promptId: string;
  theme: Theme | undefined;
  /** The question as posted, when the prompt is still in the library. */
  text: string | undefined;
  postedAt: Date;
  replies: number;
  reactions: number;
}

/**
 * A count that may be too small to show: a figure built from fewer than `SMALL_COUNT` replies or
 * reactions is shown as "fewer than 3", so a quiet channel's figures cannot point at one person.
 */
export type Count = { shown: true; value: number } | { shown: false };

/** The smallest number of replies (or reactions) a figure may be built from. */
export const SMALL_COUNT = 3;

/** Per-theme figures over the window. */
export interface ThemeFigures {
  theme: Theme;
  posts: number;
  replies: Count;
  reactions: Count;
  /** Posts that got at least one reply, as a share of the theme's posts; hidden with the reply count. */
  startedConversation: Count;
}

/** Per-week figures over the window (weeks start on Monday, UTC). */
export interface WeekFigures {
  weekStart: string;
  posts: number;
  replies: Count;
}

/** A question that started conversation. */
export interface TopQuestion {
  promptId: string;
  theme: Theme | undefined;
  text: string;
  replies: number;
}

/** Everything the insights answer and page show, already suppressed where counts are small. */
export interface Insights {
  windowWeeks: number;
  from: string;
  to: string;
  posts: number;
  replies: Count;
  reactions: Count;
  themes: ThemeFigures[];
  weeks: WeekFigures[];
  /** Up to three questions with the most replies; only questions with at least SMALL_COUNT replies. */
  top: TopQuestion[];
}

const count = (value: number): Count => (value >= SMALL_COUNT ? { shown: true, value } : { shown: false });

const DAY_MS = 86_400_000;

/** Monday 00:00 UTC of the week holding `d`. */
export function weekStart(d: Date): Date {
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS);
}

/**
 * Builds the aggregate figures for posts in the `windowWeeks` weeks up to `now`. Pure: the caller
 * fetches posts (prompts only; stories are never part of insights) and passes them in.
 */
export function aggregate(posts: readonly PostFacts[], now: Date, windowWeeks = 12): Insights {
  const firstWeek = new Date(weekStart(now).getTime() - (windowWeeks - 1) * 7 * DAY_MS);
  const inWindow = posts.filter((p) => p.postedAt >= firstWeek && p.postedAt <= now);

  const byTheme = new Map<Theme, { posts: number; replies: number; reactions: number; started: number }>();
  for (const p of inWindow) {
    if (!p.theme) continue;
    const t = byTheme.get(p.theme) ?? { posts: 0, replies: 0, reactions: 0, started: 0 };
    t.posts += 1;
    t.replies += p.replies;
    t.reactions += p.reactions;
    if (p.replies > 0) t.started += 1;
    byTheme.set(p.theme, t);
  }
  const themes: ThemeFigures[] = [...byTheme.entries()]
    .map(([theme, t]) => ({
      theme,
      posts: t.posts,
      replies: count(t.replies),
      reactions: count(t.reactions),
      // A share is only as safe as the replies behind it.
      startedConversation: t.replies >= SMALL_COUNT ? { shown: true as const, value: t.started / t.posts } : { shown: false as const },
    }))
    .sort((a, b) => shownValue(b.replies) - shownValue(a.replies) || b.posts - a.posts || a.theme.localeCompare(b.theme));

  const weeks: WeekFigures[] = [];
  for (let i = 0; i < windowWeeks; i++) {
    const start = new Date(firstWeek.getTime() + i * 7 * DAY_MS);
    const end = start.getTime() + 7 * DAY_MS;
    const these = inWindow.filter((p) => p.postedAt.getTime() >= start.getTime() && p.postedAt.getTime() < end);
    weeks.push({ weekStart: start.toISOString().slice(0, 10), posts: these.length, replies: count(sum(these, 'replies')) });
  }

  const byPrompt = new Map<string, TopQuestion>();
  for (const p of inWindow) {
    if (!p.text) continue;
    const q = byPrompt.get(p.promptId) ?? { promptId: p.promptId, theme: p.theme, text: p.text, replies: 0 };
    q.replies += p.replies;
    byPrompt.set(p.promptId, q);
  }
  const top = [...byPrompt.values()]
    .filter((q) => q.replies >= SMALL_COUNT)
    .sort((a, b) => b.replies - a.replies || a.promptId.localeCompare(b.promptId))
    .slice(0, 3);

  return {
    windowWeeks,
    from: firstWeek.toISOString().slice(0, 10),
    to: now.toISOString().slice(0, 10),
    posts: inWindow.length,
    replies: count(sum(inWindow, 'replies')),
    reactions: count(sum(inWindow, 'reactions')),
    themes,
    weeks,
    top,
  };
}

function sum(posts: readonly PostFacts[], what: 'replies' | 'reactions'): number {
  return posts.reduce((n, p) => n + p[what], 0);
}

function shownValue(c: Count): number {
  return c.shown ? c.value : 0;
}

/** "12" or "fewer than 3": how a count reads in a reply or on the page. */
export function formatCount(c: Count): string {
  return c.shown ? String(c.value) : `fewer than ${SMALL_COUNT}`;
}
