/**
 * The plan's central framing: which sentences state the meeting's own theme, what in a sentence is
 * background, and how `decide` weighs a lone problem word against an aspiration. Sentences written for
 * these tests; facts built by hand for `decide`.
 */
import { describe, expect, it } from 'vitest';
import { decide, framedAroundDeficit } from '../../src/review/decide.js';
import type { PlanFacts } from '../../src/review/facts.js';
import { foreground, readCentralFraming, type FramingPart } from '../../src/review/framing.js';
import { parsePlan } from '../../src/review/plan.js';
import { candidateFlags } from '../../src/review/review.js';
import { invitationFacts } from './facts-fixture.js';

const flagged = (text: string): boolean => candidateFlags(text).includes('deficit-framing');

describe('foreground: background in a sentence is not its theme', () => {
  it.each([
    ['As schools face a recruitment crisis, the trust is holding its annual celebration of teaching.', 'recruitment crisis'],
    ['Against a backdrop of rising debt, the festival returns with music and food stalls.', 'rising debt'],
    ['The choir meets on Thursdays, as the town recovers from the floods.', 'floods'],
    ['If members fail to vote, the motion falls.', 'fail'],
    ['Heads face many pressures-from falling rolls to the funding shortfall-and the network meets to share ideas.', 'shortfall'],
    ['Heads face many pressures — from falling rolls to the funding shortfall — and the network meets to share ideas.', 'shortfall'],
  ])('%s', (sentence, gone) => {
    expect(foreground(sentence)).not.toContain(gone);
  });
  it('keeps the main clause', () => {
    expect(foreground('As winter comes, we meet to tackle fuel poverty on the estate.')).toContain('tackle fuel poverty');
  });
  it.each([
    'Governors meet to tackle problems together and plan the year.',
    'Training so staff can deal with the challenges of the job.',
    'She spent a week solving a real problem: the rota.',
    'Priorities are agreed for the panel to tackle in the coming months.',
  ])('a working verb with no problem named as its object frames nothing: %s', (sentence) => {
    expect(flagged(sentence)).toBe(false);
  });
  it('a working verb whose object names a problem still does', () => {
    expect(flagged('Residents meet to tackle fly-tipping in the lanes.')).toBe(true);
    expect(flagged('A session on how to solve the problem of late buses.')).toBe(true);
  });
});

describe('foreground: what the meeting is set against, and people named by what they live through (rdef)', () => {
  it.each([
    ['The summit will focus on answers rather than crises.', 'crises'],
    ['The board sets direction instead of dealing with daily complaints.', 'complaints'],
    ['The network supports people experiencing homelessness to shape the new housing plan.', 'homelessness'],
    ['The forum is open to families affected by flooding and to local traders.', 'flooding'],
    ['From pond dipping to a talk on the litter crisis, the open day had something for all.', 'crisis'],
    ['The panel shares lessons from towns that made real progress in reducing knife crime.', 'knife crime'],
  ])('%s', (sentence, gone) => {
    expect(foreground(sentence)).not.toContain(gone);
  });
  it('keeps a problem the meeting is about', () => {
    expect(foreground('We meet to end homelessness in the borough, not to admire it.')).toContain('homelessness');
    expect(foreground('Residents meet about rising crime rather than about parking.')).toContain('rising crime');
  });
});

describe('the central framing: title, opening, stated aim and question', () => {
  const part = (text: string, role: FramingPart['role']): FramingPart => ({ text, role });
  it('a problem named once in a detail sentence is not the theme', () => {
    const parts = [part('Allotment society open day', 'title'), part('Come and see the plots on Saturday.', 'opening'), part('Bring gloves to deal with the brambles and weeds.', 'found')];
    expect(readCentralFraming(parts).deficit).toEqual([]);
  });
  it('the same problem in the title is', () => {
    expect(readCentralFraming([part('Tackling vandalism at the allotments', 'title')]).deficit.length).toBeGreaterThan(0);
  });
  it('a stated aim is central wherever it stands', () => {
    const parts = [part('Parish meeting', 'title'), part('Tuesday 7pm in the village hall.', 'opening'), part('The aim is to reduce speeding on the high street.', 'aim')];
    expect(readCentralFraming(parts).deficit.length).toBeGreaterThan(0);
  });
  it('a problem the framing returns to in two sentences is the theme', () => {
    const parts = [part('Parish meeting', 'title'), part('Tuesday 7pm in the village hall.', 'opening'), part('Police will report on burglaries.', 'found'), part('Discuss the burglaries on Mill Lane.', 'lead')];
    expect(readCentralFraming(parts).deficit.length).toBeGreaterThan(0);
  });
  it('quotes the aspiration words of the central sentences', () => {
    expect(readCentralFraming([part('A better future for the high street after the floods', 'title')]).aspiration).toContain('better');
  });
  it('a stated purpose found later in a plan is an aim', () => {
    const plan = parsePlan('Harbour forum\nThursday 6pm, the boat house.\nRefreshments provided.\nThe purpose of the forum is to reduce vandalism on the quay.');
    expect(plan.framingParts.find((p) => p.text.includes('vandalism'))?.role).toBe('aim');
    expect(plan.deficit.length).toBeGreaterThan(0);
  });
  it('a sign-off is not part of the framing', () => {
    const plan = parsePlan('Subject: responding to the fall in survey scores\nDear all,\nThe staff meeting is on Wednesday at 1pm in room 4.\nBest wishes,\nSam');
    expect(plan.framingParts.map((p) => p.text)).not.toContain('Best wishes,');
    expect(plan.aspiration).toEqual([]);
    expect(flagged('Subject: responding to the fall in survey scores\nDear all,\nThe staff meeting is on Wednesday at 1pm in room 4.\nBest wishes,\nSam')).toBe(true);
  });
  it('an agenda framed by one item among many is not framed around it', () => {
    const agenda = 'Staff day\n- Welcome\n- Tackling late homework\n- Curriculum planning\n- Sports day rota\n- Library refit';
    expect(flagged(agenda)).toBe(false);
  });
  it('an agenda whose items are mostly problems is', () => {
    expect(flagged('Ward panel\n- Burglary update\n- Speeding on Mill Lane\n- Fly-tipping behind the shops')).toBe(true);
  });
});

