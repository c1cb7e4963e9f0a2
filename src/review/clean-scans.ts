/**
 * Two of `cleanText`'s rewrites done where their matches can start rather than by a plain `replace`, which
 * tries the pattern at every character of the whole paste (together about 1% of a 2,000-word review):
 * list markers, which start at a line start, and emphasis, which starts just before a `*` or `_`. The
 * results are those of the plain `replace` (see clean-scans.test.ts).
 */

/** Line ends other than `\n`, after which `^` matches under the `m` flag too. */
const OTHER_LINE_ENDS = /[\r\u2028\u2029]/;

/** A list marker at a line start: `^[ \t]*(?:[-*+•·▪◦]|\d{1,2}[.)])[ \t]+` with the `g` and `m` flags. */
export const LIST_MARKER = /^[ \t]*(?:[-*+•·▪◦]|\d{1,2}[.)])[ \t]+/gm;
/** `LIST_MARKER` without its `^`, tried at one line start at a time. */
const LIST_MARKER_AT = /[ \t]*(?:[-*+•·▪◦]|\d{1,2}[.)])[ \t]+/y;

/** Each list marker at a line start made `- `, as `text.replace(LIST_MARKER, '- ')`. */
export function dashListMarkers(text: string): string {
  // `^` with the `m` flag also starts a line after \r, U+2028 and U+2029: such a text is left to `replace`.
  if (OTHER_LINE_ENDS.test(text)) return text.replace(LIST_MARKER, '- ');
  let out = '';
  let from = 0;
  // A marker never reaches past its line's end, so each line start is tried on its own, in order.
  for (let at = 0; at >= 0; at = text.indexOf('\n', at) + 1 || -1) {
    LIST_MARKER_AT.lastIndex = at;
    if (!LIST_MARKER_AT.test(text)) continue;
    out += `${text.slice(from, at)}- `;
    from = LIST_MARKER_AT.lastIndex;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Single emphasis (`*word*`, `_word_`) after a space or bracket, or at the start: the marks go, `$1$2`. */
export const EMPHASIS = /(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,;:!?]|$)/g;
/** `EMPHASIS` tried at one place: it starts at the text's start or one character before a `*` or `_`. */
const EMPHASIS_AT = new RegExp(EMPHASIS.source, 'y');

/** `text.replace(EMPHASIS, '$1$2')`, trying the pattern only where it can start. */
export function dropEmphasis(text: string): string {
  let out = '';
  let from = 0;
  let star = text.indexOf('*');
  let line = text.indexOf('_');
  // Candidates in order: 0, then the character before each mark; a match found ends the search before its end.
  for (let at = 0; at >= 0;) {
    if (at >= from) {
      EMPHASIS_AT.lastIndex = at;
      const m = EMPHASIS_AT.exec(text);
      if (m) {
        out += text.slice(from, at) + (m[1] ?? '') + (m[2] ?? '');
        from = EMPHASIS_AT.lastIndex;
      }
    }
    // The next mark at or after `at + 2` gives the next candidate `mark - 1` (> at).
    while (star >= 0 && star < at + 2) star = text.indexOf('*', star + 1);
    while (line >= 0 && line < at + 2) line = text.indexOf('_', line + 1);
    const next = star < 0 ? line : line < 0 ? star : Math.min(star, line);
    at = next < 0 ? -1 : next - 1;
  }
  return from === 0 ? text : out + text.slice(from);
}
