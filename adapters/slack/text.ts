/**
 * Slack text at the edge: escaping everything we send, fitting it into Slack's length limits, and turning
 * what Slack sends us (entities, `<…>` markup) into the plain text the core expects.
 */

/**
 * Escapes text for any Slack text field. Slack treats `<…>` as markup (`<!channel>`, `<@U123>`, links) and
 * decodes `&amp;`, `&lt;`, `&gt;`, so escaping these three makes echoed text inert.
 */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes `raw` and shortens it (with an ellipsis) so the escaped result is at most `max` characters. */
export function fitEscaped(raw: string, max: number): string {
  const escaped = escapeSlack(raw);
  if (escaped.length <= max) return escaped;
  let out = '';
  for (const ch of raw) {
    const next = escapeSlack(ch);
    if (out.length + next.length > max - 1) break;
    out += next;
  }
  return `${out.trimEnd()}…`;
}

interface Piece {
  text: string;
  /** What joins this piece to the one before it. */
  sep: string;
}

const LEVELS: Array<{ split: RegExp; sep: string }> = [
  { split: /\n{2,}/, sep: '\n\n' },
  { split: /\n/, sep: '\n' },
  { split: /(?<=[.!?;:])\s+/, sep: ' ' },
  { split: /\s+/, sep: ' ' },
];

function pieces(raw: string, max: number, render: (s: string) => string, level: number): Piece[] {
  if (render(raw).length <= max) return [{ text: raw, sep: '' }];
  const rule = LEVELS[level];
  if (!rule) {
    // No boundary left: cut by characters, small enough that any escaping still fits.
    const size = Math.max(1, Math.floor((max - 8) / 5));
    const out: Piece[] = [];
    for (let i = 0; i < raw.length; i += size) out.push({ text: raw.slice(i, i + size), sep: '' });
    return out;
  }
  const parts = raw.split(rule.split).filter((p) => p.trim() !== '');
  const out: Piece[] = [];
  parts.forEach((part, i) => {
    const sub = pieces(part, max, render, level + 1);
    sub.forEach((p, j) => out.push({ text: p.text, sep: j === 0 ? (i === 0 ? '' : rule.sep) : p.sep }));
  });
  return out;
}

/**
 * Splits `raw` into chunks whose rendering fits `max` characters, breaking at paragraphs, then lines,
 * then sentences, then words, and only as a last resort inside a word. Returns the rendered chunks.
 */
export function splitRendered(raw: string, max: number, render: (s: string) => string = escapeSlack): string[] {
  const text = raw.trim();
  if (!text) return [];
  const out: string[] = [];
  let current = '';
  for (const piece of pieces(text, max, render, 0)) {
    const candidate = current ? current + piece.sep + piece.text : piece.text;
    if (render(candidate).length <= max) {
      current = candidate;
    } else {
      if (current.trim()) out.push(render(current.trim()));
      current = piece.text;
    }
  }
  if (current.trim()) out.push(render(current.trim()));
  return out;
}

/** Decodes the three entities Slack encodes in message text. */
export function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const BROADCASTS = new Set(['channel', 'here', 'everyone']);

function plainMarkup(inner: string): string {
  const [target = '', label] = splitOnce(inner, '|');
  if (target.startsWith('@')) return `@${label || target.slice(1)}`;
  if (target.startsWith('#')) return `#${label || 'channel'}`;
  if (target.startsWith('!')) {
    const name = target.slice(1);
    // Kept as the literal characters the person wrote, so any echo of it is escaped and shows, not pings.
    if (BROADCASTS.has(name)) return `<!${name}>`;
    if (name.startsWith('subteam^')) return label || '@group';
    return label ?? '';
  }
  return label || target.replace(/^mailto:/, '');
}

function splitOnce(text: string, sep: string): [string, string | undefined] {
  const i = text.indexOf(sep);
  return i < 0 ? [text, undefined] : [text.slice(0, i), text.slice(i + 1)];
}

/** The bot's own mention (`<@UBOT>`, `<@UBOT|name>`) as a regex, built once per bot user id. */
const mentionRegexes = new Map<string, RegExp>();
function botMention(botUserId: string): RegExp {
  let re = mentionRegexes.get(botUserId);
  if (!re) {
    const id = botUserId.replace(/[^A-Za-z0-9]/g, '');
    re = new RegExp(`<@${id}(?:\\|[^>]*)?>`, 'g');
    // One bot per process in practice; a bound keeps a stream of odd ids from growing the map.
    if (mentionRegexes.size >= 16) mentionRegexes.clear();
    mentionRegexes.set(botUserId, re);
  }
  return re;
}

/**
 * Turns Slack message text into plain text: removes the bot's own mention, turns `<@U1|name>`,
 * `<#C1|general>`, `<http://x|label>` and friends into readable words and decodes entities. Broadcast
 * mentions (`<!channel>`) stay as literal text so the core never sees them as anything but words.
 */
export function plainText(slackText: string, botUserId?: string): string {
  let text = slackText;
  if (botUserId) text = text.replace(botMention(botUserId), ' ');
  text = text.replace(/<([^<>]*)>/g, (_m, inner: string) => plainMarkup(inner));
  return decodeEntities(text).trim();
}
