import { framingClass } from './framing-class.js';

/*
 * People already lost and winning them back, and workload to cut (issue 10; seen on the retired test
 * splits). Each class has cases it must read as a deficit and cases it must not; none is a corpus record.
 */
framingClass('people lost, and winning them back (decline.ts)', [
  { deficit: true, label: '%s is a deficit framing', cases: [
    'How do we win back customers we have lost?',
    'Winning back lapsed donors',
    'Getting shoppers back to the high street',
    'Bringing volunteers back after the pandemic',
    'Why do members we lost never return?',
  ] },
  { deficit: false, label: '%s is not', cases: [
    'Bringing people back together after lockdown',
    'Welcome back, members! A summer social',
    'How do we bring the joy back to Fridays?',
    'Getting feedback from customers on the new app',
  ] },
]);

framingClass('workload and paperwork to cut (deficit.ts)', [
  { deficit: true, label: '%s is a deficit framing', cases: ['A national action strategy to cut workload', 'Cutting paperwork for ward nurses'] },
  { deficit: false, label: '%s is not', cases: [
    'Sharing the workload fairly across the team',
    'Paperwork clinic: bring your forms and we will help',
  ] },
]);

framingClass('jobs cut: letting people go (decline.ts)', [
  { deficit: true, label: '%s is a deficit framing', cases: [
    'How to face your team the day after you let 45 of their colleagues go',
    'Letting staff go: doing redundancies well',
  ] },
  { deficit: false, label: '%s is not', cases: ['Letting staff go home early on Fridays', 'Let the children go first at lunch'] },
]);

framingClass('both poles asked about (decline.ts RECAST)', [
  { deficit: false, label: '%s is not a deficit framing', cases: [
    'Residents’ ballot: hindrance or help?',
    'AI in the classroom: a threat or an opportunity?',
    'Agency staff: asset or liability?',
  ] },
  { deficit: true, label: '%s still is', cases: [
    'Tackling fly-tipping and the harm it does to our streets',
    'Red tape: the hindrance that keeps carers from care',
  ] },
]);
