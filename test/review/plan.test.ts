import { describe, expect, it } from 'vitest';
import { parsePlan, planFromForm } from '../../src/review/plan.js';
import { parseDuration } from '../../src/review/durations.js';
import { parseCount } from '../../src/review/head-count.js';
import { parseNumber, parseRange } from '../../src/review/numbers.js';
import { cleanText, sentences } from '../../src/review/text.js';

const count = (text: string) => parseCount(sentences(text));
const minutes = (text: string) => parseDuration(text)?.minutes;

describe('numbers', () => {
  it('reads digits, words and vague amounts', () => {
    expect(parseNumber('40')).toBe(40);
    expect(parseNumber('forty')).toBe(40);
    expect(parseNumber('forty-five')).toBe(45);
    expect(parseNumber('two hundred')).toBe(200);
    expect(parseNumber('a dozen')).toBe(12);
    expect(parseNumber('1,200')).toBe(1200);
    expect(parseNumber('banana')).toBeUndefined();
  });
  it('reads ranges', () => {
    expect(parseRange('30-40')).toEqual({ min: 30, max: 40 });
    expect(parseRange('8 to 10')).toEqual({ min: 8, max: 10 });
    expect(parseRange('100+')).toEqual({ min: 100, max: 100 });
  });
});

describe('head count', () => {
  it.each([
    ['About forty people.', 40, 40],
    ['Expected 60-80 people.', 60, 80],
    ['Up to 100 delegates from partner agencies.', 100, 100],
    ['A dozen parents and the head.', 12, 12],
    ['Monthly forum: 8 to 10 nurses, one hour.', 8, 10],
    ['Team of ~20 ppl', 20, 20],
    ['expecting 100+', 100, 100],
    ['We expect about 12 people.', 12, 12],
  ])('%s', (text, min, max) => {
    expect(count(text)).toMatchObject({ min, max });
  });
  it('adds up a breakdown, including single named people', () => {
    expect(count('Ten young carers, two teachers, a school nurse and a young carers\' service worker.')?.max).toBe(14);
  });
  it('prefers a stated total over its breakdown', () => {
    expect(count('Eight people: two receptionists, a practice manager, two GPs, a nurse, and two patients.')?.max).toBe(8);
  });
  it('multiplies "from each" and adds "plus"', () => {
    expect(count('Six people from each organisation, plus four patients and carers.')?.max).toBe(16);
  });
  it('ignores table sizes, times and durations', () => {
    expect(count('Round tables of eight, 10:00-12:00, 2 hours.')).toBeUndefined();
    expect(count('Breakout rooms of five people.')).toBeUndefined();
  });
});

describe('duration', () => {
  it.each([
    ['10:00-12:00', 120],
    ['9.30-11', 90],
    ['1.30-3.30pm in the hall', 120],
    ['10am-3pm', 300],
    ['Saturday 10-1', 180],
    ['2 hours', 120],
    ['90 mins', 90],
    ['45mins', 45],
    ['1hr', 60],
    ['an hour and a half', 90],
    ['two and a half hours', 150],
    ['half an hour', 30],
    ['half a day', 210],
    ['all day', 420],
    ['A full day off-site', 420],
  ])('%s is %i minutes', (text, expected) => {
    expect(minutes(text)).toBe(expected);
  });
  it('does not read a start time alone as a length', () => {
    expect(minutes('Public meeting, 7pm at the village hall.')).toBeUndefined();
  });
  it('does not read a head count range as a time', () => {
    expect(minutes('8 to 10 nurses')).toBeUndefined();
  });
  it('takes the whole meeting over a part of it, and sums a timed agenda', () => {
    expect(minutes('45 minutes. An update followed by 10 minutes of questions.')).toBe(45);
    expect(minutes('Welcome (10 mins), talk (20 mins), questions (15 mins)')).toBe(45);
  });
});

describe('parsePlan', () => {
  it('finds invitees, levels and the people the issue is about', () => {
    const plan = parsePlan('Multi-agency meeting on reducing readmissions of frail elderly patients. Attendees: the discharge team leads from the hospital and community nursing managers. 90 minutes.');
    expect(plan.invitees.stated).toBe(true);
    expect(plan.invitees.levels).toEqual(['middle']);
    expect(plan.concerns.map((c) => c.group)).toContain('patients');
    expect(plan.invitees.groups).toEqual([]);
    expect(plan.durationMinutes).toBe(90);
  });
  it('does not count speakers as participants', () => {
    const plan = parsePlan('Housing conference. Keynote from the minister, two panels of housing association chief executives. Places for 400 delegates.');
    expect(plan.invitees.roles).toEqual([]);
    expect(plan.invitees.stated).toBe(false);
  });
  it('reads presentation and conversation cues', () => {
    const plan = parsePlan('A short opening talk, then mostly conversation in small groups.');
    expect(plan.format.conversationWeight).toBeGreaterThan(plan.format.presentationWeight);
  });
  it('reads representatives, and "as themselves" as the opposite', () => {
    expect(parsePlan('Each partner is asked to nominate two delegates.').representatives.length).toBeGreaterThan(0);
    expect(parsePlan('People come as themselves rather than as representatives.').representatives).toEqual([]);
  });
  it('reads follow-up, room and online cues', () => {
    const plan = parsePlan('Online on Zoom. We will sign off the draft, then meet again monthly. Round tables.');
    expect(plan.after.length).toBeGreaterThan(0);
    expect(plan.setting.online).toContain('Zoom');
    expect(plan.setting.room.length).toBeGreaterThan(0);
  });
});

describe('planFromForm', () => {
  it('maps form fields to the same model, reading bare numbers in the field unit', () => {
    const plan = planFromForm({ question: 'How do we make this a good place to grow up in?', who: 'young people, youth workers, two councillors', howMany: '30', howLong: '2', after: 'monthly group' });
    expect(plan.question).toBe('How do we make this a good place to grow up in?');
    expect(plan.count?.max).toBe(30);
    expect(plan.durationMinutes).toBe(120);
    expect(plan.invitees.groups.map((g) => g.name)).toContain('young people');
    expect(plan.after).toContain('monthly group');
  });
  it('treats "nothing yet" after as nothing', () => {
    expect(planFromForm({ question: 'What is it like to start here?', howMany: '8', after: 'nothing yet' }).after).toEqual([]);
  });
});

describe('cleanText', () => {
  it('strips markdown to text', () => {
    const { text } = cleanText('# Plan\n\n**Who:** [residents](https://x.org) and _tenants_\n* 2 hours\n`code`');
    expect(text).toContain('Who: residents and tenants');
    expect(text).toContain('- 2 hours');
    expect(text).not.toMatch(/[*#`]/);
  });
  it('caps very long input', () => {
    const { text, truncated } = cleanText('word '.repeat(10_000));
    expect(truncated).toBe(true);
    expect(text.length).toBeLessThanOrEqual(20_000);
  });
});
