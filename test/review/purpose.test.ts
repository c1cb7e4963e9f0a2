import { describe, expect, it } from 'vitest';
import { extract } from '../../src/review/extract.js';
import { reviewPlan } from '../../src/review/review.js';

const purpose = (text: string) => extract(text).purpose.stated;

describe('purpose: standing business and schedules are not an aim (review-c)', () => {
  it('reads council-style standing items written as "To receive ..." as standing business', () => {
    const agenda = [
      'Meeting of the Allotment Committee, 7pm, Thursday 4 June, Scout Hut',
      '1. To receive apologies for absence.',
      '2. To approve the minutes of the meeting held on 2 April.',
      '3. To receive the treasurer\u2019s report.',
      '4. To note correspondence.',
    ].join('\n');
    expect(purpose(agenda)).toBe('no');
  });
  it('reads a table of standing items as an agenda of standing items', () => {
    const table = ['| 1. | Welcome and opening remarks |', '| 2. | Adoption of the agenda |', '| 3. | Terms of reference |', '| 4. | Any other business |', '| 5. | Next meeting |'].join('\n');
    expect(purpose(table)).toBe('no');
  });
  it('does not take "we aim to be finished by nine" for an aim', () => {
    const dates = 'Committee meetings start at 7pm and we aim to be finished by 9pm.\nMeeting Tuesday 8th September\nMeeting Tuesday 13th October\nMeeting Tuesday 10th November\nMeeting Tuesday 8th December';
    expect(purpose(dates)).toBe('no');
  });
  it('does not take a member raising a point for what the meeting is for', () => {
    const standing = 'Members who wish to raise a point should write to the secretary.\n1. Apologies\n2. Minutes of the last meeting\n3. Matters arising\n4. Correspondence\n5. Any other business';
    expect(purpose(standing)).toBe('no');
  });
  it('still reads a real aim beside standing items', () => {
    const agenda = '1. Apologies\n2. Minutes of the last meeting\n3. Matters arising\nThe main item is to agree how the new community fridge will be staffed over the summer.';
    expect(purpose(agenda)).toBe('yes');
  });
});

describe('purpose: quoted to the end of its clause', () => {
  it('quotes a topic found by its first word whole, in the facts and in the summary', () => {
    const text = 'Workshop on tackling loneliness among older people. 40 people from across the borough, 10am-12pm.';
    const evidence = extract(text).purpose.evidence[0] ?? '';
    expect(evidence).toBe('Workshop on tackling loneliness among older people');
    expect(text).toContain(evidence);
    expect(reviewPlan(text).plan.purpose).toBe('Workshop on tackling loneliness among older people');
  });
  it('stops at the clause, not at the next sentence or label', () => {
    const text = 'Session on rota changes; bring your diary. Who: ward staff.';
    expect(extract(text).purpose.evidence[0]).toBe('Session on rota changes');
  });
});
