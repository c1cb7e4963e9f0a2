/**
 * Which word starts a regex's matches can begin at, read from its source (used by `scan.ts`).
 *
 * Most cues are `\b(?:word|word|...)`: a match can only start at a word whose first letters are one of
 * the alternatives' first letters. A regex is read once for those prefixes (up to three characters,
 * case folded). Anything the reader does not understand (a back-reference, a class of letters first,
 * the `u` flag, an alternative not at a word start) makes it give up for that regex, which is then
 * scanned as before. Reading more loosely only ever adds word starts, never leaves one out.
 */
import { parse, Unsupported, type Node } from './regex-syntax.js';

/** Prefix length read from a regex and used to index a text. */
export const K = 3;
/** Past this many prefixes a regex is scanned plainly (its first letters say too little). */
const MAX_PREFIXES = 400;

/** A partial prefix: the letters known so far, whether more can follow, and whether `\b` came first. */
interface State {
  s: string;
  open: boolean;
  wb: boolean;
}

const key = (x: State): string => `${x.open ? 1 : 0}${x.wb ? 1 : 0}${x.s}`;

function dedupe(states: State[], max = MAX_PREFIXES * 4, strict = false): State[] {
  const seen = new Map<string, State>();
  for (const x of states) if (!seen.has(key(x))) seen.set(key(x), x);
  if (seen.size <= max) return [...seen.values()];
  // Reading the longer prefixes gives up rather than cutting: they are only worth it when few.
  if (strict) throw new Unsupported();
  // Too many combinations: cut every prefix one letter shorter (and stop it), which only widens the net.
  const longest = Math.max(...[...seen.values()].map((x) => x.s.length));
  if (longest <= 1) throw new Unsupported();
  return dedupe(states.map((x) => (x.s.length >= longest ? { s: x.s.slice(0, longest - 1), open: false, wb: x.wb } : x)), max);
}

/** Partial prefixes made so far in reading one regex; past `WORK` it gives up (see `matchPrefixes`). */
let work = 0;
/**
 * How many partial prefixes a regex may take to read: a few wide ones would take tenths of a second on
 * the first review that scans with them; they are scanned plainly instead.
 */
const WORK = 20_000;

function extend(states: State[], node: Node, k: number): State[] {
  work += states.length;
  if (work > WORK) throw new Unsupported();
  const open = states.filter((x) => x.open && x.s.length < k);
  const done = states.filter((x) => !(x.open && x.s.length < k));
  if (open.length === 0) return states;
  let next: State[];
  switch (node.t) {
    case 'seq':
      next = open;
      for (const item of node.items) next = extend(next, item, k);
      break;
    case 'alt':
      next = node.alts.flatMap((a) => extend(open, a, k));
      break;
    case 'chars':
      // Too many combinations (digits after digits): the prefixes stop here, shorter but still true.
      next = node.set === null || open.length * node.set.length > MAX_PREFIXES
        ? open.map((x) => ({ ...x, open: false }))
        : open.flatMap((x) => (node.set ?? []).map((c) => ({ s: x.s + c, open: true, wb: x.wb })));
      break;
    case 'wordb':
    case 'line':
      // `\b`, or `^` (after a line break or at the start), before a word character: a word start.
      next = open.map((x) => (x.s === '' ? { ...x, wb: true } : x));
      break;
    case 'zero':
      next = open;
      break;
    case 'rep': {
      let cur = open;
      for (let n = 0; n < node.min && n <= k; n += 1) cur = extend(cur, node.node, k);
      let all = cur;
      for (let n = node.min; n < node.max && n <= node.min + k + 1; n += 1) {
        cur = extend(cur.filter((x) => x.open && x.s.length < k), node.node, k);
        if (cur.length === 0) break;
        all = dedupe([...all, ...cur], k > K ? LONG_STATES : MAX_PREFIXES * 4, k > K);
      }
      // Repetitions past the cap could only add letters to states still open: they stay open (= unknown).
      next = all;
      break;
    }
    default:
      next = open.map((x) => ({ ...x, open: false }));
  }
  return dedupe([...done, ...next], k > K ? LONG_STATES : MAX_PREFIXES * 4, k > K);
}

/** A character as a text's index keys it. In a regex without the `u` flag an ASCII letter matches only ASCII letters. */
export const fold = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c > 127 ? 0 : c);

/** The key of up to three characters of a prefix, packed as in a text's key (7 bits each, missing characters as 0). */
const keyOf = (p: string): number => {
  let k = 0;
  for (let i = 0; i < K; i += 1) k = (k << 7) | (i < p.length ? fold(p.charCodeAt(i)) : 0);
  return k;
};

