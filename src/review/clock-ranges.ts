/**
 * Meeting lengths said with the clock: ranges ("10:00-12:00", "9.30-11", "2-4pm", "11:30 a.m. - 12:30
 * p.m.", "between 6pm and 7pm"), and a start and an end said apart ("starts at 6:30 pm and finishes at 8").
 */
// The large patterns are compiled to machine code at their first use: see native-regex.ts.
import { primeNative as native } from './native-regex.js';
import { GENERAL, SPECIFIC } from './people-nouns.js';

/** A meeting length in minutes with the words that gave it. */
export interface Duration {
  minutes: number;
  evidence: string[];
}

/** "am", "a.m.", "P.M.", "noon": what half of the day a clock time is in (`meridiem` reads it). */
const AMPM = String.raw`(a\.?m\.?|p\.?m\.?|noon)`;
const CLOCK = new RegExp(String.raw`(?<![\w.:£$])(\d{1,2})(?:[:.](\d{2}))?\s*${AMPM}?\s*(?:-|to|until|till)\s*(\d{1,2})(?:[:.](\d{2}))?\s*${AMPM}?(?![\w:]|\.\d)`, 'gi');
/** "Between 6pm and 7pm": a range said with "between"; a half of the day or minutes must show it is a time. */
const BETWEEN = new RegExp(String.raw`\bbetween\s+(\d{1,2})(?:[:.](\d{2}))?\s*${AMPM}?\s+and\s+(\d{1,2})(?:[:.](\d{2}))?\s*${AMPM}?(?![\w:]|\.\d)`, 'gi');
const NOT_A_TIME_BEFORE = /\b(?:tables?|groups?|rooms?|of|about|around|approx\.?|up to|expected|year|years|aged|ages|ks|key stage|band|bands|top|between|score|£|\$)\s*$/i;
/** "February 8 - 9, 2007", "8-9 May": a range of days, not of hours. */
const DATE_RANGE_BEFORE = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s*$/i;
const DATE_RANGE_AFTER = /^(?:st|nd|rd|th)?\s*(?:,\s*(?:19|20)\d{2}\b|(?:of\s+)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b)/i;
/**
 * "Starts at 12:00 and ends at 1 PM", "from 6pm, finishing by 8pm": a start and an end said apart. The
 * gap between them holds a word for ending, so two unrelated times in one sentence are not paired.
 */
