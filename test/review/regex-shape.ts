/**
 * Reading a regex's source for the shape that makes V8 scan a long text slowly: an alternative that can
 * begin a match and starts with a lookbehind of more than a fixed few characters. V8 then gives up its
 * quick skip over the text and evaluates that lookbehind at every place it tries, about four times the
 * cost of the same regex with the word first and the lookbehind after it (`discuss(?<!… discuss)`).
 */

/** The index just past the group that opens at `open` (a `(` in `source`). */
function groupEnd(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i += 1) {
    const c = source[i];
    if (c === '\\') i += 1;
    else if (c === '[') {
      for (i += 1; i < source.length && source[i] !== ']'; i += 1) if (source[i] === '\\') i += 1;
    } else if (c === '(') depth += 1;
    else if (c === ')') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  throw new Error(`unbalanced group at ${open} in ${source.slice(0, 60)}`);
}

/** The alternatives of the group body `source.slice(from, to)`, split at its own `|`s. */
function alternatives(source: string, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = from;
  for (let i = from; i < to; i += 1) {
    const c = source[i];
    if (c === '\\') i += 1;
    else if (c === '[') {
      for (i += 1; i < to && source[i] !== ']'; i += 1) if (source[i] === '\\') i += 1;
    } else if (c === '(') i = groupEnd(source, i) - 1;
    else if (c === '|') {
      out.push([start, i]);
      start = i + 1;
    }
  }
  out.push([start, to]);
  return out;
}

/** A lookbehind whose body has a choice or a repeat, so it is more than a fixed run of a few characters. */
function costlyLookbehind(body: string): boolean {
  return /[|*+?{]/.test(body.replace(/\\./g, 'x').replace(/\[[^\]]*\]/g, 'x').replace(/^\(\?<[=!]/, ''));
}

/**
 * The alternatives that can begin a match and open with a costly lookbehind, as the first 60 characters of
 * each. It follows a leading `\b`, `^` or non-capturing or named group down into that group's alternatives.
 */
export function lookbehindLedAlternatives(source: string): string[] {
  const found: string[] = [];
  const visit = (from: number, to: number): void => {
    for (const [start, end] of alternatives(source, from, to)) {
      let i = start;
      while (source.startsWith('\\b', i) || source[i] === '^') i += source[i] === '^' ? 1 : 2;
      if (source[i] !== '(' || i >= end) continue;
      const close = groupEnd(source, i);
      const head = source.slice(i, i + 4);
      if (head.startsWith('(?<=') || head.startsWith('(?<!')) {
        if (costlyLookbehind(source.slice(i, close - 1))) found.push(source.slice(start, start + 60));
        continue;
      }
      // A group that must be entered (no `?`, `*` or `{0` after it) begins the match with its own alternatives.
      if (/^[?*]|^\{0/.test(source.slice(close, close + 2))) continue;
      const bodyStart = head.startsWith('(?:') ? i + 3 : head.startsWith('(?<') ? source.indexOf('>', i) + 1 : head.startsWith('(?') ? -1 : i + 1;
      if (bodyStart > 0) visit(bodyStart, close - 1);
    }
  };
  visit(0, source.length);
  return found;
}
