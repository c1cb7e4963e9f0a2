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

describe('"open to all" says who may come; it says a crowd comes only for the public or a whole staff', () => {
  it.each([
    'The parents\' forum is open to all parents of the school and meets each half term.',
    'The annual meeting is open to all board members and two delegates from each branch.',
    'The club social is open to all members.',
  ])('%s', (text) => {
    expect(largeEventCues(text)).not.toContain('open to all');
    expect(largeEventCues(text)).not.toContain('open to all members');
  });

  it.each([
    ['The consultation evening is open to all members of the public.', 'open to all members'],
    ['The briefing is open to all staff who can get away.', 'open to all'],
    ['Entry is free and open to all.', 'open to all'],
    ['The forum is open to all persons interested in housing.', 'open to all'],
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
