import { describe, expect, it } from 'vitest';
import { reframe } from '../../src/reframe/reframe.js';

describe('deficit framing: why-questions about something falling away', () => {
  it.each([
    'Why is attendance at the youth club falling?',
    'Why has footfall on Market Street dropped since spring?',
    'Why are fewer parents coming to the summer fair?',
    'Why do our building projects keep overrunning?',
    'Why are allotment waiting lists still growing?',
    'The reasons why tenants do not report repairs',
    'Why young carers don\'t ask for help',
  ])('%s is a deficit framing', (q) => {
    expect(reframe(q).deficit).toBe(true);
  });
  it.each([
    'Why not join us for the harvest supper?',
    'Why do people love the riverside walk?',
    'Why do neighbours choose to volunteer at the food bank?',
  ])('%s is not', (q) => {
    expect(reframe(q).deficit).toBe(false);
  });
});

describe('deficit framing: what stands in the way, and what goes wrong', () => {
  it.each([
    'What is stopping families from using the children\'s centre?',
    'What gets in the way of good handovers?',
    'What is going wrong with the bin collection rota?',
    'How can we stop customers abandoning their baskets?',
  ])('%s is a deficit framing', (q) => {
    expect(reframe(q).deficit).toBe(true);
  });
});

describe('deficit framing: decline, loss and cuts named', () => {
  it.each([
    'The decline of the village pub',
    'Choirs in decline: what now?',
    'Dwindling congregations and dying chapels',
    'A once-bustling arcade',
    'Losing experienced nurses to agencies',
    'Why good apprentices quit in their first year',
    'Fewer and fewer students choosing music',
    'Proposed cuts to the mobile library',
    'Finding £2m of savings in highways',
    'Rent arrears and missed appointments at the housing office',
    'Alarming vacancy figures in social work',
  ])('%s is a deficit framing', (q) => {
    expect(reframe(q).deficit).toBe(true);
  });
  it.each([
    'Caring for dying patients and their families at home',
    'Staff leaving party for Sam on Friday',
    'Annual leave and staff leave policy update',
    'Please decline the calendar invitation if you cannot attend',
  ])('%s is not', (q) => {
    expect(reframe(q).deficit).toBe(false);
  });
});

describe('deficit framing: a problem recast as something good, or both poles named', () => {
  it.each([
    'Complaints are a gift: learning from our tenants',
    'Mistakes as learning opportunities in the lab',
    'Turning problems into projects with the youth forum',
    'Hybrid meetings: good or bad idea?',
  ])('%s is not a deficit framing', (q) => {
    expect(reframe(q).deficit).toBe(false);
  });
  it('a complaint named without being recast still is', () => {
    expect(reframe('Complaints about the new parking scheme').deficit).toBe(true);
  });
});

describe('who might be missing is scoped by the framing\'s setting', () => {
  const OUTSIDERS = /community groups|faith groups|local businesses/;
  it.each([
    'Why do new starters leave within their first year?',
    'Why are our engineers missing sprint deadlines?',
    'Why is nobody using the new intranet?',
    'Why don\'t people fill in their timesheets on Fridays?',
    'Why are so few women applying for our engineering roles?',
    'Reducing absenteeism in the warehouse',
  ])('an internal workplace question, "%s", is not missing the community', (q) => {
    const missing = reframe(q).whoMightBeMissing;
    expect(missing.join(' ')).not.toMatch(OUTSIDERS);
    expect(missing.join(' ')).toMatch(/other teams and levels/);
  });
  it('a workplace word beside the people served keeps the community in view', () => {
    expect(reframe('Why are residents not using the new online forms our staff built?').whoMightBeMissing.join(' ')).toMatch(OUTSIDERS);
    expect(reframe('What is stopping households from recycling glass?').whoMightBeMissing.join(' ')).toMatch(OUTSIDERS);
  });
  it('people leaving a job are a workplace question, with workplace rewrites', () => {
    for (const q of ['Why do new starters leave within their first year?', 'Losing experienced midwives to agency work']) {
      const r = reframe(q);
      expect(r.whoMightBeMissing.join(' ')).toMatch(/recently joined, and people who have recently left/);
      expect(r.suggestions.join(' ')).toMatch(/love to work/);
    }
    expect(reframe('Why do volunteers quit the befriending scheme?').suggestions.join(' ')).not.toMatch(/love to work/);
  });
  it('a workforce role beside the people served keeps them as who is missing', () => {
    expect(reframe('Why don\'t patients trust agency nurses?').whoMightBeMissing.join(' ')).toMatch(/patients/);
  });
  it('"people" on its own is not offered as who is missing', () => {
    expect(reframe('Why don\'t people fill in their timesheets on Fridays?').whoMightBeMissing).not.toContain('people');
  });
});

