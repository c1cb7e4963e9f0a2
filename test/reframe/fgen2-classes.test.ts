import { framingClass } from './framing-class.js';

/*
 * Error classes found on a second batch of framings nobody had tuned on
 * (test/review/corpus/framings/fgen2.jsonl, issue 10). Each class has cases it must read as a deficit and
 * cases it must not; none is a corpus record.
 */
framingClass('work that stopped moving, and getting it moving again (lexicon.ts)', [
  { deficit: true, label: '%s is a deficit framing', cases: [
    'Why our housing plan stalled',
    'When the reform stalls: a workshop for leads',
    'Getting the new IT system unstuck',
    'Unsticking the recruitment pipeline',
  ] },
  { deficit: false, label: '%s names a stall, not a stoppage', cases: [
    'Book a stall at the spring craft fair',
    'Market stalls and street food on the green',
  ] },
]);

framingClass('the elephant in the room (lexicon.ts)', [
  { deficit: true, label: '%s is a deficit framing', cases: [
    'Naming the elephant in the room at our team meeting',
    'Elephants in the room: what nobody says about rotas',
  ] },
  { deficit: false, label: '%s is not', cases: ['Elephant conservation in East Africa: a talk', 'Room bookings for the summer term'] },
]);

framingClass('a loss asked about without "all" (lexicon.ts)', [
  { deficit: true, label: '%s is a deficit framing', cases: ['So where did our young members go?', 'Where did the footfall go?'] },
  { deficit: false, label: '%s asks about a place or an origin', cases: [
    'Where did the team go for the away day?',
    'Where did our logo come from?',
  ] },
]);

framingClass('harm and failure told by a verb idiom (lexicon.ts)', [
  { deficit: true, label: '%s is a deficit framing', cases: [
    'Has remote working doomed the office party?',
    'Long commutes taking a toll on new starters',
    'Is our outreach missing the mark?',
    'Why parishes have trouble finding treasurers',
  ] },
  { deficit: false, label: '%s names no harm', cases: [
    'Toll road consultation: the new bridge',
    'Target setting for the year ahead',
    'Hitting the mark: celebrating our apprentices',
  ] },
]);

framingClass('"What if ... doesn\'t ...?" asks about a failure (lexicon.ts)', [
  { deficit: true, label: '%s is a deficit framing', cases: [
    'What if the funding doesn’t come through?',
    'What if our volunteers can’t keep going?',
  ] },
  { deficit: false, label: '%s is housekeeping', cases: ['What if you can’t make the date?', 'Let the clerk know if you cannot attend'] },
]);

framingClass('"homeless" before a service names the field, like a disease (problems.ts)', [
  { deficit: false, label: '%s is not a deficit', cases: [
    'Our homeless outreach team turns ten',
    'Homeless health care volunteers: thank-you evening',
  ] },
  { deficit: true, label: '%s still names the problem', cases: ['Homeless on our high street', 'More families homeless this winter'] },
]);

framingClass('out of harm’s way is the aim (lexicon.ts)', [
  { deficit: false, label: '%s is not a deficit', cases: [
    'Moving homes out of harm’s way: river buyouts explained',
    'Keeping children out of harms way on the school run',
  ] },
  { deficit: true, label: '%s names the problem', cases: ['Harm caused by loan sharks', 'The harm done by payday loans'] },
]);
