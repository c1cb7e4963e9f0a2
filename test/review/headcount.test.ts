import { describe, expect, it } from 'vitest';
import { isLarge } from '../../src/review/decide.js';
import { extract } from '../../src/review/extract.js';
import { parseCount } from '../../src/review/head-count.js';
import { parseRoster } from '../../src/review/roster.js';
import { sentences } from '../../src/review/text.js';

const count = (text: string) => parseCount(sentences(text));
const attendance = (text: string) => extract(text).attendance;

describe('head count: number words', () => {
  it.each([
    ['The proposal went to fourteen people in the boardroom.', 14],
    ['Sixteen governors and seventeen parents came.', 33],
    ['Nineteen volunteers signed up.', 19],
  ])('%s', (text, max) => {
    expect(count(text)?.max).toBe(max);
  });
});

describe('head count: limits, group sizes and bodies that attend', () => {
  it('reads a cap on places as the expected size', () => {
    expect(count('Places are limited to 60.')?.max).toBe(60);
    expect(count('We need a minimum of 20 there to be quorate.')?.max).toBe(20);
  });
  it('reads "no more than 12" as a cap of 12, and "more than 12" as past it', () => {
    expect(count('This workshop works best online with no more than 12 participants.')).toMatchObject({ min: 12, max: 12, approx: true, evidence: ['no more than 12 participants'] });
    expect(count('Not more than 8 people can attend.')?.max).toBe(8);
    expect(count('More than 12 participants signed up.')?.max).toBe(13);
    expect(isLarge(extract('This workshop works best online with no more than 12 participants.'))).toBe(false);
  });
  it('reads "our group of 14" as the meeting, but "groups of 4" as its parts', () => {
    expect(count('The room seats our group of 14 around one table.')?.max).toBe(14);
    expect(count('We will split into small groups of 4.')).toBeUndefined();
  });
  it('counts organisations that attended, not those a body serves', () => {
    expect(count('Over 30 charities and agencies attended the launch.')?.max).toBeGreaterThan(30);
    expect(count('The network supports 40 organisations across the county.')).toBeUndefined();
    expect(count('Three agencies attended.')).toBeUndefined();
  });
});

describe('head count: numbers that are not who comes', () => {
  it('skips a day of the month, a table size and "one half day"', () => {
    expect(count('The open evening is on March 4 asking parents to bring questions.')).toBeUndefined();
    expect(count('Round tables with 6 people per table.')).toBeUndefined();
    expect(count('Training runs for approximately one half day each term.')).toBeUndefined();
  });
});

describe('head count: a roster of names', () => {
  const names = ['Ann Lee', 'Bo Chan', 'Cy Park', 'Di Roy', 'Ed Fox', 'Flo Ray', 'Gus Hall', 'Hal Moss', 'Ivy Dunn', 'Jo Webb', 'Kit Shaw', 'Lu Cole', 'Mo Reid', 'Ned Kay'];
  it('counts one name a line after "Present"', () => {
    const r = parseRoster(`Minutes of the residents' committee\nPresent:\n${names.join('\n')}\n\nItem 1 Welcome`);
    expect(r?.max).toBe(14);
    expect(r?.evidence[0]).toMatch(/^Present:/);
  });
  it('counts comma-separated names with roles in brackets', () => {
    const r = parseRoster(`In attendance: ${names.map((n, i) => (i === 0 ? `${n} (Chair, Parish Council)` : n)).join(', ')}\nApologies: Zed Oak`);
    expect(r?.max).toBe(14);
  });
  it('counts people by their titles when the names run together', () => {
    const r = parseRoster('Present: Ms Ann Lee Mr Bo Chan Dr Cy Park Ms Di Roy Mr Ed Fox Ms Flo Ray Mr Gus Hall Dr Hal Moss Ms Ivy Dunn Mr Jo Webb Ms Kit Shaw Mr Lu Cole Ms Mo Reid\nMINUTES');
    expect(r?.max).toBe(13);
  });
  it('does not count apologies or a short list', () => {
    expect(parseRoster(`Apologies:\n${names.join('\n')}`)).toBeUndefined();
    expect(parseRoster('Present: Ann Lee, Bo Chan, Cy Park')).toBeUndefined();
  });
  it('reads the last two names of a list as two people', () => {
    expect(parseRoster(`Present: ${names.slice(0, 12).join(', ')} and ${names[12]}`)?.max).toBe(13);
  });
  it('reads a bulleted label with a colon, and a label after a sentence in minutes without line breaks', () => {
    expect(parseRoster(`Forum minutes\n- Attendees:\n- Members: AL, BC, CP, DR, EF, FR, GH\n- Staff: HM, ID, JW, KS, LC, MR`)?.max).toBe(13);
    expect(parseRoster(`Meeting held at the hall at 7pm Present: Chair: ${names[0]}. Members: ${names.slice(1).join(', ')}.`)?.max).toBeGreaterThan(12);
  });
  it('does not read an agenda item about attendance as a roster', () => {
    expect(parseRoster(`Council meeting\n- Attendance and introductory remarks\n- Declarations of interest\n- Minutes of the June meeting\n- Actions and matters arising\n- Finance report\n- Any other business`)).toBeUndefined();
  });
  it('makes a long roster a large group in the facts', () => {
    const a = attendance(`Allotment society minutes\nPresent:\n${names.join('\n')}\n\n1. Plot rents for next year`);
    expect(a).toMatchObject({ kind: 'stated', max: 14 });
  });
});