/** How a regex's matches can start: word starts whose first letters are one of `prefixes`. */
export interface Prefixes {
  prefixes: string[];
  /** The keys of the three-character prefixes. */
  full: Set<number>;
  /**
   * Longer literal prefixes (up to `LONG` characters), by the key of their first three: a word start whose
   * key is here must go on with one of them. A key that is absent needs no more than the key.
   */
  long: Map<number, string[]>;
  /** By a word's first two characters (14 bits): `ACCEPT` (a shorter prefix matches), `CHECK` the full key, or 0. */
  pairs: Uint8Array;
}

/** `Prefixes.pairs`: every word starting with these two characters can begin a match. */
export const ACCEPT = 2;
/** `Prefixes.pairs`: a word starting with these two characters can begin a match if its key is in `full`. */
export const CHECK = 1;
const WORD = /^[a-z0-9_]/;
/** How far the longer prefixes are read. */
const LONG = 12;
/** Past this many partial prefixes, the longer ones are not read (the three-character ones still serve). */
const LONG_STATES = 400;

/**
 * The regex's literal prefixes read up to `LONG` characters, by the key of their first three, for the
 * keys where every prefix is longer than three (any shorter one would accept the key outright). Read
 * separately from the three-character prefixes, so a cut made here to keep the count down (which
 * shortens prefixes) never weakens those.
 */
function longPrefixes(tree: Node): Map<number, string[]> {
  const out = new Map<number, string[]>();
  let states: State[];
  work = 0;
  try {
    states = dedupe(extend([{ s: '', open: true, wb: false }], tree, LONG).map((x) => ({ ...x, open: false })), LONG_STATES, true);
  } catch (error) {
    if (error instanceof Unsupported) return out;
    throw error;
  }
  // A prefix of three characters or fewer makes every word start with its key (or its first one or two
  // characters) a candidate: no longer prefix is checked there.
  const short: number[] = [];
  for (const x of states) {
    if (x.s.length <= K) {
      short.push(keyOf(x.s), x.s.length);
      continue;
    }
    const key = keyOf(x.s);
    const list = out.get(key) ?? [];
    if (!list.includes(x.s)) list.push(x.s);
    out.set(key, list);
  }
  for (let i = 0; i < short.length; i += 2) {
    const key = short[i] ?? 0;
    const length = short[i + 1] ?? 0;
    const mask = length === 1 ? 0x1fc000 : length === 2 ? 0x1fff80 : 0x1fffff;
    for (const k of [...out.keys()]) if ((k & mask) === key) out.delete(k);
  }
  return out;
}
const prefixCache = new WeakMap<RegExp, Prefixes | null>();
/** By flags and source too: some regexes are built afresh for each review, and reading a source is slow. */
const prefixBySource = new Map<string, Prefixes | null>();

/**
 * The prefixes every match of `re` starts with at a word start, or `undefined` when the regex can match
 * elsewhere or its first letters cannot be bounded (it is then scanned plainly).
 */
export function matchPrefixes(re: RegExp): Prefixes | undefined {
  const cached = prefixCache.get(re);
  if (cached !== undefined) return cached ?? undefined;
  const cacheKey = `${re.flags}/${re.source}`;
  const known = prefixBySource.get(cacheKey);
  if (known !== undefined) {
    prefixCache.set(re, known);
    return known ?? undefined;
  }
  let result: Prefixes | null = null;
  try {
    if (re.unicode || re.flags.includes('v') || re.sticky) throw new Unsupported();
    const tree = parse(re.source);
    work = 0;
    const end = dedupe(extend([{ s: '', open: true, wb: false }], tree, K).map((x) => ({ ...x, open: false })), MAX_PREFIXES);
    const prefixes = new Set<string>();
    for (const x of end) {
      // Every match must begin at a word start (`\b` then a word character) with known first letters.
      if (!x.wb || x.s === '' || !WORD.test(x.s)) throw new Unsupported();
      prefixes.add(x.s);
    }
    const list = [...prefixes];
    const pairs = new Uint8Array(1 << 14);
    for (const p of list) {
      const k = keyOf(p) >> 7;
      if (p.length === 1) pairs.fill(ACCEPT, k, k + 128);
      else if (p.length === 2) pairs[k] = ACCEPT;
      else if (pairs[k] !== ACCEPT) pairs[k] = CHECK;
    }
    result = { prefixes: list, full: new Set(list.filter((p) => p.length === K).map(keyOf)), pairs, long: longPrefixes(tree) };
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    result = null;
  }
  prefixCache.set(re, result);
  prefixBySource.set(cacheKey, result);
  return result ?? undefined;
}
