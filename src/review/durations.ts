/**
 * Meeting lengths as plans state them: clock ranges ("10:00-12:00", "9.30-11", "2-4pm"), day words
 * ("half a day", "all day") and stated lengths ("90 mins", "an hour and a half").
 */
// The large patterns are compiled to machine code at their first use: see native-regex.ts.
import { primeNative as native } from './native-regex.js';
import { NUM, parseNumber } from './numbers.js';
import { clockMinutes, clockSpan, type Duration } from './clock-ranges.js';
import { allMatches } from './text.js';

/** A meeting length in minutes with the words that gave it. */
export type { Duration } from './clock-ranges.js';

const UNIT_DURATION = new RegExp(
  `\\b(?<!\\d[:.])(?:(?<range>(?:${NUM}|\\d+(?:\\.\\d+)?)\\s*-\\s*)?(?<n>${NUM}|\\d+(?:\\.\\d+)?)(?<half>\\s+and\\s+a\\s+half)?\\s*-?\\s*(?<unit>hours?|hrs?|h|minutes?|mins?|min)\\b` +
  `|(?<hh>(?:an?|one)\\s+hour\\s+and\\s+a\\s+half)|(?<half2>half\\s+an?\\s+hour)|(?<quarter>quarter\\s+of\\s+an\\s+hour)|(?<one>(?:an?|one)(?:\\s+|-)hour(?:-long)?|hour-?long))\\b`,
  'gi',
);
const DAY_DURATION = new RegExp(
  `\\b(?:(?<halfday>half[- ]a[- ]day|half[- ]day|a half day)|(?<fullday>(?:full|whole|all)[- ]day|day[- ]long)|` +
  `(?<days>(?:a|one|1|two|2|three|3|four|4|five|5|a few|a couple of|several|multiple))[- ]days?\\b|(?<session>(?:a|one|(?<=\\b(?:for|spend|all|through|take)\\s+)the)\\s+(?:morning|afternoon)\\b(?!\\s+(?:or|and|meetings?|coffee|tea|walk|break)\\b)|(?:morning|afternoon)\\s+(?:session|workshop|event)))`,
  'gi',
);
/** A timed agenda: lines that start with a clock time ("09:30 Arrival", "2.00 Q&A with SLT"). */
const AGENDA_TIME = /^[ \t]*(?:-[ \t]*)?(\d{1,2})[:.](\d{2})[ \t]*(am|pm)?(?=[ \t]|$)/gim;

/** How long a timed agenda runs, first line to last; times without am/pm roll past noon as they go. */
function agendaSpan(text: string): Duration | undefined {
  if (!text.includes('\n')) return undefined;
  const times: number[] = [];
  const phrases: string[] = [];
  for (const m of text.matchAll(AGENDA_TIME)) {
    const h = Number(m[1]), min = Number(m[2]);
    if (h > 23 || min > 59) continue;
    let t = clockMinutes(h, min, m[3]);
    const prev = times[times.length - 1];
    if (prev !== undefined && !m[3] && t < prev && h < 12) t += 12 * 60;
    if (prev !== undefined && t < prev) continue;
    times.push(t);
    phrases.push(m[0].trim().replace(LEADING_DASH, ''));
  }
  if (times.length < 3) return undefined;
  const minutes = (times[times.length - 1] ?? 0) - (times[0] ?? 0);
  if (minutes < 15 || minutes > 14 * 60) return undefined;
  return { minutes, evidence: [phrases[0] ?? '', phrases[phrases.length - 1] ?? ''] };
}

