/**
 * Whether the plan states a purpose. A purpose is an aim, a question or a topic of business; the standing
 * items every formal meeting has (call to order, minutes, apologies, reports, any other business) are not
 * one, nor is the meeting's name or a calendar of dates. A text made of standing items alone shows its
 * whole business, so it can lack a purpose whatever its genre (minutes, a template agenda); other texts can
 * lack one only when they describe a whole meeting still to come, or are agendas or plain notes.
 */
import type { PlanFacts } from './facts.js';
import type { MeetingPlan } from './plan.js';
import { primeNative } from './native-regex.js';
import { isSpace, matchAll } from './text.js';

/** A standing item of formal business, at the start of a line after any number, bullet or time. */
const STANDING_ITEM =
  /^(?:(?:item\s+)?\d{1,2}[.):]?\s+|[-•*·]\s*|[ivx]{1,4}[.)]\s*|\(?[a-z]\)\s*|\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*[-–]?\s*)?(?:to (?:receive|note|consider|confirm|approve|sign|agree|accept)(?: and (?:approve|sign|agree|note))?\s+(?:any\s+|the\s+)?(?=(?:[\w'’]+ ){0,3}?(?:apologies|minutes|reports?|declarations?|dispensations?|correspondence|accounts|financial statements?|matters arising|date of)\b))?(?:call(?:ed)? (?:the )?(?:meeting )?to order|(?:approv\w*|adopt\w*|confirm\w*|accept\w*|read\w*) (?:of )?(?:the )?(?:previous |last )?(?:minutes|agenda)|minutes\b|apologies|matters arising|declarations? of (?:\w+ )?interests?|(?:any )?other (?:competent )?business|aob\b|new business|unfinished business|old business|(?:\w+['’]?s? )?reports?\b|(?:chair(?:man|person)?|treasurer|secretary|president|head(?:teacher)?|principal|clerk|librarian|director)'?s? (?:report|update|remarks|welcome)|correspondence|elections?\b|election of|nominations?|public (?:question time|participation|comments?|forum)|date (?:and time )?of (?:the )?next meeting|next meeting|adjourn\w*|close\b|closing\b|(?:welcome|introductions?)(?:,? (?:and |& )?(?:welcome|apologies|introductions?|opening remarks))*\s*(?:$|[–(-])|financial statements?|accounts\b|action (?:points|log)|actions? (?:arising|from the last)|urgent business|exclusion of (?:the )?(?:press|public))/i;
/** Words that look like an aim but only say how or when people meet, or nothing at all. */
const EMPTY_PURPOSE =
  /^(?:[-•*]\s*)?(?:to allow\b|to (?:be )?(?:finish(?:ed)?|done|over|close[ds]?|end(?:ed)?|start(?:ed)?)\b|to raise (?:a |any )?(?:point|matter|query|question|issue)s?\b(?! (?:of|about|on|around|with)\b)|to think how\b|(?:meeting )?to order\b|to make representations\b|to raise (?:any )?(?:matters|queries|questions|issues) (?:during|at|in)\b|to conduct (?:\w+ ){0,2}business\b|to attend\b|to book\b|to register\b|to (?:be|get) there\b|decide\b$|welcome\b)/i;
/** A meeting noun followed by a day, a date, a time or a schedule word rather than a topic. */
const SCHEDULE_TOPIC =
  /^(?:[\w'’ -]{0,40}?)(?:meetings?|sessions?|forums?|events?)\s*(?::|on|for)\s+(?:\d|alternat\w+|(?:the )?(?:first|second|third|fourth|last) |(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)/i;
/** An action point in notes ("AP12 SL to email the partners", "JS to circulate"): an action, not the meeting's aim. */
const ACTION_LINE = /^(?:[-•*]\s*)?(?:(?:AP|A)\s?\d+[.:]?\s+)?(?:[A-Z]{2,3}(?:\s*(?:\/|and|&)\s*[A-Z]{2,3})?|action(?:\s*\([A-Z]{2,3}\))?\s*:\s*[A-Z]{2,3})\s+to\s/;
/** A table row ("| 1. | Apologies |", cleaned to "; 1. ; Apologies ;"): read as a plain line. */
const TABLE_CELLS = /\s*[|;]\s*/g;
const cells = (line: string): string => (/^\s*[|;]/.test(line) ? line.replace(TABLE_CELLS, ' ') : line);

/**
 * An aim stated in other words: "an opportunity for parents to", "designed to", "seeks to"; a forum's stated
 * role ("the role of the forum is to advise the school", "acts as an advisory forum") is its aim too (s29 audit).
 */
const AIM =
  /\b(?:(?:an?|the) (?:genuine |real |key |chance |unique )?(?:attempt|opportunity|chance|way|place|space|forum) (?:for [\w'’ ,-]{1,60}? )?to (?!attend|book|register|be held|take place)\w+[^.;:?!\n]{0,60}|(?:aims?|aimed|designed|intended|seeks?|seeking|hopes?|exists?|set up|established|here) to (?!attend|book|register|be held|take place)\w+[^.;:?!\n]{0,60}|\b(?:roles?|purpose|function|remit) of (?:the )?[\w'’ &-]{1,40}? (?:is|are|will be)(?: now)? to (?!attend|book|register|be held|take place)\w+[^.;:?!\n]{0,60}|\b(?:acts?|to act|serves?|to serve) as (?:an? |the )?["“]?(?:[\w-]+ ){0,3}?(?:forum|sounding board|voice)\b[^.;:?!\n]{0,60})/gi;
/**
 * A talk, a course or a conference is always about something: when none is found in such a text, the topic
 * is more likely put in words the rules do not read than missing, so the absence is not asserted.
 */
const CONTENT_EVENT =
  /\b(?:talks?|lectures?|keynotes?|panel(?:s|lists?| discussion)?|webinars?|seminars?|presentations?|speakers?|topics?|themes?|roundtables?|workshops?|training|courses?|conferences?|symposi(?:um|a)|summits?|masterclass(?:es)?|debates?)\b/i;
/** A meeting noun that leads a purpose phrase ("Meetings to allow..."), so what follows can be judged. */
const LEADING_NOUN = /^[\w'’ -]{0,40}?\b(?:meetings?|sessions?|forums?|events?)\s*(?::|on|for|about)?\s*/i;
const DATE_LINE = /\b(?:\d{1,2}(?:st|nd|rd|th)?(?: of)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?\b)/i;

/** The purposes found, without the standing items, schedule words and empty aims that look like them. */
export function realPurposes(found: readonly string[]): string[] {
  return [...new Set(found)].filter((p) => {
    const s = p.trim();
    const short = s.split(/\s+/).length <= 6;
    const topic = s.replace(LEADING_NOUN, '');
    return s !== '' && !primeNative(STANDING_ITEM).test(s.replace(/^[^\w]+/, '')) && !primeNative(EMPTY_PURPOSE).test(s) && !primeNative(EMPTY_PURPOSE).test(topic) && !(short && SCHEDULE_TOPIC.test(s));
  });
}

/** A numbered or bulleted line, and an item that asks a question or states an aim. */
const ITEM = /^(?:(?:item\s+)?\d{1,2}[.):]?\s+|[-•*·]\s*|[ivx]{1,4}[.)]\s*|\(?[a-z]\)\s*)/i;
const ITEM_AIM = /\?|^(?:whether|how|what|why|which|who|where|to [a-z]+)\b/i;

/** Whether a trimmed line has at most `max` words, as `line.split(/\s+/).length <= max` counts them, without the split. */
function fewWords(line: string, max: number): boolean {
  let words = 1;
  for (let i = 1; i < line.length; i += 1) {
    if (isSpace(line.charCodeAt(i)) && !isSpace(line.charCodeAt(i - 1)) && (words += 1) > max) return false;
  }
  return true;
}

/** How the text's lines read: standing items of business, items that state an aim, lines that give a date. */
function lineKinds(text: string): { standing: number; dated: number; aims: string[] } {
  let standing = 0;
  let dated = 0;
  const aims: string[] = [];
  for (const raw of text.split('\n')) {
    const line = cells(raw).trim();
    if (!line) continue;
    if (primeNative(STANDING_ITEM).test(line)) standing += 1;
    else if (ITEM.test(line)) {
      const item = line.replace(ITEM, '').trim();
      if (ITEM_AIM.test(item)) aims.push(item);
    }
    // The cheap count first: most lines of a long plan are prose of more than twelve words.
    if (fewWords(line, 12) && DATE_LINE.test(line)) dated += 1;
  }
  return { standing, dated, aims };
}

/**
 * The purpose fact. `canLack` says whether the genre lets an absence count (a forward-looking text, an
 * agenda, plain notes); a text of standing items or a calendar of dates can lack a purpose in any genre.
 */
export function purposeOf(plan: MeetingPlan, canLack: boolean): PlanFacts['purpose'] {
  const kinds = lineKinds(plan.text);
  const formal = kinds.standing >= 3 || kinds.dated >= 4;
  let real = realPurposes(plan.purpose);
  // "We aim to be finished by 9.30" says when it ends, not what it is for.
  if (real.length === 0) real.push(...matchAll(AIM, plan.text, 2).filter((a) => !primeNative(EMPTY_PURPOSE).test(a.replace(/^.*?\bto\s/i, 'to '))));
  // In a formal agenda or minutes, a bare name ("Budget", "Strategy") or an aim inside a line of standing
  // business is that item's label, not what the meeting is for.
  if (formal) real = real.filter((p) => p.split(/\s+/).length > 2 && !inStandingLine(plan.text, p));
  real = real.filter((p) => !inActionLine(plan.text, p));
  if (real.length > 0) return { stated: 'yes', evidence: real.slice(0, 2).map((p) => toClauseEnd(plan.text, p)) };
  // A listed item that asks a question or states an aim says what the meeting is for; a list of
  // business items alone does not (the labelling guide's reading of "states no purpose").
  if (kinds.aims.length > 0) return { stated: 'yes', evidence: kinds.aims.slice(0, 2) };
  // Only business that every meeting of its kind has, or only dates: nothing says what this one is for.
  if (formal && plan.wordCount >= 3) return { stated: 'no', evidence: [] };
  if (canLack && plan.wordCount >= 3 && !CONTENT_EVENT.test(plan.text)) return { stated: 'no', evidence: [] };
  return { stated: 'unknown', evidence: [] };
}

/** Up to the end of a clause: where a purpose phrase stops short of it ("Workshop on tackling"). */
const CLAUSE_REST = /^[^.;:?!\n]{0,100}/;

/**
 * A purpose phrase carried on to the end of its clause, so a topic found by its first word ("Workshop on
 * tackling") is quoted whole ("Workshop on tackling loneliness among older people"). Still a substring of the plan.
 */
function toClauseEnd(text: string, phrase: string): string {
  const at = text.indexOf(phrase);
  if (at < 0) return phrase;
  const rest = CLAUSE_REST.exec(text.slice(at + phrase.length))?.[0] ?? '';
  return (phrase + rest).trimEnd();
}

/** Whether a phrase sits on an action point of notes. */
function inActionLine(text: string, phrase: string): boolean {
  const at = text.indexOf(phrase);
  if (at < 0) return false;
  return ACTION_LINE.test(text.slice(text.lastIndexOf('\n', at) + 1, at + phrase.length).trim());
}

/** Whether a phrase sits on a line of standing business ("Urgent business: to raise and decide..."). */
function inStandingLine(text: string, phrase: string): boolean {
  const at = text.indexOf(phrase);
  if (at < 0) return false;
  return primeNative(STANDING_ITEM).test(cells(text.slice(text.lastIndexOf('\n', at) + 1, at + phrase.length)).trim());
}
