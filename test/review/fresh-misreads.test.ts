/**
 * Misreadings found by reading the review's answers on real public plans nobody tuning had seen (issue 10,
 * s28 audit). Each case is a short text of the same shape; the review must not say what the plan does not.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/review/extract.js';
import { reviewPlan } from '../../src/review/review.js';

const praise = (text: string, start: string): string | undefined => reviewPlan(text).strengths.find((s) => s.startsWith(start));

describe('a clock time is not a role', () => {
  it('reads "6 PM" as a time, and "PM" in a list of people as a product manager', () => {
    const timed = extract('Invited: residents, 6 PM start.');
    expect(timed.participants.some((p) => p.phrase === 'PM')).toBe(false);
    const team = extract('Discovery kickoff. 6 ppl: PM, designer, 2 engineers and a data analyst. 2 hrs.');
    expect(team.participants.find((p) => p.phrase === 'PM')?.level).toBe('middle');
  });
});

describe('a lead time is neither a series nor a length', () => {
  const checklist = 'Before the workshop\nTwo weeks before\n- Identify workshop participants\n- Invite members to the workshop\nThree Days Before\n- Create copies of worksheets for each breakout session';
  it('does not call "two weeks before" a series', () => {
    expect(extract(checklist).followUp.kind).not.toBe('series');
    expect(praise(checklist, 'It is one of a series')).toBeUndefined();
  });
  it('does not read "three days before" or "five days prior to the meeting" as the length', () => {
    expect(extract(checklist).session.minutes).toBeNull();
    expect(extract('Questions must reach the Clerk at least five days prior to the meeting. The council meets at 7pm.').session.minutes).toBeNull();
    expect(extract('A two day workshop for the whole team, in the village hall.').session.minutes).toBe(840);
  });
  it('still reads a set of sessions as a series', () => {
    expect(extract('We are holding three workshops across the borough this spring.').followUp.kind).toBe('series');
  });
});

describe('"the circle" of people is not a way of sitting', () => {
  it('does not count "grow the circle" as conversation, but does "sit in a circle"', () => {
    const grow = 'Sustainable Racine has begun with a committed group of volunteers. It is time to grow the circle. Please join a group of young leaders to help them design a strategy.';
    expect(extract(grow).format.conversationEvidence.map((e) => e.toLowerCase())).not.toContain('circle');
    expect(extract('We will sit in a circle and talk about the year.').format.conversationEvidence.join(' ')).toMatch(/circle/i);
  });
});

describe('the question praised is one put to people, quoted as asked', () => {
  it('does not praise a planning checklist asking the organiser "What is your goal?"', () => {
    const text = 'Two weeks before\n- Identify scope of workshop\n- What is your goal?\n- Identify workshop participants\n- This workshop works best online with no more than 12 participants.';
    expect(praise(text, 'The question invites')).toBeUndefined();
  });
  it('quotes the question a long sentence quotes, not the sentence cut short', () => {
    const text =
      'Community Conversation. You are invited to the table! A host will be seated at each section of the table to help guide conversations as attendees discuss questions like "what kind of community do you want?" and "what matters most to you here?". Lunch is provided, 12 to 2pm at the library.';
    expect(praise(text, 'The question invites')).toBe('The question invites people in rather than naming a problem: "what kind of community do you want?"');
  });
});

describe('"every day" recurs only as a meeting', () => {
  it('reads a daily huddle as recurring, but not a habit or a fact', () => {
    expect(extract('The safety huddles take 15 minutes and happen at the same time every day. Ward staff attend.').followUp.kind).toBe('recurring');
    const away = 'We designed an away day for all 60 employees. We spent time getting people to consider how they could bring their strengths to work every day. The first sessions focused on possibilities.';
    expect(praise(away, 'It is not a one-off')).toBeUndefined();
    expect(praise(away, 'It is a standing group')).toBeUndefined();
  });
});

describe('the open-door praise quotes the open door', () => {
  it('quotes "public meeting", not the invitee phrase before it', () => {
    const text = 'Cleveland Chief Constable and the Police and Crime Commissioner will attend a public meeting on Tuesday 4 March at 7pm in the Town Hall to hear residents.';
    const open = praise(text, 'It is open to everyone');
    expect(open).toBe('It is open to everyone (public meeting), so the people affected can come.');
  });
  it('does not call "anyone who might be interested in a position" an open door', () => {
    const agm = 'The AGM will be held on Wednesday 18th November at 7:30pm via Zoom. All members are invited to attend. There will be no coercion to join the committee however anyone who might be interested in a position is encouraged to nominate.';
    expect(praise(agm, 'It is open to everyone')).toBeUndefined();
  });
});

describe('a day holding several short sessions', () => {
  it('takes one session as the length, not the day they are spread over', () => {
    const day = 'From 10 AM to 6 PM on Friday, the Friends of the Park will host nine short, 45 minute community workshops. Local residents are encouraged to attend one or several.';
    expect(extract(day).session).toEqual({ minutes: 45, evidence: ['nine short, 45 minute community workshops'] });
    expect(praise(day, 'There is enough time')).toBeUndefined();
  });
});
