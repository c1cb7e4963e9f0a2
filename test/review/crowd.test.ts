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

describe('the general meeting of an association\'s members is large by kind (labelling guide)', () => {
  it.each([
    ['Notice of Annual General Meeting\nThe allotment society will hold its AGM on 4 March at 7pm.', 'Annual General Meeting'],
    ['Friends of the Library: Extraordinary General Meeting on Tuesday to vote on the new constitution.', 'Extraordinary General Meeting'],
    ['Our annual members\' meeting is on 12 June, with the accounts and the election of the board.', "annual members' meeting"],
    ['The congregational meeting follows the morning service on Sunday.', 'congregational meeting'],
  ])('%s', (text, cue) => {
    expect(largeEventCues(text)).toContain(cue);
    expect(attendance(text).kind).toBe('inferred');
  });

  it('does not read a council\'s or a board\'s own annual meeting as one', () => {
    expect(largeEventCues('The annual meeting of the town council will be on 9 May, when the mayor is elected.')).toEqual([]);
  });

  it('does not read a general meeting named only late in a long text as the text\'s own meeting', () => {
    const text = `${'The garden committee meets monthly to plan planting, water rotas and the shed repairs. '.repeat(5)}Items for the AGM go to the secretary.`;
    expect(largeEventCues(text)).toEqual([]);
  });

  it('lets a head count the plan states win over the kind', () => {
    expect(attendance('Minutes of the AGM held on 3 June. Total attendance was nine.')).toMatchObject({ kind: 'stated', max: 9 });
  });
});

describe('an open forum or open evening is offered to everyone it names', () => {
  it.each([
    'The students\' union is holding an open forum on Thursday for anyone studying on the campus.',
    'Our Open Evening for prospective families starts at 6pm in the main building.',
  ])('%s', (text) => {
    expect(attendance(text).kind).toBe('inferred');
  });
});

describe('a meeting placed beside a larger or coming event is not that event\'s crowd', () => {
  it.each([
    'What: a side event to the World Water Summit on river restoration, with four speakers.',
    'The working group will agree the draft charter ahead of the Regional Summit in June.',
    'The plans will be presented at a City Safety Summit next spring; today the six leads compare notes.',
    'Officials meet online to finish the text for adoption at the upcoming 12th Ministers\' Summit.',
  ])('%s', (text) => {
    expect(largeEventCues(text)).toEqual([]);
  });

  it('still reads the summit a text announces', () => {
    expect(largeEventCues('The Regional Summit on river restoration opens in Leeds on 3 June.')).toEqual(['Summit']);
  });
});

describe('an invitation denied is none', () => {
  it('does not read "not open to the public" as an open invitation', () => {
    expect(largeEventCues('The cabinet\'s briefing sessions are not open to the public, but the notes are published.')).toEqual([]);
  });
});
