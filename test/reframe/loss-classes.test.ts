import { describe, expect, it } from 'vitest';
import { reframe } from '../../src/reframe/reframe.js';

/*
 * People already lost and winning them back, and workload to cut (issue 10; seen on the retired test
 * splits). Each class has cases it must read as a deficit and cases it must not; none is a corpus record.
 */
const deficit = (q: string): boolean => reframe(q).deficit;

describe('people lost, and winning them back (decline.ts)', () => {
  it.each([
    'How do we win back customers we have lost?',
    'Winning back lapsed donors',
    'Getting shoppers back to the high street',
    'Bringing volunteers back after the pandemic',
    'Why do members we lost never return?',
  ])('%s is a deficit framing', (q) => {
    expect(deficit(q)).toBe(true);
  });
  it.each([
    'Bringing people back together after lockdown',
    'Welcome back, members! A summer social',
    'How do we bring the joy back to Fridays?',
    'Getting feedback from customers on the new app',
  ])('%s is not', (q) => {
    expect(deficit(q)).toBe(false);
  });
});

describe('workload and paperwork to cut (deficit.ts)', () => {
  it.each(['A national action strategy to cut workload', 'Cutting paperwork for ward nurses'])('%s is a deficit framing', (q) => {
    expect(deficit(q)).toBe(true);
  });
  it.each(['Sharing the workload fairly across the team', 'Paperwork clinic: bring your forms and we will help'])('%s is not', (q) => {
    expect(deficit(q)).toBe(false);
  });
});
