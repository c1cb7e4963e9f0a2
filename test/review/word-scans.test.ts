import { describe, expect, it } from 'vitest';
import { clauseAfter, clauseBefore } from '../../src/review/clause.js';
import { countWords, forEachBreak, isSpace, SENTENCE_BREAK } from '../../src/review/text.js';

const texts = [
  'Agenda. Welcome; then a talk! Any questions? Close',
  'no clause end at all here',
  '',
  '.;!?\n',
  'Line one\nline two. Three;',
  'a.  b\n \n c!\t\td?  \n e',
  '  leading. x',
  'end.',
  'The THE the-the people,people; it/it Its it_s 4the about:about',
  'für den Rat und the people; café and caf\u00e9 with the_team',
];

describe('the clause around a cue', () => {
  it('is what splitting at . ; ! ? and line breaks gives, before and after a place', () => {
    for (const text of texts) {
      for (let at = 0; at <= text.length; at += 1) {
        for (const span of [0, 3, 40]) {
          expect(clauseBefore(text, at - span, at)).toBe(text.slice(Math.max(0, at - span), at).split(/[.;!?\n]/).pop() ?? '');
          expect(clauseAfter(text, at, at + span)).toBe(text.slice(at, at + span).split(/[.;!?\n]/)[0] ?? '');
        }
      }
    }
    expect(clauseAfter('abc', 5, 9)).toBe('');
  });
});

describe('counting listed words', () => {
  const list = ['the', 'people', 'it', 'about', 'and'];
  const re = new RegExp(String.raw`\b(?:${list.join('|')})\b`, 'gi');
  it('counts what a whole-word regex of the list counts, in any case, with ASCII word characters', () => {
    for (const text of texts) expect(countWords(text, new Set(list))).toBe(text.match(re)?.length ?? 0);
    expect(countWords('The THE the-the', new Set(list))).toBe(4);
  });
});

describe('sentence breaks', () => {
  const before = /(?<=[.!?])\s+|(?<=[.!?]["'\u201d\u2019)])\s+(?=[A-Z])|\n+/g;
  const breaks = (re: RegExp, text: string): string[] => [...text.matchAll(re)].map((m) => `${m.index}:${m[0]}`);
  it('are where the lookbehind-first form found them', () => {
    const more = ['a\n \n b', 'x. \n\n y', 'a \n. b', '\n\n', '.\n', 'One. Two!  Three?\nFour\n\n Five.', 'Why?" An open day.', "a 'hand up?' and how", 'Done.) Next \n'];
    for (const text of [...texts, ...more]) expect(breaks(SENTENCE_BREAK, text)).toEqual(breaks(before, text));
  });
});

describe('the sentence breaks read by hand', () => {
  const viaRegex = (text: string): string[] => [...text.matchAll(SENTENCE_BREAK)].map((m) => `${m.index}:${m[0].length}:${m[0].includes('\n')}`);
  const viaScan = (text: string): string[] => {
    const out: string[] = [];
    forEachBreak(text, (at, end, newline) => out.push(`${at}:${end - at}:${newline}`));
    return out;
  };
  it('are the matches of SENTENCE_BREAK, on fixed texts and on random mixes of its characters', () => {
    const more = ['a\n \n b', 'x. \n\n y', 'a \n. b', '\n\n', '.\n', 'One. Two!  Three?\nFour\n\n Five.', ' .\u00a0\u2028x', '?\r\n\t\u3000\ufeffz'];
    for (const text of [...texts, ...more]) expect(viaScan(text)).toEqual(viaRegex(text));
    // Every kind of white space \s knows, a few it does not (U+180E, U+200B), and the marks that end a sentence.
    const alphabet = ['a', 'b', 'A', 'Z', '"', "'", '\u201d', '\u2019', ')', '.', '!', '?', ',', ' ', '\n', '\t', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u180e', '\u200b'];
    let seed = 12345;
    const rand = (k: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % k;
    };
    for (let t = 0; t < 3000; t += 1) {
      let text = '';
      for (let i = rand(16); i > 0; i -= 1) text += alphabet[rand(alphabet.length)];
      expect(viaScan(text)).toEqual(viaRegex(text));
    }
  });
});

describe('white space by code unit', () => {
  it('is what \\s and trimEnd take for white space, over the whole basic plane', () => {
    for (let c = 0; c < 0x10000; c += 1) {
      const ch = String.fromCharCode(c);
      expect(isSpace(c)).toBe(/\s/.test(ch));
      expect(isSpace(c)).toBe(`a${ch}`.trimEnd() === 'a');
    }
  });
});
