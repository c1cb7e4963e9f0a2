import { describe, expect, it } from 'vitest';
import { deficitSigns, detectDeficit } from '../../src/reframe/deficit.js';
import { reframe } from '../../src/reframe/reframe.js';

const deficit = (q: string): boolean => reframe(q).deficit;

describe('general deficit vocabulary: shortfalls and harms named in plain words', () => {
  it.each([
    'Obstacles facing first-time founders',
    'Pay disparities between departments',
    'The hidden burden of unpaid overtime',
    'Layoffs and what comes next',
    'Redundancies in the finance team',
    'What concerns do you have about the new car park?',
    'Trustees under pressure',
    'Our lives on hold',
    'How much time do we waste in meetings?',
    'Anti-bullying week assembly',
    'Managing disruptive behaviour in the library',
    'The climate emergency',
    'Patients waiting too long for a GP',
    'Why our building projects run over budget',
    'Loss of green space in the north ward',
    'Residents feel ignored by the housing office',
    'Missed bin collections on the estate',
    'Why is nobody coming to the tenants forum?',
    'What is holding our apprentices back?',
  ])('%s is a deficit framing', (q) => {
    expect(deficit(q)).toBe(true);
  });
});

describe('general deficit vocabulary: morphology', () => {
  it.each([
    'Unmet needs among older drivers',
    'Unsafe crossings near the primary school',
    'Unkept promises on the regeneration scheme',
    'Addressing the underrepresentation of women on the board',
    'Underfunding of rural bus routes',
    'Non-completion of probation reviews',
    'Misuse of the staff car park',
    'Growing distrust between teams',
  ])('%s is a deficit framing', (q) => {
    expect(deficit(q)).toBe(true);
  });
  it.each([
    'Support for unpaid carers in Hexham',
    'Outreach to underserved neighbourhoods',
    'Meeting the needs of the underserved',
    'Welcoming unemployed people to the job club',
  ])('%s names who, not a problem: not a deficit framing', (q) => {
    expect(deficit(q)).toBe(false);
  });
});

describe('general deficit vocabulary: a negated working verb', () => {
  it.each([
    'Our rota does not work',
    'What didn’t work this sprint?',
    'Volunteers are not thanked',
    'Half the class does not hand homework in',
    'The cost of not finishing induction',
  ])('%s is a deficit framing', (q) => {
    expect(deficit(q)).toBe(true);
  });
  it.each([
    'Don\'t miss the summer fete!',
    'You are not alone: a carers coffee morning',
    'Not just a library: a place to meet',
    'Please let us know if you cannot attend the AGM',
    'Things you did not know about our town hall',
  ])('%s is not', (q) => {
    expect(deficit(q)).toBe(false);
  });
});

describe('general deficit vocabulary: problem words that frame nothing', () => {
  it.each([
    'Our complaints procedure: a review of the wording',
    'What does a hunger-free Leeds look like?',
    'Building a future free of fear',
    'Talking about death and dying over tea',
    'Community litter pick on Saturday morning',
    'Police and crime commissioner public meeting',
    'Emergency food provision: who to call',
    'Declarations of conflicts of interest',
    'How to Identify and Improve Wellbeing In Your Team',
  ])('%s is not a deficit framing', (q) => {
    expect(deficit(q)).toBe(false);
  });
  it('title case does not hide a problem inside a name-like phrase', () => {
    expect(deficit('How To Identify And Improve Low Morale In Your Team')).toBe(true);
  });
});

describe('the general vocabulary is for questions and titles only', () => {
  it('a plan framing sentence is read without it', () => {
    const text = 'Please raise any concerns with the organisers before the day.';
    expect(detectDeficit(text).deficit).toBe(false);
    expect(detectDeficit(text, { general: true }).deficit).toBe(true);
  });
  it('quotes evidence as the text has it, curly apostrophes included', () => {
    const { evidence } = deficitSigns('What didn’t work for the night shift?', { general: true });
    expect(evidence.some((e) => 'What didn’t work for the night shift?'.includes(e) && e.includes('didn’t'))).toBe(true);
  });
});

describe('who might be missing, and the rewrites, for the new kinds of question', () => {
  it.each([
    'How do we handle the redundancies in the sales team?',
    'Is the restructure hurting our projects?',
    'Why do our sprints keep slipping?',
  ])('%s is internal: no community reminder', (q) => {
    const r = reframe(q);
    expect(r.whoMightBeMissing.join(' ')).not.toMatch(/faith groups/);
    expect(r.whoMightBeMissing.join(' ')).toMatch(/other teams and levels/);
  });
  it('the words that carry the problem are not read as a place', () => {
    const r = reframe('Our plans on hold');
    expect(r.deficit).toBe(true);
    expect(r.suggestions.join(' ')).not.toMatch(/on hold/i);
  });
});

describe('general deficit vocabulary: more of the plain words and the question grammar', () => {
  it.each([
    'Tackling the stigma of hearing aids',
    'Glitches in the new booking system',
    'Calls missed by the out-of-hours team',
    'They\'re not reading the noticeboard',
    'What worries you about the new bus timetable?',
    'What causes the queues at the pharmacy?',
    'The root causes of late invoices',
  ])('%s is a deficit framing', (q) => {
    expect(deficit(q)).toBe(true);
  });
  it.each([
    'Raising money for good causes this Christmas',
    'What makes our allotments special?',
  ])('%s is not', (q) => {
    expect(deficit(q)).toBe(false);
  });
});

describe('evidence reads as a stretch of the question', () => {
  it('joins phrases that overlap or touch', () => {
    expect(reframe('Why are staff not completing their induction?').evidence).toEqual(['Why are staff not completing']);
    expect(reframe('Reducing knife crime near the station').evidence[0]).toBe('Reducing knife crime');
  });
});

describe('the place in the rewrites', () => {
  it('is not a capitalised phrase in a title-case title, nor something "on" that is not a street', () => {
    expect(reframe('Report on Staff Turnover').suggestions.join(' ')).not.toMatch(/Staff Turnover/);
    expect(reframe('Why do people miss the meetings on the schedule?').suggestions.join(' ')).not.toMatch(/on the schedule/);
  });
  it('is still a named street, estate or town', () => {
    expect(reframe('Fly-tipping on the Broadwater estate').suggestions[0]).toMatch(/the Broadwater estate/);
    expect(reframe('Why is footfall falling in Ripon?').suggestions[0]).toMatch(/in Ripon/);
  });
  it('a university named in passing does not make a question about students leaving', () => {
    expect(reframe('Tackling health disparities with a university partner').whoMightBeMissing.join(' ')).not.toMatch(/students/);
  });
});

describe('why people leave, and exclusion as procedure', () => {
  it.each(['why nurses are leaving the ward', 'Three volunteers on why they are quitting'])('%s is a deficit framing', (q) => {
    expect(deficit(q)).toBe(true);
  });
  it.each(['Why leaving a legacy to the museum matters', 'Exclusion of staff governors from pay discussions'])('%s is not', (q) => {
    expect(deficit(q)).toBe(false);
  });
});
