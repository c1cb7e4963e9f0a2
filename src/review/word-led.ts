/**
 * Scans of regexes whose every match starts at a word boundary with one of a set of words, as the
 * vocabularies do (`\b(?:online|zoom|video call|...)`). On a long text such a regex is tried only where a
 * word it can start with begins, found through the text's word index (`words.ts`), instead of at every
 * character. The words are read from the regex itself, so a vocabulary stays one regex a tuner edits, and
 * the matches are the same as a plain scan's.
 */
import { primeNative } from './native-regex.js';
import { lookupOf, wordsOf, wordStarts, type Lookup } from './words.js';

/**
 * Below this length a text is scanned plainly. Each vocabulary's first word-led scan in a process reads
 * its lead words and compiles its sticky copy (about 40 ms of CPU for all of them, measured): a long plan
 * repays that over its dozens of scans, but a cold `moodmusic review` of a 300-word plan (about 2,300
 * characters) would pay it for one review. Long plans, and long texts made from them, are above it.
 */
export const WORD_LED_MIN = 3500;

/** The words a regex's matches can start with: whole words (`exact`) and word beginnings (`prefixes`). */
export interface Leads {
  exact: string[];
  prefixes: string[];
}

type Node =
  | { k: 'char'; c: string }
  | { k: 'class'; digit?: true; nonWord?: true }
  | { k: 'assert'; b?: true; notB?: true }
  | { k: 'group'; alts: Node[][] }
  | { k: 'rep'; node: Node; min: number; max: number }
  | { k: 'any' };

/** Thrown where a source uses syntax this reader does not follow: the regex is then scanned plainly. */
class Unreadable extends Error {}

const ESCAPED_CLASS = new Set(['d', 'D', 'w', 'W', 's', 'S']);
/**
 * A bracket class of characters that cannot be in a word: not negated, each item a space, `\s`, `\W` or
 * punctuation, with no range (`[- ]`, `[\s,]`, `[.!?]`). A word before it ends there.
 */