const START_END = /(?<![\w.:£$])(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?\b[^.;\n\d]{0,25}?\b(?:ends?|ending|finish(?:es|ing)?|clos(?:e|es|ing)|runs? (?:until|till|to)|running (?:until|till|to)|goes on (?:until|till))\s+(?:at|by|around|about)?\s*(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?(?![\w:]|\.\d)/gi;
/** "7pm start, 8.30pm finish": each time named by what happens at it. */
const START_FINISH = /(?<![\w.:£$])(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?\s+start\b[^.;\n\d]{0,12}?(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?\s+(?:finish|end|close)\b/gi;
const NOT_A_TIME_AFTER = new RegExp(
  `^\\s*(?:(?:[a-z'-]+\\s+){0,2}(?:${GENERAL}|${SPECIFIC})\\b|%|hours?|hrs?|mins?|minutes?|days?|weeks?|months?|years?|come\\b|attend|of\\b|` +
    `(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\b)`,
  'i',
);

/** A clock range for a part of the day that is not the meeting (registration, lunch). */
const NOT_SESSION_BEFORE = /\b(?:registration|arrival|arrivals|coffee|lunch|break|refreshments|networking|doors open|drop[- ]off|surgery hours|opening hours|open|happy hour|social hour|drinks|reception|bingo)\b[^.;\n]{0,12}$/i;
/** The part named after its range: "from 2:00-4:00 P.M. is social hour", "12-1pm: lunch" (s29 audit). */
const NOT_SESSION_AFTER = /^\s*(?:is|:|-|–)?\s*(?:the )?(?:happy hour|social hour|registration|arrivals?|coffee|lunch|refreshments|networking|drinks|reception|bingo)\b/i;

/** Minutes after midnight of a clock time; a bare hour is read as written (24-hour). */
export function clockMinutes(h: number, m: number, suffix: string | undefined): number {
  let hour = h % 12;
  if (meridiem(suffix) === 'pm') hour += 12;
  else if (!suffix) hour = h;
  return hour * 60 + m;
}

// Regexes used per match are made once here: a literal in a function body builds a new RegExp object
// every time it is evaluated.
const DOTS = /\./g;
const BETWEEN_FIRST = /^between\b/i;
const PLURAL_AFTER = /^\s*[a-z]+s\b/;

/** "a.m.", "P.M.", "noon" as "am" or "pm". */
function meridiem(suffix: string | undefined): 'am' | 'pm' | undefined {
  if (!suffix) return undefined;
  const s = suffix.toLowerCase().replace(DOTS, '');
  return s === 'am' ? 'am' : 'pm';
}

interface Span {
  start: number;
  end: number;
  phrase: string;
  at: number;
}

/** A date said just before a range, in its own line: a weekday, "Feb. 7", "9 March". */
const DATE_BEFORE =
  /\b(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*)\b[^\n]{0,40}$/i;
/** Words that offer the same session more than once: "and again from 4pm", "choose one of three". */
const REPEAT_WORD = /\b(?:again|repeated|repeat(?:s|ing)?|either|choose one|one of (?:the|these|two|three|four|five))\b/i;

/**
 * Whether the ranges are one session offered several times ("Tuesday 12-1:15, Wednesday 4:15-5:30";
 * "11:30-12:30 and again from 4-5"), not the parts of one day: they are all equally long, no range ends
 * where the next begins (a day's programme runs on), and they overlap, each has its own date, or the text
 * says the session is offered again.
 */
function repeats(text: string, spans: readonly Span[]): boolean {
  const distinct = [...new Map(spans.map((s) => [`${s.start}-${s.end}`, s])).values()].sort((a, b) => a.start - b.start);
  if (distinct.length < 2) return false;
  const length = (distinct[0] as Span).end - (distinct[0] as Span).start;
  if (distinct.some((s) => s.end - s.start !== length)) return false;
  let overlap = false;
  for (let i = 1; i < distinct.length; i += 1) {
    const prev = distinct[i - 1] as Span, next = distinct[i] as Span;
    if (next.start === prev.end) return false;
    if (next.start < prev.end) overlap = true;
  }
  if (overlap) return true;
  const dates = new Set(spans.map((s) => native(DATE_BEFORE).exec(text.slice(Math.max(0, s.at - 60), s.at).split('\n').pop() ?? '')?.[0].slice(0, 12).toLowerCase()));
  if (dates.size >= 2 && !dates.has(undefined)) return true;
  const first = Math.min(...spans.map((s) => s.at)), last = Math.max(...spans.map((s) => s.at));
  return REPEAT_WORD.test(text.slice(Math.max(0, first - 60), last + 1));
}

/**
 * How long the meeting lasts by the clock: from the earliest start to the latest end of its ranges, or
 * the length of one range when the ranges are one session offered more than once.
 */
export function clockSpan(text: string): Duration | undefined {
  const spans: Span[] = [];
  for (const m of [...text.matchAll(native(CLOCK)), ...text.matchAll(native(BETWEEN)), ...text.matchAll(native(START_END)), ...text.matchAll(native(START_FINISH))]) {
    const [phrase, h1, m1, x1, h2, m2, x2] = m;
    const s1 = meridiem(x1), s2 = meridiem(x2);
    const at = m.index ?? 0;
    const before = text.slice(Math.max(0, at - 20), at);
    const after = text.slice(at + phrase.length, at + phrase.length + 40);
    const bare = !m1 && !m2 && !s1 && !s2;
    if (bare && BETWEEN_FIRST.test(phrase)) continue;
    if (NOT_A_TIME_BEFORE.test(before) || (!s1 && !s2 && native(NOT_A_TIME_AFTER).test(after))) continue;
    // "March 7-9" is a range of days; "March. 7pm start" or "5 March 7-9pm" is a range of hours.
    if (bare && (DATE_RANGE_BEFORE.test(before) || DATE_RANGE_AFTER.test(after))) continue;
    // "4-5 slides", "2-3 pages": a bare range before a plural noun counts things, not hours.
    if (bare && PLURAL_AFTER.test(after)) continue;
    const a = Number(h1), b = Number(h2);
    if (bare && (a > 12 || b > 12 || a === 0 || b === 0)) continue;
    if (a > 23 || b > 23) continue;
    let start = clockMinutes(a, Number(m1 ?? 0), s1 ?? (s2 && a <= b && s2 === 'pm' ? 'pm' : undefined));
    let end = clockMinutes(b, Number(m2 ?? 0), s2);
    if (end <= start && !s2 && b <= 12) end += 12 * 60;
    if (end <= start && s1 === 'am' && !s2) end += 12 * 60;
    if (end <= start) { start -= 12 * 60; if (start < 0) continue; }
    if (end - start > 14 * 60 || end - start < 5) continue;
    if (NOT_SESSION_BEFORE.test(text.slice(Math.max(0, at - 30), at)) || NOT_SESSION_AFTER.test(after)) continue;
    // "Join between 9.30 and 9.45am": a short window to arrive or log in, not a session.
    if (BETWEEN_FIRST.test(phrase) && end - start < 30) continue;
    spans.push({ start, end, phrase: phrase.trim(), at });
  }
  if (spans.length === 0) return undefined;
  if (repeats(text, spans)) {
    const one = spans[0] as Span;
    return { minutes: one.end - one.start, evidence: [...new Set(spans.map((s) => s.phrase))] };
  }
  const start = Math.min(...spans.map((s) => s.start));
  const end = Math.max(...spans.map((s) => s.end));
  const whole = end - start <= 14 * 60 ? end - start : Math.max(...spans.map((s) => s.end - s.start));
  return { minutes: whole, evidence: spans.map((s) => s.phrase) };
}
