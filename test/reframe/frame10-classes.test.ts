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

framingClass('failure told by an idiom: hit the wall, fell flat, off the rails (lexicon.ts)', [
  { deficit: true, label: '%s puts a failure at the centre', cases: [
    'Why fundraising drives hit a brick wall',
    'Campaigns that fell flat',
    'When a rota goes off the rails',
    'Has the bus plan run aground?',
  ] },
  { deficit: false, label: '%s does not', cases: ['Hit the climbing wall: a club night', 'Flat-pack furniture repair café', 'The railway club rails day'] },
]);

framingClass('why something never or seldom happens, asked after its if-clause (lexicon.ts)', [
  { deficit: true, label: '%s asks why it does not happen', cases: ['If you never use the library, tell us why', 'If you rarely come to meetings, why is that?'] },
  { deficit: false, label: '%s does not', cases: ['If you don\'t agree, please tell us why', 'If you use the library, tell us why you love it'] },
]);

framingClass('what fell short, asked after the event, and wasting less (lexicon.ts)', [
  { deficit: true, label: '%s asks for the bad end or a cut in waste', cases: [
    'What could have made your stay on the ward better?',
    'Could the consultation have been run better?',
    'Wasting less food at school lunches',
    'How to waste less',
  ] },
  { deficit: false, label: '%s does not', cases: [
    'What would have made your day even better?',
    'What could we do together next year?',
    'Waste water treatment works open day',
  ] },
]);

framingClass('"how come" asks why, as "why" does (deficit.ts)', [
  { deficit: true, label: '%s asks why something does not happen', cases: ['How come the bins are never emptied?', "How come parents don't come to open evenings?"] },
  { deficit: false, label: '%s does not', cases: ['How come you joined the choir?', 'How come the garden looks so good?'] },
]);

framingClass('barriers named alone are obstacles, as "barriers to" are (lexicon.ts)', [
  { deficit: true, label: '%s names an obstacle', cases: ['Parents name the barriers', 'Mapping language barriers in the clinic'] },
  { deficit: false, label: '%s does not', cases: ['Barriers and enablers to joining the club', 'Crowd barriers and marshals for the fun run', 'A talk on the Great Barrier Reef'] },
]);
