/**
 * The expected head count: numbers beside people ("about forty", "30-40 delegates", "a dozen of us"), with
 * the numbers that are some other body's size left out (see `not-this-count.ts`).
 */
import { primeNative } from './native-regex.js';
import {
  bodyAfterSuffix, countedOverAPeriod, endsWithOfOrFor, FIRST_TAKERS_AFTER, FIRST_TAKERS_BEFORE, LIST_GLUE, listedSingles, notACountBefore,
  notThisMeetingBefore,
} from './not-this-count.js';
import { HAS_NUMBER, NUM, parseNumber, parseRange, RANGE, TEN_WORDS, UNIT_WORDS } from './numbers.js';
import { GENERAL, SINGLE, SPECIFIC } from './people-nouns.js';
import { allMatches } from './text.js';

/** A head count: the plan's own expectation, with the words that gave it. */
export interface Count {
  min: number;
  max: number;
  approx: boolean;
  evidence: string[];
}

const SKIP_WORD =
  '(?:for|with|and|of|from|to|in|at|on|by|the|a|an|or|per|each|hours?|hrs?|mins?|minutes?|days?|weeks?|' +
  'months?|years?|x|times?|sessions?|tables?|groups?|rooms?|practices|organisations|agencies|councils|schools)';

/** Where a number may start: digits, or a number word. Cheap to scan, so the costly patterns run only here. */
const NUM_START = new RegExp(
  `(?<![\\w.:£$])(?:\\d|a (?:couple|few|handful|dozen)\\b|(?:${UNIT_WORDS}|${TEN_WORDS}|dozens|hundreds|scores|hundred)\\b)`,
  'gi',
);
const RANGE_AT = new RegExp(RANGE, 'iy');
const PEOPLE_AFTER = new RegExp(
  `(?:\\s+or so)?\\s+(?:(?:(?!${SKIP_WORD}\\b)[a-z][a-z'&-]*\\s+){0,2}?|(?:most |more |very )?(?:(?!${SKIP_WORD}\\b)[a-z][a-z'&-]*,?\\s+){1,3}(?:and|or) (?:(?!${SKIP_WORD}\\b)[a-z][a-z'&-]*\\s+))(?<noun>${GENERAL}|${SPECIFIC})\\b(?!')` +
  `(?<each>\\s+from each(?:\\s+of(?:\\s+the)?\\s+(?<orgs>${NUM}))?)?`,
  'iy',
);
/**
 * A qualifier just before a count. "No more than 12" and "not more than 12" are caps, read as "up to 12",
 * never as "more than 12": matched whole, ahead of the "more than" inside them.
 */
const PRE_BEFORE = /(?:up to|about|around|approx\.?|approximately|roughly|circa|c\.|over|\bno(?:t)? more than|more than|at least|plus|~)\s*$/i;
const MARKER_BEFORE =
  /\b(?:about|around|approx\.?|approximately|roughly|circa|c\.|up to|expected:?|expecting|we expect|usually|typically|capacity(?: of)?|limited to|limited|limit of|capped at|minimum of|numbers?:|attendance:|(?:total |the )?(?:attendance|turnout) (?:was|of|totall?ed|reached)|headcount:?|audience of|group of|team of|places for|seats for|max(?:imum)?(?: of)?)\s*$|~\s*$/i;
/**
 * What a bare number counts when it is not people: a share ("30 percent"), a time, a distance, or things an
 * event holds ("approximately 30 breakout sessions").
 */
const NOT_PEOPLE_AFTER =
  /\s*(?:%|percent\b|per ?cent\b|half\b|[:.]\d|am\b|pm\b|hours?|hrs?|h\b|mins?|minutes?|days?|weeks?|months?|years?|miles?|km|metres?|sessions?|times|of\b|x\b|(?:[a-z-]+\s+){1,2}?(?:sessions|workshops|breakouts|tables|rounds|questions|items|projects)\b)/iy;
