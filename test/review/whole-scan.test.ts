import { afterEach, describe, expect, it } from 'vitest';
import * as cues from '../../src/review/cues.js';
import { countMatches, firstPhrase, hasMatch, replaceEach } from '../../src/review/scan.js';
import { WORD_LED_MIN } from '../../src/review/word-led.js';
import { forgetWords } from '../../src/review/words.js';
import { texts } from './texts.js';

afterEach(() => forgetWords());

const cases = texts('test/review/cases.jsonl');
/** Plans long enough for the word-led scan, as pasted and in capitals, and a short one scanned plainly. */
const samples: string[] = [];
for (let i = 0; i + 30 <= cases.length && samples.length < 8; i += 10) {
  const joined = cases.slice(i, i + 30).join('\n\n');
  samples.push(joined, joined.toUpperCase());
}
samples.push(cases[0] ?? '');

/** Non-global and case-sensitive patterns of the kinds the review checks a whole plan with. */
const checks = [
  /\b(?:for (?:dates|times|venues?)|(?:more|further) (?:information|details) (?:will be|to follow))\b/i,
  /\b(?:present|in attendance|attendees|apologies)\s*:/i,
  /\b(?:in|at) (?:the )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,4} and online\b|\bin[- ]person\b/,
  /\bterms of reference\b|^constitution\b|\bquorum\b/im,
  /\b(?:will (?:be|take place|present)|join us|book (?:your|a|now))\b/i,
  /\b(?:was|were)\b/gi,
];

describe('whole-plan checks through the word-led scan', () => {
  it('run the word-led path on long plans', () => {
    expect(samples.length).toBeGreaterThan(4);
    expect(samples.slice(0, -1).every((t) => t.length >= WORD_LED_MIN)).toBe(true);
  });

  it('say what test, exec and match say', () => {
    for (const text of samples) {
      for (const re of checks) {
        const plain = new RegExp(re.source, re.flags.replace('g', ''));
        expect(hasMatch(re, text), re.source).toBe(plain.test(text));
        expect(firstPhrase(re, text), re.source).toBe(plain.exec(text)?.[0].trim());
        const all = new RegExp(re.source, `${re.flags.replace('g', '')}g`);
        expect(countMatches(all, text), re.source).toBe(text.match(all)?.length ?? 0);
        expect(all.lastIndex).toBe(0);
      }
      forgetWords();
    }
    const said = samples.flatMap((t) => checks.map((re) => hasMatch(re, t)));
    expect(said).toContain(true);
    expect(said).toContain(false);
  });

  it('replace every match as replace does, for the representatives vocabularies', () => {
    for (const text of samples) {
      for (const re of [cues.NOT_A_REPRESENTATIVE, cues.NOT_REPRESENTATIVES, /\b(?:was|were)\b/gi]) {
        expect(replaceEach(re, text, ' ')).toBe(text.replace(new RegExp(re.source, re.flags), ' '));
        expect(re.lastIndex).toBe(0);
      }
      forgetWords();
    }
    expect(replaceEach(/\bthe\b/gi, 'The end of the day', '_')).toBe('_ end of _ day');
  });

  it('count empty matches as match does', () => {
    expect(countMatches(/x*/g, 'abxxc')).toBe('abxxc'.match(/x*/g)?.length);
  });
});
