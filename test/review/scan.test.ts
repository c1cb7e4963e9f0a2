import { describe, expect, it } from 'vitest';
import * as cues from '../../src/review/cues.js';
import { matchPrefixes } from '../../src/review/prefixes.js';
import { reviewPlan } from '../../src/review/review.js';
import { indexText, startReview } from '../../src/review/scan.js';
import { allMatches } from '../../src/review/text.js';
import { texts } from './texts.js';

/** Every match of a global copy of `re` in `text` by a plain `exec` loop, as index, text and groups. */
function plain(re: RegExp, text: string): string[] {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  const out: string[] = [];
  for (let m = g.exec(text); m; m = g.exec(text)) {
    out.push(`${m.index}:${m[0]}:${JSON.stringify(m.groups ?? null)}:${JSON.stringify([...m].slice(1))}`);
    if (m[0] === '') g.lastIndex += 1;
  }
  return out;
}

function indexed(re: RegExp, text: string): string[] {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  // A process's first review scans plainly; the index serves from the second on.
  startReview();
  startReview();
  indexText(text);
  // Read now, whatever the per-review limit on reading regexes: the scan is then made with the index.
  matchPrefixes(g);
  // Once as the regex is first read, then from the pass that finds every read regex's candidates.
  const rounds = [0, 1, 2].map(() => allMatches(g, text).map((m) => `${m.index}:${m[0]}:${JSON.stringify(m.groups ?? null)}:${JSON.stringify([...m].slice(1))}`));
  expect(rounds[1]).toEqual(rounds[0]);
  expect(rounds[2]).toEqual(rounds[0]);
  return rounds[0] ?? [];
}

const RULES = Object.entries(cues).filter((e): e is [string, RegExp] => e[1] instanceof RegExp);
const CASES = texts('test/review/cases.jsonl');
/** A long paste: the hand-written cases one after another, and the same in capitals and in lower case. */
const LONG = [CASES.join('\n\n'), CASES.join(' ').toUpperCase(), CASES.join('\n').toLowerCase()].map((t) => t.slice(0, 20_000));

describe('scans of an indexed plan find exactly what a plain scan finds', () => {
  it('reads a vocabulary for the letters its matches start with, and gives up on what it cannot bound', () => {
    expect(matchPrefixes(/\b(?:online|zoom|teams? call)\b/gi)?.prefixes.sort()).toEqual(['onl', 'tea', 'zoo']);
    expect(matchPrefixes(/\b(?:a|an) (?:talk|speech)/gi)?.prefixes.sort()).toEqual(['a t', 'a s', 'an '].sort());
    // A match that can start in the middle of a word, at a line start without a letter, or anywhere.
    expect(matchPrefixes(/(?:^|\n)\s*speakers?/gi)).toBeUndefined();
    expect(matchPrefixes(/present|talk/gi)).toBeUndefined();
    expect(matchPrefixes(/\b(\w)\1/g)).toBeUndefined();
    expect(matchPrefixes(/\bcaf\u00e9/giu)).toBeUndefined();
  });

  it.each(RULES)('%s: the same matches, groups and positions on a long paste', (_name, re) => {
    for (const text of LONG) expect(indexed(re, text)).toEqual(plain(re, text));
  });

  it('a review of a long plan says the same with the index as the first (plain) review did', () => {
    const plan = LONG[0] ?? '';
    const expected = JSON.stringify(reviewPlan(plan));
    for (let i = 0; i < 3; i += 1) expect(JSON.stringify(reviewPlan(plan))).toBe(expected);
  });
});
