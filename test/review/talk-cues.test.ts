import { describe, expect, it } from 'vitest';
import { extract } from '../../src/review/extract.js';

const format = (text: string) => extract(text).format;

describe('talk cues: more of the ways a programme of talks is told', () => {
  it.each([
    'Three panelists will debate the future of the high street.',
    'The session has two presenters from the housing team.',
    'Parents will hear directly from the head about the new timetable.',
    'All your questions will be answered by the project team.',
    'There will be a chance for residents to ask questions.',
    'We will leave time for questions at the end.',
    'The evening opens with an update from the chief executive.',
    'The meeting will tell you all about the new parking scheme.',
    'The evening ends with a question-and-answer session with the panel.',
    'A Question and Answer session follows.',
  ])('%s', (text) => {
    expect(format(text).talk).toBeGreaterThan(0);
  });
  it('does not read the hosts asking questions of the public as a question-and-answer session', () => {
    expect(format('It will give the council a chance to ask questions of the public.').talk).toBe(0);
  });
});

describe('conversation cues: words that are not conversation among participants', () => {
  it.each([
    'Note that all attendees are in listen-only mode.',
    'The director will share her reflections on the first year.',
    "I'll share the plan on the blog next month.",
    'Case studies will share good practice from two schools.',
    'Mental health is at the centre of a national conversation.',
    'The event aims to further the conversation about air quality.',
    'The board will tell us how the budget was set.',
    'The author tells the full story of the river.',
    'Retention is a hot topic in higher education circles.',
  ])('%s', (text) => {
    expect(format(text).conversation).toBe(0);
  });
  it.each([
    'Tenants will share their experiences of the repairs service.',
    'Come and tell us what you think of the park.',
    'We will sit in small circles of six.',
    'People bring stories from their own work.',
    'The evening is a conversation over coffee.',
  ])('still reads: %s', (text) => {
    expect(format(text).conversation).toBeGreaterThan(0);
  });
});

describe('talk cues: the event\'s own kind named again is one format', () => {
  it('counts a town hall named three times once', () => {
    const f = format('Town hall meetings are where people come to discuss local issues. Our town hall is on 3 May at 6pm. See you at the town hall meeting.');
    // Named once, the kind weighs the same (its cue, and once more as the event's own kind: see format.test.ts).
    expect(f.talk).toBe(format('Town hall meetings are where people come to discuss local issues. Ours is on 3 May at 6pm.').talk);
    expect(f.talk).toBeLessThanOrEqual(2);
  });
  it('still counts different talks separately', () => {
    expect(format('The seminar opens with a keynote, then a panel of three experts takes questions from the floor.').talk).toBeGreaterThanOrEqual(3);
  });
});
