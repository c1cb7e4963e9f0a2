/**
 * A pattern cut down to the alternatives a text can match, for the CLI bundle's cold review
 * (cold-regex.ts). Compiling is most of a cold review's CPU, and a vocabulary of sixty phrases run on one
 * plan usually has a handful that the plan's words allow: the rest, each with a literal gate the text
 * does not pass (regex-gate.ts), can match nowhere in it. An alternative that fails at every position
 * changes no result, capture groups and match order included, so the pattern without it gives the same
 * results on that text as the whole one, and it compiles in a fraction of the time.
 */

/** A part that never matches. */
const NEVER = '(?!)';

/**
 * The capture groups opened in `source` from `start` to `end`, each as an empty group (`()` or
 * `(?<name>)`), in order: put after `NEVER` in place of a dropped alternative they keep every later
 * group's number, and every name, as they were.
 */
function emptyGroups(source: string, start: number, end: number): string {
  let out = '';
  let inClass = false;
  for (let i = start; i < end; i += 1) {
    const c = source[i];
    if (c === '\\') {
      i += 1;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(') {
      if (source[i + 1] !== '?') {
        out += '()';
      } else if (source[i + 2] === '<' && source[i + 3] !== '=' && source[i + 3] !== '!') {
        const close = source.indexOf('>', i + 3);
        out += `(?<${source.slice(i + 3, close)}>)`;
      }
    }
  }
  return out;
}

/**
 * `source` with each alternative in `drop` (spans [start, end), in source order, none inside another)
 * replaced by a part that never matches and keeps its capture groups.
 */
export function withoutAlternatives(source: string, drop: ReadonlyArray<readonly [number, number]>): string {
  let out = '';
  let at = 0;
  for (const [start, end] of drop) {
    out += source.slice(at, start) + NEVER + emptyGroups(source, start, end);
    at = end;
  }
  return out + source.slice(at);
}
