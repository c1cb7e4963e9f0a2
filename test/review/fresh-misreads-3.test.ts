/**
 * Misreadings left by the s29 fresh-plan audit (rread2's list, fixed by rread3). Each case is a short made-up
 * text of the shape found; the review must not say what the plan does not, and a look-alike keeps its reading.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/review/extract.js';
import { reviewPlan } from '../../src/review/review.js';

const roles = (text: string): string[] => extract(text).participants.map((p) => p.phrase.toLowerCase());

describe('the people who arrange a meeting are not its invitees (s29 audit)', () => {
  it('does not read officers who contact the people to be invited as invitees', () => {
    const text = 'The next meeting will be with local residents. Officers will contact residents to be invited to agree a date.';
    expect(roles(text)).not.toContain('officers');
  });
  it('still reads officers who are themselves invited', () => {
    expect(roles('Officers and residents are invited to agree a date.')).toContain('officers');
  });
});

const praise = (text: string, start: string): string | undefined => reviewPlan(text).strengths.find((s) => s.startsWith(start));

describe('a day of conference papers is not time for conversation (s29 audit)', () => {
  it('does not praise the time of a day made of papers with questions after each', () => {
    const text = 'A one day conference in the main hall. Papers will be of 30 minutes: 20 minutes for presentation and 10 for discussion.';
    expect(praise(text, 'There is enough time')).toBeUndefined();
  });
  it('still praises the time of a day of discussion whose papers are only circulated', () => {
    const text = 'A one day workshop in the main hall, with small group discussion all day. Papers will be circulated beforehand.';
    expect(praise(text, 'There is enough time')).toBeDefined();
  });
});

describe('stories an audience hears are the speakers\' (s29 audit)', () => {
  it('does not praise stories told to the room as people working from their own', () => {
    const text = 'Conference for staff. The speakers were excellent - it was moving to hear their stories. We then heard the story of a local sailor.';
    expect(praise(text, 'People work from their own experience')).toBeUndefined();
  });
  it('still praises people sharing their own stories', () => {
    const text = 'Workshop for staff. People share their own stories of the changes in small groups.';
    expect(praise(text, 'People work from their own experience')).toBeDefined();
  });
});
