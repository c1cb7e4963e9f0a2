/**
 * The regex calls of the CLI bundle. scripts/bundle-cli.ts rewrites each `re.test(s)`, `re.exec(s)`,
 * `s.replace(re, x)`, `s.replaceAll(re, x)`, `s.match(re)`, `s.matchAll(re)` and `s.search(re)` in the review
 * and framing-check modules into a call of the function of that name here. The unbundled build (eval, the
 * bot, tests in process) never loads this module.
 *
 * A pattern is compiled (straight to machine code, see native-regex.ts) only once a text it is run on passes
 * its literal gate (regex-gate.ts). Until then each call returns what the regex returns on a text where it
 * has no match, `lastIndex` included: a cold review of one plan leaves most of its ~260 patterns unmatched,
 * and compiling them was about half of its CPU. After its first compile a pattern is run as it is.
 *
 * MOODMUSIC_CHECK_GATES=1 runs each regex a gate stopped as well, and throws if it matched: the tests review
 * plans so to show that no gate changes a result.
 */
import { readFileSync } from 'node:fs';
import { deferPriming, NATIVE_SUBJECT_LENGTH } from './native-regex.js';
import type { Gate } from './regex-gate.js';

interface Pattern {
  /**
   * Its gates, one per alternative (see `gatesOf` in regex-gate.ts): a text passing none has no match. Null
   * when the bundle has no gate for it: it is compiled at its first use.
   */
  gates: Gate[] | null;
  /** Whether the gate's strings are in lower case (the `i` flag), to be looked for in the text so. */
  fold: boolean;
  compiled: boolean;
  /** The last text the gate stopped it on: the same text again is stopped without a look. */
  stoppedOn: string | undefined;
}

/**
 * The bundle's gates (scripts/bundle-gates.ts writes cold-gates.json next to the bundle): `gates` holds
 * each pattern's flags and its gates as text (gates split by a vertical tab, a gate's clauses by a newline,
 * a clause's strings by a tab); `built` the
 * source and gate index of each regex the modules build as they load. A literal's source is not written
 * out: the bundle hands it over where the literal is (`gate`). Empty outside the bundle.
 */
interface Table {
  gates: Array<[string, string]>;
  built: Array<[string, number]>;
}

function readTable(): Table {
  try {
    return JSON.parse(readFileSync(new URL('./cold-gates.json', import.meta.url), 'utf8')) as Table;
  } catch {
    return { gates: [], built: [] };
  }
}

const table = readTable();
/** The gate index of each source handed over (`gate`) or built on load. */
const indexBySource = new Map<string, number>(table.built);

/** Gives the pattern of `re`, just made by a regex literal, gate `index` of the bundle's table; returns `re`. */
export function gate(re: RegExp, index: number): RegExp {
  indexBySource.set(re.source, index);
  return re;
}

/** Gives `re` the gate `g`, which counts if no regex of its source and flags has been run here yet; returns `re`. */
export function withGate(re: RegExp, g: Gate): RegExp {
  return gate(re, table.gates.push([re.flags, g.map((clause) => clause.join('\t')).join('\n')]) - 1);
}

/** The gates of a pattern not seen before, if the table has them for its source and flags. */
function gatesFor(source: string, flags: string): Gate[] | null {
  const index = indexBySource.get(source);
  const entry = index === undefined ? undefined : table.gates[index];
  return entry && entry[0] === flags ? entry[1].split('\v').map((gate) => gate.split('\n').map((clause) => clause.split('\t'))) : null;
}

/** Each pattern seen, by source and then flags: objects with the same source and flags share V8's code. */
const patterns = new Map<string, Map<string, Pattern>>();
const checking = process.env.MOODMUSIC_CHECK_GATES === '1';
// Every use in the bundle's review modules comes through here and is primed here, once it passes its gate.
deferPriming();
const BLANK = '\u0001'.repeat(NATIVE_SUBJECT_LENGTH);

