import { readFileSync } from 'node:fs';
import type { WebResponse } from './insights-route.js';

/** The README heading whose section is the privacy notice: one text for the README and the bot's page. */
export const PRIVACY_HEADING = '## New-starter stories and privacy';

const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'public, max-age=3600',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};

/** The package's README.md (next to package.json, from the source tree or from dist/). */
function readPackageFile(name: string): string | undefined {
  for (const rel of ['../../', '../../../']) {
    try {
      return readFileSync(new URL(`${rel}${name}`, import.meta.url), 'utf8');
    } catch {
      // Try the next depth.
    }
  }
  return undefined;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Inline markdown the README uses: `code`, **bold**, *emphasis*, [text](https://…). Input is escaped first. */
function inline(text: string): string {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\*([^*]+)\*/g, '<em>$1</em>')
    .replace(/\[([^\]]+)\]\((https:\/\/[^)\s]+)\)/g, '<a href="$2">$1</a>');
}

/** The few block forms the privacy section uses: paragraphs, "- " lists (with continuation lines), tables. */
export function markdownToHtml(markdown: string): string {
  const out: string[] = [];
  const blocks = markdown.trim().split(/\n\s*\n/);
  for (const block of blocks) {
    const lines = block.split('\n');
    const first = lines[0] ?? '';
    if (/^#{2,4} /.test(first)) {
      const level = Math.min(6, (first.match(/^#+/)?.[0].length ?? 2));
      out.push(`<h${level}>${inline(first.replace(/^#+ /, ''))}</h${level}>`);
    } else if (first.startsWith('|')) {
      const rows = lines.filter((l) => !/^\|\s*-/.test(l)).map((l) => l.replace(/^\||\|$/g, '').split(' | ').map((c) => c.trim()));
      const [head, ...body] = rows;
      out.push(
        `<table><thead><tr>${(head ?? []).map((c) => `<th>${inline(c)}</th>`).join('')}</tr></thead><tbody>${body
          .map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`,
      );
    } else if (first.startsWith('- ')) {
      const items: string[] = [];
      for (const line of lines) {
        if (line.startsWith('- ')) items.push(line.slice(2));
        else items[items.length - 1] += ` ${line.trim()}`;
      }
      out.push(`<ul>${items.map((i) => `<li>${inline(i)}</li>`).join('')}</ul>`);
    } else {
      out.push(`<p>${inline(lines.map((l) => l.trim()).join(' '))}</p>`);
    }
  }
  return out.join('\n');
}

/** The README's privacy section (heading to the next `## `), or undefined when the README is not there. */
export function privacySection(readme: string): string | undefined {
  const start = readme.indexOf(`${PRIVACY_HEADING}\n`);
  if (start === -1) return undefined;
  const rest = readme.slice(start + PRIVACY_HEADING.length);
  const end = rest.search(/\n## /);
  return (end === -1 ? rest : rest.slice(0, end)).trim();
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}code{background:#f3f3f3;padding:0 .2rem}</style>
</head><body>
${body}
</body></html>
`;
}

/** `GET /privacy`: the README's privacy section as a page, for the Teams package's privacyUrl. */
export function privacyPage(readme = readPackageFile('README.md')): WebResponse {
  const section = readme ? privacySection(readme) : undefined;
  if (!section) {
    return { status: 500, headers: HEADERS, body: page('Privacy', '<p>The privacy notice could not be read: README.md is missing from this installation. Ask the people who run this bot.</p>') };
  }
  return {
    status: 200,
    headers: HEADERS,
    body: page('moodmusic: privacy', `<h1>moodmusic: what is stored, where, and for how long</h1>\n<p>This bot is run by your organisation, on its own servers: nothing is sent to the makers of moodmusic.</p>\n${markdownToHtml(section)}`),
  };
}

/** `GET /terms`: terms of use, for the Teams package's termsOfUseUrl. */
export function termsPage(licence = readPackageFile('LICENSE')): WebResponse {
  const body = [
    '<h1>moodmusic: terms of use</h1>',
    '<p>moodmusic is run by your organisation, which decides who may use it and answers for how it is used. It posts reflective questions, reviews meeting plans you give it, and asks new starters about their first weeks; it is not a record of anyone\'s performance, and nothing is counted per person.</p>',
    '<p>What it stores and how to delete it: see the <a href="/privacy">privacy notice</a>. Say <code>forget me</code> to the bot to delete everything it holds about you.</p>',
    '<p>The software is provided under the licence below, "as is", without warranty of any kind.</p>',
    licence ? `<pre>${escapeHtml(licence)}</pre>` : '<p>The MIT licence.</p>',
  ].join('\n');
  return { status: 200, headers: HEADERS, body: page('moodmusic: terms of use', body) };
}
