/**
 * Native-first compilation of the review's regexes, for the cold `moodmusic review FILE`.
 *
 * V8 first compiles a regex to bytecode for its interpreter, and to machine code only when the regex runs
 * again. Building the bytecode of one of the large vocabularies here (a peephole pass over hundreds of
 * kilobytes of bytecode) costs about four times as much CPU as building its machine code: for the framing
 * check's decline pattern, 37 ms against 7.5 ms. A fresh process that reviews one plan paid that for every
 * regex it used: about two thirds of a cold review's CPU. V8 skips the bytecode and compiles machine code
 * at once when a regex's subject is at least 1,000 characters long, and nothing but that (no flag) can be
 * set from JavaScript safely (see bin/moodmusic.js). So each regex, at its first use, is run once on a
 * blank of that length. Matches are unchanged: the blank's result is dropped and `lastIndex` restored.
 * Later uses cost one `WeakSet` look-up. On an engine that behaves otherwise this is one scan of 1,000
 * characters per regex, a few microseconds.
 */

/** V8's subject length from which a regex is compiled to machine code on its first run (`kTierUpForSubjectLengthValue`). */
export const NATIVE_SUBJECT_LENGTH = 1000;

/**
 * The blank: one-byte (so the code made is the one-byte code most plans use), and no letter, digit,
 * space or punctuation, so a pattern fails at each place after a character or two instead of backtracking.
 */
const BLANK = '\u0001'.repeat(NATIVE_SUBJECT_LENGTH);

const primed = new WeakSet<RegExp>();
let deferred = false;

/**
 * Makes `primeNative` a no-op for the rest of the process. The CLI bundle calls it (cold-regex.ts): there
 * every regex use is primed at the use, and only once a text could match it.
 */
export function deferPriming(): void {
  deferred = true;
}

/**
 * Makes sure `re` has been compiled to machine code, and returns it: call it where a regex is about to run.
 * The first call for a regex object runs it on a blank 1,000 characters long; later calls only look it up.
 */
export function primeNative<R extends RegExp>(re: R): R {
  return deferred ? re : prime(re);
}

function prime<R extends RegExp>(re: R): R {
  if (!primed.has(re)) {
    primed.add(re);
    const at = re.lastIndex;
    re.exec(BLANK);
    re.lastIndex = at;
  }
  return re;
}

/** Flags of each regex source already compiled by `primeUse`, by source. */
const primedSources = new Map<string, string[]>();

/**
 * `primeNative` for any value about to be used as a regex (the CLI bundle wraps each regex receiver and
 * argument in it: scripts/bundle-cli.ts). Anything else is returned as it is. Objects with the same source
 * and flags share V8's compiled code (one literal evaluated again, or a pattern built again), so each
 * pattern is primed once, however many objects it has.
 */
export function primeUse<T>(value: T): T {
  if (value instanceof RegExp) {
    const flags = value.flags;
    const seen = primedSources.get(value.source);
    if (seen === undefined) primedSources.set(value.source, [flags]);
    else if (seen.includes(flags)) return value;
    else seen.push(flags);
    prime(value);
  }
  return value;
}