const TOTAL_AFTER = /\s+(?:in total|altogether)\b/iy;
/** "20 businesses ... attended": bodies that came; each sends at least one person. */
const ORGS_AFTER = /\s+(?:(?!and\b)[a-z][a-z'&-]*\s+){0,2}?(?:businesses|organi[sz]ations|agencies|companies|charities|institutions|affiliates|member states|nations|countries|states|districts|branches|councils|authorities|ministries)\b/iy;
const PERSON_SUFFIX = /-(?:person|people|strong)\b/iy;
const GENERAL_RE = new RegExp(`^${GENERAL}$`, 'i');
/** "tables of eight", "split into a group of four": the size of a part, not of the meeting ("our group of 16", "the team of 25" is). */
const TABLE_SIZE = /\b(?:tables?|groups|rooms?|circles?|teams|pairs?|trios|clusters?|(?:small|each|per|(?:in|into) a|break-?out) (?:group|team))\s+(?:of|for)\s*$/i;
const SINGLE_PERSON = new RegExp(`(?:\\b(?:a|an|one)|\\b(?:the|our|their|your)(?<=,\\s?(?:the|our|their|your)))\\s+(?:[\\w'-]+\\s+){0,3}?${SINGLE}\\b(?!')`, 'gi');
/** "fifteen or so of us", "a dozen of us": the whole group, counted loosely. */
const OF_US = /(?:\s+or so|\s*-?odd|\s*-?ish)?\s+of (?:us|you)\b/iy;
/** "There will be about 25 of them": the people just named, counted as coming. Elsewhere "of them" is a share of some group. */
const OF_THEM = /(?:\s+or so|\s*-?odd|\s*-?ish)?\s+of them\b/iy;
const COMING = /\bthere(?: will|'ll|’ll| should| may| might) be\b|\bwe(?:'ll| will) (?:have|be)\b/i;
/** "Trustees (11) and the SMT (4)": a count in brackets after the people it counts. */
const BRACKET_COUNT_BEFORE = new RegExp(`\\b(?:${GENERAL}|${SPECIFIC}|team|squad|group|board|committee|panel|cabinet|smt|slt|elt|members)\\s*\\(\\s*(?:c\\.?\\s*|approx\\.?\\s*|~\\s*)?$`, 'i');
const BRACKET_CLOSE = /\s*\)/y;

/** A month name just before a number: the number is a date. */
const MONTH_BEFORE = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+$/i;
/** "800 million", "2 billion": a population's size, never who comes. */
const MILLIONS_AFTER = /^\s*(?:million|billion|m|bn)\b/i;
/** "5 people per table": the size of a table or group, not of the meeting. */
const PER_PART_AFTER = /\s+(?:per|at each|on each|to a|a) (?:table|group|room|team|session|breakout)\b/iy;
/** People counted per day or week ("25 patients a day", "40 families each week"): a workload or a service's reach, not a head count. */
const RATE_AFTER = /\s+(?:a|per|each|every) (?:day|week|month|year|shift)\b/iy;

/** The low end of a range said with "between" before the number that ends it. */
const BETWEEN_BEFORE = new RegExp(`\\bbetween\\s+(${NUM})\\s+and\\s+$`, 'i');

/** Where a count's quote starts: at the qualifier just before the number ("about", "up to"), if any (`pre`, matched in `before`), else at the number. */
const quoteStart = (before: string, at: number, pre: RegExpExecArray | null): number => (pre ? at - (before.length - pre.index) : at);

/** Words that say a number is about who attends. */
const ATTENDING = /\b(?:attend\w*|expect\w*|join\w*|invit\w*|places|seats|capacity|register\w*|sign(?:ed)? up|booked|came|come|welcom\w*|gather\w*|will be there|in the room|took part|taking part|take part)\b/i;
/** Words before a number that make it a population, a workforce or a reach rather than a head count. */
const POPULATION_BEFORE = /\b(?:serv(?:e|es|ing)|employ(?:s|ing)?|support(?:s|ing)|reach(?:es|ing)?|cover(?:s|ing)|population of|home to|affects?|affecting|represents?|representing|(?:the )?(?:views|voices) of|on behalf of|across|caring for|cares for|looks after|over the (?:last|past))\s+(?:over|more than|around|about|some|almost|nearly|roughly|approximately|up to)?\s*$/i;

/** A survey, a poll or a petition: its respondents are counted, not the meeting's people. */
const SURVEY = /\b(?:surveys?|questionnaires?|polls?|polled|respon(?:ded|dents|ses)|petitions?)\b/i;

/** Below this many bodies a count of organisations says little about the head count. */
const LARGE_ORGS = 12;

// Regexes used per sentence or per match are made once here: a literal in a function body builds a new
// RegExp object every time it is evaluated.
const TOP_BEFORE = /\btop\s*$/i;
const SHARE_BEFORE = /\b(?:\d+|one|two|three)\s+(?:in|out of)\s*$/i;
const VAGUE_NUMBER = /dozens|hundreds|scores|few|couple|handful/i;
const MORE_THAN = /^(?:over|more|at least)/i;
const LEADING_NON_WORD = /^\W+/;

interface Mention {
  n: { min: number; max: number };
  general: boolean;
  additive: boolean;
  approx: boolean;
  phrase: string;
  sentence: number;
  /** Where the phrase lies in its sentence, [start, end): single people listed beside it count too. */
  span: [number, number];
}

function sticky(re: RegExp, s: string, at: number): RegExpExecArray | null {
  primeNative(re);
  re.lastIndex = at;
  return re.exec(s);
}

/** Head-count mentions in one sentence, found at each number. */
function mentionsIn(s: string, i: number, out: Mention[], numbered?: boolean): void {
  if (!(numbered ?? HAS_NUMBER.test(s))) return;
  // A running total over months or years counts many sessions' people, not one meeting's.
  if (countedOverAPeriod(s)) return;
  // Whether the sentence is about attending: asked at many of its numbers, so read once, and only if asked.
  let attends: boolean | undefined;
  const attending = (): boolean => (attends ??= ATTENDING.test(s));
  let consumed = 0;
  let bodyEnd = -1;
  for (const start of allMatches(NUM_START, s)) {
    const at = start.index ?? 0;
    if (at < consumed) continue;
    const num = sticky(RANGE_AT, s, at);
    if (!num) continue;
    const end = at + num[0].length;
    consumed = end;
    // A clock time or a decimal ("9.30", "10:00", "1.5 hrs") is never a head count: skip the costly checks.
    const next = s.charCodeAt(end);
    if ((next === 58 || next === 46) && s.charCodeAt(end + 1) >= 48 && s.charCodeAt(end + 1) <= 57) continue;
    const before = s.slice(Math.max(0, at - 24), at);
    if (endsWithOfOrFor(before) && TABLE_SIZE.test(before)) continue;
    const n = parseRange(num[0]);
    if (!n || n.max === 0 || n.max > 100_000) continue;
    // "June 2 asking members": a day of the month, not a head count.
    if (MONTH_BEFORE.test(before)) continue;
    // A year, a body's size or growth, a venue's capacity: the words before say whose number it is.
    // The rest of a list after such a number is the same body's ("the school has 900 pupils and 60 staff").
    if (notThisMeetingBefore(num[0], s.slice(Math.max(0, at - 50), at)) || (bodyEnd >= 0 && LIST_GLUE.test(s.slice(bodyEnd, at)))) {
      const noun = sticky(PEOPLE_AFTER, s, end);
      bodyEnd = noun ? end + noun[0].length : end;
      consumed = bodyEnd;
      continue;
    }
    // "800 million people", "the top 50 chief executives": a population or a ranking, not a head count.
    if (MILLIONS_AFTER.test(s.slice(end, end + 12)) || TOP_BEFORE.test(before)) continue;
    // "1 in 5 children", "one in four staff": a share of a population, not a head count.
    if (SHARE_BEFORE.test(before)) continue;
    // "appoint two young people", "each year, hundreds of volunteers", "Section 8 participants".
    if (notACountBefore(before, attending)) continue;
    const people = sticky(PEOPLE_AFTER, s, end);
    if (people) {
      const preMatch = PRE_BEFORE.exec(before);
      const pre = preMatch?.[0].trim().toLowerCase() ?? '';
      const g = people.groups ?? {};
      if (g.each) {
        const orgs = g.orgs ? (parseNumber(g.orgs) ?? 2) : 2;
        n.min *= orgs;
        n.max *= orgs;
      }
      if (MORE_THAN.test(pre)) n.min = n.max = n.max + 1;
      consumed = end + people[0].length;
      if (sticky(PER_PART_AFTER, s, consumed) || sticky(RATE_AFTER, s, consumed)) continue;
      // A large number of a kind of person is usually a population or a workforce ("our 1,200 staff",
      // "serving 300,000 residents"), not who comes; it counts only beside words about attending.
      if (!GENERAL_RE.test(g.noun ?? '') && !g.each && n.max > 250 && !attending()) continue;
      if (POPULATION_BEFORE.test(before)) continue;
      // People who answered a survey or signed a petition gave their views, but not in the room.
      if (SURVEY.test(s) && !attending()) continue;
      // "Between thirty and forty people": the range's low end comes before "and", quoted with it.
      const low = BETWEEN_BEFORE.exec(before);
      const lowN = low?.[1] ? parseNumber(low[1]) : undefined;
      if (low && lowN !== undefined && lowN < n.min) n.min = lowN;
      const from = low && lowN !== undefined ? at - (before.length - low.index) : quoteStart(before, at, preMatch);
      out.push({
        n,
        general: GENERAL_RE.test(g.noun ?? '') || Boolean(g.each),
        additive: pre.startsWith('plus'),
        approx: (pre !== '' && !pre.startsWith('plus')) || VAGUE_NUMBER.test(num[0]) || Boolean(low),
        // Quoted exactly as written, from the qualifier ("about", "~") to the noun.
        phrase: s.slice(from, end + people[0].length).trim(),
        sentence: i,
        span: [from, end + people[0].length],
      });
      continue;
    }
    const orgs = n.max > LARGE_ORGS && attending() && !POPULATION_BEFORE.test(before) ? sticky(ORGS_AFTER, s, end) : null;
    if (orgs) {
      if (MORE_THAN.test(PRE_BEFORE.exec(before)?.[0].trim() ?? '')) n.min = n.max = n.max + 1;
      out.push({ n, general: true, additive: false, approx: true, phrase: `${num[0]}${orgs[0]}`, sentence: i, span: [at, end + orgs[0].length] });
      continue;
    }
    const ofGroup = s.slice(end, end + 14).includes(' of ') ? sticky(OF_US, s, end) ?? (COMING.test(s) || attending() ? sticky(OF_THEM, s, end) : null) : null;
    if (ofGroup) {
      // Quoted from its qualifier, as the count of a kind of person is: "about 25 of them".
      const from = quoteStart(before, at, PRE_BEFORE.exec(before));
      out.push({ n, general: true, additive: false, approx: true, phrase: s.slice(from, end + ofGroup[0].length).trim(), sentence: i, span: [from, end + ofGroup[0].length] });
      continue;
    }
    const bracket = before.includes('(') ? BRACKET_COUNT_BEFORE.exec(before) : null;
    const close = bracket ? sticky(BRACKET_CLOSE, s, end) : null;
    if (bracket && close) {
      const from = at - (before.length - bracket.index);
      out.push({ n, general: false, additive: false, approx: false, phrase: s.slice(from, end + close[0].length).replace(LEADING_NON_WORD, ''), sentence: i, span: [from, end + close[0].length] });
      continue;
    }
    const suffix = sticky(PERSON_SUFFIX, s, end);
    if (suffix) {
      if (bodyAfterSuffix(s, end + suffix[0].length)) continue;
      out.push({ n, general: true, additive: false, approx: false, phrase: `${num[0]}${suffix[0]}`, sentence: i, span: [at, end + suffix[0].length] });
      continue;
    }
    if (n.max >= 1900 && n.max <= 2100) continue;
    const markerMatch = MARKER_BEFORE.exec(before);
    const marker = markerMatch?.[0].trim();
    if (marker && !sticky(NOT_PEOPLE_AFTER, s, end)) {
      const markerAt = markerMatch?.index ?? before.length;
      out.push({ n, general: true, additive: false, approx: true, phrase: s.slice(at - (before.length - markerAt), end).trim(), sentence: i, span: [at - (before.length - markerAt), end] });
      continue;
    }
    // "Free for the first 50 to register": the places the plan expects to fill.
    const taker = FIRST_TAKERS_BEFORE.test(before) ? sticky(FIRST_TAKERS_AFTER, s, end) : null;
    if (taker) {
      out.push({ n, general: true, additive: false, approx: true, phrase: `first ${num[0]}${taker[0]}`, sentence: i, span: [at, end + taker[0].length] });
      continue;
    }
    const total = sticky(TOTAL_AFTER, s, end);
    if (total) out.push({ n, general: true, additive: false, approx: false, phrase: `${num[0]}${total[0]}`, sentence: i, span: [at, end + total[0].length] });
  }
}

/**
 * Finds the expected head count. `numbered[i]`, when given, is `HAS_NUMBER.test(sentenceList[i])`,
 * already asked by the plan's reader for the invitees too. General nouns ("40 people") give totals; numbered kinds of people
 * ("ten young carers, two teachers, a school nurse") add up; the larger of the two wins, because a
 * plan often gives a total and then its breakdown.
 */
export function parseCount(sentenceList: string[], numbered?: readonly boolean[]): Count | undefined {
  const mentions: Mention[] = [];
  // A long paste repeats itself: a sentence already read gives the same mentions, re-indexed.
  const bySentence = new Map<string, Mention[]>();
  sentenceList.forEach((s, i) => {
    const known = bySentence.get(s);
    if (known) {
      for (const m of known) mentions.push({ ...m, n: { ...m.n }, sentence: i });
      return;
    }
    const from = mentions.length;
    mentionsIn(s, i, mentions, numbered?.[i]);
    // Only sentences that gave mentions are kept: reading a repeat that gave none again gives none again.
    if (mentions.length > from) bySentence.set(s, mentions.slice(from));
  });
  if (mentions.length === 0) return undefined;
  const general = mentions.filter((m) => m.general && !m.additive);
  const additive = mentions.filter((m) => m.additive);
  const specific = mentions.filter((m) => !m.general);
  // Kinds of people add up within one sentence (a breakdown); across sentences they are often different
  // groups (who comes, who the issue is about), so the largest sentence total is taken.
  const bySent = new Map<number, Mention[]>();
  for (const m of specific) bySent.set(m.sentence, [...(bySent.get(m.sentence) ?? []), m]);
  let bestSent: Mention[] = [];
  let bestSum = -1;
  let singles = 0;
  for (const [i, ms] of bySent) {
    const sentence = sentenceList[i] ?? '';
    const singleSpans = [...sentence.matchAll(primeNative(SINGLE_PERSON))].map((m): [number, number] => [m.index, m.index + m[0].length]);
    const k = singleSpans.length === 0 ? 0 : listedSingles(sentence, ms.map((m) => m.span), singleSpans);
    const sum = ms.reduce((a, m) => a + m.n.max, 0) + k;
    if (sum > bestSum) { bestSum = sum; bestSent = ms; singles = k; }
  }
  specific.splice(0, specific.length, ...bestSent);
  const top = general.reduce<Mention | undefined>((a, b) => (!a || b.n.max > a.n.max ? b : a), undefined);
  const add = additive.reduce((sum, m) => sum + m.n.max, 0);
  const generalMin = (top?.n.min ?? 0) + add;
  const generalMax = (top?.n.max ?? 0) + add;
  const specMin = specific.reduce((sum, m) => sum + m.n.min, 0) + singles;
  const specMax = specific.reduce((sum, m) => sum + m.n.max, 0) + singles;
  const useGeneral = generalMax >= specMax;
  const used = useGeneral ? [...(top ? [top] : []), ...additive] : specific;
  return {
    min: useGeneral ? generalMin : specMin,
    max: useGeneral ? generalMax : specMax,
    approx: used.some((m) => m.approx) || (!useGeneral && singles > 0),
    evidence: used.map((m) => m.phrase),
  };
}
