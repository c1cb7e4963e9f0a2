import { afterEach, describe, expect, it } from 'vitest';
import * as cues from '../../src/review/cues.js';
import { allMatches } from '../../src/review/text.js';
import { execWordLed, regexLeads, WORD_LED_MIN } from '../../src/review/word-led.js';
import { forgetWords, indexWords, lookupOf, wordsOf, wordStarts } from '../../src/review/words.js';
import { texts } from './texts.js';

/** What a plain scan gives: index, match and groups of each match. */
const plain = (re: RegExp, text: string): string[] =>
  [...text.matchAll(new RegExp(re.source, re.flags))].map((m) => JSON.stringify([m.index, [...m], m.groups ?? null]));
/** What the scan helpers give (word-led on a long text). */
const scanned = (re: RegExp, text: string): string[] => allMatches(re, text).map((m) => JSON.stringify([m.index, [...m], m.groups ?? null]));

afterEach(() => forgetWords());

describe('the words a regex matches start with', () => {
  it('are read from its alternatives: whole words before a non-word character or \\b, beginnings otherwise', () => {
    expect(regexLeads(/\b(?:online|zoom|video call|virtual\w*)\b/gi)).toEqual({ exact: ['online', 'zoom', 'video'], prefixes: ['virtual'] });
    expect(regexLeads(/\bpresentations?/gi)).toEqual({ exact: [], prefixes: ['presentation'] });
    expect(regexLeads(/\b(?:not |no |un)?representative of\b/gi)).toEqual({ exact: ['representative', 'not', 'no', 'unrepresentative'], prefixes: [] });
    expect(regexLeads(/\b(?:not|no)?rep/gi)?.prefixes.sort()).toEqual(['norep', 'notrep', 'rep']);
    expect(regexLeads(/\b(?:Small|round)[- ]tables?/g)).toEqual({ exact: ['small', 'round'], prefixes: [] });
    expect(regexLeads(/\b(?<u0>young (?:people|person))|(?<u1>\bkids\b)/gi)).toEqual({ exact: ['young', 'kids'], prefixes: [] });
    // A lookaround consumes nothing; `\d` after `\b` starts a word with a digit.
    expect(regexLeads(/\b(?<!\d[:.])(?:\d+ people|a dozen)/gi)).toEqual({ exact: ['a'], prefixes: [...'0123456789'] });
  });

  it('include line starts and leading characters that are not word characters, and read a class of letters as its letters', () => {
    expect(regexLeads(/\b[Ff]eatur(?:e|ing)\b/g)).toEqual({ exact: ['feature', 'featuring'], prefixes: [] });
    expect(regexLeads(/^\s*(?:item|-)/gim)).toEqual({ exact: [], prefixes: [], lines: true });
    expect(regexLeads(/(?:^|\n)[ \t]*present\b|\bminutes\b/gi)).toEqual({ exact: ['minutes'], prefixes: [], lines: true, chars: ['\n'] });
    // A class with a range stays a class, which no word can lead.
    expect(regexLeads(/\b[a-c]at/g)).toBeNull();
  });

  it('are none when a match need not start a word with a known letter', () => {
    for (const re of [
      /keynote|present/gi, // no \b: a match can start inside a word
      /\bfoo|bar/gi, // one alternative without \b
      /\b\w+ing/gi, // a class first
      /(?<!\w)foo/gi, // a lookbehind, not \b
      /\b(a)\1/g, // a back-reference
      /\b\u0041bc/g, // an escape this reader does not follow
      /\bfoo/giu, // unicode case folding
      /\b(?:foo)?/g, // can match nothing
      /\B foo/g,
      /\ba{/g,
    ]) {
      expect(regexLeads(re)).toBeNull();
    }
  });
});

describe('the word index', () => {
  const text = 'The THE the-the people,People; it/it Its it_s 4the about:about WELL well wellbeing we wee 9.30 Café';
  const words = [...text.matchAll(/[A-Za-z0-9_]+/g)].map((m) => ({ at: m.index ?? 0, word: m[0].toLowerCase() }));
  const expected = (word: string, exact: boolean): number[] =>
    words.filter((w) => (exact ? w.word === word : w.word.startsWith(word))).map((w) => w.at);

  it('finds every word equal to or starting with a given one, case aside, in text order', () => {
    const index = indexWords(text);
    expect(index.count).toBe(words.length);
    for (const word of ['the', 'people', 'it', 'its', 'it_s', '4the', 'about', 'well', 'wellbeing', 'we', 'w', 'wel', 'caf', '9', '30', 'x', 'peopl']) {
      for (const exact of [true, false]) expect([...wordStarts(index, [lookupOf(word, exact)])], `${word} ${exact}`).toEqual(expected(word, exact));
    }
    const several = [lookupOf('the', true), lookupOf('we', false), lookupOf('well', true)];
    expect([...wordStarts(index, several)]).toEqual([...new Set([...expected('the', true), ...expected('we', false)])].sort((a, b) => a - b));
  });

  it('reads words of every length, at the text edges and between any characters, as a regex finds them', () => {
    // Short random texts: words of one to six characters (the key holds four), ending at the text's end,
    // beside punctuation, non-ASCII letters (which \b does not count as word characters) and `_`.
    const alphabet = ['a', 'B', 'z', '9', '_', ' ', '.', '-', 'é', '\u0130', '\n'];
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let t = 0; t < 400; t += 1) {
      let sample = '';
      for (let i = random(24); i > 0; i -= 1) sample += alphabet[random(alphabet.length)];
      const found = [...sample.matchAll(/[A-Za-z0-9_]+/g)].map((m) => ({ at: m.index ?? 0, word: m[0].toLowerCase() }));
      const index = indexWords(sample);
      expect([...index.starts], JSON.stringify(sample)).toEqual(found.map((w) => w.at));
      for (const { word } of found) {
        for (const exact of [true, false]) {
          const want = found.filter((w) => (exact ? w.word === word : w.word.startsWith(word))).map((w) => w.at);
          expect(wordStarts(index, [lookupOf(word, exact)]), `${JSON.stringify(sample)} ${word} ${exact}`).toEqual(want);
        }
      }
    }
  });

  it("of a text's beginning is the whole text's first words, and reads the same as its own index", () => {
    const whole = `${text} `.repeat(40);
    const lookups = ['the', 'people', 'we', 'well', 'wellbeing', 'it', 'w', 'pe', 'caf', '9', '30'].flatMap((w) => [lookupOf(w, true), lookupOf(w, false)]);
    for (const cut of [0, 1, 4, 50, 51, 52, 99, 100, 101, 1000, 2001, whole.length - 1]) {
      forgetWords();
      const full = wordsOf(whole);
      const beginning = whole.slice(0, cut);
      const index = wordsOf(beginning);
      // Shared only when no word runs across the cut.
      const across = /\w/.test(whole[cut - 1] ?? '') && /\w/.test(whole[cut] ?? '');
      expect(index.whole === full, `cut ${cut}`).toBe(!across);
      const fresh = indexWords(beginning);
      expect(index.count, `cut ${cut}`).toBe(fresh.count);
      // The beginning's look-ups come first, so it makes the shorter chains the whole text then uses.
      for (const lookup of lookups) expect(wordStarts(index, [lookup]), `cut ${cut} ${lookup.word}`).toEqual(wordStarts(fresh, [lookup]));
      for (const lookup of lookups) expect(wordStarts(full, [lookup]), `whole ${lookup.word}`).toEqual(wordStarts(indexWords(whole), [lookup]));
    }
  });

  it('is built once per text until forgotten, so each review reads its own words', () => {
    const long = `${text} `.repeat(40);
    const first = wordsOf(long);
    expect(wordsOf(long)).toBe(first);
    forgetWords();
    expect(wordsOf(long)).not.toBe(first);
  });

  it('reads a text afresh on the buffers of forgotten indexes, with nothing left of their words', () => {
    const lookups = ['the', 'people', 'we', 'well', 'it', '9'].flatMap((w) => [lookupOf(w, true), lookupOf(w, false)]);
    // A longer text with other words first, so that a stale offset or key would show.
    wordStarts(wordsOf(`${'wellbeing peoples them 99 '.repeat(300)}${text}`), lookups);
    forgetWords();
    const reused = wordsOf(`${text} `.repeat(5));
    const fresh = indexWords(`${text} `.repeat(5));
    expect(reused.count).toBe(fresh.count);
    for (const lookup of lookups) expect(wordStarts(reused, [lookup]), lookup.word).toEqual(wordStarts(fresh, [lookup]));
    expect(wordStarts(reused, lookups)).toEqual(wordStarts(fresh, lookups));
  });
});

