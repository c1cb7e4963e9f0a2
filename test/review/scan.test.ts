import { describe, expect, it } from 'vitest';
import { allMatches, matchAll, unionMatches } from '../../src/review/text.js';

/** What `String.prototype.matchAll` gives: index, match and groups of each match. */
const expected = (re: RegExp, text: string): string[] =>
  [...text.matchAll(new RegExp(re.source, re.flags))].map((m) => JSON.stringify([m.index, [...m], m.groups ?? null]));
const got = (re: RegExp, text: string): string[] => allMatches(re, text).map((m) => JSON.stringify([m.index, [...m], m.groups ?? null]));

/** Long enough that the scan takes its line-by-line path (texts of a few sentences are scanned plainly). */
const padding = 'The meeting is about the future of the library and who uses it. '.repeat(4);

const texts = [
  `Present: Ms A Khan, Mr B Jones\nApologies: none\n${padding}`,
  `${padding}\nPresent: Ms A Khan\n\nattendees - Cllr C\r\nin attendance: Dr D\n`,
  `\n\nPRESENT:\nMs A\nMr B\n${padding}present`,
  `${padding}\nSpeakers: Dr A Patel, chief executive\nPanellists - three residents\n  keynote speakers: the mayor`,
  `${padding}${padding}`,
  `\n${padding}\n`,
];

describe('scans of regexes that start each match at a line break', () => {
  const ROSTER = /(?:^|\n)[ \t]*(?:present|in attendance|attendees|attending|those present|members present|attendance)\b\s*[:\n-]?\s*/gi;
  const SPEAKERS = /(?:^|\n)\s*(?:speakers?|presenters?|panellists?|keynote(?: speakers?)?)\s*[:-]\s*(?<who>[^\n]{2,160})/gi;
  const EMPTY = /(?:^|\n)x*/g;

  it('find what a plain scan finds, where it finds it, with the same groups', () => {
    for (const re of [ROSTER, SPEAKERS, EMPTY]) {
      for (const text of texts) expect(got(re, text)).toEqual(expected(re, text));
    }
    expect(got(ROSTER, texts[1] ?? '').length).toBe(3);
  });

  it('start from the regex lastIndex and leave it as it was', () => {
    const text = texts[1] ?? '';
    ROSTER.lastIndex = text.indexOf('attendees');
    const from = new RegExp(ROSTER.source, ROSTER.flags);
    from.lastIndex = ROSTER.lastIndex;
    expect(allMatches(ROSTER, text).map((m) => m.index)).toEqual([...text.matchAll(from)].map((m) => m.index));
    expect(ROSTER.lastIndex).toBe(text.indexOf('attendees'));
    ROSTER.lastIndex = text.length + 1;
    expect(allMatches(ROSTER, text)).toEqual([]);
    ROSTER.lastIndex = 0;
  });

  it('are the same through matchAll and unionMatches', () => {
    const text = texts[3] ?? '';
    expect(matchAll(SPEAKERS, text)).toEqual(['Speakers: Dr A Patel, chief executive', 'Panellists - three residents', 'keynote speakers: the mayor']);
    expect(unionMatches(/(?:^|\n)\s*(?:(?<u0>speakers?)|(?<u1>panellists?))/gi, text).map(([i]) => i)).toEqual([0, 1]);
  });

  it('leave alone a regex whose matches can start elsewhere, and behave as a plain scan there', () => {
    // Another branch at the top, a repeated lead, line starts under the `m` flag, a sticky regex.
    for (const re of [/(?:^|\n)present|attendees/gi, /(?:^|\n)?present/gi, /(?:^|\n)present/gim, /(?:^|\n)present/giy]) {
      for (const text of texts) expect(got(re, text)).toEqual(expected(re, text));
    }
  });
});