/** True when `re` has no match in `text`, known without compiling it; otherwise compiles it if needed. */
function stopped(re: unknown, text: unknown): boolean {
  if (!(re instanceof RegExp) || typeof text !== 'string') return false;
  const source = re.source;
  let byFlags = patterns.get(source);
  if (!byFlags) patterns.set(source, (byFlags = new Map()));
  const flags = re.flags;
  let p = byFlags.get(flags);
  if (p?.compiled) return false;
  if (!p) byFlags.set(flags, (p = { gates: gatesFor(source, flags), fold: flags.includes('i'), compiled: false, stoppedOn: undefined }));
  if (p.gates && (p.stoppedOn === text || !passesAny(p.gates, p.fold, text))) {
    p.stoppedOn = text;
    if (checking) check(re, text);
    return true;
  }
  p.compiled = true;
  const at = re.lastIndex;
  re.exec(BLANK);
  re.lastIndex = at;
  return false;
}

/** Whether `text` passes one of `gates`. */
function passesAny(gates: Gate[], fold: boolean, text: string): boolean {
  for (const gate of gates) if (passes(gate, fold, text)) return true;
  return false;
}

let lastText = '';
let lastLower = '';

/** Whether `text` meets every clause of `gate` (in lower case when `fold`): false means no match in it. */
export function passes(gate: Gate, fold: boolean, text: string): boolean {
  let subject = text;
  if (fold) {
    if (text !== lastText) [lastText, lastLower] = [text, text.toLowerCase()];
    subject = lastLower;
  }
  for (const clause of gate) {
    let met = false;
    for (const s of clause) {
      if (subject.includes(s)) {
        met = true;
        break;
      }
    }
    if (!met) return false;
  }
  return true;
}

function check(re: RegExp, text: string): void {
  const copy = new RegExp(re.source, re.flags);
  if (copy.test(text)) throw new Error(`regex gate stopped /${re.source}/${re.flags} on a text it matches: ${JSON.stringify(text)}`);
}

/** What a failed match leaves: a global or sticky regex's `lastIndex` at 0. */
function failed(re: RegExp): null {
  if (re.global || re.sticky) re.lastIndex = 0;
  return null;
}

/** `re.test(s)`. */
export function test(re: RegExp, s: string): boolean {
  if (!stopped(re, s)) return re.test(s);
  failed(re);
  return false;
}

/** `re.exec(s)`. */
export function exec(re: RegExp, s: string): RegExpExecArray | null {
  return stopped(re, s) ? failed(re) : re.exec(s);
}

/** A replacement: a string, or a function of the match (typed loosely: the bundle passes what the code passed). */
type Replacer = string | ((substring: string, ...args: never[]) => string);

/** `s.replace(re, by)`. */
export function replace(s: string, re: RegExp | string, by: Replacer): string {
  // A global replace starts from lastIndex 0; either way a failed exec leaves it as `failed` does.
  if (stopped(re, s)) return (failed(re as RegExp), s);
  return s.replace(re as RegExp, by as string);
}

/** `s.replaceAll(re, by)` (a non-global regex throws there, so it is left to throw). */
export function replaceAll(s: string, re: RegExp | string, by: Replacer): string {
  if (re instanceof RegExp && re.global && stopped(re, s)) return (failed(re), s);
  return s.replaceAll(re as RegExp, by as string);
}

/** `s.match(re)`. */
export function match(s: string, re: RegExp | string): RegExpMatchArray | null {
  return stopped(re, s) ? failed(re as RegExp) : s.match(re);
}

/** `s.matchAll(re)`: it runs a copy of `re` and leaves `re` itself as it was. */
export function matchAll(s: string, re: RegExp | string): IterableIterator<RegExpMatchArray> {
  if (re instanceof RegExp && re.global && stopped(re, s)) return ([] as RegExpMatchArray[])[Symbol.iterator]();
  return s.matchAll(re as RegExp);
}

/** `s.search(re)`: it puts `lastIndex` back as it was. */
export function search(s: string, re: RegExp | string): number {
  return stopped(re, s) ? -1 : s.search(re);
}
