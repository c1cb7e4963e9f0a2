import { describe, expect, it } from 'vitest';
import { reframe } from '../../src/reframe/reframe.js';
import { framingClass } from './framing-class.js';

/*
 * Error classes found on framings nobody had tuned on (test/review/corpus/framings/fgen.jsonl, issue 10).
 * Each class has a case it must read as a deficit and one it must not; none is a corpus record.
 */
const deficit = (q: string): boolean => reframe(q).deficit;

describe('a condition taught, or a life lived with it, is not the frame (problems.ts)', () => {
  it.each(['Dementia course for family members', 'Learning to live with depression', 'Stroke education evening'])('%s is not a deficit', (q) => {
    expect(deficit(q)).toBe(false);
  });
  it('still reads a condition named as the subject', () => {
    expect(deficit('Depression among farmers')).toBe(true);
  });
});

framingClass('doing it wrong and no longer working (lexicon.ts)', [
  { deficit: true, label: '%s is a deficit framing', cases: [
    'Where did we get it wrong on the bypass?',
    'Our intranet no longer works for remote staff',
    'What new managers do wrong',
    'From bad to worse: the state of our roads',
  ] },
  { deficit: false, label: '%s is praise or housekeeping, not a deficit', cases: [
    'You can’t go wrong with a shared lunch',
    'We will no longer meet on Tuesdays',
  ] },
]);

framingClass('harms named by their plain word (problems.ts, lexicon.ts)', [
  { deficit: true, label: '%s names a problem', cases: [
    'Staff exhaustion after the winter',
    'Peer pressure and the move to secondary school',
    'Fires on the allotments',
    'What is the worst part of your commute?',
  ] },
  { deficit: false, label: '%s names none', cases: ['Fire safety open day', 'Fireside chat with the chief executive'] },
]);

describe('a challenge paired with another event is an activity (deficit.ts)', () => {
  it('reads a quiz-and-challenge afternoon as an event', () => {
    expect(deficit('Maths quiz and challenge afternoon')).toBe(false);
  });
  it('still reads a challenge that is a difficulty', () => {
    expect(deficit('The challenge of rural bus services')).toBe(true);
  });
});

describe('a reporting procedure is named for what it reports (lexicon.ts PROCESS_NAMES)', () => {
  it('reads accident or near miss reporting as a procedure', () => {
    expect(deficit('Accident reporting: the new form')).toBe(false);
    expect(deficit('Near-miss reporting for drivers')).toBe(false);
  });
  it('still reads the accidents themselves as the subject', () => {
    expect(deficit('Accidents on the school run')).toBe(true);
  });
});

describe('a change told as a journey from a problem to a new state (background.ts)', () => {
  it('reads the destination as the frame', () => {
    expect(deficit('From loneliness to friendship: a volunteer evening')).toBe(false);
  });
  it('keeps the problem when the destination is the problem again', () => {
    expect(deficit('From one crisis to the next')).toBe(true);
    expect(deficit('From crisis to crisis')).toBe(true);
  });
});
