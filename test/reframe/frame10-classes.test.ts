import { framingClass } from './framing-class.js';

/*
 * Error classes found on the retired test4 framings (test/review/corpus/retired/test4/framings/): framings no
 * one had tuned on until test4 retired. Each class is a construction or a word family; the cases are made up,
 * with look-alikes the fix must leave alone.
 */

framingClass('a problem word offered only as the bracketed alternative (deficit.ts)', [
  { deficit: false, label: '%s is framed by what is outside the brackets', cases: [
    'How do clubs build (or erode) trust among members?',
    'Does mentoring help (or hinder) new starters?',
  ] },
  { deficit: true, label: '%s still names a problem', cases: [
    'Why mentoring fails (and how to fix it)',
    'Does mentoring hinder new starters?',
    'Five reasons clubs lose members (or never keep them)',
  ] },
]);

framingClass('"too important to fail" says something must succeed (deficit.ts)', [
  { deficit: false, label: '%s names no failure', cases: ['Too big to fail: running the county show', 'Too precious to fail: our village hall'] },
  { deficit: true, label: '%s does', cases: ['Why village halls fail', 'Too many projects fail'] },
]);

framingClass('withstanding or weathering a hard time is resilience told as a verb (background.ts)', [
  { deficit: false, label: '%s is about coming through', cases: [
    'Helping small firms to withstand shocks',
    'Weathering the storm together: our allotment society',
  ] },
  { deficit: true, label: '%s keeps the problem as its head', cases: [
    'Extreme weather and flooding on the estate',
    'Reducing flood damage: how homes can withstand the next storm',
  ] },
]);

framingClass('a body or a field joined by "&" or led by a field head (deficit.ts, problems.ts)', [
  { deficit: false, label: '%s names a body or a field', cases: [
    'Police & Crime Panel annual survey',
    'Recycling and waste collection days survey',
    'Recycling & waste trial: tell us what you think',
  ] },
  { deficit: true, label: '%s names the problem', cases: ['Crime in the town centre', 'Reducing waste in the canteen', 'Recycling and waste'] },
]);
