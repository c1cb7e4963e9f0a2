/**
 * Scans of regexes that start every match at a line break or at the text's start, such as the roster label
 * and the speaker line (`(?:^|\n)` first). The scan helpers of `text.ts` try them only at a long text's
 * line breaks, where a match can start, instead of at every character; the matches are the same.
 */

/** Below this length a line-led regex is scanned plainly: a sentence has no line breaks to jump between. */
export const LINE_LED_MIN = 200;

/** How a regex that starts each match at a line break (or at the text's start) is written: `(?:^|\n)`. */
const LINE_LED_HEAD = '(?:^|\\n)';

/** Whether a regex source has a `|` outside every group and class (then its first part does not lead every match). */
function alternatesAtTop(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    if (c === '\\') i += 1;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth += 1;
    else if (c === ')') depth -= 1;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/** Each regex's sticky copy, or `null` when it is not line-led; made once, at first use. */
const copies = new WeakMap<RegExp, RegExp | null>();

/**
 * For a global regex whose every match starts at the text's start or at a line break (`(?:^|\n)` first,
 * not repeated, no `m` flag, no other branch at the top), a sticky copy that is tried only there; `null`
 * for any other regex. A plain scan tries such a regex at every character of a long plan, costing about
 * ten times as much as trying it at its hundred-odd line breaks.
 */
export function lineLedCopy(re: RegExp): RegExp | null {
  let copy = copies.get(re);
  if (copy === undefined) {
    const { source } = re;
    const led = source.startsWith(LINE_LED_HEAD) && !re.sticky && !'?*+{'.includes(source[LINE_LED_HEAD.length] ?? '?') &&
      !re.multiline && !re.unicode && !re.flags.includes('v') && !alternatesAtTop(source);
    copy = led ? new RegExp(source, `${re.flags.replace('g', '')}y`) : null;
    copies.set(re, copy);
  }
  return copy;
}

/** `re.exec(text)` for a line-led global regex (its copy from `lineLedCopy`), trying its sticky copy only where a match can start. */
export function execAtLines(re: RegExp, copy: RegExp, text: string): RegExpExecArray | null {
  let at = re.lastIndex;
  if (at > 0) at = at > text.length ? -1 : text.indexOf('\n', at);
  while (at >= 0) {
    copy.lastIndex = at;
    const m = copy.exec(text);
    if (m) {
      re.lastIndex = copy.lastIndex;
      return m;
    }
    at = text.indexOf('\n', at + 1);
  }
  re.lastIndex = 0;
  return null;
}
