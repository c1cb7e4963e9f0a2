/**
 * The subset of regex syntax the review's cues use, read into a small tree (for `prefixes.ts`):
 * literals, classes, groups, alternatives, quantifiers, `\b`, `^` and zero-width assertions. Anything
 * else (a back-reference, a Unicode property, an escape it does not know) throws `Unsupported`, and the
 * regex is then scanned plainly.
 */

/** A node of a parsed regex; `chars` is `null` when the set is too large to follow. */
export type Node =
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; alts: Node[] }
  | { t: 'chars'; set: string[] | null }
  | { t: 'wordb' }
  | { t: 'line' }
  | { t: 'zero' }
  | { t: 'rep'; node: Node; min: number; max: number }
  | { t: 'unknown' };

/** A regex (or a part of one) that cannot be read: it is scanned plainly. */
export class Unsupported extends Error {}

/** Characters a small class stands for; `null` when it is large (it ends what a prefix can know). */
function classMembers(body: string, negated: boolean): string[] | null {
  if (negated) return null;
  const out = new Set<string>();
  let i = 0;
  const read = (): string | null => {
    const c = body[i++];
    if (c !== '\\') return c ?? null;
    const e = body[i++];
    if (e === undefined) throw new Unsupported();
    if ('dDwWsSbB'.includes(e)) return null;
    return escapeChar(e, body, () => i, (n) => { i = n; });
  };
  while (i < body.length) {
    const a = read();
    if (a === null) return null;
    if (body[i] === '-' && i + 1 < body.length) {
      i += 1;
      const b = read();
      if (b === null) return null;
      const from = a.charCodeAt(0);
      const to = b.charCodeAt(0);
      if (to - from > 12) return null;
      for (let c = from; c <= to; c += 1) out.add(String.fromCharCode(c));
    } else out.add(a);
  }
  const folded = new Set<string>();
  for (const c of out) {
    // A letter outside ASCII may match its other case under `i`; the index folds only A-Z, so it ends the prefix.
    if (c.charCodeAt(0) > 127) return null;
    folded.add(lowerAscii(c));
  }
  return folded.size > 12 ? null : [...folded];
}

/** The character an identity or control escape stands for (`\.`, `\n`, `\x41`, `\u2019`). */
function escapeChar(e: string, src: string, at: () => number, move: (n: number) => void): string {
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', '0': '\0' };
  if (simple[e] !== undefined) return simple[e];
  if (e === 'x' || e === 'u') {
    const len = e === 'x' ? 2 : 4;
    const hex = src.slice(at(), at() + len);
    if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) throw new Unsupported();
    move(at() + len);
    return String.fromCharCode(parseInt(hex, 16));
  }
  if (/[A-Za-z0-9]/.test(e)) throw new Unsupported();
  return e;
}

function lowerAscii(c: string): string {
  const code = c.charCodeAt(0);
  return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : c;
}

/**
 * One literal character, folded as the index folds text (A-Z only; a case-sensitive regex is then read
 * more loosely, which only adds candidates). A character outside ASCII ends the prefix.
 */
const literal = (c: string): Node => ({ t: 'chars', set: c.charCodeAt(0) > 127 ? null : [lowerAscii(c)] });

/** Parses the subset of regex syntax the cues use; anything else throws `Unsupported`. */
export function parse(src: string): Node {
  let i = 0;
  const alt = (): Node => {
    const alts: Node[] = [seq()];
    while (src[i] === '|') {
      i += 1;
      alts.push(seq());
    }
    return alts.length === 1 ? (alts[0] as Node) : { t: 'alt', alts };
  };
  const seq = (): Node => {
    const items: Node[] = [];
    while (i < src.length && src[i] !== '|' && src[i] !== ')') items.push(quantified(atom()));
    return { t: 'seq', items };
  };
  const quantified = (node: Node): Node => {
    const c = src[i];
    let min = 1;
    let max = 1;
    if (c === '?') [min, max] = [0, 1];
    else if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
      if (!m) return node;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      i += m[0].length - 1;
    } else return node;
    i += 1;
    if (src[i] === '?') i += 1;
    if (node.t === 'wordb' || node.t === 'line' || node.t === 'zero') return min === 0 ? { t: 'zero' } : node;
    return { t: 'rep', node, min, max };
  };
  const atom = (): Node => {
    const c = src[i++];
    if (c === '(') {
      let zero = false;
      if (src[i] === '?') {
        const rest = src.slice(i, i + 4);
        if (rest.startsWith('?:')) i += 2;
        else if (rest.startsWith('?=') || rest.startsWith('?!')) { i += 2; zero = true; }
        else if (rest.startsWith('?<=') || rest.startsWith('?<!')) { i += 3; zero = true; }
        else if (rest.startsWith('?<')) {
          const end = src.indexOf('>', i);
          if (end < 0) throw new Unsupported();
          i = end + 1;
        } else throw new Unsupported();
      }
      const body = alt();
      if (src[i] !== ')') throw new Unsupported();
      i += 1;
      return zero ? { t: 'zero' } : body;
    }
    if (c === '[') {
      let negated = false;
      if (src[i] === '^') { negated = true; i += 1; }
      let body = '';
      // A `]` first in a class is a literal only in other dialects; JS reads `[]` as empty.
      while (i < src.length && src[i] !== ']') {
        if (src[i] === '\\') { body += src.slice(i, i + 2); i += 2; } else body += src[i++];
      }
      if (src[i] !== ']') throw new Unsupported();
      i += 1;
      return { t: 'chars', set: classMembers(body, negated) };
    }
    if (c === '\\') {
      const e = src[i++];
      if (e === undefined) throw new Unsupported();
      if (e === 'b') return { t: 'wordb' };
      if (e === 'B') return { t: 'zero' };
      if ('dDwWsS'.includes(e)) return { t: 'chars', set: e === 'd' ? [...'0123456789'] : null };
      if (/[1-9k]/.test(e)) throw new Unsupported();
      return literal(escapeChar(e, src, () => i, (n) => { i = n; }));
    }
    if (c === '^') return { t: 'line' };
    if (c === '$') return { t: 'zero' };
    if (c === '.') return { t: 'chars', set: null };
    if (c === undefined || c === ')' || c === '|' || c === '*' || c === '+' || c === '?') throw new Unsupported();
    return literal(c);
  };
  const node = alt();
  if (i !== src.length) throw new Unsupported();
  return node;
}

