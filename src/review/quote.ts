/**
 * Quoting the plan back cleanly: whole words only, no doubled quotation marks, no trailing punctuation.
 */

/**
 * A phrase from the plan, shortened at a word boundary, with its own surrounding quotes and trailing
 * punctuation removed. The result is still words of the plan, in order, so it stays a quote.
 */
export function cleanQuote(phrase: string, max = 110): string {
  let s = phrase.replace(/\s+/g, ' ').trim().replace(/^["'\u201c\u2018]+|["'\u201d\u2019]+$/g, '').trim();
  if (s.length > max) {
    const cut = s.slice(0, max + 1);
    const space = cut.lastIndexOf(' ');
    s = space > 0 ? cut.slice(0, space) : (s.match(/^\S+/)?.[0] ?? s);
  }
  return s.replace(/[\s,;:-]+$/, '');
}

/** `"phrase"` with exactly one pair of quotation marks, and "…" where it was shortened. */
export function quoted(phrase: string, max = 110): string {
  const clean = cleanQuote(phrase, max);
  const whole = phrase.replace(/\s+/g, ' ').trim().replace(/^["'\u201c\u2018]+|["'\u201d\u2019]+$/g, '').replace(/[\s,;:-]+$/, '');
  return `"${clean}${clean.length < whole.length ? '…' : ''}"`;
}
