/**
 * The words of a long text, read once and shared by the scans of it. A review scans its plan with some
 * fifty vocabularies; finding where a vocabulary's words begin through one index of the plan's words is
 * cheaper than letting each regex try every character.
 *
 * A word here is what `\b` delimits in a regex without the `u` flag: a run of ASCII letters, digits and
 * `_`, compared without case. Each word is filed under its first four characters packed into a number
 * (its key) in hash chains of typed arrays, so building the index makes no strings.
 */
import { giveBack, take } from './word-pool.js';

/** Where the words of one text begin. */
export interface WordIndex {
  /** The text indexed. */
  readonly text: string;
  /** Number of words in the text. */
  readonly count: number;
  /** Start offset of each word, in text order. */
  readonly starts: Int32Array;
  /** Each word's key: its first four character codes in base 38, zeros after a shorter word's end. */
  readonly keys: Int32Array;
  /**
   * Hash chains by the key of a word's first 1-4 characters (level 1-4; levels below 4 made when first
   * needed): `heads[h]` is the first word whose key hashes to `h`, `next[i]` the word after word `i`.
   */
  readonly levels: Array<{ heads: Int32Array; next: Int32Array } | undefined>;
  /** Results other modules keep for this text (each scan's candidate offsets, see `keepStarts`), dropped with the index. */
  readonly memo: Map<unknown, unknown>;
  /** The offsets `keepStarts` kept for this text, one run after another (see `keptStarts`). */
  readonly kept: { data: Int32Array; used: number };
  /** The pooled buffers under `starts`, `keys` and the chains, handed back by `forgetWords` (see `take`). */
  readonly buffers: Int32Array[];
  /** For the index of a text that begins an indexed one (see `wordsOf`): that index, whose chains this one reads up to `count`. */
  readonly whole?: WordIndex;
}

/** Each ASCII character's code: 0 outside words; 1-26 a letter in either case, 27-36 a digit, 37 `_`. */
const CODES = new Uint8Array(128);
for (let c = 0; c < 128; c += 1) {
  CODES[c] = c >= 97 && c <= 122 ? c - 96 : c >= 65 && c <= 90 ? c - 64 : c >= 48 && c <= 57 ? c - 21 : c === 95 ? 37 : 0;
}

/** `CODES` over every UTF-16 code unit (0 past ASCII), so the word scan reads a code without a range test. */
const WORD_CODES = new Uint8Array(65536);
WORD_CODES.set(CODES);

function code(c: number): number {
  return c < 128 ? (CODES[c] ?? 0) : 0;
}

const RADIX = 38;
const KEY_CHARS = 4;
const RADIX_2 = RADIX ** 2;
const RADIX_3 = RADIX ** 3;
/** 38 to the power 0-4: a level-`n` key is a word's key divided by `SCALE[4 - n]`. */
const SCALE = [1, RADIX, RADIX ** 2, RADIX ** 3, RADIX ** 4];

/** The key of a word beginning: its first `length` (at most four) character codes in base 38. */
function keyOf(word: string, length: number): number {
  let key = 0;
  for (let i = 0; i < length; i += 1) key = key * RADIX + code(word.charCodeAt(i));
  return key;
}

function hash(key: number, mask: number): number {
  return (Math.imul(key, 0x9e3779b1) >>> 12) & mask;
}

/** Chains the words by their level-`level` keys, last word first so that each chain runs in text order. */
function chain(index: WordIndex, level: number): { heads: Int32Array; next: Int32Array } {
  const { count, keys } = index;
  let size = 64;
  while (size < count * 2) size *= 2;
  const heads = take(size, index.buffers).fill(-1);
  const next = take(count, index.buffers);
  const scale = SCALE[KEY_CHARS - level] ?? 1;
  for (let i = count - 1; i >= 0; i -= 1) {
    const h = hash(Math.floor((keys[i] ?? 0) / scale), size - 1);
    next[i] = heads[h] ?? -1;
    heads[h] = i;
  }
  return { heads, next };
}

/**
 * Builds the index of a text's words (see `wordsOf`, which keeps it for the scans that follow). Its
 * buffers may come from indexes `forgetWords` dropped, and go back there only if it is one of `wordsOf`'s.
 */
