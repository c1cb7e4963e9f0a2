/**
 * Regex scans over plan text: one union regex for a whole vocabulary, and every-match, first-match and
 * yes/no scans that run on the regex itself (no copies) through the line-led and word-led fast paths.
 */
import { execAtLines, LINE_LED_MIN, lineLedCopy } from './line-led.js';
import { primeNative } from './native-regex.js';
import { execWordLed } from './word-led.js';

/**
 * One regex that matches any of several, reporting which one matched: a single scan instead of one per
 * vocabulary entry, which matters on a 2,000-word plan. Earlier entries win where two match at one place.
 */
export function union(list: RegExp[]): RegExp {
  // Each entry is wrapped in a plain capture group, and where each wrapper's number falls is kept beside
  // the regex: named wrappers made every match build a `groups` object with one property per entry.
  const numbers = new Int32Array(list.length);
  let next = 1;
  list.forEach((re, i) => {
    numbers[i] = next;
    // One for the wrapper, plus the entry's own groups: an empty alternative makes any source match '',
    // and the match has one slot per group after the whole match's.
    const own = (new RegExp(`(?:${re.source})|`).exec('')?.length ?? 1) - 1;
    next += 1 + own;
  });
  const re = new RegExp(list.map((e) => `(${e.source})`).join('|'), 'gi');
  unionGroups.set(re, numbers);
  return re;
}

/** The capture-group number of each entry of a `union` regex. */
const unionGroups = new WeakMap<RegExp, Int32Array>();

/**
 * The next match of a global regex from its `lastIndex`, stepping past an empty match as
 * `String.prototype.matchAll` does. Scanning with `exec` on the regex itself spares the copy of the
 * regex that `matchAll` makes on every call.
 */
function nextMatch(re: RegExp, text: string): RegExpExecArray | null {
  const copy = text.length > LINE_LED_MIN ? lineLedCopy(re) : null;
  const m = copy ? execAtLines(re, copy, text) : execWordLed(re, text);
  if (m && m[0] === '') {
    const at = re.lastIndex;
    const c = text.charCodeAt(at);
    const pair = (re.unicode || re.flags.includes('v')) && c >= 0xd800 && c <= 0xdbff && at + 1 < text.length &&
      text.charCodeAt(at + 1) >= 0xdc00 && text.charCodeAt(at + 1) <= 0xdfff;
    re.lastIndex = at + (pair ? 2 : 1);
  }
  return m;
}

function requireGlobal(re: RegExp): void {
  // The same error `matchAll` throws for a non-global regex.
  if (!re.global) throw new TypeError('String.prototype.matchAll called with a non-global RegExp argument');
}

/** Compiles `re`, and the line-led copy `nextMatch` will scan `text` with, to machine code before a scan (native-regex.ts). */
function prime(re: RegExp, text: string): void {
  primeNative(re);
  const copy = text.length > LINE_LED_MIN ? lineLedCopy(re) : null;
  if (copy) primeNative(copy);
}

/**
 * Every match of a global regex, exactly as `for (const m of text.matchAll(re))` would give them: from the
 * regex's `lastIndex`, which is left as it was. It runs `exec` on the regex itself rather than on the copy
 * `matchAll` makes, which is costly when done per sentence; the caller's loop must not use the same regex.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  requireGlobal(re);
  prime(re, text);
  const saved = re.lastIndex;
  const out: RegExpExecArray[] = [];
  try {
    for (let m = nextMatch(re, text); m; m = nextMatch(re, text)) out.push(m);
  } finally {
    re.lastIndex = saved;
  }
  return out;
}

/** Matches of a `union` regex (or one whose entries are named groups `u0`, `u1`, ...) as [entry index, phrase], in text order. */
export function unionMatches(re: RegExp, text: string): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  requireGlobal(re);
  prime(re, text);
  re.lastIndex = 0;
  const numbers = unionGroups.get(re);
  for (let m = nextMatch(re, text); m; m = nextMatch(re, text)) {
    if (!numbers) {
      // A regex written by hand in union's older form names its entries `u0`, `u1`, ...
      const groups = m.groups ?? {};
      for (const key in groups) {
        if (groups[key] !== undefined) {
          out.push([Number(key.slice(1)), m[0].trim()]);
          break;
        }
      }
      continue;
    }
    for (let i = 0; i < numbers.length; i += 1) {
      if (m[numbers[i] ?? 0] !== undefined) {
        out.push([i, m[0].trim()]);
        break;
      }
    }
  }
  re.lastIndex = 0;
  return out;
}

/**
 * Matches of a global regex as trimmed phrases, in order, without duplicates. `limit` stops the scan
 * once that many phrases are found: most cues only need to be present, with a few words as evidence.
 */
export function matchAll(re: RegExp, text: string, limit = Infinity): string[] {
  const out: string[] = [];
  requireGlobal(re);
  if (limit <= 0) return out;
  prime(re, text);
  const seen = new Set<string>();
  re.lastIndex = 0;
  for (let m = nextMatch(re, text); m; m = nextMatch(re, text)) {
    let phrase = m[0].trim();
    // Trailing punctuation goes; after `trim` only a comma, semicolon or colon can end the phrase that way.
    const last = phrase.charCodeAt(phrase.length - 1);
    if (last === 44 || last === 59 || last === 58) phrase = phrase.replace(/[\s,;:]+$/, '');
    const key = phrase.toLowerCase();
    if (phrase && !seen.has(key)) {
      seen.add(key);
      out.push(phrase);
      if (out.length >= limit) break;
    }
  }
  re.lastIndex = 0;
  return out;
}

/**
 * Whether `re` matches anywhere in `text`, as a fresh non-global copy of it would say: a global regex is
 * tried from 0 and its `lastIndex` left at 0. Lets one compiled regex serve both scans and yes/no checks.
 */
export function testFromStart(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const hit = primeNative(re).test(text);
  re.lastIndex = 0;
  return hit;
}

/** First match of a regex as a trimmed phrase, or undefined. */
export function firstMatch(re: RegExp, text: string): string | undefined {
  const m = primeNative(re).exec(text);
  if (re.global) re.lastIndex = 0;
  return m ? m[0].trim() : undefined;
}
