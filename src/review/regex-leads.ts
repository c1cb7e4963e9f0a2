/**
 * Where a regex's matches can start, read from its source: the words after its `\b`, line starts, a few
 * leading characters. The word-led scan (`word-led.ts`) tries a regex only there on a long text.
 */
/**
 * Where a regex's matches can start: at whole words (`exact`) and word beginnings (`prefixes`), and, for
 * a regex with such branches, at a line's start (`lines`: a branch opens with `^`) or at one of a few
 * characters that are not word characters (`chars`, such as the line break of `(?:^|\n)`).
 */
export interface Leads {
  exact: string[];
  prefixes: string[];
  lines?: true;
  chars?: string[];
}

type Node =
  | { k: 'char'; c: string }
  | { k: 'class'; digit?: true; nonWord?: true }
  | { k: 'assert'; b?: true; notB?: true; caret?: true }
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
/** A bracket class of ASCII letters and digits only: no range, not negated. */
const LETTER_CLASS = /^\[[A-Za-z0-9]+\]$/;

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
      const body = source.slice(from, i);
      // A class of a few letters or digits (`[Ff]`) is one of them, as a group of alternatives would be.
      if (LETTER_CLASS.test(body)) return { k: 'group', alts: [...body.slice(1, -1)].map((l) => [{ k: 'char', c: l }]) };
      return NON_WORD_CLASS.test(body) ? { k: 'class', nonWord: true } : { k: 'class' };
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
    if (c === '^') return { k: 'assert', caret: true };
    if (c === '$') return { k: 'assert' };
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
 * character, at `^`, or with an ASCII character that is not a word character; `null` otherwise. A word
 * is exact when the regex follows it with a non-word character, and a prefix when the word can go on
 * (a class, the pattern's end, a repeat).
 */
function leadsOf(alts: Node[][]): Leads | null {
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  const chars = new Set<string>();
  let lines = false;
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
      // Nothing read yet and `^`: the match starts where a line does (at the text's start without `m`).
      if (!acc && node.caret) {
        lines = true;
        return;
      }
      // `\b` after word characters: the next character is not one, so the word ends here.
      if (acc && node.b) {
        exact.add(acc);
        return;
      }
      walk(seq, i + 1, acc, bounded || (!acc && node.b === true));
      return;
    }
    if (node.k === 'char') {
      // A literal character that is not a word character, first: the match starts at one (`\n`).
      if (!acc && !isWordChar(node.c) && node.c.length === 1 && node.c.charCodeAt(0) < 128) {
        chars.add(node.c);
        return;
      }
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
  return {
    exact: [...exact].filter((w) => !pre.some((p) => w.startsWith(p))),
    prefixes: pre,
    ...(lines ? { lines: true as const } : {}),
    ...(chars.size > 0 ? { chars: [...chars] } : {}),
  };
}

/**
 * Where every match of `re` starts (words after a `\b`, line starts, leading characters), or `null` when
 * some match need not start so: a class or digit first, no `\b`, or syntax this reader does not follow.
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
