import { describe, expect, it } from 'vitest';
import { dropBackground, hasGoodHead } from '../../src/reframe/background.js';
import { reframe } from '../../src/reframe/reframe.js';

const deficit = (q: string): boolean => reframe(q).deficit;

describe('framing hard cases: a positive title that names a problem (labelling guide)', () => {
  it.each([
    'Celebrating ten years sober together',
    'Thriving after a stroke: a members’ evening',
    'Rebuilding the high street after the fire',
    'Honouring neighbours for their stand against loneliness',
    'Life after redundancy: a peer group',
    'Celebrating recovery from addiction',
    'Building resilience after the floods',
    'Positive wellbeing following redundancy',
    'Growing resilience during the restructure',
    'Honouring survivors of domestic abuse at the spring lunch',
    'Sharing stories of gambling recovery',
    'Turning our office closures into opportunities to meet in the community',
  ])('%s has a good head and the problem only as background: an aspiration', (q) => {
    expect(deficit(q)).toBe(false);
  });

  it.each([
    'Celebrating a year of tackling fly-tipping',
    'Building stronger streets through tackling graffiti',
    'A pledge to end period poverty',
    'Knife crime awareness picnic',
    'Living with debt',
    'Why do people struggle after redundancy?',
    'Support for survivors of domestic abuse',
    'Life after redundancy: why people struggle to find work',
  ])('%s keeps the problem as its head: a deficit framing', (q) => {
    expect(deficit(q)).toBe(true);
  });

  it('needs no rewrite for a title that already reaches for something good', () => {
    expect(reframe('Celebrating recovery from addiction').suggestions).toEqual([]);
    expect(hasGoodHead('Life beyond cancer')).toBe(true);
    expect(hasGoodHead('Quarterly team meeting')).toBe(false);
  });

  it('blanks only the trailing phrase of origin, and only after a good head with no problem of its own', () => {
    const never = (): boolean => false;
    expect(dropBackground('Recovery after redundancy', never, never).trim()).toBe('Recovery');
    expect(dropBackground('Support after redundancy', never, never)).toBe('Support after redundancy');
    expect(dropBackground('Recovery after redundancy', () => true, never)).toBe('Recovery after redundancy');
  });
});

describe('framing hard cases: a neutral-sounding title with a problem at its core', () => {
  it.each([
    'Sickness absence review',
    'Understanding waiting lists',
    'Reasons for leaving: exit survey themes',
    'Blockers this sprint',
    'Were there any blockers that held up the launch?',
    'What is blocking you this week?',
    'What can I unblock for you?',
    'What didn’t go well at the open day?',
    'The fundraising dinner did not go to plan',
    'Why are we losing our newest members so quickly?',
    'Together to end child marriage',
    'What hindered the move to the new office?',
    'What slowed the handover most?',
    'Why do some tenants refuse to let the surveyors in?',
    'My son doesn’t want to go to swimming club any more',
    'Have we got our induction backwards?',
    'Closing gaps in the out-of-hours rota',
    'Is one volunteer per shift good enough?',
    'When fundraising events go wrong',
  ])('%s is a deficit framing', (q) => {
    expect(deficit(q)).toBe(true);
  });

  it.each([
    'Quarterly team meeting',
    'Shift review communication',
    'It’s not rocket science: good agendas',
    'Time blocking for busy managers',
    'We will end the meeting at five',
    'Ending well: care in the last year of life',
    'Right of first refusal on the community hall',
    'Lost property at the leisure centre',
    'Do the weeks you do want to come in outnumber the weeks you don’t want to come in?',
    'Refuse collection days over the holidays',
  ])('%s frames no problem: not a deficit framing', (q) => {
    expect(deficit(q)).toBe(false);
  });

  it('quotes whole words as evidence and gives a one-to-one question the workplace reminder', () => {
    expect(reframe('Together to end child marriage').evidence).toEqual(['to end child marriage']);
    expect(reframe('What is blocking you this week?').whoMightBeMissing).not.toContain(
      'people from outside the usual networks, such as community groups, local businesses and faith groups',
    );
  });
});
