/**
 * Literal gates: from a regex's source, the strings a text must contain for the regex to match anywhere in
 * it. The cold CLI (`moodmusic review FILE`) compiles a pattern only once a text it is run on passes its gate
 * (cold-regex.ts): compiling is about half of a cold review's CPU, and most vocabularies have no match in a
 * given plan. Gates are read when the CLI is bundled (scripts/bundle-cli.ts), not at run time: reading
 * them all costs about as much as compiling the patterns. A gate is a list of clauses, each a list of strings: a text passes when, for every clause, it
 * contains at least one of the clause's strings. The reading is conservative: whatever it does not follow
 * (a class with a range, `\d`, a back-reference, a repeat of more than one) demands nothing, so a gate may let
 * through a text with no match, but never stops a text with one.
 */

/** The clauses a text must meet for a regex to match in it: each a list of strings, one of which it must contain. */
export type Gate = string[][];

/**
 * What a part of a pattern tells: `exact`, when known, is every string it can match; `clauses` are strings a
 * text with a match must contain besides (lookarounds, repeated parts). `exact` null and no clause: nothing known.
 */
interface Info {
  exact: string[] | null;
  clauses: string[][];
  /**
   * The alternatives of an alternation whose strings `clauses` could keep only in part (one clause of each,
   * joined): kept while nothing but zero-width parts (`\b`, `^`, a negative lookaround) sits beside it, so
   * a gate can demand all of one alternative's clauses (`gatesOf`).
   */
  alts?: Info[];
}

/** Syntax this reader does not follow: the regex gets no gate. */
class Unread extends Error {}

const ANY: Info = { exact: null, clauses: [] };
const EMPTY: Info = { exact: [''], clauses: [] };
/** Past this many strings an exact set is kept as a clause only (products of alternations grow fast). */
const MAX_EXACT = 32;
/** Clauses kept in a gate: the most telling ones; the rest would cost look-ups and stop little more. */
const MAX_CLAUSES = 3;
/** Strings shorter than this make a clause almost every text meets. */
const MIN_TELLING = 3;
/** Strings are cut to this length. */
const MAX_STRING = 12;
/** A class of at most this many listed characters (`[sz]`, `[- ]`) is read as those characters. */
const MAX_CLASS = 8;
/** Characters with a meaning in a pattern (outside a class). */
const SYNTAX = new Set([...'\\^$.|?*+()[]{}']);
const QUANTIFIER_START = new Set(['*', '+', '?', '{']);
const QUANTIFIER = /^(?:[*+?]|\{(\d+)(?:(,)(\d*))?\})/;
const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v' };

/** `s` compared as the `i` flag (without `u`) compares it: ASCII in lower case; anything else is not read. */
function folded(c: string, fold: boolean): Info {
  if (!fold) return { exact: [c], clauses: [] };
  return c.charCodeAt(0) < 128 ? { exact: [c.toLowerCase()], clauses: [] } : ANY;
}

/** The clause of `info` a text can least often meet, or null when `info` demands nothing. */
function bestClause(info: Info): string[] | null {
  let best: string[] | null = null;
  let bestScore = -1;
  for (const clause of info.exact ? [info.exact, ...info.clauses] : info.clauses) {
    if (clause.length === 0 || clause.includes('')) continue;
    // The shortest string is the one most texts contain; fewer strings are fewer look-ups.
    const score = Math.min(...clause.map((s) => s.length)) * 1000 - clause.length;
    if (score > bestScore) [best, bestScore] = [clause, score];
  }
  return best;
}

/** Every clause `info` demands, its exact set included. */
function allClauses(info: Info): string[][] {
  const out = info.clauses.slice();
  if (info.exact && !info.exact.includes('')) out.push(info.exact);
  return out;
}

/** Whether `info` matches only the empty string and demands nothing (`\b`, `^`, a negative lookaround). */
function isEmpty(info: Info): boolean {
  return info.clauses.length === 0 && info.exact?.length === 1 && info.exact[0] === '';
}

function concat(a: Info, b: Info): Info {
  if (isEmpty(a)) return b;
  // The same strings and clauses as the product below would give, with `a`'s alternatives kept.
  if (isEmpty(b)) return a;
  const clauses = [...a.clauses, ...b.clauses];
  if (a.exact && b.exact && a.exact.length * b.exact.length <= MAX_EXACT) {
    const exact = new Set<string>();
    for (const x of a.exact) for (const y of b.exact) exact.add(x + y);
    return { exact: [...exact], clauses };
  }
  return { exact: null, clauses: [...allClauses(a), ...allClauses(b)] };
}

