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

describe('a forum\'s stated role is its purpose (s29 audit)', () => {
  const notice = (role: string): string =>
    `This term's Friends of the School meeting will be taking place on Tuesday 3rd June at 7:30 in the hall. ${role} It is important to remember that the Friends is not a select group of parents. Rather, every family is a member of the Friends because their children are enrolled in the school.\nEvening meetings can be a little inconvenient for some families so next term's meeting will be a morning meeting on Tuesday 9th of September. Please consider coming along to any Friends meetings that you see advertised and know that you will receive a warm welcome.`;
  const asks = (text: string): boolean => (reviewPlan(text).plan.openQuestions ?? []).includes('What is the one question this meeting is for?');
  it('does not ask what a forum is for when its role is stated', () => {
    expect(asks(notice('One of the roles of the Friends is to advise the school on its plans.'))).toBe(false);
    expect(asks(notice('The Friends acts as an advisory forum between home and school.'))).toBe(false);
  });
  it('still asks when only the time and place are given', () => {
    expect(asks(notice('The Friends meets each term.'))).toBe(true);
  });
});
