/**
 * Text preparation shared by the plan parser and the framing check: people paste plans from documents,
 * chat and email, so markup, odd dashes and giant pastes are normalised once here.
 */
import { dashListMarkers, dropEmphasis } from './clean-scans.js';

// The regex scans lived here first; they keep their old address for the modules that import them.
export { allMatches, firstMatch, matchAll, testFromStart, union, unionMatches } from './regex-scans.js';

/** Past this many characters a plan is truncated: a real plan fits easily, and latency stays flat. */
export const MAX_PLAN_CHARS = 20_000;

/** What `cleanText` returns: plain text plus what it had to do to get there. */
export interface CleanText {
  text: string;
  truncated: boolean;
  hadUrlOnly: boolean;
}

/**
 * Strips markdown and URLs, normalises punctuation and whitespace, and caps the length.
 * Line breaks are kept because bullet lists carry structure ("- who: ...").
 */
export function cleanText(raw: string, max = MAX_PLAN_CHARS): CleanText {
  let text = raw.length > max * 2 ? raw.slice(0, max * 2) : raw;
  let hadUrlOnly = false;
  // Each rewrite runs only when its marker character is present: most plans have little markup.
  // Links keep their words before bare URLs are dropped.
  if (text.includes('](')) text = text.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
  if (/https?:|www\./i.test(text)) {
    const withoutUrls = text.replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ');
    hadUrlOnly = !/[\p{L}\p{N}]/u.test(withoutUrls.replace(/\s+/g, ''));
    text = withoutUrls;
  }
  if (text.includes('`')) text = text.replace(/```[^`]*```/g, ' ').replace(/`([^`]*)`/g, '$1');
  if (text.includes('<')) text = text.replace(/<[^>\n]{1,200}>/g, ' ');
  if (text.includes('#')) text = text.replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, '');
  if (text.includes('>')) text = text.replace(/^[ \t]*>[ \t]?/gm, '');
  text = dashListMarkers(text);
  if (text.includes('|')) text = text.replace(/^[ \t]*\|?(?:[ \t]*:?-{2,}:?[ \t]*\|)+[ \t]*:?-*:?[ \t]*$/gm, '').replace(/\|/g, ' ; ');
  if (text.includes('*') || text.includes('_')) {
    text = dropEmphasis(text.replace(/(\*\*|__)(.+?)\1/g, '$2'));
  }
  // Accents go so "cafe" and "caf\u00e9" read the same to the vocabularies.
  if (/[^\t\n\r -~]/.test(text)) {
    text = text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[\u2018\u2019]/g, "'")
      .replace(/[\u201c\u201d]/g, '"')
      .replace(/[\u2013\u2014\u2212]/g, '-')
      .replace(/\u00a0/g, ' ');
  }
  // Runs of spaces and tabs become one space; a text with neither a tab nor two spaces together is unchanged.
  if (text.includes('\t') || text.includes('  ')) text = text.replace(/[ \t]+/g, ' ');
  if (text.includes('\n\n\n')) text = text.replace(/\n{3,}/g, '\n\n');
  text = text.trim();
  const truncated = text.length > max;
  if (truncated) text = text.slice(0, max);
  return { text, truncated, hadUrlOnly };
}

/** Abbreviations and initials ("approx. 25", "Dr A. Patel", "c. 40") end with a full stop but not a sentence. */
const ABBREVIATION_END = /(?:^|[^\w.])(?:approx|c|ca|dr|mr|mrs|ms|prof|cllr|insp|sgt|supt|no|vs|incl|cf|e\.g|i\.e|[a-z])\.$/i;
/**
 * Where sentences break: white space after terminal punctuation, or after terminal punctuation and a closing
 * quote or bracket when a capital follows, or line breaks. The lookbehind follows the space
 * (`\s+(?<=[.!?]\s+)`, the same matches as `(?<=[.!?])\s+` in a left-to-right scan) so that it runs only at
 * runs of white space, not at every character of a long plan. The specification `forEachBreak` follows;
 * exported for its test.
 */
