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

describe('jobs cut: letting people go (decline.ts)', () => {
  it.each(['How to face your team the day after you let 45 of their colleagues go', 'Letting staff go: doing redundancies well'])('%s is a deficit framing', (q) => {
    expect(deficit(q)).toBe(true);
  });
  it.each(['Letting staff go home early on Fridays', 'Let the children go first at lunch'])('%s is not', (q) => {
    expect(deficit(q)).toBe(false);
  });
});

describe('both poles asked about (decline.ts RECAST)', () => {
  it.each(['Residents’ ballot: hindrance or help?', 'AI in the classroom: a threat or an opportunity?', 'Agency staff: asset or liability?'])('%s is not a deficit framing', (q) => {
    expect(deficit(q)).toBe(false);
  });
  it.each(['Tackling fly-tipping and the harm it does to our streets', 'Red tape: the hindrance that keeps carers from care'])('%s still is', (q) => {
    expect(deficit(q)).toBe(true);
  });
});
