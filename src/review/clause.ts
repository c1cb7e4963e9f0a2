/**
 * The clause around a cue: the rules judge a cue by the words just before or after it, up to the nearest
 * clause end, and ask this for every cue found in a long plan.
 */

/** Whether a character code ends a clause for the context checks: `.`, `;`, `!`, `?` or a line break. */
function clauseEnd(c: number): boolean {
  return c === 46 || c === 59 || c === 33 || c === 63 || c === 10;
}

/**
 * The words of `text.slice(from, to)` after its last clause end, as `.split(/[.;!?\n]/).pop()` gives them.
 * Found by a scan back from `to`: the split allocates every clause, and the rules ask this at each cue found.
 */
export function clauseBefore(text: string, from: number, to: number): string {
  const start = Math.max(0, from);
  for (let i = to - 1; i >= start; i -= 1) if (clauseEnd(text.charCodeAt(i))) return text.slice(i + 1, to);
  return text.slice(start, to);
}

/** The words of `text.slice(from, to)` before its first clause end, as `.split(/[.;!?\n]/)[0]` gives them. */
export function clauseAfter(text: string, from: number, to: number): string {
  const end = Math.min(text.length, to);
  for (let i = from; i < end; i += 1) if (clauseEnd(text.charCodeAt(i))) return text.slice(from, i);
  return text.slice(from, end);
}
