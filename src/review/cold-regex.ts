/**
 * The regex calls of the CLI bundle. scripts/bundle-cli.ts rewrites each `re.test(s)`, `re.exec(s)`,
 * `s.replace(re, x)`, `s.replaceAll(re, x)`, `s.match(re)`, `s.matchAll(re)` and `s.search(re)` in the review
 * and framing-check modules into a call of the function of that name here. The unbundled build (eval, the
 * bot, tests in process) never loads this module.
 *
 * A pattern is compiled (straight to machine code, see native-regex.ts) only once a text it is run on passes
 * its literal gate (regex-gate.ts). Until then each call returns what the regex returns on a text where it
 * has no match, `lastIndex` included: a cold review of one plan leaves most of its ~260 patterns unmatched,
 * and compiling them was about half of its CPU. A long alternation is then compiled first without the
 * alternatives the text cannot match (regex-reduce.ts), and run so while the texts after it cannot match
 * them either; otherwise, and after that, the pattern is compiled whole and run as it is.
 *
 * MOODMUSIC_CHECK_GATES=1 runs each regex a gate stopped as well, and throws if it matched, and each
 * cut-down regex beside the whole one, and throws if they differ: the tests review plans so to show that
 * no gate changes a result.
 */
import { readFileSync } from 'node:fs';
import { deferPriming, NATIVE_SUBJECT_LENGTH } from './native-regex.js';
import type { Gate } from './regex-gate.js';
import { withoutAlternatives } from './regex-reduce.js';

/** An alternative of a long alternation that a text rules out: its span in the source and its gate. */
interface Part {
  start: number;
  end: number;
  gate: Gate;
}

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
  /** The alternatives it can be cut down by, as the table has them, until it is compiled whole; null when none. */
  parts: Array<[number, number, string]> | null;
  /** Its source without the alternatives in `dropped`, once cut down. */
  reduced: string | undefined;
  dropped: Part[];
  /** The last text on which none of `dropped` can match. */
  reducedOn: string | undefined;
}

/**
 * The bundle's gates (scripts/bundle-gates.ts writes cold-gates.json next to the bundle): `gates` holds
 * each pattern's flags, its gates as text (gates split by a vertical tab, a gate's clauses by a newline,
 * a clause's strings by a tab; empty for none) and, for a long alternation, the span and gate of each
 * alternative; `built` the source and gate index of each regex the modules build as they load. A literal's
 * source is not written out: the bundle hands it over where the literal is (`gate`). Empty outside the bundle.
 */
interface Table {
  gates: Array<[string, string] | [string, string, Array<[number, number, string]>]>;
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
  return gate(re, table.gates.push([re.flags, gateText(g)]) - 1);
}

const gateText = (g: Gate): string => g.map((clause) => clause.join('\t')).join('\n');
const readGate = (text: string): Gate => text.split('\n').map((clause) => clause.split('\t'));

/** A pattern not seen before, with its gates and parts if the table has them for its source and flags. */
function newPattern(source: string, flags: string): Pattern {
  const index = indexBySource.get(source);
  const entry = index === undefined ? undefined : table.gates[index];
  const mine = entry !== undefined && entry[0] === flags;
  return {
    gates: mine && entry[1] ? entry[1].split('\v').map(readGate) : null,
    fold: flags.includes('i'),
    compiled: false,
    stoppedOn: undefined,
    // Read only once its gate lets a text through: most patterns a review runs never get that far.
    parts: (mine && entry[2]) || null,
    reduced: undefined,
    dropped: [],
    reducedOn: undefined,
  };
}

/** Each pattern seen, by source and then flags: objects with the same source and flags share V8's code. */
const patterns = new Map<string, Map<string, Pattern>>();
const checking = process.env.MOODMUSIC_CHECK_GATES === '1';
// Every use in the bundle's review modules comes through here and is primed here, once it passes its gate.
deferPriming();
const BLANK = '\u0001'.repeat(NATIVE_SUBJECT_LENGTH);
/** Below this share of its source dropped, a pattern is compiled whole. */
const WORTH_CUTTING = 0.4;

/** Compiles `re` straight to machine code, `lastIndex` left as it was. */
function prime(re: RegExp): void {
  const at = re.lastIndex;
  re.exec(BLANK);
  re.lastIndex = at;
}

/**
 * The regex to run for `re` on `text`: null when it has no match there, known without compiling it; `re`,
 * compiled if needed; or a regex of `re`'s pattern cut down to what the text can match. Anything but a
 * regex run on a string is given back as it is.
 */
function runner(re: unknown, text: unknown): RegExp | null {
  if (!(re instanceof RegExp) || typeof text !== 'string') return re as RegExp;
  const source = re.source;
  let byFlags = patterns.get(source);
  if (!byFlags) patterns.set(source, (byFlags = new Map()));
  const flags = re.flags;
  let p = byFlags.get(flags);
  if (p?.compiled) return re;
  if (!p) byFlags.set(flags, (p = newPattern(source, flags)));
  if (p.gates && (p.stoppedOn === text || !passesAny(p.gates, p.fold, text))) {
    p.stoppedOn = text;
    if (checking) check(re, text);
    return null;
  }
  const reduced = p.parts && cutDown(p, source, text);
  if (reduced) return surrogate(re, reduced);
  p.compiled = true;
  p.parts = null;
  prime(re);
  return re;
}