export const SENTENCE_BREAK = /\s+(?<=[.!?]\s+)|\s+(?<=[.!?]["'\u201d\u2019)]\s+)(?=[A-Z])|\n+/g;

/**
 * Splits into sentences on terminal punctuation followed by a space, and on line breaks. A full stop
 * inside "9.30" or "4.12" is not a boundary, which is why the split needs the following whitespace.
 */
export function sentences(text: string): string[] {
  const pieces: string[] = [];
  let from = 0;
  let joinNext = false;
  const push = (piece: string): void => {
    if (joinNext && pieces.length > 0) pieces[pieces.length - 1] += ` ${piece}`;
    else pieces.push(piece);
  };
  // The breaks `SENTENCE_BREAK` finds, read by hand: a match object per break was most of what the split
  // allocated. `forEachBreak` gives the same places (see word-scans.test.ts).
  forEachBreak(text, (at, end, newline) => {
    push(text.slice(from, at));
    // "approx. 25", "Dr A. Patel": a full stop after an abbreviation, on the same line, is not a break.
    const last = pieces[pieces.length - 1] ?? '';
    joinNext = !newline && last.endsWith('.') && ABBREVIATION_END.test(last.slice(-8));
    from = end;
  });
  push(text.slice(from));
  const out: string[] = [];
  for (const s of pieces) {
    // Leading bullets and emoji ("- ", "🎯 Goal:") would hide a label at the start of a line.
    const t = (PLAIN_START.test(s) ? s : s.replace(LEADING_MARKS, '')).trim();
    if (t.length > 0) out.push(t);
  }
  return out;
}

const PLAIN_START = /^[A-Za-z0-9"'(]/;
const LEADING_MARKS = /^[^\p{L}\p{N}"'(]+/u;

/** Whether a UTF-16 code unit is white space to a regex's `\s` (and to `trim`). */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** White space runs, for `collapseSpaces`. */
const SPACE_RUNS = /\s+/g;

/**
 * `text.replace(/\s+/g, ' ')`, with no new string when every run of white space is already one plain
 * space (most phrases a review quotes): that replace rebuilt the string at each space.
 */
export function collapseSpaces(text: string): string {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (isSpace(c) && (c !== 32 || isSpace(text.charCodeAt(i + 1)))) return text.replace(SPACE_RUNS, ' ');
  }
  return text;
}

/** Whether a UTF-16 code unit is an ASCII capital letter. */
const isUpper = (c: number): boolean => c >= 65 && c <= 90;

/** Whether a code unit is a closing quote or bracket that may follow a sentence's stop: " ' ” ’ ). Asked at every run of white space, so compared, not looked up in a set. */
const isCloser = (c: number): boolean => c === 34 || c === 39 || c === 41 || c === 0x201d || c === 0x2019;

/**
 * Calls `each(start, end, hasNewline)` at every match of `SENTENCE_BREAK` in `text`, in order: a run of
 * white space right after `.`, `!` or `?` (or after one of them and a closing quote or bracket, when a capital
 * follows) whole, and elsewhere each run of line breaks within white space.
 * Exported for its test.
 */
export function forEachBreak(text: string, each: (at: number, end: number, newline: boolean) => void): void {
  const n = text.length;
  for (let i = 0; i < n; i += 1) {
    if (!isSpace(text.charCodeAt(i))) continue;
    const start = i;
    let end = i + 1;
    while (end < n && isSpace(text.charCodeAt(end))) end += 1;
    let prev = start > 0 ? text.charCodeAt(start - 1) : 0;
    // A closing quote or bracket after the stop ('...spend time?" An open evening') ends the sentence too,
    // when a capital follows; a quoted question inside a sentence ("to consider 'a hand up?' and how") does not.
    if (isCloser(prev) && start > 1 && end < n && isUpper(text.charCodeAt(end))) prev = text.charCodeAt(start - 2);
    if (prev === 46 || prev === 33 || prev === 63) {
      let newline = false;
      for (let j = start; j < end && !newline; j += 1) newline = text.charCodeAt(j) === 10;
      each(start, end, newline);
    } else {
      for (let j = start; j < end; j += 1) {
        if (text.charCodeAt(j) !== 10) continue;
        let k = j + 1;
        while (k < end && text.charCodeAt(k) === 10) k += 1;
        each(j, k, true);
        j = k;
      }
    }
    i = end - 1;
  }
}

/** English function words, counted as whole words in any case. */
const ENGLISH = new Set('the and to of in for with on is are we will be at from who what how people about this our it by or'.split(' '));
/** Function words of the other languages plans here are likely to arrive in (Spanish, French, German, Welsh...). */
const FOREIGN =
  /\b(?:el|la|los|las|del|con|sobre|para|una|unas|unos|por|que|les|des|une|du|avec|pour|sur|est|und|der|die|das|mit|f\u00fcr|f\u00fcer|ist|ein|eine|nicht|il|per|che|di|della|os|em|uma|com|het|een|van|voor|yn|y|gyda|ar|mae|ac|och|att|och|som|med)\b/gi;

/**
 * Whether a Latin-script text reads as English. The vocabularies are English, so a plan in Spanish or
 * Welsh would get wrong flags; it gets a notice instead. Terse English notes have few function words,
 * so the test is for another language's function words outnumbering English ones.
 */
export function looksEnglish(text: string): boolean {
  const sample = text.length > 3000 ? text.slice(0, 3000) : text;
  const words = wordCount(sample);
  if (words < 4) return true;
  const foreign = sample.match(FOREIGN)?.length ?? 0;
  const english = countWords(sample, ENGLISH);
  return !(foreign / words >= 0.12 && foreign > english);
}

/**
 * How many words of `text` are in `words` (lower case), a word being a run of ASCII letters, digits and `_`:
 * what `text.match(/\b(?:w1|w2|…)\b/gi).length` counts, read in one pass instead of trying every entry at
 * every word boundary.
 */
export function countWords(text: string, words: ReadonlySet<string>): number {
  // A word longer than every entry cannot be one, so it is never cut out and lower-cased.
  let longest = longestOf.get(words);
  if (longest === undefined) {
    longest = 0;
    for (const w of words) longest = Math.max(longest, w.length);
    longestOf.set(words, longest);
  }
  let count = 0;
  let start = -1;
  for (let i = 0; i <= text.length; i += 1) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    if (word && start < 0) start = i;
    else if (!word && start >= 0) {
      if (i - start <= longest && words.has(text.slice(start, i).toLowerCase())) count += 1;
      start = -1;
    }
  }
  return count;
}

/** The length of the longest entry of each word set `countWords` is given. */
const longestOf = new WeakMap<ReadonlySet<string>, number>();

/** Number of word-like tokens (letters in any script), used to tell a plan from noise. */
export function wordCount(text: string): number {
  // Counted by character class in one pass: a regex match would allocate every word of a long paste.
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i += 1) {
    const kind = WORD_KIND[text.charCodeAt(i)];
    if (kind === LETTER) {
      if (!inWord) words += 1;
      inWord = true;
    } else {
      inWord = inWord && kind === JOINER;
    }
  }
  return words;
}

/** `WORD_KIND` of a letter (Latin, Greek, Cyrillic and the other scripts `wordCount` counts). */
const LETTER = 1;
/** `WORD_KIND` of an apostrophe or a hyphen, which a word goes on through ("don't", "co-design"). */
const JOINER = 2;
/**
 * Each UTF-16 code unit's kind for `wordCount`: `LETTER`, `JOINER` or 0. Looked up, not compared range by
 * range: the count reads every character of a long plan, and the five range tests were most of its time.
 */
const WORD_KIND = new Uint8Array(65536);
for (const [from, to] of [[65, 90], [97, 122], [0xc0, 0x24f], [0x370, 0x1fff], [0x3040, 0xd7ff]] as const) WORD_KIND.fill(LETTER, from, to + 1);
WORD_KIND[39] = JOINER;
WORD_KIND[45] = JOINER;

/**
 * True when most letters look Latin: the vocabularies are English, so other scripts get a notice.
 * Counted by code point on a sample, because a Unicode-property regex over a long paste is slow.
 */
export function mostlyLatin(text: string): boolean {
  let latin = 0;
  let other = 0;
  const end = Math.min(text.length, 3000);
  for (let i = 0; i < end; i += 1) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f)) latin += 1;
    // Greek, Cyrillic, Arabic, Indic, CJK...; not punctuation, symbols, surrogates (emoji) or private use.
    else if ((c >= 0x370 && c < 0x2000) || (c >= 0x3040 && c < 0xd800) || (c >= 0xac00 && c < 0xd7a4)) other += 1;
  }
  return latin > 0 && latin / (latin + other) >= 0.6;
}

/** Shortens a phrase for evidence and summaries without cutting a word in half. */
export function clip(text: string, max = 80): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max / 2 ? space : max)}…`;
}