export function indexWords(text: string): WordIndex {
  const n = text.length;
  const buffers: Int32Array[] = [];
  // At most one word per two characters, plus one.
  const starts = take((n >> 1) + 1, buffers);
  const keys = take((n >> 1) + 1, buffers);
  let count = 0;
  // The key's four characters are read unrolled and the rest of the word skipped: this loop reads every
  // character of five long texts per review, and the general one (a length count, a branch per character
  // for the key) took a third longer.
  for (let i = 0; i < n;) {
    let c = WORD_CODES[text.charCodeAt(i)] ?? 0;
    if (c === 0) {
      i += 1;
      continue;
    }
    const start = i;
    // A word shorter than a key is padded with zeros, which no character has: "we" is not "well".
    let key = c * RADIX_3;
    i += 1;
    if (i < n && (c = WORD_CODES[text.charCodeAt(i)] ?? 0) !== 0) {
      key += c * RADIX_2;
      i += 1;
      if (i < n && (c = WORD_CODES[text.charCodeAt(i)] ?? 0) !== 0) {
        key += c * RADIX;
        i += 1;
        if (i < n && (c = WORD_CODES[text.charCodeAt(i)] ?? 0) !== 0) {
          key += c;
          i += 1;
          while (i < n && WORD_CODES[text.charCodeAt(i)] !== 0) i += 1;
        }
      }
    }
    starts[count] = start;
    keys[count] = key;
    count += 1;
  }
  const index: WordIndex = {
    text, count, starts: starts.subarray(0, count), keys: keys.subarray(0, count), levels: [], memo: new Map(), kept: { data: NO_STARTS, used: 0 }, buffers,
  };
  index.levels[KEY_CHARS] = chain(index, KEY_CHARS);
  return index;
}

/** A word or word beginning to look up, prepared once per vocabulary (see `lookupOf`). */
export interface Lookup {
  /** The chain level (characters in the key, 1-4), the key looked for, and what a word's key is divided by to compare. */
  readonly level: number;
  readonly key: number;
  readonly scale: number;
  /** The word, checked from its fifth character on when `check` (a key holds only four). */
  readonly word: string;
  /** Whether the text's word must end where `word` ends. */
  readonly exact: boolean;
  /** Whether the key alone does not settle it: the word is longer than a key, or a whole word of four. */
  readonly check: boolean;
}

/** Prepares the look-up of a lower-case word (`exact`) or word beginning, of ASCII letters, digits and `_`. */
export function lookupOf(word: string, exact: boolean): Lookup {
  const length = Math.min(word.length, KEY_CHARS);
  // A whole word shorter than a key is its key with zeros after it; a short beginning is a lower level.
  const level = exact ? KEY_CHARS : length;
  const key = keyOf(word, length) * (SCALE[level - length] ?? 1);
  const scale = SCALE[KEY_CHARS - level] ?? 1;
  return { level, key, scale, word, exact, check: word.length > KEY_CHARS || (exact && word.length === KEY_CHARS) };
}

/** Whether the word at `at` goes on as `word` from its fifth character (case aside), and ends there when `exact`. */
function continues(text: string, at: number, word: string, exact: boolean): boolean {
  for (let i = KEY_CHARS; i < word.length; i += 1) {
    if (code(text.charCodeAt(at + i)) !== code(word.charCodeAt(i))) return false;
  }
  return !exact || code(text.charCodeAt(at + word.length)) === 0;
}

/** Where `findStarts` gathers offsets: grown as needed, never given away. */
let found = new Int32Array(1024);

/**
 * Finds the offsets where a word matching one of `lookups` begins, in text order without repeats, and
 * returns how many: they are the first ones of `foundStarts()`, until the next call.
 */
export function findStarts(index: WordIndex, lookups: readonly Lookup[]): number {
  let n = 0;
  let lists = 0;
  const { text, starts, keys, count } = index;
  for (const lookup of lookups) {
    const { level, key, scale } = lookup;
    // A beginning's chains are its whole text's, made from all of that text's words.
    const owner = index.whole ?? index;
    let chains = owner.levels[level];
    if (!chains) owner.levels[level] = chains = chain(owner, level);
    const { heads, next } = chains;
    const before = n;
    // A chain runs in text order, so a beginning's words end where the first word past its count comes.
    for (let i = heads[hash(key, heads.length - 1)] ?? -1; i >= 0 && i < count; i = next[i] ?? -1) {
      const k = keys[i] ?? 0;
      if ((scale === 1 ? k : Math.floor(k / scale)) !== key) continue;
      const at = starts[i] ?? 0;
      if (lookup.check && !continues(text, at, lookup.word, lookup.exact)) continue;
      if (n === found.length) {
        const grown = new Int32Array(n * 2);
        grown.set(found);
        found = grown;
      }
      found[n++] = at;
    }
    if (n > before) lists += 1;
  }
  // One chain is already in text order; several are merged, and their repeats dropped in place.
  if (lists <= 1) return n;
  found.subarray(0, n).sort();
  let kept = 0;
  for (let i = 0; i < n; i += 1) if (i === 0 || found[i] !== found[i - 1]) found[kept++] = found[i] ?? 0;
  return kept;
}

