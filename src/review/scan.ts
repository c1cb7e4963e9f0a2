/**
 * Scans of the plan under review that try a regex only at the word starts where one of its matches can
 * begin (read from the regex by `prefixes.ts`), instead of at each of a long plan's ~12,000 positions.
 * The regex itself decides every match there (as a sticky copy), so the matches are those of a plain
 * `exec` loop by construction: the prefixes only ever leave out positions where no match can start.
 * A wide vocabulary tries each of its ~80 alternatives at every word of a plain scan; here it tries
 * them at the few words that start like one of them.
 */
import { ACCEPT, fold, K, matchPrefixes, type Prefixes } from './prefixes.js';

/** Below this many characters a plain scan is as quick as the index (sentences, short plans). */
export const INDEXED_MIN_CHARS = 3000;

/** A text's word starts, in order, each with its first three characters packed in one number (7 bits each). */
interface TextIndex {
  text: string;
  count: number;
  starts: Int32Array;
  keys: Int32Array;
}

const isWord = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/** Whether `text` at `at` goes on as `prefix` (folded as keys are) from its fourth character. */
function startsFolded(text: string, at: number, prefix: string): boolean {
  if (at + prefix.length > text.length) return false;
  for (let i = K; i < prefix.length; i += 1) if (fold(text.charCodeAt(at + i)) !== prefix.charCodeAt(i)) return false;
  return true;
}

/** Index buffers, reused from one review to the next (the n-th text indexed in a review takes the n-th). */
const pool: Array<{ starts: Int32Array; keys: Int32Array }> = [];

function indexText_(text: string, slot: number): TextIndex {
  const n = text.length;
  const size = (n + 1) >> 1;
  let buffers = pool[slot];
  if (buffers === undefined || buffers.starts.length < size) {
    buffers = { starts: new Int32Array(size), keys: new Int32Array(size) };
    pool[slot] = buffers;
  }
  const { starts, keys } = buffers;
  let count = 0;
  let prevWord = false;
  for (let p = 0; p < n; p += 1) {
    const c = text.charCodeAt(p);
    const word = isWord(c);
    if (word && !prevWord) {
      starts[count] = p;
      keys[count] = (fold(c) << 14) | ((p + 1 < n ? fold(text.charCodeAt(p + 1)) : 0) << 7) | (p + 2 < n ? fold(text.charCodeAt(p + 2)) : 0);
      count += 1;
    }
    prevWord = word;
  }
  return { text, count, starts, keys };
}

/** The texts indexed for the current review: the plan, and the opening its genre is read from. */
const indexed: TextIndex[] = [];
/** At most this many texts are indexed per review. */
const MAX_INDEXED = 4;
/** Which review the candidates belong to, so none is reused by a later review of the same text. */
let generation = 0;
const stickyCache = new WeakMap<RegExp, RegExp>();
/** Regexes read for their prefixes in the current review, at most `READ_PER_REVIEW`. */
let readThisReview = 0;
const READ_PER_REVIEW = 2;

/**
 * The regexes scanned over the n-th text indexed in a review (the plan, its opening), with their
 * candidate positions in that text for the current review. All their candidates are found in one pass
 * over the text's words: a table from a word's first two characters to the regexes that can start there.
 */
interface Registry {
  regexes: RegExp[];
  prefixes: Prefixes[];
  /** Per regex: its candidate positions in this review's text, in order. */
  lists: number[][];
  byRegex: WeakMap<RegExp, number>;
  /** By flags and source, for regexes built afresh for each review. */
  bySource: Map<string, number>;
  /** Per first two characters (14 bits): where its entries start in `entries` (and end at the next). */
  offsets: Int32Array;
  /** A regex's number times two, plus one when the two characters are enough (no check of the key). */
  entries: Int32Array;
  /** Whether regexes were added since `offsets` and `entries` were built. */
  stale: boolean;
  /** The review whose candidates `lists` hold. */
  generation: number;
}

const registries: Registry[] = [];

function registryFor(slot: number): Registry {
  let r = registries[slot];
  if (r === undefined) {
    r = {
      regexes: [], prefixes: [], lists: [], byRegex: new WeakMap(), bySource: new Map(),
      offsets: new Int32Array((1 << 14) + 1), entries: new Int32Array(0), stale: false, generation: 0,
    };
    registries[slot] = r;
  }
  return r;
}

/** Rebuilds a registry's table from its regexes' prefixes. */
function rebuild(r: Registry): void {
  const byPair = new Map<number, Set<number>>();
  r.prefixes.forEach((pre, id) => {
    for (const prefix of pre.prefixes) {
      // A one-character prefix allows every second character.
      const first = fold(prefix.charCodeAt(0)) << 7;
      const pairs = prefix.length === 1 ? Array.from({ length: 128 }, (_, c) => first | c) : [first | fold(prefix.charCodeAt(1))];
      for (const pair of pairs) {
        const set = byPair.get(pair) ?? new Set<number>();
        set.add(id * 2 + (pre.pairs[pair] === ACCEPT ? 1 : 0));
        byPair.set(pair, set);
      }
    }
  });
  let total = 0;
  for (const set of byPair.values()) total += set.size;
  const entries = new Int32Array(total);
  let at = 0;
  for (let pair = 0; pair < 1 << 14; pair += 1) {
    r.offsets[pair] = at;
    for (const e of [...(byPair.get(pair) ?? [])].sort((x, y) => x - y)) entries[at++] = e;
  }
  r.offsets[1 << 14] = at;
  r.entries = entries;
  r.stale = false;
}

