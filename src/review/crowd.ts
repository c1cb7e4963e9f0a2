/**
 * Words that make a meeting large when no number is given ("conference", "everyone welcome", "all staff"),
 * kept only where they speak of this meeting's crowd. Two kinds of use say nothing about who will be in the
 * room: another event (a recent conference, last year's summit, "meetings and conferences" as kinds of
 * event), and the public admitted only to watch a formal meeting that goes into closed session for its
 * confidential business (the labelling guide: an audience that only watches takes no part). An agenda
 * item to hold or plan an event names another event too. An open
 * invitation to a whole body ("open to all parents") does count, as the guide says.
 */
import { LARGE_EVENT, OBSERVE_ONLY, PUBLIC_AUDIENCE } from './cues.js';
import { clauseBefore } from './clause.js';
import { hasMatch } from './scan.js';
import { allMatches } from './text.js';

/**
 * Marks in the noun phrase that the event named is another one: "a recent conference", "another summit",
 * "previous town halls". Not "the recent conference" (a write-up's own event) nor "other delegates" (this
 * event's); the marker modifies the event's name, so "over the past two years the conference" is not one.
 */
const OTHER_EVENT_BEFORE =
  /\b(?:an? (?:recent|future)|previous|past|earlier|another|last year'?s|next year'?s)\s+(?:(?!(?:the|a|an|this|our|its|their|years?|months?|weeks?|days?|decades?|times?)\b)[\w'-]+\s+){0,3}$/i;
/** Kinds of event in a list ("meetings and conferences", "conferences, seminars"): events in general. */
const KINDS_BEFORE = /\b(?:meetings|seminars|workshops|events|webinars|courses|forums|fora|symposia|summits|conferences|trainings?)\s*(?:,|and|or|&)\s*(?:[\w-]+\s+)?$/i;
const KINDS_AFTER = /^\s*(?:,|and|or|&)\s*(?:[\w-]+\s+)?(?:meetings|seminars|workshops|events|webinars|courses|forums|fora|symposia|summits|conferences|training)\b/i;
const PLURAL_KIND = /(?:conferences|summits|symposia|meetings|forums|events|lectures)$/i;
/**
 * A clause that opens with an order to hold or plan an event ("7. Hold a public forum on the nutrition plan",
 * "- Plan the spring conference"): an agenda item or a task about another event, not this meeting's crowd.
 * "We will hold a public meeting" opens with its subject, so it is not one.
 */
const ORDER_TO_HOLD_BEFORE = /^\s*(?:-\s*)?(?:hold|organi[sz]e|plan|arrange|host|prepare for|set up|schedule)\s+(?:[\w'’-]+\s+){0,5}$/i;
/**
 * This meeting placed beside a larger or later event it is not: a side event to a summit, work done ahead of
 * or for adoption at a coming summit ("at the upcoming 38th ASEAN Summit", "presented at a Youth Violence
 * Summit next spring"). The named event is not this meeting's crowd.
 */
const BESIDE_ANOTHER_BEFORE =
  /\b(?:side[- ]events? (?:to|of|at)|(?:ahead|in preparation) (?:of|for)|in the run-up to|presented at|(?:the|an?) (?:upcoming|forthcoming))\s+(?:(?:the|an?)\s+)?(?:[\w'’-]+\s+){0,5}$/i;
/** A negation just before a cue: "not open to the public", "no longer open to all". */
const NEGATED_BEFORE = /\b(?:not|never|isn't|aren't|no longer)\s+(?:be\s+|always\s+|currently\s+)?$/i;
/** Whether one matched cue speaks of another event, judged from the words around it. */
function notThisCrowd(text: string, at: number, phrase: string): boolean {
  const before = clauseBefore(text, at - 60, at);
  const after = text.slice(at + phrase.length, at + phrase.length + 40);
  if (OTHER_EVENT_BEFORE.test(before) || ORDER_TO_HOLD_BEFORE.test(before) || BESIDE_ANOTHER_BEFORE.test(before)) return true;
  return PLURAL_KIND.test(phrase) && (KINDS_BEFORE.test(before) || KINDS_AFTER.test(after));
}

/**
 * The general meeting of an association's members, large by kind (labelling guide, "Large by kind"): an AGM,
 * an extraordinary or special general meeting, an annual or members' meeting, a congregation's meeting. A
 * body's own formal meeting ("the annual meeting of the parish council", "a special meeting of the board")
 * is a committee's, so it is left out, and so is a "special meeting" that is not a general one.
 */
const GENERAL_MEETING =
  /\b(?:(?:annual|special|extraordinary|inaugural) general meetings?|general meetings?|AGMs?|(?:annual )?members['’]? meetings?|congregational meetings?|annual meeting(?! of the (?:[\w-]+ )?(?:council|board|committee|trustees|governors|cabinet)))\b/i;
/**
 * How far into a text the general meeting must be named to be its own meeting: its title and opening
 * sentence. Named later, it is most often another meeting in a list of dates or an item ("Preparation for AGM").
 */
const OPENING_CHARS = 300;

/** The general meeting of members a text opens with, or undefined (see `GENERAL_MEETING`). */
export function openingGeneralMeeting(text: string): string | undefined {
  const m = GENERAL_MEETING.exec(text.slice(0, OPENING_CHARS));
  if (!m || notThisCrowd(text, m.index, m[0])) return undefined;
  return m[0];
}

/** The words (at most `limit`, without repeats) that infer a large meeting when no number is given. */
export function largeEventCues(text: string, limit = 3): string[] {
  // Asked only of a cue that names the public, and through the word-led scan: a plain test read the whole plan.
  let observed: boolean | undefined;
  const out: string[] = [];
  const seen = new Set<string>();
  const general = openingGeneralMeeting(text);
  if (general) {
    out.push(general);
    seen.add(general.toLowerCase());
  }
  for (const m of allMatches(LARGE_EVENT, text)) {
    const phrase = m[0].trim();
    if (PUBLIC_AUDIENCE.test(phrase) && (observed ??= hasMatch(OBSERVE_ONLY, text))) continue;
    // "Briefing sessions are not open to the public": an invitation denied is none.
    if (NEGATED_BEFORE.test(text.slice(Math.max(0, m.index - 25), m.index))) continue;
    if (notThisCrowd(text, m.index, m[0])) continue;
    const key = phrase.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(phrase);
    if (out.length >= limit) break;
  }
  return out;
}
