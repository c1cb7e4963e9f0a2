/**
 * Deficit framing read from a plan and from a question: the classes of words that named no deficit at the
 * centre (a method's name, problems paired with opportunities, a qualifier with no noun, a host's proper
 * name, the meeting's own arrangements) and harms named as the subject, in sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { reframe } from '../../src/reframe/reframe.js';
import { parsePlan } from '../../src/review/plan.js';

const planDeficit = (text: string): string[] => parsePlan(text).deficit;

describe('deficit framing: words that name no deficit at the centre', () => {
  it.each([
    'A creative problem-solving session for the new allotment committee',
    'Librarians meet to tackle the issues and opportunities of the next five years',
    'Challenges and opportunities for village halls after the pandemic',
    'Remote working: the good, the bad and what comes next',
  ])('%s is not a deficit framing', (q) => {
    expect(reframe(q).deficit).toBe(false);
  });
  it('a problem named beside an opportunity still counts when it is also tackled on its own', () => {
    expect(reframe('Tackling fuel poverty: issues and opportunities for housing officers').deficit).toBe(true);
  });
});

describe('deficit framing of a plan: a host\'s name and the meeting\'s arrangements are not its theme', () => {
  it('a body named for a problem hosting a fun day', () => {
    expect(planDeficit('Summer fun day for families on Saturday 12 July. Hosted by the Office of the Police and Crime Commissioner, with music, games and a picnic in the park.')).toEqual([]);
  });
  it('the same problem as the theme is still read', () => {
    expect(planDeficit('Public meeting on Saturday 12 July about rising knife crime in the town centre and what to do about it.').length).toBeGreaterThan(0);
  });
  it('a meeting put off for a sad reason', () => {
    expect(planDeficit('Garden party planning meeting. It was postponed after the death of our treasurer and is now on Tuesday 3 June at 7pm in the church room.')).toEqual([]);
  });
  it('fewer meetings in future is an arrangement, not a framing', () => {
    expect(planDeficit('Staff meetings this term. We have decided to reduce the number of meetings so teachers have more time to plan lessons together.')).toEqual([]);
  });
});

describe('deficit framing: harms named as the subject', () => {
  it.each([
    'How can we keep older people safe from scams?',
    'A workshop for shop owners on spotting modern slavery in supply chains',
    'What should the school do about bullying at the bus stop?',
    'Harassment on late-night trains',
  ])('%s is a deficit framing', (q) => {
    expect(reframe(q).deficit).toBe(true);
  });
});

describe('deficit framing: a task tackled is not a problem tackled', () => {
  it.each([
    'This term we tackled the parents\' evening differently, starting with everyone in the hall',
    'Volunteers will tackle the agenda in two halves with a break for tea',
  ])('%s is not a deficit framing', (q) => {
    expect(reframe(q).deficit).toBe(false);
  });
  it('tackling a problem still is', () => {
    expect(reframe('How can we tackle loneliness among older men?').deficit).toBe(true);
  });
});
