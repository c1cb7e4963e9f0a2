import { THEME_TITLES } from '../prompts/choose.js';
import { formatCount, SMALL_COUNT, type Insights } from './aggregate.js';
import { escapeHtml, horizontalBars, weeklyColumns } from './charts.js';

/**
 * The facilitator page: a self-contained HTML document (inline CSS, SVG charts, no script) that reads
 * well in a 360 px phone column and on a desktop. Everything interpolated is escaped.
 */
export function insightsPage(insights: Insights, where: string): string {
  const themeBars = insights.themes.map((t) => ({
    label: THEME_TITLES[t.theme],
    value: t.startedConversation.shown ? Math.round(t.startedConversation.value * 100) : undefined,
    display: t.startedConversation.shown
      ? `${Math.round(t.startedConversation.value * 100)}% of ${t.posts}`
      : `< ${SMALL_COUNT} replies`,
  }));
  const weekColumns = insights.weeks.map((w) => ({
    label: shortDate(w.weekStart),
    posts: w.posts,
    replies: w.replies.shown ? w.replies.value : undefined,
  }));
  const top = insights.top.length
    ? `<ol class="top">${insights.top.map((q) => `<li><span class="q">${escapeHtml(q.text)}</span><span class="n">${q.replies} replies${q.theme ? ` · ${escapeHtml(THEME_TITLES[q.theme])}` : ''}</span></li>`).join('')}</ol>`
    : `<p class="empty">No question has had ${SMALL_COUNT} or more replies in this window yet.</p>`;
  const summary = `${insights.posts} prompt${insights.posts === 1 ? '' : 's'} posted · ${escapeHtml(formatCount(insights.replies))} replies · ${escapeHtml(formatCount(insights.reactions))} reactions`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><meta name="referrer" content="no-referrer">
<title>moodmusic insights</title>
<style>
body{font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1f2328;background:#f6f7f9}
main{max-width:720px;margin:0 auto;padding:16px}
h1{font-size:1.35rem;margin:.2rem 0}h2{font-size:1.05rem;margin:1.4rem 0 .4rem}
.sub{color:#57606a;margin:0 0 .8rem}.card{background:#fff;border:1px solid #d8dee4;border-radius:8px;padding:12px 14px;margin:10px 0}
.chart{display:block;max-width:100%;height:auto}.chart .label,.chart .value{font-size:16px;fill:#1f2328}.chart .tick{font-size:13px;fill:#57606a}
.top{padding-left:1.3rem;margin:0}.top li{margin:.5rem 0}.top .q{display:block}.top .n{color:#57606a;font-size:.9rem}
.empty,.note{color:#57606a}footer{color:#57606a;font-size:.85rem;margin:1.5rem 0}
</style></head>
<body><main>
<h1>Which questions start conversations</h1>
<p class="sub">${escapeHtml(where)} · ${escapeHtml(insights.from)} to ${escapeHtml(insights.to)} (${insights.windowWeeks} weeks)</p>
<div class="card summary">${summary}</div>
<h2>Themes: prompts that got at least one reply</h2>
<div class="card">${themeBars.length ? horizontalBars('Share of prompts that got a reply, by theme', themeBars, 100) : '<p class="empty">No prompts posted in this window.</p>'}</div>
<h2>Week by week</h2>
<div class="card">${weeklyColumns('Prompts posted and replies, week by week', weekColumns)}</div>
<h2>Questions that started the most conversation</h2>
<div class="card">${top}</div>
<footer>Counts only: who replied or reacted is never recorded. A figure built from fewer than ${SMALL_COUNT} replies is shown as "fewer than ${SMALL_COUNT}". New-starter stories are not part of this page. This link stops working an hour after it was made.</footer>
</main></body></html>`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function shortDate(isoDay: string): string {
  const [, m, d] = isoDay.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1] ?? ''}`;
}

/** The page shown for any refused link: the same words whatever the reason, and no data. */
export function refusedPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Link expired</title></head><body style="font:16px system-ui,sans-serif;max-width:640px;margin:2rem auto;padding:0 1rem"><h1 style="font-size:1.3rem">This link has expired or is not valid</h1><p>Insights links work for an hour. Ask the bot for <b>insights</b> again in the channel to get a fresh one.</p></body></html>`;
}
