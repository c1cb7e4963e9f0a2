/**
 * Yes/no checks, first matches, counts and replacements over a whole plan, through the word-led scan
 * (`word-led.ts`): on a long text a vocabulary is tried only where one of its words begins, instead of at
 * every character as `re.test(text)` or `text.replace(re, ...)` would. Results are the same as those calls';
 * a short text (a sentence) is scanned plainly.
 */
import { primeNative } from './native-regex.js';
import { allMatches } from './text.js';
import { execWordLed } from './word-led.js';

/**
 * The first match of `re` in `text` from its start, as a non-global `re.exec(text)` would find it. A
 * non-global regex goes to the word-led scan as it is (no global copy to compile): `exec` ignores its
 * `lastIndex`, which the scan sets and this puts back to 0.
 */
function firstExec(re: RegExp, text: string): RegExpExecArray | null {
  primeNative(re).lastIndex = 0;
  const m = execWordLed(re, text);
  re.lastIndex = 0;
  return m;
}

/** Whether `re` matches anywhere in `text` (a global `re` is tried from 0 and left at 0). */
export function hasMatch(re: RegExp, text: string): boolean {
  return firstExec(re, text) !== null;
}

/** The first match of `re` in `text` as a trimmed phrase, or undefined (a global `re` is tried from 0). */
export function firstPhrase(re: RegExp, text: string): string | undefined {
  return firstExec(re, text)?.[0].trim();
}

/** How many matches a global `re` has in `text`: `text.match(re)?.length ?? 0`, leaving `lastIndex` at 0. */
export function countMatches(re: RegExp, text: string): number {
  re.lastIndex = 0;
  const n = allMatches(re, text).length;
  re.lastIndex = 0;
  return n;
}

/**
 * `text.replace(re, by)` for a global `re` and a literal `by` (no `$` patterns): each match, from the
 * text's start, replaced by `by`; `lastIndex` is left at 0.
 */
export function replaceEach(re: RegExp, text: string, by: string): string {
  re.lastIndex = 0;
  const found = allMatches(re, text);
  re.lastIndex = 0;
  if (found.length === 0) return text;
  let out = '';
  let at = 0;
  for (const m of found) {
    out += text.slice(at, m.index) + by;
    at = m.index + m[0].length;
  }
  return out + text.slice(at);
}
