import { describe, expect, it } from 'vitest';
import { reframe } from '../../src/reframe/reframe.js';

/*
 * Error classes found on a second batch of framings nobody had tuned on
 * (test/review/corpus/framings/fgen2.jsonl, issue 10). Each class has cases it must read as a deficit and
 * cases it must not; none is a corpus record.
 */
const deficit = (q: string): boolean => reframe(q).deficit;

describe('work that stopped moving, and getting it moving again (lexicon.ts)', () => {
  it.each(['Why our housing plan stalled', 'When the reform stalls: a workshop for leads', 'Getting the new IT system unstuck', 'Unsticking the recruitment pipeline'])(
    '%s is a deficit framing',
    (q) => {
      expect(deficit(q)).toBe(true);
    },
  );
  it.each(['Book a stall at the spring craft fair', 'Market stalls and street food on the green'])('%s names a stall, not a stoppage', (q) => {
    expect(deficit(q)).toBe(false);
  });
});

describe('the elephant in the room (lexicon.ts)', () => {
  it.each(['Naming the elephant in the room at our team meeting', 'Elephants in the room: what nobody says about rotas'])('%s is a deficit framing', (q) => {
    expect(deficit(q)).toBe(true);
  });
  it.each(['Elephant conservation in East Africa: a talk', 'Room bookings for the summer term'])('%s is not', (q) => {
    expect(deficit(q)).toBe(false);
  });
});

describe('a loss asked about without "all" (lexicon.ts)', () => {
  it.each(['So where did our young members go?', 'Where did the footfall go?'])('%s is a deficit framing', (q) => {
    expect(deficit(q)).toBe(true);
  });
  it.each(['Where did the team go for the away day?', 'Where did our logo come from?'])('%s asks about a place or an origin', (q) => {
    expect(deficit(q)).toBe(false);
  });
});

describe('harm and failure told by a verb idiom (lexicon.ts)', () => {
  it.each([
    'Has remote working doomed the office party?',
    'Long commutes taking a toll on new starters',
    'Is our outreach missing the mark?',
    'Why parishes have trouble finding treasurers',
  ])('%s is a deficit framing', (q) => {
    expect(deficit(q)).toBe(true);
  });
  it.each(['Toll road consultation: the new bridge', 'Target setting for the year ahead', 'Hitting the mark: celebrating our apprentices'])(
    '%s names no harm',
    (q) => {
      expect(deficit(q)).toBe(false);
    },
  );
});

describe('"What if ... doesn\'t ...?" asks about a failure (lexicon.ts)', () => {
  it.each(['What if the funding doesn’t come through?', 'What if our volunteers can’t keep going?'])('%s is a deficit framing', (q) => {
    expect(deficit(q)).toBe(true);
  });
  it.each(['What if you can’t make the date?', 'Let the clerk know if you cannot attend'])('%s is housekeeping', (q) => {
    expect(deficit(q)).toBe(false);
  });
});

describe('"homeless" before a service names the field, like a disease (problems.ts)', () => {
  it.each(['Our homeless outreach team turns ten', 'Homeless health care volunteers: thank-you evening'])('%s is not a deficit', (q) => {
    expect(deficit(q)).toBe(false);
  });
  it.each(['Homeless on our high street', 'More families homeless this winter'])('%s still names the problem', (q) => {
    expect(deficit(q)).toBe(true);
  });
});

describe('out of harm’s way is the aim (lexicon.ts)', () => {
  it.each(['Moving homes out of harm’s way: river buyouts explained', 'Keeping children out of harms way on the school run'])('%s is not a deficit', (q) => {
    expect(deficit(q)).toBe(false);
  });
  it.each(['Harm caused by loan sharks', 'The harm done by payday loans'])('%s names the problem', (q) => {
    expect(deficit(q)).toBe(true);
  });
});
