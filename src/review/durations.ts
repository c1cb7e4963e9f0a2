/**
 * Meeting lengths as plans state them: clock ranges ("10:00-12:00", "9.30-11", "2-4pm"), day words
 * ("half a day", "all day") and stated lengths ("90 mins", "an hour and a half").
 */
import { GENERAL, NUM, parseNumber, SPECIFIC } from './quantities.js';

/** A meeting length in minutes with the words that gave it. */
export interface Duration {
  minutes: number;
  evidence: string[];
}

const CLOCK = /(?<![\w.:£$])(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?\s*(?:-|to|until|till)\s*(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?(?![\w:]|\.\d)/gi;
const NOT_A_TIME_BEFORE = /\b(?:tables?|groups?|rooms?|of|about|around|approx\.?|up to|expected|year|years|aged|ages|ks|key stage|band|bands|top|between|score|£|\$)\s*$/i;
const NOT_A_TIME_AFTER = new RegExp(
  `^\\s*(?:(?:[a-z'-]+\\s+){0,2}(?:${GENERAL}|${SPECIFIC})\\b|%|hours?|hrs?|mins?|minutes?|days?|weeks?|months?|years?|come\\b|attend|of\\b|` +
    `(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\b)`,
  'i',
);
const UNIT_DURATION = new RegExp(
  `\\b(?:(?<range>(?:${NUM}|\\d+(?:\\.\\d+)?)\\s*-\\s*)?(?<n>${NUM}|\\d+(?:\\.\\d+)?)(?<half>\\s+and\\s+a\\s+half)?\\s*-?\\s*(?<unit>hours?|hrs?|h|minutes?|mins?|min)\\b` +
  `|(?<hh>(?:an?|one)\\s+hour\\s+and\\s+a\\s+half)|(?<half2>half\\s+an?\\s+hour)|(?<quarter>quarter\\s+of\\s+an\\s+hour)|(?<one>(?:an?|one)(?:\\s+|-)hour(?:-long)?))\\b`,
  'gi',
);
const DAY_DURATION = new RegExp(
  `\\b(?:(?<halfday>half[- ]a[- ]day|half[- ]day|a half day)|(?<fullday>(?:full|whole|all)[- ]day|day[- ]long)|` +
  `(?<days>(?:a|one|1|two|2|three|3|four|4|five|5))[- ]days?\\b|(?<session>(?:a|one|the)\\s+(?:morning|afternoon)\\b|(?:morning|afternoon)\\s+(?:session|workshop|event|meeting)))`,
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
    phrases.push(m[0].trim().replace(/^-\s*/, ''));
  }
  if (times.length < 3) return undefined;
  const minutes = (times[times.length - 1] ?? 0) - (times[0] ?? 0);
  if (minutes < 15 || minutes > 14 * 60) return undefined;
  return { minutes, evidence: [phrases[0] ?? '', phrases[phrases.length - 1] ?? ''] };
}

/** A length that belongs to something else: a video, a break, a walk, a time per day or year, each talk. */
const OTHER_THING_BEFORE = /\b(?:video|film|clip|recording|podcast|break|lunch|coffee|walk|drive|bus|train|journey|read|reading|module|e-?learning|course|per|registration|arrival|refreshments|networking|doors open|slot|talks? of|presentations? of|pitch(?:es)?)\b[^.;\n]{0,25}$/i;
const OTHER_THING_AFTER = /^[^.;\n]{0,3}\b(?:video|film|clip|recording|podcast|break|lunch|walk|drive|bus|train|journey|read|e-?learning|module|course|per|a (?:day|week|month|year)|from|away|apiece|slots?|of (?:cpd|training|learning|leave))\b/i;
/** A clock range for a part of the day that is not the meeting (registration, lunch). */
const NOT_SESSION_BEFORE = /\b(?:registration|arrival|arrivals|coffee|lunch|break|refreshments|networking|doors open|drop[- ]off|surgery hours|opening hours|open)\b[^.;\n]{0,12}$/i;

function otherThing(text: string, at: number, length: number): boolean {
  return OTHER_THING_BEFORE.test(text.slice(Math.max(0, at - 40), at)) || OTHER_THING_AFTER.test(text.slice(at + length, at + length + 30));
}

const DAY_NOT_AFTER = /\b(?:of|over|across|in|within|after|every|each|next|first|last|once|twice|times|per)\s*$/i;

function clockMinutes(h: number, m: number, suffix: string | undefined): number {
  let hour = h % 12;
  if (suffix?.toLowerCase() === 'pm') hour += 12;
  else if (!suffix) hour = h;
  return hour * 60 + m;
}

/**
 * Finds how long the meeting lasts. A clock range ("10:00-12:00", "9.30-11", "2-4pm") is the most
 * reliable; then day words ("half a day"); then stated lengths, where the longest is the whole meeting
 * when it is at least the rest put together ("45 minutes ... 10 minutes of questions") and the lengths
 * add up otherwise (a timed agenda). "7pm" alone says when, not how long.
 */
export function parseDuration(text: string): Duration | undefined {
  const spans: Array<{ start: number; end: number; phrase: string }> = [];
  for (const m of text.matchAll(CLOCK)) {
    const [phrase, h1, m1, s1, h2, m2, s2] = m;
    const before = text.slice(Math.max(0, (m.index ?? 0) - 20), m.index ?? 0);
    const after = text.slice((m.index ?? 0) + phrase.length, (m.index ?? 0) + phrase.length + 40);
    const bare = !m1 && !m2 && !s1 && !s2;
    if (NOT_A_TIME_BEFORE.test(before) || (!s1 && !s2 && NOT_A_TIME_AFTER.test(after))) continue;
    const a = Number(h1), b = Number(h2);
    if (bare && (a > 12 || b > 12 || a === 0 || b === 0)) continue;
    if (a > 23 || b > 23) continue;
    let start = clockMinutes(a, Number(m1 ?? 0), s1 ?? (s2 && a <= b && s2.toLowerCase() === 'pm' ? 'pm' : undefined));
    let end = clockMinutes(b, Number(m2 ?? 0), s2);
    if (end <= start && !s2 && b <= 12) end += 12 * 60;
    if (end <= start && s1?.toLowerCase() === 'am' && !s2) end += 12 * 60;
    if (end <= start) { start -= 12 * 60; if (start < 0) continue; }
    if (end - start > 14 * 60 || end - start < 5) continue;
    if (NOT_SESSION_BEFORE.test(text.slice(Math.max(0, (m.index ?? 0) - 30), m.index ?? 0))) continue;
    spans.push({ start, end, phrase: phrase.trim() });
  }
  if (spans.length > 0) {
    const start = Math.min(...spans.map((s) => s.start));
    const end = Math.max(...spans.map((s) => s.end));
    const whole = end - start <= 14 * 60 ? end - start : Math.max(...spans.map((s) => s.end - s.start));
    // A short clock range inside a text that also speaks of whole days is one slot of a longer event:
    // which one is "the meeting" is unclear, so the length is left unknown.
    DAY_DURATION.lastIndex = 0;
    if (whole < 90 && DAY_DURATION.test(text)) { DAY_DURATION.lastIndex = 0; return undefined; }
    DAY_DURATION.lastIndex = 0;
    return { minutes: whole, evidence: spans.map((s) => s.phrase) };
  }
  const agenda = agendaSpan(text);
  if (agenda) return agenda;
  const days: Array<{ minutes: number; phrase: string }> = [];
  for (const m of text.matchAll(DAY_DURATION)) {
    const g = m.groups ?? {};
    if (DAY_NOT_AFTER.test(text.slice(Math.max(0, (m.index ?? 0) - 12), m.index ?? 0))) continue;
    if (/^\s*(?:per|a|each|every) (?:year|month|week|term)\b|^\s*(?:of (?:annual |study )?leave|of training|of cpd|off\b(?!-))/i.test(text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 20))) continue;
    const minutes = g.halfday ? 210 : g.fullday ? 420 : g.session ? 180 : (parseNumber(g.days === 'a' ? 'one' : (g.days ?? '1')) ?? 1) * 420;
    days.push({ minutes, phrase: m[0].trim() });
  }
  if (days.length > 0) {
    const best = days.reduce((a, b) => (b.minutes > a.minutes ? b : a));
    return { minutes: best.minutes, evidence: [best.phrase] };
  }
  const parts: Array<{ minutes: number; phrase: string }> = [];
  for (const m of text.matchAll(UNIT_DURATION)) {
    const g = m.groups ?? {};
    let minutes: number | undefined;
    if (g.hh) minutes = 90;
    else if (g.half2) minutes = 30;
    else if (g.quarter) minutes = 15;
    else if (g.one) minutes = 60;
    else if (g.n && g.unit) {
      const n = parseNumber(g.n) ?? (/^\d/.test(g.n) ? Number(g.n) : undefined);
      if (n === undefined || Number.isNaN(n)) continue;
      const hours = /^h/i.test(g.unit);
      minutes = (n + (g.half ? 0.5 : 0)) * (hours ? 60 : 1);
    }
    if (minutes === undefined || minutes <= 0 || minutes > 24 * 60) continue;
    if (otherThing(text, m.index ?? 0, m[0].length)) continue;
    parts.push({ minutes, phrase: m[0].trim() });
  }
  if (parts.length === 0) return undefined;
  const longest = parts.reduce((a, b) => (b.minutes > a.minutes ? b : a));
  const rest = parts.reduce((sum, p) => sum + p.minutes, 0) - longest.minutes;
  if (longest.minutes >= rest) return { minutes: longest.minutes, evidence: [longest.phrase] };
  return { minutes: longest.minutes + rest, evidence: parts.map((p) => p.phrase) };
}