describe('word-led scans', () => {
  const cases = texts(new URL('./cases.jsonl', import.meta.url).pathname);
  // Long texts of varied plans, in the cases' own words and in other cases.
  const longTexts: string[] = [];
  for (let i = 0; i + 30 <= cases.length && longTexts.length < 12; i += 10) {
    const joined = cases.slice(i, i + 30).join('\n\n');
    longTexts.push(joined, joined.toUpperCase());
  }
  const vocabularies = Object.entries(cues).filter((e): e is [string, RegExp] => e[1] instanceof RegExp && e[1].global);

  it('find what a plain scan finds, where it finds it, with the same groups, for every vocabulary', () => {
    expect(longTexts.every((t) => t.length >= WORD_LED_MIN)).toBe(true);
    const led = vocabularies.filter(([, re]) => regexLeads(re));
    expect(led.length).toBeGreaterThan(20);
    for (const text of longTexts) {
      for (const [name, re] of vocabularies) expect(scanned(re, text), name).toEqual(plain(re, text));
      forgetWords();
    }
  });

  it('find what a plain scan finds for regexes led by line starts, line breaks and classes of letters', () => {
    const regexes = [
      /(?:^|\n)[ \t]*(?:who|present|agenda)\b[^\n]{0,20}|(?<=[a-z][ \t]+)\b(?:present|attendees)[ \t]*:/gi,
      /^\s*(?:-\s+|\d{1,2}[:.]\d{2}\b|item \d+)/gim,
      /^(?:the|a)\b|\bplan\b/gi,
      /^[A-Z][^\n]{0,30}$/gm,
      /\b[Ss]peakers?\b|\b[Pp]anel(?:lists?)?\b/g,
      /\n\n[A-Z]|\bnext\b/g,
    ];
    // Line breaks of every kind `^` knows under the `m` flag.
    const breaks = longTexts.slice(0, 4).map((t, i) => t.replace(/\n/g, ['\r\n', '\r', '\u2028', '\n \n'][i] ?? '\n'));
    // A match at the text's very start, which no line break precedes.
    const opening = `The agenda\n${longTexts[1] ?? ''}`;
    for (const text of [...longTexts, ...breaks, opening]) {
      for (const re of regexes) {
        expect(regexLeads(re), re.source).not.toBeNull();
        expect(scanned(re, text), re.source).toEqual(plain(re, text));
      }
      forgetWords();
    }
  });

  it('go on from the regex lastIndex as exec does, and reset it after the last match', () => {
    const re = /\b(?:the|plan)\b/gi;
    const text = longTexts[0] ?? '';
    const copy = new RegExp(re.source, re.flags);
    for (const from of [0, 5, 100, text.length, text.length + 1]) {
      re.lastIndex = from;
      copy.lastIndex = from;
      for (;;) {
        const a = execWordLed(re, text);
        const b = copy.exec(text);
        expect(a?.index).toBe(b?.index);
        expect(re.lastIndex).toBe(copy.lastIndex);
        if (!a || !b) break;
      }
    }
  });
});
