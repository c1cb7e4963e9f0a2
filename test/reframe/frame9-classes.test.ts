import { framingClass } from './framing-class.js';

/*
 * Error classes found on the frame9 batch (test/review/corpus/framings/frame9.jsonl): real framings from new
 * sites, labelled blind before the framing check was run on them. Each class is a word family or a
 * construction; the cases are made up, with look-alikes the fix must leave alone.
 */

framingClass('problems in a form the vocabulary missed: under- verbs, pains, pot holes, the people who do the harm (lexicon.ts, deficit.ts)', [
  { deficit: true, label: '%s names a problem', cases: [
    'Why do boys underattain in reading?',
    'Under-attainment in year 9 science',
    'Growing pains in the new team',
    'Pot holes on Mill Lane',
    'Fines for fly-tippers on the common',
    'Catching speeders on the bypass',
  ] },
  { deficit: false, label: '%s names none', cases: [
    'Understanding attainment data',
    'She takes pains to welcome every newcomer',
    'Meet our volunteer litter pickers',
  ] },
]);

framingClass('the negative side asked for by name (complaint.ts)', [
  { deficit: true, label: '%s asks for the bad end', cases: [
    'Did you have any negative experiences with the booking line?',
    'The negative effects of night shifts',
  ] },
  { deficit: false, label: '%s does not', cases: ['Negative numbers for beginners', 'What went well with the booking line?'] },
]);

framingClass('people leaving, or kept from leaving, and harm kept from happening (decline.ts)', [
  { deficit: true, label: '%s puts a loss at the centre', cases: [
    'Our nurses are leaving',
    'Why families are fleeing the estate',
    'How do we keep volunteers from quitting?',
    'Stopping it from happening again',
  ] },
  { deficit: false, label: '%s does not', cases: [
    'Staff leaving do on Friday',
    'Keep residents talking: a coffee morning',
    'Making it happen: a planning day',
  ] },
]);

framingClass('a camel-case hashtag is read as its words (deficit.ts)', [
  { deficit: true, label: '%s names a problem', cases: ['#EndFoodPoverty day of action', 'Join us for #BeatLoneliness'] },
  { deficit: false, label: '%s names none', cases: ['#TeamSpirit awards night', 'A look back at #Fest2025'] },
]);

framingClass('a condition is the field of a conference, a group or a service on either side of it (problems.ts)', [
  { deficit: false, label: '%s names a field', cases: [
    'Stroke and Heart Disease Symposium 2026',
    'Regional diabetes conferences: what we learned',
    'Peer groups for long covid',
    'Setting up an eating disorder support network',
    'Cancer thrivers picnic',
  ] },
  { deficit: true, label: '%s looks at the condition', cases: [
    'Dementia in rural villages',
    'Chronic pain and the night shift',
    'People suffering with chronic pain',
  ] },
]);

framingClass('a service or a body named for a problem names its field (deficit.ts NAMED_FOR)', [
  { deficit: false, label: '%s names a service or a body', cases: [
    'How does our gambling helpline work?',
    'Meet the homelessness advice team',
    'Drop-in debt counselling on Tuesdays',
    'Training for school exclusion panels',
  ] },
  { deficit: true, label: '%s keeps the problem or a shortfall as its head', cases: [
    'Poor support for new tenants',
    'Lack of advice for carers',
    'Debt counselling for a winter fuel crisis',
    'A food poverty conference',
  ] },
]);

framingClass('support through a hard time, lessons learned and "crisis or no crisis" (background.ts, deficit.ts)', [
  { deficit: false, label: '%s has a good head and the problem as background', cases: [
    'Support through bereavement and job loss',
    'Lessons learned from a failed merger',
    'Learning the lessons from a data breach',
    'Volunteering, recession or no recession',
  ] },
  { deficit: true, label: '%s keeps the problem as a head', cases: [
    'Support after redundancy',
    'Lessons learned: why the merger failed',
    'Why do mergers fail?',
    'Recession or no recession, food poverty is rising',
  ] },
]);
