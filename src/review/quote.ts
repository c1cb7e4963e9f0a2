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
  // Quotation marks inside become single ones, so the answer never shows doubled quotes ("on "If I knew…"").
  const inner = clean.replace(/[\u201c\u201d"]/g, (c) => (c === '\u201c' ? '\u2018' : c === '\u201d' ? '\u2019' : "'"));
  return `"${inner}${clean.length < whole.length ? '…' : ''}"`;
}

const DANGLING_END = /\s+(?:their|the|a|an|our|your|his|her|its|my|of|to|and|or|from|by|with|for|on|in|at|as|into)$/i;
const DANGLING_START = /^(?:will|shall|would|should|to|then|and|we'll|we will|they will)\s+/i;

/**
 * A cue phrase as it can stand on its own in a sentence: no leading "will"/"to"/"then", no trailing
 * "their"/"the"/"from" left over from where the cue was cut ("present their" reads as "present").
 */
export function standalone(phrase: string): string {
  let s = cleanQuote(phrase, 40);
  for (let before = ''; before !== s; ) {
    before = s;
    s = s.replace(DANGLING_END, '').replace(DANGLING_START, '').trim();
  }
  return s;
}