/** The buffer `findStarts` fills (it may be replaced by a larger one at each call). */
export function foundStarts(): Int32Array {
  return found;
}

/** Offsets where a word matching one of `lookups` begins, in text order without repeats. */
export function wordStarts(index: WordIndex, lookups: readonly Lookup[]): number[] {
  return Array.from(found.subarray(0, findStarts(index, lookups)));
}

/** An empty run of offsets, for an index that has kept none yet. */
const NO_STARTS = new Int32Array(0);

/**
 * Keeps `n` offsets of `from` with `index`, for as long as the index lives, and returns where they are
 * kept: `keptStarts(index)` holds their count there and the offsets after it. A review keeps some 150
 * runs, about 10,000 offsets: as plain arrays they were an eighth of what a review allocated, and a
 * typed array each would live outside V8's heap (see `take`); one pooled buffer per index holds them all.
 */
export function keepStarts(index: WordIndex, from: Int32Array, n: number): number {
  const kept = index.kept;
  const at = kept.used;
  if (at + n + 1 > kept.data.length) {
    const grown = take(Math.max(2 * kept.data.length, at + n + 1, 1024), index.buffers);
    grown.set(kept.data.subarray(0, at));
    kept.data = grown;
  }
  kept.data[at] = n;
  kept.data.set(from.subarray(0, n), at + 1);
  kept.used = at + n + 1;
  return at;
}

/** The buffer of the offsets `keepStarts` kept with `index` (read it again after each `keepStarts`). */
export function keptStarts(index: WordIndex): Int32Array {
  return index.kept.data;
}

/** The texts indexed since the last `forgetWords`, most recent first: a review scans its plan, its sentences joined and a few other long strings. */
const recent: WordIndex[] = [];
const KEEP = 6;

/** The word index of `text`, built once between calls of `forgetWords` while the text stays among the last few indexed. */
export function wordsOf(text: string): WordIndex {
  for (const index of recent) if (index.text === text) return index;
  const index = beginningOf(text) ?? indexWords(text);
  recent.unshift(index);
  if (recent.length > KEEP) recent.pop();
  return index;
}

/**
 * The index of `text` when it begins a text indexed since the last `forgetWords` (the genre reads a plan's
 * first 4,000 characters) and no word runs across its end: the longer text's first words, read again by
 * nobody. Undefined otherwise.
 */
function beginningOf(text: string): WordIndex | undefined {
  const n = text.length;
  // Of several such texts (a plan, and the plan with a late phrase blanked), the one with the most chains
  // made already: a beginning's look-ups use the whole text's chains, made for all of its words.
  let whole: WordIndex | undefined;
  let made = -1;
  for (const index of recent) {
    const full = index.text;
    if (index.whole || full.length <= n || (code(full.charCodeAt(n - 1)) !== 0 && code(full.charCodeAt(n)) !== 0) || !full.startsWith(text)) continue;
    const levels = index.levels.filter(Boolean).length;
    if (levels > made) {
      whole = index;
      made = levels;
    }
  }
  if (!whole) return undefined;
  // The words that start before `n` (each ends by then: none runs across it).
  let lo = 0;
  let hi = whole.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((whole.starts[mid] ?? 0) < n) lo = mid + 1;
    else hi = mid;
  }
  return {
    text, count: lo, starts: whole.starts.subarray(0, lo), keys: whole.keys.subarray(0, lo), levels: whole.levels, memo: new Map(), kept: { data: NO_STARTS, used: 0 },
    buffers: [], whole,
  };
}

/**
 * Drops every kept index. A review calls it first, so each review pays for reading its own words even
 * when the same text is reviewed again (as the latency bench does): nothing read is carried between
 * reviews, only the emptied buffers. An index from `wordsOf` must not be used after this call.
 */
export function forgetWords(): void {
  for (const index of recent) {
    giveBack(index.buffers);
  }
  recent.length = 0;
}