describe('deficit framing: harms named without a problem verb', () => {
  it.each([
    'Food insecurity in rural parishes',
    'Self-harm among care leavers',
    'Cyberbullying and group chats',
    'Dog fouling on the playing field',
    'Potholes on the B road',
    'Noise nuisance from the late bar',
    'Air pollution at the school gate',
    'Flooding on Riverside Close',
    'Drink driving over the festive season',
    'Non-payment of ground rent',
    'Illegal parking on the zig-zags',
    'Apprenticeship withdrawal rates by sector',
  ])('%s is a deficit framing', (q) => {
    expect(reframe(q).deficit).toBe(true);
  });
});

describe('deficit framing: less of something, or something done about it', () => {
  it.each([
    'Minimising paper use in the council offices',
    'Lowering the number of emergency readmissions',
    'What should we do about the pigeons on the bridge?',
    'What can be done about late buses?',
    'Have older readers been left behind by the library app?',
    'Is the seaside town dying?',
    'The reasons so many trainees drop out',
  ])('%s is a deficit framing', (q) => {
    expect(reframe(q).deficit).toBe(true);
  });
  it.each([
    'Making sure no one is left behind as services go online',
    'Leave no one behind: our inclusion pledge',
    'Leaving the car behind: walk to school week',
    'Reasons to be proud of our high street',
    'Welcome lunch on the lower level of the museum',
    'Drop-in session. Please note that to minimise queues we ask you to book a slot.',
  ])('%s is not', (q) => {
    expect(reframe(q).deficit).toBe(false);
  });
});

describe('deficit framing: neutral nouns whose core is a problem', () => {
  it.each([
    'Winter pressures on the community nursing team',
    'Skills gaps in green construction',
    'Vacancy rates in home care',
    'Void properties and empty homes in the district',
    'Disrepair and overcrowding in private lets',
    'Work-related stress in the contact centre',
    'Anxiety before exams',
    'Loan sharks and household debt',
    'Gambling harms in our town',
    'Recruitment difficulties in rural pharmacies',
    'Pupil lateness after the timetable change',
    'How do we get fewer people calling in sick on Mondays?',
    'Why does it take so long to answer a housing enquiry?',
  ])('%s is a deficit framing', (q) => {
    expect(reframe(q).deficit).toBe(true);
  });
  it.each([
    'Supporting patients with hearing difficulties at the front desk',
    'Filling the data gaps before the database goes live',
    'How do we plan for next year under real financial pressure, and still try new things?',
    'Why do some nurses stay on the same ward for so long?',
    'Stress-free tips for planning a street party',
  ])('%s is not', (q) => {
    expect(reframe(q).deficit).toBe(false);
  });
});

describe('deficit framing: idioms whose problem word names no problem', () => {
  it.each([
    'Launch of the Summer Reading Challenge at the library',
    'A step count challenge for the whole office',
    'Rising stars: young volunteers\' awards evening',
    'Breaking bread together: a shared supper',
    'Cutting the ribbon on the new skate park',
  ])('%s is not a deficit framing', (q) => {
    expect(reframe(q).deficit).toBe(false);
  });
  it('a challenge facing someone still is', () => {
    expect(reframe('The biggest challenge facing village shops').deficit).toBe(true);
  });
});
