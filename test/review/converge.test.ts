import { describe, expect, it } from 'vitest';
import { convergingEvidence } from '../../src/review/converge.js';
import { decide } from '../../src/review/decide.js';
import { extract } from '../../src/review/extract.js';

const converges = (text: string) => convergingEvidence(text).length > 0;

describe('converge-early: set up to settle a course fixed beforehand', () => {
  it.each([
    'The special meeting is called so members can ratify the tentative agreement.',
    'Members will vote on the proposed changes to the constitution.',
    'Purpose: approve the revised parking policy before it goes to cabinet.',
    'We need sign-off on the new rota from the ward managers.',
    'The panel will decide which of the three shortlisted bids to fund.',
    'Governors are asked to agree the draft behaviour policy circulated last week.',
  ])('%s', (text) => {
    expect(converges(text)).toBe(true);
  });
});

describe('converge-early: not from routine approvals, open choices or reports', () => {
  it.each([
    'Item 2: approve the minutes of the last meeting.',
    'Minutes of the spring meeting as circulated, for approval.',
    'The committee receives and approves its annual accounts.',
    'Residents vote on which local issues the police should tackle first.',
    'Every vote on every motion took longer than planned.',
    'The board agreed last year to meet quarterly. A draft of the strategy was shared later.',
    'Staff can choose from a wide range of workshops in the afternoon.',
    'The chair endorsed this approach at the last meeting.',
  ])('%s', (text) => {
    expect(converges(text)).toBe(false);
  });
  it('quotes only words of the plan', () => {
    const text = 'Shareholders will vote on the merger proposal at the special meeting.';
    for (const e of convergingEvidence(text)) expect(text).toContain(e);
  });
});

describe('converge-early in the facts', () => {
  it('is raised for a ratification meeting and not when the plan explores options first', () => {
    expect(decide(extract('Union meeting: the membership will ratify the tentative agreement by secret ballot.')).map((d) => d.id)).toContain('converge-early');
    expect(decide(extract('We will explore the options together first, then vote on the proposed plan.')).map((d) => d.id)).not.toContain('converge-early');
  });
});