// Regexes used per match are made once here: a literal in a function body builds a new RegExp object
// every time it is evaluated.
const LEADING_DASH = /^-\s*/;
const DIGIT_FIRST = /^\d/;
const HOURS_UNIT = /^h/i;
const SENTENCE_STOP = /[.;\n?!]/;
// "Three days before", "two days' notice", "14 days later": a lead time or a wait, not the meeting's length.
const DAYS_NOT_MEETING_AFTER = /^\s*(?:per|a|each|every) (?:year|month|week|term)\b|^\s*(?:of (?:annual |study )?leave|of training|of cpd|off\b(?!-))|^['’]?\s*(?:before(?:hand)?|prior|ahead|in advance|earlier|later|ago|after(?:wards)?|notice|post)\b/i;
const SEVERAL = /^(?:a few|a couple of|several|multiple)$/i;
/** Several sessions of one stated length: "nine short, 45 minute workshops", "three 90-minute sessions". */
const SESSIONS_OF_LENGTH = new RegExp(
  `\\b(?:two|three|four|five|six|seven|eight|nine|ten|\\d{1,2})\\s+(?:short,?\\s+|separate\\s+|parallel\\s+)?(?<len>${NUM}|\\d{1,3})[- ](?<unit>minutes?|mins?|hours?)\\s+(?:[\\w-]+\\s+){0,2}?(?:workshops|sessions|meetings|conversations|discussions)\\b`,
  'i',
);

/** An agenda line that ends with its own length: "II. Gather data (20 minutes)", "- Opening introductions 15 min". */
const ITEM_LENGTH = /^[ \t]*\S[^\n]{2,120}?[ \t(–-]+(\d{1,3})[ \t]*(?:minutes?|mins?|min)\.?\)?[ \t]*$/gim;

/** How long an agenda of timed items runs: the items add up (three or more lines, each ending in its length). */
function itemSpan(text: string): Duration | undefined {
  if (!text.includes('\n')) return undefined;
  const items = [...text.matchAll(ITEM_LENGTH)];
  if (items.length < 3) return undefined;
  const minutes = items.reduce((sum, m) => sum + Number(m[1]), 0);
  if (minutes < 15 || minutes > 14 * 60) return undefined;
  const phrase = (m: RegExpMatchArray): string => m[0].trim().replace(LEADING_DASH, '');
  return { minutes, evidence: [phrase(items[0] as RegExpMatchArray), phrase(items[items.length - 1] as RegExpMatchArray)] };
}

/** A length that is a talk's or a speaker's turn ("speak for up to 40 minutes", "talks of 20 minutes"). */
const TALK_BEFORE = /\b(?:speak|speaking|spoke|talks?|talked|presents?|presented|presenting|presentations?|lectures?|keynotes?)\b[^.;\n]{0,25}$/i;
/**
 * A length that names its part right after it ("a 30-minute presentation", "a 40 minute keynote", "a
 * 45 minute tour"): that part's length, not the meeting's, which is usually longer.
 */
const PART_AFTER = /^\s*-?\s*(?:long\s+)?(?:(?:opening|introductory|short|brief|live|guided|formal)\s+)?(?:presentations?|talks?|keynotes?|lectures?|address|speech(?:es)?|q\s*&\s*a|question(?:s| and answer)(?: session)?|panel(?: discussion)?|film|video|screening|tour|performance|demonstration|demo|welcome|introductions?|overview)\b/i;
/** A part that follows another: the two add up. */
const THEN_BEFORE = /\b(?:followed by|then|plus|after which)\s+(?:[\w-]+\s+){0,2}$/i;

/** A length said to be the meeting's: "the session lasts an hour", "meet for just 10 minutes", "no more than 75 minutes". */
const LENGTH_VERB = /\b(?:lasts?|lasting|last(?:ing)? (?:for|about|around|up to|no (?:more|longer) than|a maximum of)|meet(?:s|ing)? for|runs? for|(?:no|not) (?:more|longer) than|a maximum of|limited to|(?:is|are|be) scheduled for)\b[^.;\n]{0,30}$/i;
/** A length just before the meeting noun: "a 1-hour, company-wide all hands meeting", "a 15-minute huddle". */
const LENGTH_BEFORE_NOUN = /^(?:-?long)?,?\s+(?:[\w'-]+,?\s+){0,3}?(?:meetings?|sessions?|huddles?|stand-?ups?|calls?|briefings?|assembl(?:y|ies)|all[- ]hands|town halls?|catch[- ]?ups?|check[- ]?ins?)\b/i;
/** "1 hour and 15 minutes": the minutes after an hour count with it. */
const AND_MINUTES = new RegExp(`^\\s+and\\s+(${NUM}|\\d+)\\s*(?:minutes?|mins?)\\b`, 'i');

function meetingLength(text: string): Duration | undefined {
  // `allMatches`, not `text.matchAll`: on a long plan it tries the pattern only where a number or one of
  // its words begins (word-led.ts); a plain scan tried it at every character (2% of a 2,000-word review).
  for (const m of allMatches(UNIT_DURATION, text)) {
    const at = m.index ?? 0;
    const sentence = sentenceAround(text, at, m[0].length);
    if (!native(MEETING_WORD).test(sentence)) continue;
    const before = text.slice(Math.max(0, at - 60), at);
    const after = text.slice(at + m[0].length, at + m[0].length + 60);
    if (!LENGTH_VERB.test(before) && !LENGTH_BEFORE_NOUN.test(after)) continue;
    // "Two hours a day in meetings", "presentations should last no more than 15 minutes": a rate, or a part's length.
    if (otherThing(text, at, m[0].length) || namesPart(text, at, m[0].length)) continue;
    let minutes = unitMinutes(m.groups ?? {});
    if (minutes === undefined) continue;
    let phrase = m[0].trim();
    const extra = minutes >= 60 ? AND_MINUTES.exec(after) : null;
    if (extra?.[1]) { minutes += parseNumber(extra[1]) ?? 0; phrase += extra[0].trimEnd(); }
    if (minutes > 0 && minutes <= 8 * 60) return { minutes, evidence: [phrase] };
  }
  return undefined;
}

/** Minutes in one stated length ("90 mins", "an hour and a half", "5-15 minutes": the upper end). */
function unitMinutes(g: Record<string, string | undefined>): number | undefined {
  if (g.hh) return 90;
  if (g.half2) return 30;
  if (g.quarter) return 15;
  if (g.one) return 60;
  if (!g.n || !g.unit) return undefined;
  const n = parseNumber(g.n) ?? (DIGIT_FIRST.test(g.n) ? Number(g.n) : undefined);
  if (n === undefined || Number.isNaN(n)) return undefined;
  return (n + (g.half ? 0.5 : 0)) * (HOURS_UNIT.test(g.unit) ? 60 : 1);
}

/** A length that belongs to something else: a video, a break, a walk, a time per day or year, each talk. */
const OTHER_THING_BEFORE = /\b(?:video|film|clip|recording|podcast|break|lunch|coffee|walk|drive|bus|train|journey|read|reading|module|e-?learning|(?<!the )course|per|registration|arrival|refreshments|networking|doors open|slot|talks? of|presentations? of|pitch(?:es)?|allotment|allowance|checkpoint|includ(?:es|ing|ed)|adjourn\w*|delay\w*|postpon\w*|recess\w*|suspend\w*|wait(?:ing)?)\b[^.;\n]{0,25}$|\b(?:after|within|first|(?<!\b(?:will|to|shall|should|would|may|might|must|can|could|does|do|not)\s)last|every)\s+$|\b(?:over|(?<!\b(?:no|not) )more than|at least|upwards of|in excess of|extended(?: by)?|overran(?: by)?|overrun(?: by)?)\s+$/i;
/** Time allowed for getting there ("allow 30 minutes for parking"), not time allowed for questions. */
const ALLOW_BEFORE = /\ballow(?:ing)?\s+(?:up to |about |around |at least |an? extra |extra )?$/i;
const ALLOW_FOR_MEETING = /^\s*(?:for\s+(?:the\s+)?(?:questions|discussion|q\s*&\s*a|debate|conversation|feedback|comments))\b/i;
const OTHER_THING_AFTER = /^[^.;\n]{0,3}\b(?:early|earlier|before(?:hand)?|prior|ahead|in advance|later|late|ago|into|notice|video|film|clip|recording|podcast|break|lunch|walk|drive|bus|train|journey|read|e-?learning|module|course|per|a (?:day|week|month|year)|from|away|apiece|slots?|of (?:cpd|training|learning|leave|lesson|teaching|class)|allotments?|checkpoints?|each|past|beyond|longer|extra|overtime)\b/i;
/**
 * Time given to one part: set aside for it ("twenty minutes will be reserved for questions"), spent in the
 * meeting ("an hour in the March meeting devoted to..."), or given to each person to do one thing ("3 minutes
 * to read out a statement", "15 min to mingle").
 */
const PART_TIME_AFTER =
  /^\s*(?:(?:will be|is|are|was|were)\s+)?(?:reserved|set aside|put aside|allocated|devoted|given over)\b|^\s*(?:in|of|at the (?:start|end|beginning) of)\s+(?:the|each|every|our|this|a|every)\s+(?:[\w-]+\s+){0,3}?(?:meetings?|sessions?|agenda)\b|^\s*to (?:read|speak|mingle|network|eat|respond|reply|address|pitch)\b/i;

/** Under this many minutes a length is a moment of the meeting, unless its own sentence names the meeting. */
const MIN_MEETING = 10;
/** Under this many minutes a stated length is taken for a slot, unless its sentence names the meeting. */
const SHORT_SLOT = 20;
/** Words that make a short length the meeting's own ("a 15-minute huddle", "the call lasts ten minutes"). */
const MEETING_WORD = /\b(?:meetings?|meets?|sessions?|huddles?|stand-?ups?|scrums?|briefings?|calls?|catch[- ]?ups?|check[- ]?ins?|assembl(?:y|ies)|(?<!\b(?:the|this|at|our|its|their|his|her) )lasts?\b(?! (?:year|month|week|time|term|night|meeting|session|minute|few|one)s?\b)|lasting|long|check-?in)\b/i;

/** A sentence about one part of a meeting: an agenda item, a speaker's turn, question time. */
const PART_OF_MEETING = /\b(?:(?:agenda )?items?|speakers?|presenters?|question time|statements?|turns?|pitch(?:es)?)\b/i;

/** The meeting's own nouns: a sentence with one of them speaks of the meeting, not only of a part of it. */
const MEETING_NOUN_WORD = /\b(?:meetings?|sessions?|huddles?|stand-?ups?|scrums?|briefings?|calls?|catch[- ]?ups?|check[- ]?ins?|assembl(?:y|ies)|workshops?|forums?|seminars?|events?)\b/i;

/** A part of the meeting as the subject of a length ("presentations should last no more than 15 minutes"). */
const PART_SUBJECT = /^\s*(?:-\s*)?(?:(?:the|all|each|every|any|individual|short|invited|guest)\s+)?(?:[\w-]+\s+)?(?:talks?|presentations?|lectures?|keynotes?|speakers?|presenters?|panell?ists?|pitch(?:es)?|items?|contributions?|statements?|questions?|q\s*&\s*a)\b/i;

/** The words of the sentence (or line) before a match. */
function sentenceHead(text: string, at: number): string {
  const head = text.slice(Math.max(0, at - 200), at);
  return head.slice(Math.max(head.lastIndexOf('.'), head.lastIndexOf('\n'), head.lastIndexOf(';'), head.lastIndexOf('?'), head.lastIndexOf('!')) + 1);
}

/** Whether a length is one part's: the part named right after it, or the sentence's subject a part and no meeting named. */
function namesPart(text: string, at: number, length: number): boolean {
  if (PART_AFTER.test(text.slice(at + length, at + length + 40))) return true;
  const head = sentenceHead(text, at);
  return PART_SUBJECT.test(head) && !MEETING_NOUN_WORD.test(head);
}

/** The sentence (or line) a match sits in. */
function sentenceAround(text: string, at: number, length: number): string {
  const head = text.slice(Math.max(0, at - 200), at);
  const start = Math.max(head.lastIndexOf('.'), head.lastIndexOf('\n'), head.lastIndexOf(';'), head.lastIndexOf('?'), head.lastIndexOf('!')) + 1;
  const tail = text.slice(at + length, at + length + 200);
  const stop = tail.search(SENTENCE_STOP);
  return head.slice(start) + text.slice(at, at + length) + (stop < 0 ? tail : tail.slice(0, stop));
}

function otherThing(text: string, at: number, length: number): boolean {
  const before = text.slice(Math.max(0, at - 40), at);
  const after = text.slice(at + length, at + length + 30);
  if (ALLOW_BEFORE.test(before) && !ALLOW_FOR_MEETING.test(after)) return true;
  return OTHER_THING_BEFORE.test(before) || OTHER_THING_AFTER.test(after) || native(PART_TIME_AFTER).test(after);
}

/** "A day" after a length or a count is a rate ("20 minutes a day", "twice a day"), not a day-long meeting. */
const DAY_NOT_AFTER = /\b(?:of|over|across|in|within|after|every|each|next|first|last|once|twice|times|per|minutes?|mins?|hours?|hrs?|huddles?|meetings?|sessions?|calls?|briefings?|stand-?ups?)\s*$/i;

/**
 * Finds how long the meeting lasts. A clock range ("10:00-12:00", "9.30-11", "2-4pm") is the most
 * reliable; then day words ("half a day"); then stated lengths, where the longest is the whole meeting
 * when it is at least the rest put together ("45 minutes ... 10 minutes of questions") and the lengths
 * add up otherwise (a timed agenda). "7pm" alone says when, not how long.
 */
export function parseDuration(text: string): Duration | undefined {
  // "Each meeting lasts no more than an hour", "a 15-minute huddle": the plan's own statement of length wins.
  const stated = meetingLength(text);
  if (stated) return stated;
  // "Nine short, 45 minute community workshops" from 10 AM to 6 PM: each person's meeting is one session,
  // not the day the sessions are spread over.
  const each = native(SESSIONS_OF_LENGTH).exec(text);
  if (each?.groups) {
    const minutes = (parseNumber(each.groups.len ?? '') ?? 0) * (HOURS_UNIT.test(each.groups.unit ?? '') ? 60 : 1);
    if (minutes > 0) return { minutes, evidence: [each[0].trim()] };
  }
  const clock = clockSpan(text);
  if (clock) {
    // A short clock range inside a text that also speaks of whole days is one slot of a longer event:
    // which one is "the meeting" is unclear, so the length is left unknown.
    DAY_DURATION.lastIndex = 0;
    if (clock.minutes < 90 && native(DAY_DURATION).test(text)) { DAY_DURATION.lastIndex = 0; return undefined; }
    DAY_DURATION.lastIndex = 0;
    return clock;
  }
  const agenda = agendaSpan(text) ?? itemSpan(text);
  if (agenda) return agenda;
  const days: Array<{ minutes: number; phrase: string }> = [];
  for (const m of text.matchAll(native(DAY_DURATION))) {
    const g = m.groups ?? {};
    if (DAY_NOT_AFTER.test(text.slice(Math.max(0, (m.index ?? 0) - 12), m.index ?? 0))) continue;
    if (DAYS_NOT_MEETING_AFTER.test(text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 20))) continue;
    const several = SEVERAL.test(g.days ?? '');
    const minutes = g.halfday ? 210 : g.fullday ? 420 : g.session ? 180 : several ? 2 * 420 : (parseNumber(g.days === 'a' ? 'one' : (g.days ?? '1')) ?? 1) * 420;
    days.push({ minutes, phrase: m[0].trim() });
  }
  if (days.length > 0) {
    const best = days.reduce((a, b) => (b.minutes > a.minutes ? b : a));
    return { minutes: best.minutes, evidence: [best.phrase] };
  }
  // The title line names the meeting ("Weekly volunteer briefing"), so a short length under it is the meeting's.
  const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')));
  const title = firstLine.length <= 80 ? firstLine : '';
  const parts: Array<{ minutes: number; phrase: string; talk: boolean; then: boolean }> = [];
  for (const m of allMatches(UNIT_DURATION, text)) {
    const g = m.groups ?? {};
    const minutes = unitMinutes(g);
    if (minutes === undefined || minutes <= 0 || minutes > 24 * 60) continue;
    if (otherThing(text, m.index ?? 0, m[0].length)) continue;
    // A few minutes is a slot (an item, a turn to speak) unless its sentence says it is the meeting's length.
    const sentence = sentenceAround(text, m.index ?? 0, m[0].length);
    // A sentence with several lengths is a breakdown of the meeting ("welcome (10 mins), talk (20 mins)").
    const breakdown = (sentence.match(native(UNIT_DURATION))?.length ?? 0) >= 2;
    if (minutes < SHORT_SLOT && !breakdown && (PART_OF_MEETING.test(sentence) || (!native(MEETING_WORD).test(sentence) && !MEETING_WORD.test(title)))) continue;
    // A few minutes ("a minute's silence") or a fraction of one ("6.3 minutes lost") is never a whole meeting
    // unless its own sentence says so; the title naming a meeting is not enough for that.
    if (!Number.isInteger(minutes) || (minutes < MIN_MEETING && !MEETING_WORD.test(sentence))) continue;
    const lead = text.slice(Math.max(0, (m.index ?? 0) - 40), m.index ?? 0);
    parts.push({ minutes, phrase: m[0].trim(), talk: TALK_BEFORE.test(lead) || namesPart(text, m.index ?? 0, m[0].length), then: THEN_BEFORE.test(lead) });
  }
  if (parts.length === 0) return undefined;
  // A talk's length alone ("talks should be short, 20 minutes") is not the meeting's.
  if (parts.every((p) => p.talk)) return undefined;
  const longest = parts.reduce((a, b) => (b.minutes > a.minutes ? b : a));
  const rest = parts.reduce((sum, p) => sum + p.minutes, 0) - longest.minutes;
  // A talk and its questions add up ("presents for 30 minutes, followed by 40 of Q&A"); otherwise the longest is the whole.
  const sequence = longest.talk || (parts.some((p) => p.then) && parts.some((p) => p.talk));
  if (longest.minutes >= rest && !sequence) return { minutes: longest.minutes, evidence: [longest.phrase] };
  return { minutes: longest.minutes + rest, evidence: parts.map((p) => p.phrase) };
}
