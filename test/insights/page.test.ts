import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startLocalWeb } from '../../adapters/web.js';
import type { Reply } from '../../src/model/reply.js';
import { handleWebGet } from '../../src/web/insights-route.js';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.js';
import { mention, testCore } from '../helpers/core.js';

const OUT = path.resolve(import.meta.dirname, '../../test-output');
const SECRET = 'insights-test-secret-0123456789';

function linkOf(replies: Reply[]): string {
  for (const r of replies) for (const b of r.blocks) if (b.type === 'link') return b.url;
  throw new Error('no link in the insights answer');
}

describe('the insights page', () => {
  let base = '';
  let env: Awaited<ReturnType<typeof testCore>>;
  let web: Awaited<ReturnType<typeof startLocalWeb>>;
  let browser: Browser | undefined;
  const hasChromium = chromiumAvailable();

  beforeAll(async () => {
    env = await testCore({ start: '2026-11-27T12:00:00Z', settings: { insightsSecret: SECRET, webBase: () => base } });
    web = await startLocalWeb((url) => handleWebGet(url, env.core.ctx), (e) => {
      throw e;
    });
    base = web.base;
    // Ten weeks of prompts in C1 (and one busy prompt in C2 that C1's page must not show).
    const prompts = env.core.ctx.prompts.eligible('channel');
    for (let week = 0; week < 10; week++) {
      env.clock.set(new Date(Date.UTC(2026, 8, 21 + week * 7, 9, 30)));
      const themes = [...new Set(prompts.map((p) => p.theme))];
      const theme = themes[week % themes.length];
      const prompt = prompts.filter((p) => p.theme === theme)[Math.floor(week / themes.length)]!;
      const ref = { platform: 'shell' as const, workspaceId: 'W1', conversationId: 'C1' };
      await env.store.posts.record({ ...ref, messageId: `m${week}`, kind: 'prompt', promptId: prompt.id });
      for (let i = 0; i < (week * 3) % 7; i++) await env.store.posts.countEngagement(ref, `m${week}`, 'replies');
      for (let i = 0; i < week % 4; i++) await env.store.posts.countEngagement(ref, `m${week}`, 'reactions');
    }
    const other = { platform: 'shell' as const, workspaceId: 'W1', conversationId: 'C2' };
    await env.store.posts.record({ ...other, messageId: 'x', kind: 'prompt', promptId: prompts.at(-1)!.id });
    for (let i = 0; i < 40; i++) await env.store.posts.countEngagement(other, 'x', 'replies');
    env.clock.set(new Date('2026-11-27T12:00:00Z'));
    if (hasChromium) browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await env?.close();
  });

  it('answers insights privately with figures and a signed link, counts only', async () => {
    const replies = await env.core.handle(mention('insights'));
    expect(replies[0]?.visibility).toBe('private');
    const text = JSON.stringify(replies);
    expect(text).toContain('Prompts posted');
    expect(text).toContain('never who replied');
    expect(linkOf(replies)).toMatch(new RegExp(`^${base}/insights\\?t=`));
  });

  it('serves the channel page with its charts and only that channel’s data', async () => {
    const url = linkOf(await env.core.handle(mention('insights')));
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html.match(/<svg class="chart"/g)).toHaveLength(2);
    const c2Question = env.core.ctx.prompts.eligible('channel').at(-1)!.text;
    expect(html).not.toContain(c2Question.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;'));
  });

  it('refuses expired, forged and other-channel links with 403 and no data', async () => {
    const url = new URL(linkOf(await env.core.handle(mention('insights'))));
    const token = url.searchParams.get('t')!;
    const [body, sig] = token.split('.');
    const payload = JSON.parse(Buffer.from(body!, 'base64url').toString()) as Record<string, unknown>;
    const otherChannel = `${Buffer.from(JSON.stringify({ ...payload, c: 'C2' })).toString('base64url')}.${sig}`;
    const forged = `${body}.${Buffer.from('x'.repeat(32)).toString('base64url')}`;
    for (const bad of [otherChannel, forged, '', 'nonsense']) {
      const res = await fetch(`${base}/insights?t=${encodeURIComponent(bad)}`);
      expect(res.status).toBe(403);
      const html = await res.text();
      expect(html).not.toContain('<svg');
      expect(html).toContain('expired or is not valid');
    }
    env.clock.advance(61 * 60_000);
    try {
      const res = await fetch(url);
      expect(res.status).toBe(403);
      expect(await res.text()).not.toContain('<svg');
    } finally {
      env.clock.set(new Date('2026-11-27T12:00:00Z'));
    }
  });

  it.skipIf(!hasChromium)('renders in headless Chromium on a phone and a desktop: charts drawn, nothing overflowing', async () => {
    const url = linkOf(await env.core.handle(mention('insights')));
    mkdirSync(OUT, { recursive: true });
    for (const width of [360, 1024]) {
      const page = await browser!.newPage({ viewport: { width, height: 800 } });
      const failed: string[] = [];
      page.on('requestfailed', (r) => failed.push(r.url()));
      await page.goto(url);
      // Evaluated in the page (a string: the test project has no DOM types).
      const facts = (await page.evaluate(`(() => ({
        charts: document.querySelectorAll('svg.chart').length,
        bars: document.querySelectorAll('svg.chart rect.bar').length,
        columns: document.querySelectorAll('svg.chart rect.col').length,
        overflow: document.documentElement.scrollWidth - window.innerWidth,
        chartWidths: [...document.querySelectorAll('svg.chart')].map((s) => s.getBoundingClientRect().width),
        heading: document.querySelector('h1')?.textContent,
      }))()`)) as { charts: number; bars: number; columns: number; overflow: number; chartWidths: number[]; heading: string };
      expect(facts.charts).toBe(2);
      expect(facts.bars).toBeGreaterThan(0);
      expect(facts.columns).toBe(24); // 12 weeks × (posts, replies)
      expect(facts.overflow).toBeLessThanOrEqual(0);
      for (const w of facts.chartWidths) expect(w).toBeGreaterThan(width > 700 ? 300 : 250);
      expect(facts.heading).toBe('Which questions start conversations');
      expect(failed).toEqual([]);
      const png = await page.screenshot({ fullPage: true });
      writeFileSync(path.join(OUT, `insights-${width}.png`), png);
      // A blank or broken page compresses to almost nothing; charts and text do not.
      expect(png.length).toBeGreaterThan(15_000);
      await page.close();
    }
  });
});