function alternation(alts: Info[]): Info {
  if (alts.length === 1) return alts[0] ?? ANY;
  if (alts.every((a) => a.exact)) {
    const exact = new Set(alts.flatMap((a) => a.exact ?? []));
    if (exact.size <= MAX_EXACT) return { exact: [...exact], clauses: [] };
  }
  const union = new Set<string>();
  for (const alt of alts) {
    const clause = bestClause(alt);
    if (!clause) return ANY;
    for (const s of clause) union.add(s);
  }
  return { exact: null, clauses: [[...union]], alts };
}

function repeat(atom: Info, min: number, max: number): Info {
  if (max === 0) return EMPTY;
  if (min === 1 && max === 1) return atom;
  if (min === 0) return max === 1 && atom.exact ? { exact: [...new Set(['', ...atom.exact])], clauses: [] } : ANY;
  return { exact: null, clauses: allClauses(atom) };
}

/** Reads a source without the `u` or `v` flag (Annex B syntax). */
function read(source: string, fold: boolean): Info {
  let i = 0;
  const disjunction = (): Info => {
    const alts: Info[] = [];
    let seq: Info = EMPTY;
    for (;;) {
      const c = source[i];
      if (c === undefined || c === ')') break;
      if (c === '|') {
        alts.push(seq);
        seq = EMPTY;
        i += 1;
        continue;
      }
      let atom = literals() ?? term();
      const q = QUANTIFIER_START.has(source[i] ?? '') ? QUANTIFIER.exec(source.slice(i, i + 24)) : null;
      if (q) {
        const [min, max] = q[0] === '*' ? [0, Infinity] : q[0] === '+' ? [1, Infinity] : q[0] === '?' ? [0, 1]
          : [Number(q[1]), q[2] ? (q[3] ? Number(q[3]) : Infinity) : Number(q[1])];
        i += q[0].length;
        if (source[i] === '?') i += 1;
        atom = repeat(atom, min, max);
      }
      seq = concat(seq, atom);
    }
    alts.push(seq);
    return alternation(alts);
  };
  // A run of plain characters is read at once (a vocabulary is mostly these); a quantified last one is not.
  const literals = (): Info | null => {
    let j = i;
    while (j < source.length && !SYNTAX.has(source[j] ?? '') && (!fold || source.charCodeAt(j) < 128)) j += 1;
    if (QUANTIFIER_START.has(source[j] ?? '')) j -= 1;
    if (j - i < 2) return null;
    const run = source.slice(i, j);
    i = j;
    return { exact: [fold ? run.toLowerCase() : run], clauses: [] };
  };
  const term = (): Info => {
    const c = source[i] ?? '';
    if (c === '(') {
      const head = /^\((?:\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>))?/.exec(source.slice(i, i + 80))?.[0] ?? '(';
      if (head === '(' && source[i + 1] === '?') throw new Unread();
      i += head.length;
      const inner = disjunction();
      if (source[i] !== ')') throw new Unread();
      i += 1;
      if (head === '(?!' || head === '(?<!') return EMPTY;
      // A lookahead or lookbehind matches nothing itself, but what it looks at is in the text.
      if (head === '(?=' || head === '(?<=') return { exact: [''], clauses: allClauses(inner) };
      return inner;
    }
    if (c === '[') return charClass();
    if (c === '\\') return escape();
    if ('*+?'.includes(c)) throw new Unread();
    i += 1;
    if (c === '.') return ANY;
    if (c === '^' || c === '$') return EMPTY;
    return folded(c, fold);
  };
  const escape = (): Info => {
    const e = source[i + 1] ?? '';
    i += 2;
    if (e === 'b' || e === 'B') return EMPTY;
    const named = SIMPLE_ESCAPES[e];
    if (named) return folded(named, fold);
    if (e === 'k' && source[i] === '<') {
      // A named back-reference: whatever its group matched.
      const end = source.indexOf('>', i);
      if (end < 0) throw new Unread();
      i = end + 1;
      return ANY;
    }
    if (/[0-9]/.test(e)) {
      // A back-reference or (Annex B) an octal escape: not read, so its digits are skipped as one unknown.
      while (/[0-9]/.test(source[i] ?? '')) i += 1;
      return ANY;
    }
    // \d \w \s and their negations, \xHH, \uHHHH, \cX and letters escaped for nothing: not read. A following
    // hex digit or letter is read as itself, which it is when the escape is an identity one.
    if (/[A-Za-z]/.test(e)) {
      if (e === 'x' && /^[0-9A-Fa-f]{2}/.test(source.slice(i, i + 2))) i += 2;
      else if (e === 'u' && /^[0-9A-Fa-f]{4}/.test(source.slice(i, i + 4))) i += 4;
      else if (e === 'c' && /^[A-Za-z]/.test(source[i] ?? '')) i += 1;
      return ANY;
    }
    if (!e) throw new Unread();
    return folded(e, fold);
  };
  const charClass = (): Info => {
    i += 1;
    let negated = false;
    if (source[i] === '^') {
      negated = true;
      i += 1;
    }
    const chars = new Set<string>();
    let known = !negated;
    let first = true;
    for (;;) {
      const c = source[i];
      if (c === undefined) throw new Unread();
      i += 1;
      if (c === ']') break;
      if (c === '\\') {
        const e = source[i] ?? '';
        i += 1;
        // Letters and digits escaped in a class are classes, control characters or codes: not read.
        if (/[A-Za-z0-9]/.test(e)) known = false;
        else chars.add(e);
      } else if (c === '-' && !first && source[i] !== ']') {
        known = false; // a range
      } else {
        chars.add(c);
      }
      first = false;
    }
    if (!known || chars.size === 0 || chars.size > MAX_CLASS) return ANY;
    const exact = new Set<string>();
    for (const c of chars) {
      const f = folded(c, fold);
      if (!f.exact) return ANY;
      exact.add(f.exact[0] ?? '');
    }
    return { exact: [...exact], clauses: [] };
  };
  const info = disjunction();
  if (i !== source.length) throw new Unread();
  return info;
}