/** Facts for an invitation whose framing is given; nothing else known. */
function facts(framing: Partial<PlanFacts['framing']>): PlanFacts {
  return invitationFacts({
    purpose: { stated: 'unknown', evidence: [] },
    framing: { text: null, deficit: false, evidence: [], ...framing } as PlanFacts['framing'],
    words: 60,
  });
}
const ids = (f: PlanFacts): string[] => decide(f).map((d) => d.id);

describe('decide: framed around a problem, not an aspiration', () => {
  it('one problem word and no aspiration is a deficit framing', () => {
    expect(ids(facts({ deficit: true, evidence: ['knife crime'] }))).toEqual(['deficit-framing']);
  });
  it('one problem word beside an aspiration is framed around the aspiration', () => {
    const f = facts({ deficit: true, evidence: ['problems'], aspiration: ['together'] });
    expect(framedAroundDeficit(f)).toBe(false);
    expect(ids(f)).toEqual([]);
  });
  it('two problems outweigh an aspiration word', () => {
    expect(ids(facts({ deficit: true, evidence: ['Tackling', 'loneliness'], aspiration: ['better'] }))).toEqual(['deficit-framing']);
  });
  it('a deficit with no quoted evidence is unknown and raises nothing', () => {
    expect(ids(facts({ deficit: true, evidence: [] }))).toEqual([]);
  });
  it('old facts without aspiration words still read as before', () => {
    const f = facts({ deficit: true, evidence: ['poor attendance'] });
    expect(f.framing.aspiration).toEqual([]);
    expect(framedAroundDeficit(f)).toBe(true);
  });
});

describe("a standing body's name and the aims a framing names by a noun (rreps2)", () => {
  const part = (text: string, role: FramingPart['role']): FramingPart => ({ text, role });
  it.each([
    ['The Northtown Alliance To End Rough Sleeping met in the library on Monday.', 'Rough Sleeping'],
    ['Minutes were sent to the County Working Group on Preventing Fuel Poverty.', 'Fuel Poverty'],
    ['Tackling Loneliness Partnership Board meeting, March', 'Loneliness'],
  ])("a body's proper name says who, not the theme: %s", (sentence, gone) => {
    expect(foreground(sentence)).not.toContain(gone);
  });
  it("an event's name is still read", () => {
    expect(foreground('Welcome to the Rough Sleeping Summit 2025.')).toContain('Rough Sleeping');
    expect(flagged('Rough Sleeping Summit\nA day for the county to agree how to end rough sleeping.')).toBe(true);
  });
  it.each([
    ['Lunchtime sessions on stress at work, for our Staff Wellbeing month', 'Wellbeing'],
    ['The panel exists to build confidence in how incidents are handled', 'confidence'],
    ['Shaping the future of the high street after years of decline', 'future'],
  ])('an aim named by a noun is an aspiration beside a lone problem: %s', (title, word) => {
    const central = readCentralFraming([part(title, 'title')]);
    expect(central.deficit.length).toBe(1);
    expect(central.aspiration).toContain(word);
  });
  it('a noun inside the problem phrase is not an aim', () => {
    expect(readCentralFraming([part('Poor quality repairs on the estate', 'title')]).aspiration).toEqual([]);
    expect(flagged('Poor quality repairs on the estate\nTenants meet with the repairs team on Monday at 6pm.')).toBe(true);
  });
  it('a body called a Trust is no aim', () => {
    expect(readCentralFraming([part('Falls in the NHS Trust wards', 'title')]).aspiration).toEqual([]);
  });
});
