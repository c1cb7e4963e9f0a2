import { describe, expect, it } from 'vitest';
import { dashListMarkers, dropEmphasis, EMPHASIS, LIST_MARKER } from '../../src/review/clean-scans.js';
import { texts } from './texts.js';

/** Short random texts of the characters the two patterns turn on, with every kind of line end. */
function randomTexts(count: number): string[] {
  const alphabet = [' ', ' ', '\t', '\n', '\n', '\r', '\u2028', '-', '*', '*', '_', '_', '1', '23', '.', ')', '(', 'a', 'bc', '•', '!', ','];
  let seed = 11;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const out: string[] = [];
  for (let t = 0; t < count; t += 1) {
    let s = '';
    for (let i = random(30); i > 0; i -= 1) s += alphabet[random(alphabet.length)];
    out.push(s);
  }
  return out;
}

describe("cleanText's rewrites tried only where a match can start", () => {
  const samples = [
    '- a\n* b\n  3. c\n12) d\n• e\n-no space\n 123. not a marker',
    '*one* and _two_ (*three*) *not closed\n_x_! *a*b* __strong__ 4 * 5 * 6',
    '*at start* then\n*next line*',
    ...texts(new URL('./cases.jsonl', import.meta.url).pathname),
    ...randomTexts(4000),
  ];

  it('give what a plain replace gives: list markers made dashes', () => {
    for (const s of samples) expect(dashListMarkers(s), JSON.stringify(s)).toBe(s.replace(LIST_MARKER, '- '));
  });

  it('give what a plain replace gives: single emphasis marks dropped', () => {
    for (const s of samples) expect(dropEmphasis(s), JSON.stringify(s)).toBe(s.replace(EMPHASIS, '$1$2'));
  });
});
