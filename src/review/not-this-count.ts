/**
 * Numbers beside people that are not this meeting's head count. The issue names the class ("the head count
 * taken from the wrong number") and the labelling guide its rule: "the size of the organisation is not the
 * size of the meeting", and a venue's capacity is not what the plan expects. Each check here reads only the
 * words around one number, so the head-count reader (`head-count.ts`) can ask it at each number it finds.
 */

import { isSpace } from './text.js';

/** Qualifiers people put between a verb and a number ("employs over 300"). */
const QUALIFIER = '(?:(?:just |well )?(?:over|under|more than|fewer than|less than|around|about|some|almost|nearly|roughly|approximately|up to|c\\.|circa)\\s+)?';

/**
 * Bodies that do not meet as a whole: what they have, employ or number is their size, not a meeting's
 * ("a company with 40+ people", "the school has 900 pupils", "a town of 20,000 people"). Bodies that do
 * meet as a whole (a committee, a board, a group, a council, an association's members) are left out: their
 * size can be the head count.
 */
const BODY =
  '(?:compan(?:y|ies)|firms?|business(?:es)?|organi[sz]ations?|charit(?:y|ies)|schools?|colleges?|universit(?:y|ies)|' +
  'trusts?|practices?|hospitals?|towns?|cit(?:y|ies)|villages?|count(?:y|ies)|boroughs?|districts?|countr(?:y|ies)|regions?|' +
  'workforces?|communit(?:y|ies)|parish(?:es)?|estates?|networks?|employers?|startups?|corporations?)';
const BODY_SIZE_BEFORE = new RegExp(
  `\\b${BODY}\\s+(?:(?:that|which|who|now)\\s+)?(?:of|with|has|have|had|employs?|employing|employed|numbers?|totals?|boasts?|counts?)\\s+${QUALIFIER}$`,
  'i',
);
/** A body's growth or size as such: "membership has grown to 150", "risen from 20 to 40 members". */
const GROWTH_BEFORE = new RegExp(
  `\\b(?:membership\\s+(?:of|is|was|now|totals?|stands at|now stands at|reached|has reached)|(?:grown|risen|increased|grew|rose|expanded|doubled)\\s+(?:to|from))\\s+${QUALIFIER}$`,
  'i',
);
/**
 * A venue's capacity: "the hall holds 200", "the church can seat 150", "a theatre with a capacity of 500".
 * Not the event's own limit ("places are limited to 60", "capacity: 40").
 */
const VENUE_HOLDS_BEFORE = new RegExp(
  '\\b(?:halls?|rooms?|venues?|theatres?|theaters?|auditori(?:um|a)|church(?:es)?|chapels?|centres?|centers?|spaces?|buildings?|' +
    'stadi(?:um|a)|arenas?|chambers?|marquees?|barns?|librar(?:y|ies)|caf[eé]s?|pubs?)\\s+(?:that |which |will |can |could |would )?' +
    `(?:holds?|seats?|accommodates?|takes?|fits?|sleeps?|(?:has|with) (?:a )?(?:seating |total )?capacity (?:of|for))\\s+${QUALIFIER}$`,
  'i',
);
/** A year after the word that dates it: "in 2019 members agreed", "since 1995 members have met". */
const YEAR = /^(?:19|20)\d\d$/;
const YEAR_BEFORE = /\b(?:in|since|by|during|until|till|from|before|after|spring|summer|autumn|fall|winter)\s+$/i;

/**
 * Whether the words just before a number (`before`, up to about 50 characters) make it something other
 * than who comes: a year, the size of a body that does not meet as a whole, a body's growth, or a venue's
 * capacity.
 */
export function notThisMeetingBefore(raw: string, before: string): boolean {
  if (YEAR.test(raw.trim()) && YEAR_BEFORE.test(before)) return true;
  return BODY_SIZE_BEFORE.test(before) || GROWTH_BEFORE.test(before) || VENUE_HOLDS_BEFORE.test(before);
}

/** "A 5,000-person company", "a 300-strong workforce": the body's size, not the meeting's. */
const BODY_AFTER_SUFFIX = new RegExp(`\\s+(?:[\\w'-]+\\s+){0,2}?${BODY}\\b`, 'iy');

/** Whether the "N-person" ending at `at` in `s` sizes a body rather than a meeting. */
export function bodyAfterSuffix(s: string, at: number): boolean {
  BODY_AFTER_SUFFIX.lastIndex = at;
  return BODY_AFTER_SUFFIX.test(s);
}

/**
 * People counted over a period ("over 500 people trained over the last two years", "to date", "since
 * 2015"): a running total of many sessions, not who is in the room at one. "Last year" or "the previous
 * conference" counts another event's people.
 */
const OVER_A_PERIOD =
  /\b(?:last year|last time|(?:the )?previous (?:year|conference|summit|event|meeting)|(?:over|in|during|across|within) the (?:last|past|previous) (?:[\w-]+ )?(?:years?|months?|decades?|terms?)|(?:over|across|during) an? (?:[\w-]+[ -])?(?:years?|months?|decades?)[ -]period|to date|so far|since (?:19|20)\d\d|since (?:it|we) (?:began|started|launched|opened))\b/i;

