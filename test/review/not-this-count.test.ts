import { describe, expect, it } from 'vitest';
import { extract } from '../../src/review/extract.js';
import { bodyAfterSuffix, countedOverAPeriod, listedSingles, notThisMeetingBefore } from '../../src/review/not-this-count.js';
import { parseCount } from '../../src/review/head-count.js';
import { sentences } from '../../src/review/text.js';

const count = (text: string) => parseCount(sentences(text));
const attendance = (text: string) => extract(text).attendance;

describe('numbers beside people that are not the meeting: the size of a body, a venue or a year', () => {
  it.each([
    'The network has 2,000 members. Its committee meets on Monday to plan the year.',
    'We are a company with 40+ people all over the world; the leadership team meets on Monday.',
    'A town of 20,000 people needs a plan, so the town council meets on Monday.',
    'The school has 900 pupils and 60 staff. The governors meet on Monday.',
    'Membership has grown to 150 members. The committee meets on Monday.',
    'The hall holds 200 people, and the committee meets there at 7pm.',
    'The village hall can seat 150. The parish council meets there on Monday.',
    'The theatre has a capacity of 500. The board meets in its studio on Monday.',
    'In 2019 members agreed a new plan. The working group meets on Tuesday.',
  ])('%s', (text) => {
    expect(count(text)).toBeUndefined();
    expect(attendance(text).kind).not.toBe('stated');
  });

  it('reads "a 5,000-person company" as the company, but a "130-person all-hands" as the meeting', () => {
    expect(count('We are a 5,000-person telecoms company.')).toBeUndefined();
    expect(count('Our monthly 130-person all-hands starts at nine.')?.max).toBe(130);
  });

  it('still reads the meeting\'s own numbers and bodies that meet as a whole', () => {
    expect(count('The committee has 15 members and meets monthly.')?.max).toBe(15);
    expect(count('Places are limited to 60.')?.max).toBe(60);
    expect(count('About 40 parents came to the school hall.')?.max).toBe(40);
    expect(count('Around 2000 people attended the rally.')?.max).toBe(2000);
    expect(count('The team of 25 executives met for two days.')?.max).toBe(25);
    expect(count('Shareholders: the trust has 55 shareholders and each may vote.')?.max).toBeUndefined();
    expect(count('55 shareholders will vote at the general meeting.')?.max).toBe(55);
  });

  it('judges only the words just before the number', () => {
    expect(notThisMeetingBefore('300', 'The charity employs over ')).toBe(true);
    expect(notThisMeetingBefore('2019', 'agreed in ')).toBe(true);
    expect(notThisMeetingBefore('2019', 'Around ')).toBe(false);
    expect(notThisMeetingBefore('40', 'We expect about ')).toBe(false);
    const s = 'a 300-person firm';
    expect(bodyAfterSuffix(s, s.indexOf(' firm'))).toBe(true);
  });
});

describe('people counted over a period or at another event', () => {
  it.each([
    'We trained over 500 people over the last two years. This workshop on Monday is for the project team.',
    'Some 1,200 residents have joined the scheme to date. The panel meets on Monday.',
    'Last year 200 people attended. The steering group meets on 3 May to plan the next one.',
  ])('%s', (text) => {
    expect(attendance(text).kind).not.toBe('stated');
  });

  it('still reads a count that looks ahead to this meeting', () => {
    expect(countedOverAPeriod('Last year 300 came; this year we expect 400 delegates.')).toBe(false);
    expect(count('Last year 300 came; this year we expect 400 delegates.')?.max).toBe(400);
  });
});

describe('single people count only as items of the same list', () => {
  it('adds "a school nurse" listed beside numbered people, not a chair named later in the sentence', () => {
    expect(count('Ten young carers, two teachers and a school nurse will come.')?.max).toBe(13);
    expect(count('About 10 tenants from the three blocks, our housing officer, the caretaker and a repairs supervisor.')?.max).toBe(13);
    expect(count('Getting 10 trustees in a room for a day is hard, and a good chair plans it.')?.max).toBe(10);
  });

  it('chains items through list glue only', () => {
    const s = '12 staff, a nurse and a porter';
    expect(listedSingles(s, [[0, 8]], [[10, 17], [22, 30]])).toBe(2);
    const t = '12 staff arrived early; later a nurse came';
    expect(listedSingles(t, [[0, 8]], [[30, 37]])).toBe(0);
  });
});

describe('a crowd inferred only from the kinds of event the guide names', () => {
  it('does not infer a crowd from a symposium or a convening (not a named kind)', () => {
    expect(attendance('Our spring symposium on 4 May looks at the future of work.').kind).toBe('unknown');
    expect(attendance('A convening on student wellbeing, 2 March, in the main building.').kind).toBe('unknown');
  });

  it('infers a crowd from a meeting for all parents or all staff (an open invitation to a whole body)', () => {
    expect(attendance('There will be a meeting on Friday at 11am for all parents.').kind).toBe('inferred');
    expect(attendance('A training day for all staff on 3 June.').kind).toBe('inferred');
    expect(attendance('The new policy is for all staff.').kind).toBe('unknown');
  });

  it('does not infer a crowd from an agenda item to hold or plan another event', () => {
    expect(attendance('Board agenda\n1. Minutes\n2. Hold a public forum on the nutrition plan\n3. Budget').kind).toBe('unknown');
    expect(attendance('- Plan the spring conference with the events team').kind).toBe('unknown');
    expect(attendance('We will hold a public meeting on 5 May in the library.').kind).toBe('inferred');
  });

  it('counts districts and countries that were invited, as it counts organisations', () => {
    expect(count('Thirteen to fourteen districts were invited to each workshop.')?.max).toBe(14);
  });
});

describe('numbers beside people that are a population, a ranking or a reach', () => {
  it.each([
    'Hunger affects more than 800 million people worldwide. Join our panel on Monday.',
    'The list of the top 50 chief executives was published this week; our working group meets on Friday.',
    'The alliance will present its demands to the minister, representing the views of 30,000 members.',
    'Over a 3-year period, 576 nurses took part in listening events across the trust.',
  ])('%s', (text) => {
    expect(attendance(text).kind).not.toBe('stated');
  });
});

describe('numbers that count something else: a share, things the event holds, a rate', () => {
  it('a bare number before "percent" or before sessions is not a head count', () => {
    expect(count('Public procurement accounts for up to 30 percent of spending. The seminar runs online.')).toBeUndefined();
    expect(count('Participants will contribute to approximately 30 breakout sessions over three days.')).toBeUndefined();
    expect(count('Up to 30 people can join the seminar.')?.max).toBe(30);
  });
  it('people counted per day or week are a workload, not who comes', () => {
    expect(count('We often hear this called 25 patients a day. Join our practice managers\' session.')).toBeUndefined();
    expect(count('The food bank feeds 40 families each week.')).toBeUndefined();
    expect(count('25 patients will join the session.')?.max).toBe(25);
  });
});