/** The source of `p` cut down for `text`, or undefined when it is to be compiled whole. */
function cutDown(p: Pattern, source: string, text: string): string | undefined {
  if (p.reduced === undefined) {
    const dropped: Part[] = [];
    for (const [start, end, g] of p.parts ?? []) {
      const gate = g ? readGate(g) : null;
      if (gate && !passes(gate, p.fold, text)) dropped.push({ start, end, gate });
    }
    if (dropped.reduce((n, part) => n + part.end - part.start, 0) < source.length * WORTH_CUTTING) return undefined;
    p.dropped = dropped;
    p.reduced = withoutAlternatives(source, dropped.map((part) => [part.start, part.end]));
  } else if (p.reducedOn !== text) {
    // A text that one of the dropped alternatives could match: the pattern is compiled whole from now on.
    for (const part of p.dropped) if (passes(part.gate, p.fold, text)) return undefined;
  }
  p.reducedOn = text;
  return p.reduced;
}

/** The cut-down source and regex run for `re` (one per regex object; those of one source share V8's code). */
const surrogates = new WeakMap<RegExp, [string, RegExp]>();
/** Cut-down patterns compiled so far, by flags and source. */
const primed = new Set<string>();

function surrogate(re: RegExp, reduced: string): RegExp {
  const known = surrogates.get(re);
  if (known && known[0] === reduced) return known[1];
  const r = new RegExp(reduced, re.flags);
  surrogates.set(re, [reduced, r]);
  const key = `${re.flags}/${reduced}`;
  if (!primed.has(key)) {
    primed.add(key);
    prime(r);
  }
  return r;
}

/** Runs `call` on `r`, the regex `runner` gave for `re`, from `re`'s `lastIndex`, and leaves `re` where `r` ends. */
function via<T>(re: RegExp, r: RegExp, text: string, call: (x: RegExp) => T): T {
  if (r === re) return call(re);
  if (checking) checkCut(re, r, text);
  r.lastIndex = re.lastIndex;
  const out = call(r);
  re.lastIndex = r.lastIndex;
  return out;
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

/** Throws unless the cut-down `r` finds what `re` finds in `text`: every match, and the one at `re.lastIndex`. */
function checkCut(re: RegExp, r: RegExp, text: string): void {
  const found = (x: RegExp): string => {
    const all = [...text.matchAll(new RegExp(x.source, `${x.flags.replace(/[gy]/g, '')}g`))].map((m) => [m.index, [...m], m.groups]);
    const one = new RegExp(x.source, x.flags);
    one.lastIndex = re.lastIndex;
    return JSON.stringify([all, one.exec(text), one.lastIndex]);
  };
  if (found(re) !== found(r)) throw new Error(`cut-down /${r.source}/ differs from /${re.source}/${re.flags} on ${JSON.stringify(text)}`);
}

/** What a failed match leaves: a global or sticky regex's `lastIndex` at 0. */
function failed(re: RegExp): null {
  if (re.global || re.sticky) re.lastIndex = 0;
  return null;
}

/** `re.test(s)`. */
export function test(re: RegExp, s: string): boolean {
  const r = runner(re, s);
  if (r) return via(re, r, s, (x) => x.test(s));
  failed(re);
  return false;
}

/** `re.exec(s)`. */
export function exec(re: RegExp, s: string): RegExpExecArray | null {
  const r = runner(re, s);
  return r ? via(re, r, s, (x) => x.exec(s)) : failed(re);
}

/** A replacement: a string, or a function of the match (typed loosely: the bundle passes what the code passed). */
type Replacer = string | ((substring: string, ...args: never[]) => string);

/** `s.replace(re, by)`. */
export function replace(s: string, re: RegExp | string, by: Replacer): string {
  // A global replace starts from lastIndex 0; either way a failed exec leaves it as `failed` does.
  const r = runner(re, s);
  if (!r) return (failed(re as RegExp), s);
  return via(re as RegExp, r, s, (x) => s.replace(x, by as string));
}

/** `s.replaceAll(re, by)` (a non-global regex throws there, so it is left to throw). */
export function replaceAll(s: string, re: RegExp | string, by: Replacer): string {
  if (!(re instanceof RegExp && re.global)) return s.replaceAll(re as RegExp, by as string);
  const r = runner(re, s);
  if (!r) return (failed(re), s);
  return via(re, r, s, (x) => s.replaceAll(x, by as string));
}

/** `s.match(re)`. */
export function match(s: string, re: RegExp | string): RegExpMatchArray | null {
  const r = runner(re, s);
  return r ? via(re as RegExp, r, s, (x) => s.match(x)) : failed(re as RegExp);
}

/** `s.matchAll(re)`: it runs a copy of `re` and leaves `re` itself as it was. */
export function matchAll(s: string, re: RegExp | string): IterableIterator<RegExpMatchArray> {
  if (!(re instanceof RegExp && re.global)) return s.matchAll(re as RegExp);
  const r = runner(re, s);
  if (!r) return ([] as RegExpMatchArray[])[Symbol.iterator]();
  return via(re, r, s, (x) => s.matchAll(x));
}

/** `s.search(re)`: it puts `lastIndex` back as it was. */
export function search(s: string, re: RegExp | string): number {
  const r = runner(re, s);
  return r ? via(re as RegExp, r, s, (x) => s.search(x)) : -1;
}
