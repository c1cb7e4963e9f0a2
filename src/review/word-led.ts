/**
 * Scans of regexes whose every match starts at a word boundary with one of a set of words, as the
 * vocabularies do (`\b(?:online|zoom|video call|...)`). On a long text such a regex is tried only where a
 * word it can start with begins, found through the text's word index (`words.ts`), instead of at every
 * character. The words are read from the regex itself, so a vocabulary stays one regex a tuner edits, and
 * the matches are the same as a plain scan's.
 */
import { primeNative } from './native-regex.js';
import { regexLeads } from './regex-leads.js';
import { findStarts, foundStarts, keepStarts, keptStarts, lookupOf, wordsOf, type Lookup } from './words.js';

export { regexLeads, type Leads } from './regex-leads.js';

/**
 * Below this length a text is scanned plainly. Each vocabulary's first word-led scan in a process reads
 * its lead words and compiles its sticky copy (about 40 ms of CPU for all of them, measured): a long plan
 * repays that over its dozens of scans, but a cold `moodmusic review` of a 300-word plan (about 2,300
 * characters) would pay it for one review. Long plans, and long texts made from them, are above it.
 */
export const WORD_LED_MIN = 3500;

interface WordLed {
  lookups: Lookup[];
  sticky: RegExp;
  /** A `^` branch: the match may start at the text's start (`text`) or, with the `m` flag, at any line's (`every`). */
  lines?: 'text' | 'every';
  /** Characters a match may start with, besides words. */
  chars?: string[];
}

/**
 * The look-ups for a regex's lead words, fewer where one covers others: a word that starts with a lead
 * beginning is found by that beginning, and a whole word of four or more characters that begins others
 * ("twenty" of "twentyhour", "twentymins": the reader spells out `twenty\s*-?\s*hours?` without its
 * space) is looked up as a beginning instead of them all. A review made some 1,800 look-ups, at about 0.1
 * us each, and a fifth of them were such. The starts found can only grow: each is still tried with the
 * regex itself, so the matches are the same.
 */
function lookupsOf(exact: readonly string[], prefixes: readonly string[]): Lookup[] {
  const begins = new Set(prefixes);
  for (const w of exact) if (w.length >= 4 && exact.some((x) => x.length > w.length && x.startsWith(w))) begins.add(w);
  const covered = (w: string, except?: string): boolean => {
    for (const b of begins) if (b !== except && w.startsWith(b)) return true;
    return false;
  };
  const out: Lookup[] = [];
  for (const b of begins) if (!covered(b, b)) out.push(lookupOf(b, false));
  for (const w of new Set(exact)) if (!covered(w)) out.push(lookupOf(w, true));
  return out;
}

/** Each global regex's leads and sticky copy, or `null` when it is not word-led; made once, at first use. */
const known = new WeakMap<RegExp, WordLed | null>();

function wordLed(re: RegExp): WordLed | null {
  let led = known.get(re);
  if (led === undefined) {
    const leads = re.sticky ? null : regexLeads(re);
    led = leads
      ? {
        lookups: lookupsOf(leads.exact, leads.prefixes),
        // A copy with other flags is compiled again: straight to machine code, as the scan helpers do (native-regex.ts).
        sticky: primeNative(new RegExp(re.source, `${re.flags.replace('g', '')}y`)),
        ...(leads.lines ? { lines: re.multiline ? 'every' as const : 'text' as const } : {}),
        ...(leads.chars ? { chars: leads.chars } : {}),
      }
      : null;
    known.set(re, led);
  }
  return led;
}

/** What ends a line for `^` with the `m` flag. */
const LINE_ENDS = ['\n', '\r', '\u2028', '\u2029'];
/** Where `withOtherStarts` sorts its offsets: grown as needed. */
let merged = new Int32Array(1024);

/**
 * The `n` word offsets of `words` (in order) with the line starts and characters a regex's other branches
 * start at, in order without repeats: the first ones of `merged`, whose count is returned.
 */
function withOtherStarts(words: Int32Array, n: number, text: string, led: WordLed): number {
  let m = n;
  const put = (at: number): void => {
    if (m === merged.length) {
      const grown = new Int32Array(m * 2);
      grown.set(merged);
      merged = grown;
    }
    merged[m++] = at;
  };
  if (merged.length < n) merged = new Int32Array(n * 2);
  merged.set(words.subarray(0, n));
  if (led.lines) put(0);
  if (led.lines === 'every') {
    for (const end of LINE_ENDS) for (let i = text.indexOf(end); i >= 0; i = text.indexOf(end, i + 1)) put(i + 1);
  }
  for (const c of led.chars ?? []) for (let i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) put(i);
  merged.subarray(0, m).sort();
  let kept = 0;
  for (let i = 0; i < m; i += 1) if (i === 0 || merged[i] !== merged[i - 1]) merged[kept++] = merged[i] ?? 0;
  return kept;
}

/**
 * Past this share of the text's words as candidates, a plain scan is about as quick as trying each one
 * (measured on the 2,000-word bench plan: a try costs 25-70 ns for most vocabularies, a plain scan 10-170 µs).
 */
const MAX_SHARE = 0.5;

/**
 * `re.exec(text)` for a global regex, from its `lastIndex`: for a word-led regex on a long text, its
 * sticky copy is tried only where one of its words begins (or a line, or one of its lead characters);
 * any other regex is run plainly.
 */
export function execWordLed(re: RegExp, text: string): RegExpExecArray | null {
  const led = text.length >= WORD_LED_MIN ? wordLed(re) : null;
  if (!led) return re.exec(text);
  const index = wordsOf(text);
  // Where this regex's candidates are kept with the index (see `keepStarts`), or -1 for a plain scan.
  let run = index.memo.get(re) as number | undefined;
  if (run === undefined) {
    let n = findStarts(index, led.lookups);
    let from = foundStarts();
    if (led.lines || led.chars) {
      n = withOtherStarts(from, n, text, led);
      from = merged;
    }
    run = n > index.count * MAX_SHARE ? -1 : keepStarts(index, from, n);
    index.memo.set(re, run);
  }
  if (run < 0) return re.exec(text);
  const from = re.lastIndex;
  if (from > text.length) {
    re.lastIndex = 0;
    return null;
  }
  const starts = keptStarts(index);
  const end = run + 1 + (starts[run] ?? 0);
  let lo = run + 1;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((starts[mid] ?? 0) < from) lo = mid + 1;
    else hi = mid;
  }
  const { sticky } = led;
  for (let j = lo; j < end; j += 1) {
    sticky.lastIndex = starts[j] ?? 0;
    const m = sticky.exec(text);
    if (m) {
      re.lastIndex = sticky.lastIndex;
      return m;
    }
  }
  re.lastIndex = 0;
  return null;
}
