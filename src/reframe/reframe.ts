/**
 * The framing check: is a question framed around a deficit, what would an aspirational version sound
 * like, and who might be missing from the room. "Re-articulating the problem in ways which tap into
 * people's passion for something can release different forms of energy" ("Where to Begin").
 */
import { cleanText } from '../review/text.js';
import { hasGoodHead } from './background.js';
import { aspirationCount, detectDeficit } from './deficit.js';
import { ALWAYS_MISSING, genericRewrites, INTERNAL_MISSING, INTERNAL_QUESTION, OUTSIDE_PEOPLE, TOPICS, type Slots, type Topic } from './topics.js';

/** The framing check's answer, matching the CLI's JSON contract. */
export interface ReframeResult {
  deficit: boolean;
  evidence: string[];
  suggestions: string[];
  whoMightBeMissing: string[];
}

/** Questions are short; a long paste is read up to here so the check stays instant. */
const MAX_QUESTION_CHARS = 2_000;

const PEOPLE =
  "(?:(?:older|young|care|new|local|frail|elderly|vulnerable|disabled|working|single|first[- ]year|front[- ]line|our|the)\\s+)*" +
  '(?:people|patients|pupils|students|tenants|residents|families|children|staff|carers|parents|volunteers|developers|' +
  'customers|users|nurses|teachers|colleagues|men|women|adults|workers|call handlers|households|clients|members|young people)';
const WHO_AFTER = new RegExp(`\\b(?:among(?:st)?|for|of|with)\\s+(${PEOPLE})\\b`, 'i');
const WHO_ANY = new RegExp(`\\b(${PEOPLE})\\b`, 'i');
const PLACE_WORDS =
  /^(?:borough|estate|town|town centre|city|city centre|village|county|district|ward|wards|campus|care homes?|(?:secondary |primary )?schools?|hospital|a&e|(?:the )?\w+ service|high street|neighbourhood|area|community|unit|practice|team|department|organisation|region|streets?|parks?|library|centre|north|south|east|west)$/i;
const PLACE = /\b(in|on|at|across|around|within)\s+(the\s+|our\s+|this\s+)?([a-z&][\w&'-]*(?:\s+[a-z&][\w&'-]*){0,2}?)(?=\s*(?:[?.!,;]|$|\s+(?:for|among|and|with|so)\b))/gi;
const STREET = /\b(?:street|road|lane|avenue|estate|way|green|hill|park|square|close|drive|place|row|terrace|crescent|parade|walk)$/i;
const NOT_PLACE = /^(?:christmas|easter|summer|winter|spring|autumn|maths|english|first|general|practice|time|future|work|school|the morning|the evening)$/i;

const STAFF = /\b(?:staff|nurses|teachers|developers|colleagues|workers|call handlers|members)\b/i;

function slotsFor(text: string, topic: Topic | undefined, evidence: string[] = []): Slots {
  let whoMatch = WHO_AFTER.exec(text)?.[1] ?? WHO_ANY.exec(text)?.[1];
  // "Falls on the ward" is about patients even when the question mentions the nurses.
  if (whoMatch && topic?.served && STAFF.test(whoMatch)) whoMatch = undefined;
  let place = '';
  let placeIn = '';
  // In a title where most words are capitalised, a capital says nothing about a place ("Report on Staff Turnover").
  const long = text.match(/\b[A-Za-z][a-z]{3,}\b/g) ?? [];
  const titleCase = long.length >= 2 && long.filter((w) => /^[A-Z]/.test(w)).length >= long.length * 0.6;
  for (const m of text.matchAll(PLACE)) {
    const words = (m[3] ?? '').trim();
    // The words that carry the problem are not a place: "Our lives on hold" is not "on Hold".
    if (NOT_PLACE.test(words) || evidence.some((e) => e.toLowerCase() === `${m[1]} ${words}`.toLowerCase())) continue;
    // "On" names a place only as a street or an estate ("on Market Street", "on the estate"), not "on the schedule".
    if (m[1]?.toLowerCase() === 'on' && !PLACE_WORDS.test(words) && !STREET.test(words)) continue;
    if (PLACE_WORDS.test(words) || (/^[A-Z]/.test(words) && !titleCase) || m[2]) {
      place = `${(m[2] ?? '').trim().toLowerCase() === 'our' ? 'our ' : m[2] ? 'the ' : ''}${words}`;
      placeIn = `${m[1]?.toLowerCase()} ${place}`;
      break;
    }
  }
  let who = whoMatch ? whoMatch.replace(/^(?:our|the)\s+/i, '').toLowerCase() : (topic?.who ?? 'people');
  if (!whoMatch && /care homes?/i.test(`${place} ${text}`)) who = 'residents';
  else if (!whoMatch && topic?.served && /\b(?:ward|hospital|patients?|clinic|medication)\b/i.test(text)) who = 'patients';
  const thingMatch = /\b((?:[a-z]+\s+)?(?:process|system|pathway|service))\b/i.exec(text)?.[1];
  let thing = thingMatch ? thingMatch.replace(/^(?:the|our|broken|failing|poor|slow|a)\s+/i, '').toLowerCase() : '';
  const offer = /\b(flu jabs?|vaccinations?|vaccines?|screening|health checks?)\b/i.exec(text)?.[1]?.toLowerCase();
  if (!thing) thing = offer ?? (/referral/i.test(text) ? 'referral process' : /repair/i.test(text) ? 'repairs service' : 'process');
  return { who, place, placeIn: placeIn || 'here', thing, namedWho: Boolean(whoMatch), namedPlace: Boolean(place) };
}