describe('large group inferred from an open invitation', () => {
  it.each([
    'The spring meeting is on 3 May at 7pm in the church hall. All are invited.',
    'All members of the bowls club are warmly invited to attend the meeting.',
    'All members of the Greenfield Road allotment society are invited.',
    'Any of our tenants are welcome to come along to the meeting.',
    'Members of the public are invited to attend the board meeting on Tuesday.',
    'Delegates will hear about the new strategy in the morning.',
    'Our all-school meeting starts at 8:10 every Monday.',
  ])('%s', (text) => {
    expect(attendance(text).kind).not.toBe('unknown');
  });
  it.each([
    'The notes will be shared with all staff by email after the review group meets.',
    'Six of us sat round the conference table to plan the rota.',
    'All topics are welcome at the team lunch.',
    'The council will send two delegates to the regional board.',
    'Members of the public may observe the board meeting from the gallery; it is not a public meeting.',
  ])('not from "%s"', (text) => {
    expect(isLarge(extract(text))).toBe(false);
  });
});

describe('head count: membership formulas, rosters in terms of reference, survey respondents (review-c)', () => {
  it('multiplies the people sent by the bodies that send them', () => {
    expect(attendance('The assembly is made up of one tenant delegate from each of the borough\u2019s 22 estates.').max).toBe(22);
    expect(attendance('The council is the chair and secretary from each of the 30 branches.').max).toBe(60);
    expect(attendance('Two officers from each of the five districts come to the panel.').max).toBe(10);
  });
  it('does not count things that come from each body', () => {
    expect(attendance('A raffle prize from each of the 20 sponsors will be drawn.').kind).toBe('unknown');
  });
  it('counts who was present even in terms of reference, but not the quorum or the body it reports to', () => {
    const tor = 'Terms of reference\nThe group reports to the annual conference. Quorum: 20 members.\nPresent:\nMs A Khan\nMr B Osei\nDr C Li\nMs D Ryan\nMr E Novak\nMs F Park\nMr G Silva\n\nThe membership consists of staff.';
    const a = attendance(tor);
    expect(a.kind).toBe('stated');
    expect(a.max).toBe(7);
    expect(attendance('Terms of reference\nMembership consists of up to 20 members. A quorum is five.').kind).toBe('unknown');
  });
  it('reads a number before a list of describing words and the people ("30 local, regional and national partners")', () => {
    expect(count('The forum brought together our 25 or so most senior nursing, medical and finance leads.')?.max).toBe(25);
    expect(count('We expect 30 local, regional and national partners.')?.max).toBe(30);
    expect(count('It took 20 years of hard work and patience from parents.')).toBeUndefined();
  });
  it('does not take survey respondents for the people at the meeting', () => {
    expect(count('The committee will look at a survey that more than 200 parents answered.')).toBeUndefined();
    expect(count('About 200 parents are expected at the meeting to discuss the survey.')?.max).toBe(200);
  });
});

describe('"of them" counts the people just named only when they are said to come', () => {
  it('reads "there will be about 25 of them" as the head count, quoted with its qualifier', () => {
    const text = 'A session for the leadership team at the end of their away day; there will be about 25 of them.';
    expect(count(text)?.max).toBe(25);
    expect(attendance(text).evidence).toContain('about 25 of them');
  });
  it('does not read a share of a group as who comes', () => {
    expect(count('We surveyed 300 staff and 25 of them said they felt unheard.')).toBeUndefined();
  });
});