/** Whether a word start whose two first characters allow regex `pre` is a candidate by its key and longer prefixes. */
function keyAllows(pre: Prefixes, k: number, text: string, p: number): boolean {
  if (pre.pairs[k >> 7] !== ACCEPT && !pre.full.has(k)) return false;
  if (pre.long.size === 0) return true;
  const tails = pre.long.get(k);
  if (tails === undefined) return true;
  for (const t of tails) if (startsFolded(text, p, t)) return true;
  return false;
}

/** Finds every registered regex's candidates in the text, in one pass over its words. */
function pass(r: Registry, index: TextIndex): void {
  if (r.stale) rebuild(r);
  for (const list of r.lists) list.length = 0;
  const { keys, starts, text } = index;
  const { offsets, entries, lists, prefixes } = r;
  for (let i = 0; i < index.count; i += 1) {
    const k = keys[i] ?? 0;
    const pair = k >> 7;
    const end = offsets[pair + 1] ?? 0;
    for (let e = offsets[pair] ?? 0; e < end; e += 1) {
      const entry = entries[e] ?? 0;
      const id = entry >> 1;
      const p = starts[i] ?? 0;
      if ((entry & 1) === 1 || keyAllows(prefixes[id] as Prefixes, k, text, p)) lists[id]?.push(p);
    }
  }
  r.generation = generation;
}

/** The positions of an indexed text where a match of `re` can start, in order; undefined when unknown. */
function candidates(re: RegExp, index: TextIndex, slot: number): number[] | undefined {
  const r = registryFor(slot);
  let id = r.byRegex.get(re);
  if (id === undefined) {
    const key = `${re.flags}/${re.source}`;
    id = r.bySource.get(key);
    if (id === undefined) {
      // Reading a regex takes up to a few milliseconds: a review reads at most a couple, so the first
      // reviews of long plans do not pay for all of them at once (the rest are scanned plainly meanwhile).
      if (readThisReview >= READ_PER_REVIEW) return undefined;
      readThisReview += 1;
      const pre = matchPrefixes(re);
      if (pre === undefined) id = -1;
      else {
        id = r.regexes.length;
        r.regexes.push(re);
        r.prefixes.push(pre);
        r.lists.push([]);
        r.stale = true;
        // Found here for this review; from the next on, in the pass with the others.
        const list = r.lists[id] as number[];
        const { keys, starts, text } = index;
        for (let i = 0; i < index.count; i += 1) {
          const k = keys[i] ?? 0;
          const p = starts[i] ?? 0;
          if (pre.pairs[k >> 7] && keyAllows(pre, k, text, p)) list.push(p);
        }
        r.bySource.set(key, id);
        r.byRegex.set(re, id);
        return list;
      }
      r.bySource.set(key, id);
    }
    r.byRegex.set(re, id);
  }
  if (id < 0) return undefined;
  if (r.generation !== generation || r.lists[id] === undefined) pass(r, index);
  return r.lists[id];
}

function indexFor(text: string): number {
  for (let i = 0; i < indexed.length; i += 1) if (indexed[i]?.text === text) return i;
  return -1;
}

/**
 * Starts a review: nothing indexed or found for an earlier review is used again, even for the same text,
 * so a review of a text seen before costs what any other does (and a benchmark repeating one plan is not
 * flattered).
 */
export function startReview(): void {
  generation += 1;
  readThisReview = 0;
  indexed.length = 0;
}

/**
 * Indexes a text the review scans with many regexes: later scans of exactly this text (until the next
 * `startReview`) try only the positions where a match can start. Short texts are left alone.
 */
export function indexText(text: string): void {
  // A process that reviews once (the CLI) scans plainly: reading the regexes would cost it more than it saves.
  if (generation < 2 || text.length < INDEXED_MIN_CHARS || indexed.length >= MAX_INDEXED || indexFor(text) >= 0) return;
  indexed.push(indexText_(text, indexed.length));
}

/**
 * `re.exec(text)` for a global or plain (not sticky) regex: the same match, from `re.lastIndex` when
 * global, with `re.lastIndex` left as `exec` leaves it. On the indexed plan it tries only the positions
 * where a match can start.
 */
export function execFast(re: RegExp, text: string): RegExpExecArray | null {
  const slot = indexed.length > 0 ? indexFor(text) : -1;
  const found = slot >= 0 ? candidates(re, indexed[slot] as TextIndex, slot) : undefined;
  if (found === undefined) return re.exec(text);
  const global = re.global;
  const start = global ? re.lastIndex : 0;
  const end = found.length;
  // The first candidate at or after `start` (binary search).
  let lo = 0;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((found[mid] ?? 0) < start) lo = mid + 1;
    else hi = mid;
  }
  let sticky = stickyCache.get(re);
  if (sticky === undefined) {
    sticky = new RegExp(re.source, `${re.flags}y`);
    stickyCache.set(re, sticky);
  }
  for (let k = lo; k < end; k += 1) {
    sticky.lastIndex = found[k] ?? 0;
    const m = sticky.exec(text);
    if (m) {
      if (global) re.lastIndex = sticky.lastIndex;
      return m;
    }
  }
  if (global) re.lastIndex = 0;
  return null;
}
