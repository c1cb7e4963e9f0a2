/**
 * A model of how Teams turns TextBlock markdown into what people see, run inside the page by the
 * `adaptivecards` renderer's `onProcessMarkdown` hook (so it must not refer to anything outside itself).
 *
 * - `desktop` reads markdown as CommonMark does: a backslash hides before any ASCII punctuation, entities
 *   are decoded.
 * - `phone` is the Teams mobile parser as observed: a backslash hides only before `[ ] ) * _`, entities
 *   show as typed.
 *
 * Both: `**bold**`, `*italic*` / `_italic_`, `[label](url)`, code spans, lines starting `- `, `* `, `+ `
 * or `1. ` as lists, a blank line as a paragraph break and a single newline as a space (Teams ignores it).
 */
export function teamsMarkdownToHtml(text: string, mode: 'desktop' | 'phone'): string {
  const escapable = mode === 'desktop' ? '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~' : '[])*_';
  const literals: string[] = [];
  const keep = (s: string) => `\u0000${literals.push(s) - 1}\u0001`;
  const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

  const inline = (raw: string): string => {
    let s = raw.replace(/\\([\s\S])/g, (whole, ch: string) => (escapable.includes(ch) ? keep(ch) : whole));
    s = s.replace(/`([^`]+)`/g, (_m, code: string) => keep(`\u0002${code}\u0003`));
    if (mode === 'desktop') s = s.replace(/&([a-z]+);/gi, (whole, name: string) => (entities[name.toLowerCase()] !== undefined ? keep(entities[name.toLowerCase()] ?? '') : whole));
    s = html(s);
    s = s.replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a href="$2">$1</a>');
    s = s.replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '<strong>$1</strong>');
    s = s.replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, '$1<em>$2</em>');
    s = s.replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1<em>$2</em>');
    // eslint-disable-next-line no-control-regex
    return s.replace(/\u0000(\d+)\u0001/g, (_m, i: string) => {
      const lit = literals[Number(i)] ?? '';
      return lit.startsWith('\u0002') ? `<code>${html(lit.slice(1, -1))}</code>` : html(lit);
    });
  };

  const out: string[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    const lines = paragraph.split('\n');
    let list: { ordered: boolean; items: string[] } | undefined;
    let words: string[] = [];
    const flushWords = () => {
      if (words.length) out.push(`<p>${inline(words.join(' '))}</p>`);
      words = [];
    };
    const flushList = () => {
      if (list) out.push(`<${list.ordered ? 'ol' : 'ul'}>${list.items.map((i) => `<li>${inline(i)}</li>`).join('')}</${list.ordered ? 'ol' : 'ul'}>`);
      list = undefined;
    };
    for (const line of lines) {
      const bullet = /^ {0,3}([-*+]) +(.*)$/.exec(line);
      const number = /^ {0,3}(\d{1,9})[.)] +(.*)$/.exec(line);
      const item = bullet ?? number;
      if (item) {
        flushWords();
        const ordered = Boolean(number);
        if (list && list.ordered !== ordered) flushList();
        list ??= { ordered, items: [] };
        list.items.push(item[2] ?? '');
      } else if (list && /^\s+\S/.test(line)) {
        list.items[list.items.length - 1] += ` ${line.trim()}`;
      } else {
        flushList();
        words.push(line);
      }
    }
    flushWords();
    flushList();
  }
  return out.join('');
}