/**
 * Evidence as the reader sees it: phrases that overlap or touch in the question are joined into the one
 * stretch of the question they cover ("Why are staff not" and "not completing" become "Why are staff not
 * completing"), so the quote never stops at a word that only makes sense with the next one.
 */
function joinOverlaps(text: string, evidence: string[]): string[] {
  const spans: Array<[number, number]> = [];
  const loose: string[] = [];
  for (const e of evidence) {
    const at = text.indexOf(e);
    if (at < 0) loose.push(e);
    else spans.push([at, at + e.length]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const joined: Array<[number, number]> = [];
  for (const [start, end] of spans) {
    const last = joined[joined.length - 1];
    // Overlapping phrases, and phrases only a space apart ("knife" "crime"), read as one.
    if (last && (start < last[1] || /^\s+$/.test(text.slice(last[1], start)))) last[1] = Math.max(last[1], end);
    else joined.push([start, end]);
  }
  return [...joined.map(([start, end]) => text.slice(start, end)), ...loose];
}

function unique(items: string[]): string[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const key = i.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Checks a question's framing (or takes `judged`, a model's reading). Never throws: empty or odd input gives a non-deficit result with no
 * suggestions; very long input is read up to a limit.
 */
export function reframe(question: string, judged?: { deficit: boolean; evidence: string[] }): ReframeResult {
  const text = cleanText(String(question ?? ''), MAX_QUESTION_CHARS).text.replace(/\s+/g, ' ').trim();
  if (!/\p{L}/u.test(text)) return { deficit: false, evidence: [], suggestions: [], whoMightBeMissing: [] };
  // A language model's reading, when one was asked, replaces the rules' call on the framing.
  const { deficit, evidence } = judged ?? detectDeficit(text, { general: true });
  const topic = TOPICS.find((t) => t.re.test(text));
  const slots = slotsFor(text, topic, evidence);
  const rewrites = (topic ? topic.rewrite(slots) : genericRewrites(slots)).map((r) => r.replace(/\s+/g, ' ').replace(/ \?/g, '?'));
  let suggestions: string[] = [];
  if (deficit) suggestions = rewrites.slice(0, 3);
  // A question that already reaches for something good ("Celebrating recovery from addiction") needs no
  // rewrite; a neutral one gets a widening.
  else if (aspirationCount(text) === 0 && !hasGoodHead(text)) suggestions = rewrites.slice(0, 2);
  // A named group is who might be missing; "people" on its own names nobody in particular.
  const missing = topic ? topic.missing(slots) : slots.namedWho && slots.who !== 'people' ? [slots.who] : [];
  // An internal workplace question (staff, training, recruitment) is not missing the community.
  const internal = topic?.internal === true || (!topic && INTERNAL_QUESTION.test(text) && !OUTSIDE_PEOPLE.test(text));
  const reminders = internal ? INTERNAL_MISSING : ALWAYS_MISSING;
  return {
    deficit,
    evidence: joinOverlaps(text, evidence),
    suggestions: unique(suggestions).filter((s) => s.toLowerCase() !== text.toLowerCase()),
    // The general reminders are dropped where the subject already names front-line staff or outsiders.
    whoMightBeMissing: unique([
      ...missing,
      ...reminders.filter((a) => !missing.some((m) => (/front-line/.test(a) && /front-line/.test(m)) || (/usual networks/.test(a) && /usual networks/.test(m)))),
    ]),
  };
}
