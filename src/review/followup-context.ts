/**
 * Whether a follow-up cue found in a plan speaks of this meeting's future. A cue can be true of something
 * else in the same text, and praising "it meets again" on its strength misstates the plan (s29 audit):
 * - another body's meetings ("The Partnership Board meets monthly" in a panel's notes, "the governors meet
 *   every term" on a parents' evening invitation);
 * - a later part of the same day ("after lunch we come back together", "the next session after the break");
 * - a hope, not a plan ("I'm hoping that some points will be taken forward", "it kick starts (hopefully) a
 *   whole series of other conversations");
 * - a frequency said of something that is not a meeting ("volunteers who help us throughout the year").
 */
import { MEETING_NOUN } from './cues.js';

/** A cue that says the people meet (or will meet) again, or come back: its subject and its time matter. */
const RETURN_CUE = /\b(?:come|comes|coming|came) back together|\bregroup|\breconvene|\b(?:meet|meets|meeting|get together) (?:up )?again|\b(?:next|following) (?:[\w'’&-]+ ){0,3}(?:session|meeting|round|part|event|gathering)s?\b/i;
/** A recurrence said with "meet(s)": whose meetings they are is the subject before the verb. */
const MEETS_CUE = /\bmeets?\b|\bmeet(?= every| each| monthly| weekly| quarterly| regularly| termly| annually| twice| once)/i;
/** Within the day: the return comes after a break, a meal or the small groups, or later that day. */
const SAME_DAY =
  /\b(?:after|following|before|over) (?:the |a |our )?(?:lunch|break|coffee|tea|breakout|break-out|small[- ]group|table|group work|refreshments|dinner|interval)\w*|\blater (?:that|the same|in the|this) (?:day|afternoon|morning|evening)|\bsame day\b|\b(?:this|in the) (?:afternoon|morning)\b|\bin plenary\b|\bas a (?:whole|full|large) group\b|\bto (?:share|feed ?back|report back)\b/i;
/** A date or span later than the day: the return is a later meeting after all. */
const LATER = /\b(?:weeks?|months?|year|term|spring|summer|autumn|fall|winter|january|february|march|april|may|june|july|august|september|october|november|december|\d{1,2}(?:st|nd|rd|th)\b)/i;
/** A body named as the subject of a sentence ("The Partnership Board meets", "the governors meet"); the greedy words before it make it the head noun ("Board", not "Partnership"). */
const BODY_SUBJECT =
  /\b(?:the|our|their|its)\s+(?:[\w'’&-]+\s+){0,3}(board|committee|council|cabinet|executive|governors|trustees|panel|forum|network|partnership|steering group|working group|sub-?group|task ?force|commission|authority|assembly|federation|association|society)s?\b(?![\w'’])[^.;:!?]{0,30}$/i;
/**
 * A hope, wish or imagining said before the cue governs it: what it says of later is not planned. Only the
 * words before the cue count ("questions will be sent, in the hope of answers" leaves an earlier cue alone),
 * and "all who wish to attend" is an open door, not a wish about later.
 */
const HOPE = /\b(?:hope[sd]?|hoping|hopefully|(?:we|i) (?:would )?wish|imagine|dream of|perhaps|maybe|possibly)\b/i;
/** Frequencies that are said of all sorts of things, so they recur a meeting only in a sentence about one. */
const LOOSE_FREQUENCY = /^(?:throughout the (?:year|term)|each (?:week|month|term|half[- ]term|quarter|year|fortnight)|every (?:\w+ )?(?:weeks?|months?|years?|terms?|half[- ]term|quarter|fortnight))$/i;
const ABOUT_MEETING = new RegExp(`\\b(?:${MEETING_NOUN}s?|lectures?|talks?|series|assembl(?:y|ies)|meets?|meetings|held|hosts?|hosted|gathers?|convenes?|runs?)\\b|\\b(?:do|run|hold|repeat|have|host) (?:it|this|that|these|them|one)\\b`, 'i');

/** The sentence of `text` around the span [at, at + length). */
function sentenceAt(text: string, at: number, length: number): { before: string; after: string; whole: string } {
  // Each break found ends one character before the sentence (after its space); none found starts the text.
  const start = Math.max(0, text.lastIndexOf('\n', at - 1) + 1, ...['. ', '! ', '? ', '; '].map((e) => {
    const i = text.lastIndexOf(e, at - 1);
    return i < 0 ? 0 : i + 2;
  }));
  const ends = ['\n', '. ', '! ', '? '].map((e) => text.indexOf(e, at + length)).filter((i) => i >= 0);
  const end = ends.length > 0 ? Math.min(...ends) : text.length;
  return { before: text.slice(start, at), after: text.slice(at + length, end), whole: text.slice(start, end) };
}

/**
 * Whether a body named just before a "meet(s)" cue is another body: it is not named anywhere earlier in the
 * text, so the text is not about it. "Parish council meeting ... The council meets monthly" keeps its
 * recurrence; "Panel meeting ... The Partnership Board meets monthly" does not.
 */
function anotherBody(text: string, at: number, before: string): boolean {
  const body = BODY_SUBJECT.exec(before)?.[1];
  if (!body) return false;
  // A body named in the text's first sentence (its title) is what the text is about.
  const earlier = text.slice(0, at - before.length);
  if (earlier.trim() === '') return false;
  return !new RegExp(`\\b${body.replace(/[-\s]/g, '.?')}`, 'i').test(earlier);
}

/**
 * Whether the follow-up cue matched at `at` in `text` (the phrase `cue`) speaks of this meeting's future:
 * not another body's meetings, not a later part of the same day, not a hope, and (for loose frequencies)
 * in a sentence about a meeting.
 */
export function followUpHere(text: string, at: number, cue: string): boolean {
  const s = sentenceAt(text, at, cue.length);
  if (HOPE.test(s.before)) return false;
  if (LOOSE_FREQUENCY.test(cue.trim()) && !ABOUT_MEETING.test(s.whole)) return false;
  // "The board meets monthly" as one cue names its body inside the cue: read the subject up to the verb.
  const verb = MEETS_CUE.exec(cue);
  if (verb && anotherBody(text, at, s.before + cue.slice(0, verb.index))) return false;
  if (RETURN_CUE.test(cue) && SAME_DAY.test(s.whole) && !LATER.test(s.whole)) return false;
  return true;
}

/** The phrases of `matches` that speak of this meeting's future, trimmed and without repeats, up to `limit`. */
export function followUpsHere(text: string, matches: readonly RegExpExecArray[], limit: number): string[] {
  const out: string[] = [];
  for (const m of matches) {
    const phrase = m[0].trim();
    if (out.includes(phrase) || !followUpHere(text, m.index ?? 0, m[0])) continue;
    out.push(phrase);
    if (out.length >= limit) break;
  }
  return out;
}

/** Whether any occurrence of a cue phrase (found without its place, as the older cues are) speaks of this meeting. */
export function phraseHere(text: string, phrase: string): boolean {
  const lower = text.toLowerCase();
  const p = phrase.toLowerCase();
  for (let at = lower.indexOf(p); at >= 0; at = lower.indexOf(p, at + 1)) if (followUpHere(text, at, phrase)) return true;
  return false;
}
