import { describe, expect, it } from 'vitest';
import { problemSpans } from '../../src/reframe/problems.js';
import { reframe } from '../../src/reframe/reframe.js';

const deficit = (q: string): boolean => reframe(q).deficit;
const words = (q: string): string[] => problemSpans(q).map(({ start, end }) => q.slice(start, end));

describe('problem vocabulary from the general words for trouble (word sets)', () => {
  it.each([
    'A town meeting on evictions',
    'Street homeless in the city centre',
    'World Homeless Day vigil',
    'Consultation on child marriage',
    'Ending forced marriages: a briefing',
    'Drought and our farms',
    'Ransomware and the small office',
    'Data breaches this quarter',
    'Cost of living and our tenants',
    'The RIF and what it means for you',
    'FGM in our schools',
    'Sexism in the newsroom',
    'Diabetes in our community',
    'World Cancer Day',
    'Suicide in young men',
  ])('%s names a problem: a deficit framing', (q) => {
    expect(deficit(q)).toBe(true);
  });

  it('reads plural and past forms of a listed word', () => {
    expect(words('Riots, crashes and casualties')).toEqual(['Riots', 'crashes', 'casualties']);
    expect(words('Families evicted last winter')).toEqual(['evicted']);
  });

  it('reads an acronym only in capitals', () => {
    expect(words('Our FGM work')).toEqual(['FGM']);
    expect(words('A rif of paper')).toEqual([]);
  });
});

describe('a disease as a field, a problem as a setting', () => {
  it.each([
    'Cancer research open day',
    'Meet the dementia care team',
    'Dementia friendly shops',
    'Living well with diabetes',
    'Suicide bereavement support evening',
    'Our stroke survivors choir',
    'How charities changed during the recession',
    'A future without child marriage',
    'Growing up without violence: a youth festival',
    'Filling the data gaps before launch',
    'Inflation update for the finance committee',
  ])('%s is not framed around a problem', (q) => {
    expect(deficit(q)).toBe(false);
  });
});

describe('a programme is named for its aim; a body for who it is', () => {
  it('reads the problem a programme is named for', () => {
    expect(deficit('The Delayed Discharge Programme kick-off')).toBe(true);
  });

  it('still reads a unit or a panel by name as who hosts, not the frame', () => {
    expect(deficit('Meet the Violence Reduction Unit')).toBe(false);
  });
});

describe('a question that asks for the bad end of the scale (complaint.ts)', () => {
  it.each([
    'What did you dislike about the course?',
    'Which part of the week did you enjoy least?',
    'Where do you feel least supported?',
    'What is keeping you awake at night?',
    'Which voices have been missed?',
    'Are our team meetings too long?',
    'Guarding against fraud in small charities',
    'What to do in a pay freeze',
    'Tired of meetings that overrun?',
    'Fed up with the bus timetable',
  ])('%s is a deficit framing', (q) => {
    expect(deficit(q)).toBe(true);
  });

  it.each([
    'What did you enjoy most about the course?',
    'Is the plan too good to be true?',
    'Building resilience to floods on our street',
    'The memory cafe at the library',
  ])('%s is not', (q) => {
    expect(deficit(q)).toBe(false);
  });
});