const NON_WORD_CLASS = /^\[(?:\\[sWtnr.\-/,;:!?'"()&+*]|[^\w\\\]^])(?:\\[sWtnr.\-/,;:!?'"()&+*]|[^\w\\\]-]|-(?=\]))*\]$/;
const ESCAPED_CHAR: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v' };

/** Parses a regex source (no `u` or `v` flag) into nodes; throws `Unreadable` for anything it does not know. */
function parse(source: string): Node[][] {
  let i = 0;
  const alternatives = (): Node[][] => {
    const alts: Node[][] = [[]];
    for (;;) {
      const seq = alts[alts.length - 1] ?? [];
      if (i >= source.length) return alts;
      const c = source[i] ?? '';
      if (c === ')') return alts;
      if (c === '|') { alts.push([]); i += 1; continue; }
      if ('*+?{'.includes(c)) {
        const prev = seq.pop();
        if (!prev || prev.k === 'assert') throw new Unreadable();
        let min: number;
        let max: number;
        if (c === '{') {
          const q = /^\{(\d+)(?:(,)(\d*))?\}/.exec(source.slice(i));
          if (!q) throw new Unreadable();
          min = Number(q[1]);
          max = q[2] ? (q[3] ? Number(q[3]) : Infinity) : min;
          i += q[0].length;
        } else {
          [min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
          i += 1;
        }
        if (source[i] === '?') i += 1;
        seq.push({ k: 'rep', node: prev, min, max });
        continue;
      }
      seq.push(atom());
    }
  };
  const atom = (): Node => {
    const c = source[i] ?? '';
    if (c === '(') {
      const head = /^\((?:\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>))?/.exec(source.slice(i))?.[0] ?? '(';
      if (head === '(' && source[i + 1] === '?') throw new Unreadable();
      i += head.length;
      const alts = alternatives();
      if (source[i] !== ')') throw new Unreadable();
      i += 1;
      // A lookaround consumes nothing: for where a match starts it is an assertion.
      return /^\(\?(?:=|!|<=|<!)/.test(head) ? { k: 'assert' } : { k: 'group', alts };
    }
    if (c === '[') {
      const from = i;
      i += 1;
      // In JavaScript a `]` right after `[` or `[^` closes the class (`[]` matches nothing, `[^]` anything).
      if (source[i] === '^') i += 1;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      if (i >= source.length) throw new Unreadable();
      i += 1;
      return NON_WORD_CLASS.test(source.slice(from, i)) ? { k: 'class', nonWord: true } : { k: 'class' };
    }
    if (c === '\\') {
      const e = source[i + 1] ?? '';
      i += 2;
      if (e === 'b') return { k: 'assert', b: true };
      if (e === 'B') return { k: 'assert', notB: true };
      if (e === 'd') return { k: 'class', digit: true };
      if (e === 's' || e === 'W') return { k: 'class', nonWord: true };
      if (ESCAPED_CLASS.has(e)) return { k: 'class' };
      const named = ESCAPED_CHAR[e];
      if (named) return { k: 'char', c: named };
      if (e === '0' && !/\d/.test(source[i] ?? '')) return { k: 'char', c: '\0' };
      // Letters and digits escape something else (a back-reference, \u, \x, \c, \k, \p): not followed here.
      if (!e || /[\w]/.test(e)) throw new Unreadable();
      return { k: 'char', c: e };
    }
    i += 1;
    if (c === '.') return { k: 'class' };
    if (c === '^' || c === '$') return { k: 'assert' };
    if (c === ')' || c === ']' || c === '}') throw new Unreadable();
    return { k: 'char', c };
  };
  const alts = alternatives();
  if (i !== source.length) throw new Unreadable();
  return alts;
}

const ANY: Node = { k: 'any' };
/** A regex whose leads would be this many is scanned plainly: its words are too many to help. */
const MAX_LEADS = 2000;
const MAX_STEPS = 200_000;

function isWordChar(c: string): boolean {
  return /^[A-Za-z0-9_]$/.test(c);
}

/**
 * The words a match of `alts` must start with, when every match starts with `\b` and a literal word
 * character; `null` otherwise. A word is exact when the regex follows it with a non-word character, and
 * a prefix when the word can go on (a class, the pattern's end, a repeat).
 */
function leadsOf(alts: Node[][]): Leads | null {
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  let steps = 0;
  const walk = (seq: readonly Node[], i: number, acc: string, bounded: boolean): void => {
    if ((steps += 1) > MAX_STEPS || exact.size + prefixes.size > MAX_LEADS) throw new Unreadable();
    const node = seq[i];
    if (node?.k === 'class' && node.digit && !acc && bounded) {
      // `\d` first after `\b`: the match starts at a word that starts with a digit.
      for (const d of '0123456789') prefixes.add(d);
      return;
    }
    if (node?.k === 'class' && node.nonWord && acc) {
      exact.add(acc);
      return;
    }
    if (!node || node.k === 'any' || node.k === 'class') {
      // The match may end here, or go on with characters not known: the word so far is a prefix.
      if (!acc) throw new Unreadable();
      prefixes.add(acc);
      return;
    }
    if (node.k === 'assert') {
      if (!acc && node.notB) throw new Unreadable();
      // `\b` after word characters: the next character is not one, so the word ends here.
      if (acc && node.b) {
        exact.add(acc);
        return;
      }
      walk(seq, i + 1, acc, bounded || (!acc && node.b === true));
      return;
    }
    if (node.k === 'char') {
      if (!acc && !bounded) throw new Unreadable();
      const c = node.c.toLowerCase();
      if (isWordChar(node.c) && c.length === 1) {
        walk(seq, i + 1, acc + c, bounded);
        return;
      }
      if (!acc) throw new Unreadable();
      exact.add(acc);
      return;
    }
    const rest = seq.slice(i + 1);
    if (node.k === 'group') {
      for (const alt of node.alts) walk([...alt, ...rest], 0, acc, bounded);
      return;
    }
    // A repeat: what follows one repetition is the rest only when no second one can come.
    const after = node.max > 1 || node.min > 1 ? [ANY] : rest;
    if (node.min === 0) walk(rest, 0, acc, bounded);
    walk([node.node, ...after], 0, acc, bounded);
  };
  try {
    for (const alt of alts) walk(alt, 0, '', false);
  } catch (e) {
    if (e instanceof Unreadable) return null;
    throw e;
  }
  // A beginning covers every word that starts with it, whole words and longer beginnings included.
  const pre = [...prefixes].filter((p) => ![...prefixes].some((q) => q !== p && p.startsWith(q)));
  return { exact: [...exact].filter((w) => !pre.some((p) => w.startsWith(p))), prefixes: pre };
}

/**
 * The words every match of `re` starts with (after a `\b`), or `null` when some match need not start
 * so: a class or digit first, no `\b`, or syntax this reader does not follow. Exported for its tests.
 */
export function regexLeads(re: RegExp): Leads | null {
  if (re.unicode || re.flags.includes('v')) return null;
  try {
    return leadsOf(parse(re.source));
  } catch (e) {
    if (e instanceof Unreadable) return null;
    throw e;
  }
}

interface WordLed {
  lookups: Lookup[];
  sticky: RegExp;
}

/** Each global regex's leads and sticky copy, or `null` when it is not word-led; made once, at first use. */
const known = new WeakMap<RegExp, WordLed | null>();

function wordLed(re: RegExp): WordLed | null {
  let led = known.get(re);
  if (led === undefined) {
    const leads = re.sticky ? null : regexLeads(re);
    led = leads
      ? {
        lookups: [...leads.exact.map((w) => lookupOf(w, true)), ...leads.prefixes.map((w) => lookupOf(w, false))],
        // A copy with other flags is compiled again: straight to machine code, as the scan helpers do (native-regex.ts).
        sticky: primeNative(new RegExp(re.source, `${re.flags.replace('g', '')}y`)),
      }
      : null;
    known.set(re, led);
  }
  return led;
}

/**
 * Past this share of the text's words as candidates, a plain scan is about as quick as trying each one
 * (measured on the 2,000-word bench plan: a try costs 25-70 ns for most vocabularies, a plain scan 10-170 µs).
 */
const MAX_SHARE = 0.5;

/**
 * `re.exec(text)` for a global regex, from its `lastIndex`: for a word-led regex on a long text, its
 * sticky copy is tried only where one of its words begins; any other regex is run plainly.
 */
export function execWordLed(re: RegExp, text: string): RegExpExecArray | null {
  const led = text.length >= WORD_LED_MIN ? wordLed(re) : null;
  if (!led) return re.exec(text);
  const index = wordsOf(text);
  let starts = index.memo.get(re) as number[] | null | undefined;
  if (starts === undefined) {
    starts = wordStarts(index, led.lookups);
    if (starts.length > index.count * MAX_SHARE) starts = null;
    index.memo.set(re, starts);
  }
  if (!starts) return re.exec(text);
  const from = re.lastIndex;
  if (from > text.length) {
    re.lastIndex = 0;
    return null;
  }
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((starts[mid] ?? 0) < from) lo = mid + 1;
    else hi = mid;
  }
  const { sticky } = led;
  for (let j = lo; j < starts.length; j += 1) {
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