/** The strings of `clause` that no shorter one of them is inside: a text containing one contains those. */
function minimal(clause: readonly string[]): string[] {
  const sorted = [...new Set(clause)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const s of sorted) if (!kept.some((k) => s.includes(k))) kept.push(s);
  return kept;
}

/** What `re`'s source demands, or null when it has the `u` or `v` flag or syntax not read here. */
function readRegex(re: RegExp): Info | null {
  const flags = re.flags;
  if (flags.includes('u') || flags.includes('v')) return null;
  try {
    return read(re.source, flags.includes('i'));
  } catch (e) {
    if (e instanceof Unread) return null;
    throw e;
  }
}

/**
 * The gate of `re`, or null when its source demands no string (or uses syntax not read here). With the `i`
 * flag the strings are in lower case, to be looked for in the text in lower case.
 */
export function gateOf(re: RegExp): Gate | null {
  const info = readRegex(re);
  return info && gateOfInfo(info);
}

/** An alternation's alternatives, those of alternations standing alone in them read in turn. */
function alternatives(info: Info): Info[] {
  return info.alts ? info.alts.flatMap(alternatives) : [info];
}

/**
 * The gates of `re`, one per alternative of its outer alternation, or null when it has no gate: a text can
 * hold a match only if it passes one of them. A union vocabulary of phrases (`why ... fell|what is stopping
 * ...`) so demands both words of a phrase, where `gateOf` demands one word of any. Alternatives whose gate
 * is a single clause are joined into one gate, the same as theirs taken together.
 */
export function gatesOf(re: RegExp): Gate[] | null {
  const info = readRegex(re);
  if (!info) return null;
  const single = new Set<string>();
  const multi: Gate[] = [];
  for (const alt of alternatives(info)) {
    const gate = gateOfInfo(alt);
    if (!gate) return null;
    if (gate.length === 1) for (const s of gate[0] ?? []) single.add(s);
    else multi.push(gate);
  }
  return single.size > 0 ? [[minimal([...single])], ...multi] : multi;
}

function gateOfInfo(info: Info): Gate | null {
  const clauses = allClauses(info)
    // A string of one or two characters ("to", ":") is in almost every text: such a clause stops nothing.
    .filter((clause) => clause.every((s) => s.length >= MIN_TELLING))
    // Any text with a string contains its beginning too: shorter strings make a smaller table, as telling.
    .map((clause) => minimal(clause.map((s) => s.slice(0, MAX_STRING))))
    .sort((a, b) => Math.min(...b.map((s) => s.length)) - Math.min(...a.map((s) => s.length)) || a.length - b.length)
    .slice(0, MAX_CLAUSES);
  return clauses.length > 0 ? clauses : null;
}
