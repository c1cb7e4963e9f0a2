import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { texts } from './texts.js';
import { reframeChat } from '../../src/reframe/chat.js';
import { reviewChat } from '../../src/review/chat.js';
import type { Block, Reply } from '../../src/model/reply.js';

const here = import.meta.dirname;

/** Varied real plans: hand-written cases, both corpora (councils, schools, companies, summits) and the framings. */
const PLANS = [
  ...texts(path.join(here, 'cases.jsonl')),
  ...texts(path.join(here, 'corpus/plans/corpus-a.jsonl')),
  ...texts(path.join(here, 'corpus/plans/corpus-b.jsonl')),
  ...texts(path.join(here, 'corpus/plans/framings.jsonl')),
  // Plans written to reach the sentence builders' awkward paths: long deficit sentences, cue fragments.
  'Staff conference on reducing sickness absence and how to fix the problem of low morale among our teams across every directorate this year and the next one, for 80 staff. Speakers will lecture and present their findings, then the director will present their plan.',
  'Away day to tackle the backlog. Keynote, then a presentation from the chief exec and a talk by finance. 120 managers, 2 hours.',
];
const QUESTIONS = texts(path.join(here, '../reframe/cases.jsonl'));

/** Every sentence the bot put in a reply, block by block; list items are phrases, not sentences. */
function sentencesOf(r: Reply): Array<{ text: string; phrase: boolean }> {
  const out: Array<{ text: string; phrase: boolean }> = [];
  const add = (b: Block) => {
    if (b.type === 'text' || b.type === 'context') out.push({ text: b.text, phrase: false });
    if (b.type === 'list') out.push(...b.items.map((text) => ({ text, phrase: true })));
  };
  r.blocks.forEach(add);
  return out;
}

/** What a careful reader would stop at: agreement, fragments, stray spacing, unbalanced quotes. */
function slips(sentence: string, phrase = false): string[] {
  const found: string[] = [];
  // Quoted words are the plan's own: their spacing and case are the author's.
  const own = sentence.replace(/"[^"]*"/g, '"q"');
  if (/\bthe words\b[^.?!]*?"\s+frames\b/i.test(sentence)) found.push('plural subject with "frames"');
  if (/\bthe word\s+"[^"]*"\s+frame\b/i.test(sentence)) found.push('singular subject with "frame"');
  // A sentence may not end on a word that needs another after it ("…present their.").
  if (/\b(?:their|the|a|an|our|of|to|from|with|by|and)\s*[.?!](?:\s|$)/i.test(own)) found.push('ends on a dangling word');
  if (/\b(\w+) \1\b/i.test(own) && !/\b(that that|had had)\b/i.test(own)) found.push('doubled word');
  if (/ {2}| [.,;:?!]/.test(own)) found.push('stray space');
  if (/""|\(\s*\)/.test(sentence)) found.push('empty quote or brackets');
  if ((sentence.match(/"/g) ?? []).length % 2 !== 0) found.push('unbalanced quotation marks');
  if (!phrase && /^[a-z]/.test(sentence)) found.push('starts in lower case');
  return found;
}

describe('the grammar of generated sentences', () => {
  it('catches the slips it looks for', () => {
    expect(slips('the words "reducing" and "fix" frames the meeting around a problem.')).toEqual(expect.arrayContaining(['plural subject with "frames"', 'starts in lower case']));
    expect(slips('Much of the time goes to lecture and present their.')).toContain('ends on a dangling word');
    expect(slips('A group  of people .')).toContain('stray space');
  });

  it(`reviews of ${PLANS.length} varied plans have no agreement slip, fragment, stray space or unbalanced quote`, () => {
    const problems: string[] = [];
    for (const plan of PLANS) {
      for (const { text, phrase } of sentencesOf(reviewChat(plan))) {
        for (const slip of slips(text, phrase)) problems.push(`${slip}: ${text.slice(0, 160)}`);
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it(`framing checks of ${QUESTIONS.length} questions read cleanly`, () => {
    const problems: string[] = [];
    for (const question of QUESTIONS) {
      for (const { text, phrase } of sentencesOf(reframeChat(question))) {
        for (const slip of slips(text, phrase)) problems.push(`${slip}: ${text.slice(0, 160)}`);
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it('a review with no strengths opens straight on its questions: no divider under the title', () => {
    const r = reviewChat('Cabinet briefing on the new waste strategy. Cabinet members + director of environment. 1hr. Officers will present the preferred option for sign-off.');
    expect(r.blocks.some((b) => b.type === 'label' && /does well/.test(b.text))).toBe(false);
    expect(r.blocks.some((b) => b.type === 'divider')).toBe(false);
  });
});
