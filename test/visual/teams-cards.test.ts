import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderActivity } from '../../adapters/teams/render.js';
import type { Reply } from '../../src/model/reply.js';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.js';
import { everyReply } from './replies.js';
import { TEAMS_CSS, TEAMS_HOST_CONFIG } from './teams-host.js';
import { teamsMarkdownToHtml } from './teams-markdown.js';

/** Where the PNGs go for a person to look at (gitignored; CI keeps the folder). */
const OUT = path.resolve(import.meta.dirname, '../../', process.env.VISUAL_OUT ?? 'test-output/visual');
const LIBRARY = createRequire(import.meta.url).resolve('adaptivecards/dist/adaptivecards.js');
/** About two and a half phone screens at 360 px. */
const MAX_PHONE_HEIGHT = 1_600;

/** What the page reports about one rendered card. */
interface Rendered {
  text: string;
  height: number;
  cutButtons: string[];
  overflowing: string[];
}

/**
 * Runs in the page (plain JavaScript: the test's TypeScript has no DOM types): renders the card with the
 * official renderer and Teams-like markdown, then measures what a person would notice.
 */
const PAGE_SCRIPT = `function (input, toHtml) {
  const AC = window.AdaptiveCards;
  AC.AdaptiveCard.onProcessMarkdown = (text, out) => { out.outputHtml = toHtml(text, input.mode); out.didProcess = true; };
  const adaptive = new AC.AdaptiveCard();
  adaptive.hostConfig = new AC.HostConfig(input.hostConfig);
  adaptive.parse(input.card);
  const root = document.getElementById('card');
  root.replaceChildren(adaptive.render());
  const cutButtons = [];
  for (const button of root.querySelectorAll('.ac-pushButton')) {
    const title = button.querySelector('div') || button;
    if (title.scrollWidth > title.clientWidth || button.scrollWidth > button.clientWidth) cutButtons.push(button.innerText);
  }
  const right = root.getBoundingClientRect().right + 1;
  const overflowing = [];
  for (const el of root.querySelectorAll('*')) {
    if (el.getBoundingClientRect().right > right) overflowing.push(el.tagName + '.' + el.className + ': ' + (el.innerText || '').slice(0, 40));
  }
  return { text: root.innerText, height: root.getBoundingClientRect().height, cutButtons, overflowing };
}`;

const WIDTHS = [
  { width: 360, mode: 'phone' as const },
  { width: 450, mode: 'desktop' as const },
];

const run = chromiumAvailable();

describe.runIf(run)('Teams cards as people see them (adaptivecards renderer in Chromium, 360 and 450 px)', () => {
  let browser: Browser;
  let replies: Map<string, Reply>;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    replies = await everyReply();
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** One page per width, reused card after card (a new page per card would double the run time). */
  const pages = new Map<number, Page>();
  async function pageFor(width: number): Promise<Page> {
    const known = pages.get(width);
    if (known) return known;
    const page = await browser.newPage({ viewport: { width, height: 800 }, deviceScaleFactor: 1 });
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${TEAMS_CSS}</style></head><body><div id="card" style="width:${width}px"></div></body></html>`);
    // esbuild's keepNames helper, which the transpiled markdown function may refer to.
    await page.evaluate('window.__name = (f) => f');
    await page.addScriptTag({ path: LIBRARY });
    pages.set(width, page);
    return page;
  }

  async function render(name: string, reply: Reply, width: number, mode: 'desktop' | 'phone'): Promise<Rendered> {
    const page = await pageFor(width);
    const card = renderActivity(reply).attachments[0]?.content;
    const args = JSON.stringify({ card, hostConfig: TEAMS_HOST_CONFIG, mode });
    const result = (await page.evaluate(`(${PAGE_SCRIPT})(${args}, ${teamsMarkdownToHtml.toString()})`)) as Rendered;
    await page.locator('#card').screenshot({ path: path.join(OUT, `${name}-${width}.png`) });
    return result;
  }

  it('renders every reply kind with no visible escape, no cut button and a phone-sized height', async () => {
    const problems: string[] = [];
    expect([...replies.keys()]).toEqual(expect.arrayContaining(['prompt', 'help', 'review-strengths', 'review-no-strengths', 'reframe', 'schedule', 'status', 'consent', 'story-question', 'digest-1', 'digest-10', 'form']));
    for (const [name, reply] of replies) {
      for (const { width, mode } of WIDTHS) {
        const r = await render(name, reply, width, mode);
        const where = `${name} at ${width}px (${mode})`;
        if (r.text.trim().length < 10) problems.push(`${where}: rendered almost nothing`);
        if (r.text.includes('\\')) problems.push(`${where}: a backslash shows: ${r.text.slice(Math.max(0, r.text.indexOf('\\') - 30), r.text.indexOf('\\') + 30)}`);
        const entity = /&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i.exec(r.text);
        if (entity) problems.push(`${where}: an entity shows: ${entity[0]}`);
        for (const label of r.cutButtons) problems.push(`${where}: button label cut: "${label}"`);
        for (const o of r.overflowing.slice(0, 3)) problems.push(`${where}: wider than the column: ${o}`);
        const more = r.text.includes('more in the thread');
        if (width === 360 && r.height > MAX_PHONE_HEIGHT && !more) problems.push(`${where}: ${Math.round(r.height)} px tall (more than ${MAX_PHONE_HEIGHT})`);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
