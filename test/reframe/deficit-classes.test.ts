import { describe, expect, it } from 'vitest';
import { reframe } from '../../src/reframe/reframe.js';

describe('deficit framing: decline in plain words', () => {
  it.each([
    'Is local journalism going to the dogs?',
    'Why our bus network is falling apart',
    'Children’s services at breaking point',
    'The realities of recruiting social workers in rural areas',
    'The hard reality of funding youth clubs',
    'The truth about waiting lists',
  ])('%s is a deficit framing', (q) => {
    expect(reframe(q).deficit).toBe(true);
  });
  it('does not read "the practical realities of" inside a sentence as a deficit', () => {
    expect(reframe('A workshop on the practical realities of running a community garden together').deficit).toBe(false);
  });
});

describe('deficit framing: people as experts and procedure about a body', () => {
  it('reads people named as experts by experience as an aspiration', () => {
    expect(reframe('Experts by Experience: empowering tenants to lead the work on damp').deficit).toBe(false);
  });
  it('reads an item about a body named for a problem as procedure', () => {
    expect(reframe('Update - membership of the Town Partnership Against Knife Crime').deficit).toBe(false);
    expect(reframe('Tackling knife crime in the town centre').deficit).toBe(true);
  });
});

describe('deficit framing: how something got so bad, and people worn out', () => {
  it.each([
    'How did rents in the town centre get so high?',
    'How did a season ticket get so expensive?',
    'Is it too late to keep the lido open?',
    'Social workers are burned out: can we still keep them?',
    'Night staff feel overwhelmed and the ward is understaffed',
    'Youth clubs are underfunded',
  ])('%s is a deficit framing', (q) => {
    expect(reframe(q).deficit).toBe(true);
  });
  it('"how did it get so good" is not', () => {
    expect(reframe('How did the library garden get so lovely?').deficit).toBe(false);
  });
});

describe('deficit framing: a body named for a problem is a name, not the framing', () => {
  it.each([
    'Joining the Police and Crime Panel as a community member',
    'The Violence Reduction Unit\'s summer art programme for young people',
    'Welcome to new members of the Homelessness Partnership Board',
  ])('%s is not a deficit framing', (q) => {
    expect(reframe(q).deficit).toBe(false);
  });
  it('the problem named outside the body\'s name still is', () => {
    expect(reframe('Tackling violence in the night-time economy with the Violence Reduction Unit').deficit).toBe(true);
  });
});

describe('deficit framing: harms named by their domain word alone (issue 10, retired splits)', () => {
  it.each([
    'Vicarious trauma in front-line teams',
    'Hoarding in rented flats',
    'Precarity and short contracts in the arts',
    'Spotting cheating in online exams',
    'Misinformation in the parish newsletter',
    'Is the new timetable stressful for families?',
    'Busting myths about apprenticeships',
    'The rural-urban divide',
    'Hate on the high street',
  ])('%s is a deficit framing', (q) => {
    expect(reframe(q).deficit).toBe(true);
  });
  it('a zero-waste aim and a waste collection service are not', () => {
    expect(reframe('Zero waste picnics for the whole street').deficit).toBe(false);
    expect(reframe('Changes to garden waste collection days').deficit).toBe(false);
    expect(reframe('Food waste in school canteens').deficit).toBe(true);
  });
});

describe('deficit framing: campaigns, losses, the wrong way and what stands in the way', () => {
  it.each([
    'Save our village post office',
    'What would we stand to lose if the ferry stopped?',
    'Where have all the bell ringers gone?',
    'How not to chair a residents meeting',
    'Cleaning up the canal towpath',
    'Avoiding redundancies this winter',
    'What stands in the way of young carers getting a break?',
    'Councils letting down tenants on repairs',
    'Empty classrooms after half term',
    'Doing more with less in the youth service',
  ])('%s is a deficit framing', (q) => {
    expect(reframe(q).deficit).toBe(true);
  });
  it.each([
    'Let your hair down at the summer ceilidh',
    'How to save our favourite recipes in the new app',
    'What is the one question we keep avoiding?',
  ])('%s is not', (q) => {
    expect(reframe(q).deficit).toBe(false);
  });
});

describe('deficit framing: people supported or something kept up through a hard time', () => {
  it.each([
    'Supporting carers through stress and isolation',
    'Maintaining morale through redundancies and pay freezes',
  ])('%s is not a deficit framing', (q) => {
    expect(reframe(q).deficit).toBe(false);
  });
  it('supporting people against the problem itself still is', () => {
    expect(reframe('Supporting victims of domestic abuse').deficit).toBe(true);
  });
});
