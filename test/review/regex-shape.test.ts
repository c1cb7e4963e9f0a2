import { describe, expect, it } from 'vitest';
import * as cues from '../../src/review/cues.js';
import { lookbehindLedAlternatives } from './regex-shape.js';

/** Every regex a module exports, including those in arrays and in `{ re }` entries. */
function regexesOf(mod: Record<string, unknown>): Array<[string, RegExp]> {
  const out: Array<[string, RegExp]> = [];
  const add = (name: string, v: unknown): void => {
    if (v instanceof RegExp) out.push([name, v]);
    else if (Array.isArray(v)) v.forEach((x, i) => add(`${name}[${i}]`, x));
    else if (v && typeof v === 'object' && 're' in v) add(`${name}.re`, (v as { re: unknown }).re);
  };
  for (const [name, v] of Object.entries(mod)) add(name, v);
  return out;
}

const matches = (re: RegExp, text: string): string[] =>
  [...text.matchAll(new RegExp(re.source, re.flags))].map((m) => `${m.index}:${m[0]}`);

describe('alternatives that open with a lookbehind', () => {
  it('are found where a match can begin, through a leading \\b and groups that must be entered', () => {
    expect(lookbehindLedAlternatives(String.raw`\b(?:talks?|(?<!\b(?:a|the)\s+)discuss)\b`)).toHaveLength(1);
    expect(lookbehindLedAlternatives(String.raw`(?<!\b(?:no|not) )(?:x|y)|z`)).toHaveLength(1);
    expect(lookbehindLedAlternatives(String.raw`\b(?:a|(?:b|(?<!x+)c))`)).toHaveLength(1);
  });

  it('are not reported behind a word, inside an optional group, or when the lookbehind is a fixed few characters', () => {
    expect(lookbehindLedAlternatives(String.raw`\b(?:talks?|discuss(?<!\b(?:a|the)\s+discuss))\b`)).toEqual([]);
    expect(lookbehindLedAlternatives(String.raw`\b(?:(?<!\b(?:a|the) )x)?y`)).toEqual([]);
    expect(lookbehindLedAlternatives(String.raw`\b(?:(?<!\bof\s)(?:people|staff)|(?<![\d.:])\d)`)).toEqual([]);
    expect(lookbehindLedAlternatives(String.raw`[(|](?<!a|b)x`)).toEqual([]);
  });

  it('open no alternative of any exported cue, so a long plan is scanned at full speed', () => {
    const found = regexesOf(cues).flatMap(([name, re]) => lookbehindLedAlternatives(re.source).map((a) => `${name}: ${a}`));
    expect(found).toEqual([]);
  });
});

describe('a lookbehind moved after its word', () => {
  // The forms the cues had before (lookbehind first); the cues must match exactly what these matched.
  const before = {
    discuss: /\b(?:(?<!\b(?:speakers?|panel|panell?ists?|experts?|keynotes?|presenters?|authors?|guests?|lecturers?|he|she)\s+(?:[\w'’-]+\s+){0,3})(?:discussions?(?<!panel discussions?)|discuss))\b/gi,
    experience: /\b(?:(?<=\b(?:their|own|lived|staff)\s+)experiences?|(?<=\b(?:share|sharing|draw on)\s+(?:[\w'’-]+\s+){0,2})experiences?)\b/gi,
    answer: /\b(?:(?<!\b(?:each|every|all) (?:[\w-]+ ){0,2}?(?:members?|persons?|participants?|attendees?|people)(?: (?:is|are|will be) (?:asked|invited|expected))? to |\b(?:on hand|available|happy|there|around) to )(?:answer(?:s|ed|ing) (?:[\w-]+ ){0,3}?questions|answer (?:[\w-]+ ){1,3}?questions|respon(?:d|ds|ded|ding) to (?:[\w-]+ ){0,3}?questions))\b/gi,
    large: /\b(?:(?<!(?:parent[- ]\s*teacher|case|video|review) )conferences?(?! (?:rooms?|calls?))|(?<!\b(?:with|among|for) )all[- ]staff|(?<!(?:send|nominate)\s(?:\w+\s)?)delegates(?! (?:to|from)\b)|(?<!\b(?:with|among|for) )all (?:the )?(?:staff|pupils))\b/gi,
  };
  const texts = [
    'Speakers will then discuss the plan. Panel discussion, then a discussion in groups; we discuss it. The panel discussions end.',
    'He briefly discusses nothing; she will discuss. Experts from the trust lead discussions. DISCUSSION first, then Discussions.',
    'Their experiences and our own experience matter. Staff experience; lived experiences. Share our experiences, sharing experience.',
    'Draw on the experiences of others. The experience was good. Swap experiences.',
    'Officers answered questions. Each member is asked to answer three questions. Someone on hand to answer any questions.',
    'All people are invited to answer the questions; the chair responds to residents questions; every attendee to respond to questions.',
    'Annual conference; a parent teacher conference; a video conference call; conferences room; conferences.',
    'An all-staff meeting, working with all staff, all the pupils, for all the staff. Send two delegates; delegates to the summit; 300 delegates.',
  ];
  const after = {
    discuss: cues.CONVERSATION_CUES,
    experience: cues.CONVERSATION_CUES,
    answer: cues.PRESENTATION_CUES,
    large: cues.LARGE_EVENT,
  };

  it('finds each match the lookbehind-first form found', () => {
    for (const [key, old] of Object.entries(before)) {
      const now = after[key as keyof typeof after];
      for (const text of texts) {
        const wanted = matches(old, text);
        const got = new Set(matches(now, text));
        for (const m of wanted) expect(got, `${key}: ${m}`).toContain(m);
      }
    }
  });

  it('rejects what the lookbehind rejected', () => {
    const phrases = (re: RegExp, text: string): string[] => matches(re, text).map((m) => m.slice(m.indexOf(':') + 1).toLowerCase());
    expect(phrases(cues.CONVERSATION_CUES, 'Speakers will then discuss the plan.')).not.toContain('discuss');
    expect(phrases(cues.CONVERSATION_CUES, 'A panel discussion.')).not.toContain('discussion');
    expect(phrases(cues.CONVERSATION_CUES, 'Share our experiences.')).toContain('experiences');
    expect(phrases(cues.CONVERSATION_CUES, 'The experience was good.')).not.toContain('experience');
    expect(phrases(cues.PRESENTATION_CUES, 'Each member is asked to answer three questions.')).toEqual([]);
    expect(phrases(cues.PRESENTATION_CUES, 'Officers answered questions.')).toEqual(['answered questions']);
    expect(phrases(cues.LARGE_EVENT, 'A parent teacher conference.')).toEqual([]);
    expect(phrases(cues.LARGE_EVENT, 'Send two delegates.')).toEqual([]);
  });
});
