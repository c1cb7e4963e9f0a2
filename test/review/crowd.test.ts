import { describe, expect, it } from 'vitest';
import { largeEventCues } from '../../src/review/crowd.js';
import { extract } from '../../src/review/extract.js';

const attendance = (text: string) => extract(text).attendance;

describe('large-event words about another event are not this meeting\'s crowd', () => {
  it.each([
    'At lunch someone talks briefly, perhaps about a recent conference she went to.',
    'The working group will look again at what went wrong at previous summits before its next call.',
    'Item 4: reports back from national meetings and conferences since March.',
    'Members may give feedback on seminars, conferences and other training they have attended.',
    'The team meets on Thursday; last year\'s conference is on the list of things to review.',
  ])('%s', (text) => {
    expect(largeEventCues(text)).toEqual([]);
    expect(attendance(text).kind).toBe('unknown');
  });

  it('still reads the event itself, including a write-up of "the recent conference"', () => {
    expect(largeEventCues('The recent conference brought together commissioners from four regions.')).toEqual(['conference']);
    expect(largeEventCues('Our annual conference returns to Leeds on 3 May.')).toEqual(['conference']);
    expect(largeEventCues('Over the past two years the conference has moved online.')).toEqual(['conference']);
    expect(largeEventCues('Speakers and other delegates are asked to arrive by nine.')).toEqual(['delegates']);
  });

  it('drops only the occurrence about another event, keeping the rest', () => {
    expect(largeEventCues('This summit follows a recent summit in Cardiff.')).toEqual(['summit']);
  });
});

describe('an open invitation to a whole body counts as a crowd (labelling guide: open invitations)', () => {
  it.each([
    ['The parents\' forum is open to all parents of the school and meets each half term.', 'open to all'],
    ['The consultation evening is open to all members of the public.', 'open to all members'],
    ['The wellbeing hour is open to all members of staff.', 'open to all members'],
    ['Entry is free and open to all.', 'open to all'],
  ])('%s', (text, cue) => {
    expect(largeEventCues(text)).toContain(cue);
    expect(attendance(text).kind).toBe('inferred');
  });
});

describe('the public admitted to a formal meeting watch it; they are not a crowd that takes part', () => {
  it.each([
    'Special meeting of the trustees. Except for the closed session at 8pm, this meeting is open to the public.',
    'Meetings of the committee are open to the public, except when confidential items are discussed.',
    'The board meets in public; exempt items are taken at the end in private.',
  ])('%s', (text) => {
    expect(attendance(text).kind).toBe('unknown');
  });

  it('still reads a public meeting for residents to take part in', () => {
    expect(attendance('A public meeting for residents to talk about the new bus routes, Tuesday at 7pm.').kind).toBe('inferred');
  });
});