/** Words that look ahead to this meeting: "last year 300 came; this year we expect 400". */
const AHEAD = /\b(?:this year|expect\w*|will)\b/i;

/**
 * Whether the sentence counts people over a period, or at another (earlier) event, rather than at this
 * meeting; a sentence that also looks ahead ("this year we expect 400") still counts.
 */
export function countedOverAPeriod(sentence: string): boolean {
  return OVER_A_PERIOD.test(sentence) && !AHEAD.test(sentence);
}

/**
 * What may stand between the items of one list of people: commas, "and", "plus", "as well as", after a
 * short tail on the item before ("10 tenants from the three blocks, our housing officer").
 */
export const LIST_GLUE = /^(?:\s+(?:from|of|at)\s[^,;]{0,30})?[\s,;&]*(?:(?:and|plus|as well as|with|along with)\b[\s,]*)?$/i;

/**
 * How many single named people ("a school nurse") are items of the same list as the numbered people in
 * one sentence ("ten young carers, two teachers and a school nurse"). A single person elsewhere in the
 * sentence ("10 volunteers in a room ..., and a savvy chair will ...") is not part of the count.
 * `items` are the [start, end) spans of the numbered people; `singles` the spans of each single person.
 */
export function listedSingles(sentence: string, items: Array<[number, number]>, singles: Array<[number, number]>): number {
  const listed: Array<[number, number]> = [...items];
  const left = [...singles];
  let added = true;
  let n = 0;
  while (added) {
    added = false;
    for (let i = left.length - 1; i >= 0; i -= 1) {
      const [a, b] = left[i] ?? [0, 0];
      const next = listed.some(([x, y]) =>
        (y <= a && LIST_GLUE.test(sentence.slice(y, a))) || (b <= x && LIST_GLUE.test(sentence.slice(b, x))));
      if (!next) continue;
      listed.push([a, b]);
      left.splice(i, 1);
      n += 1;
      added = true;
    }
  }
  return n;
}

/**
 * Words just before a number that make it a post to fill, a yearly figure or a name (s29 audit):
 * - posts: "a call to appoint two young people to the council", "elect 3 trustees": seats on a body, not who comes;
 * - a yearly figure: "each year, hundreds of volunteers give their time": a reach over the year, unless the
 *   sentence is about attending ("each year 300 delegates attend");
 * - a designation: "Section 8 participants", "Article 12", "Item 4": a programme's or a document's number.
 */
const POSTS_BEFORE = new RegExp(`\\b(?:appoint(?:s|ing|ed)?|elect(?:s|ing|ed)?|co-?opt(?:s|ing|ed)?|recruit(?:s|ing|ed)?|hir(?:e|es|ing|ed)|nominat(?:e|es|ing|ed))\\s+${QUALIFIER}$`, 'i');
const YEARLY_BEFORE = new RegExp(`\\b(?:each|every|per|a) (?:year|month|week|term)\\s*,?\\s+${QUALIFIER}$`, 'i');
const DESIGNATION_BEFORE = /\b(?:section|article|item|note|chapter|clause|rule|part|room|level|band|stage|phase|grade|title|form|no\.?|block|floor|unit|zone|tier|step|page|paragraph|schedule|appendix|annex|priority|goal|objective|sdg)\s*$/i;

/**
 * Whether the words before a number (`before`) make it a post, a yearly figure or a name; `attending` says
 * whether the sentence is about coming, asked only when a yearly figure needs it (it reads the whole sentence).
 */
export function notACountBefore(before: string, attending: () => boolean): boolean {
  return POSTS_BEFORE.test(before) || DESIGNATION_BEFORE.test(before) || (YEARLY_BEFORE.test(before) && !attending());
}

/**
 * Whether `before`, white space trimmed from its end, ends in "of" or "for" in any case: asked of the
 * words before every number, so read in place rather than through trimmed and lower-cased copies.
 */
export function endsWithOfOrFor(before: string): boolean {
  let e = before.length;
  while (e > 0 && isSpace(before.charCodeAt(e - 1))) e -= 1;
  // `| 0x20` lower-cases an ASCII letter, and maps nothing else onto one.
  const at = (k: number): number => (e - k >= 0 ? before.charCodeAt(e - k) | 0x20 : 0);
  return (at(1) === 102 && at(2) === 111) || (at(1) === 114 && at(2) === 111 && at(3) === 102);
}

/** "The first 50 to register": the number who will get in, so a head count though no noun follows. */
export const FIRST_TAKERS_BEFORE = /\bfirst\s*$/i;
export const FIRST_TAKERS_AFTER = /\s+(?:to|who)\s+(?:register|book|sign up|arrive|reply|respond|rsvp|apply|enrol|enroll|reserve)\w*\b/iy;
