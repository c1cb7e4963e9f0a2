/**
 * The meeting-plan model and its parsers. Free text and a filled-in form (Slack modal, Teams card) both
 * become a `MeetingPlan`; the rules only ever read this model, so both routes get the same review.
 */
import { aspirationCount, deficitSigns } from '../reframe/deficit.js';
import {
  AFTER_CUES, AGENDA_SPEAKER, BRIEF, CONVERSATION_CUES, CONVERSATION_DOMINANT, DOCUMENT_CUES, EXPLORE_FIRST,
  GROUPS, HYBRID, INVITEE_LABEL, MEETING_NOUN, ONLINE_CUES, OTHER_LABEL,
  PRESENTATION_CUES, PROCEDURAL_ITEM, PURPOSE_LABEL, PURPOSE_IMPERATIVE, PURPOSE_TOPIC, PURPOSE_TYPES, PURPOSE_VERB, QUESTION_LEAD,
  REMAINDER, ROOM_CUES, SCHEDULING, SPEAKER_LABEL, TEAM_ROUTINE, TOPIC_GROUPS, TOPIC_MARKER,
} from './cues.js';
import { largeEventCues } from './crowd.js';
import { addPurposeParts, GREETING, openingParts, readCentralFraming, type FramingPart } from './framing.js';
import { parseInvitees, type Invitees } from './invitees.js';
import { parseDuration } from './durations.js';
import { parseCount, type Count } from './head-count.js';
import { COME_TO_HEAR, FEATURES_PERSON, programmeSpeakers, SPEAKER_LIST } from './programme.js';
import { parseRoster } from './roster.js';
import { readRepresentatives } from './representatives.js';
import { clauseAfter, clauseBefore } from './clause.js';
import { allMatches, matchAll, sentences, union, unionMatches, wordCount } from './text.js';
import { forgetWords } from './words.js';

export type { Count } from './head-count.js';
export type { Invitees } from './invitees.js';

/** A group the issue concerns, with the words that showed it. */
export interface Concern {
  group: string;
  families: string[];
  evidence: string;
}

/** Everything the review knows about a planned meeting. Phrases are quoted from the plan. */
export interface MeetingPlan {
  text: string;
  /** The central question, when the plan asks one. */
  question?: string;
  /** Phrases that state a purpose, question or topic. */
  purpose: string[];
  /** The sentences that frame the issue (title, question, stated purpose). */
  framing: string;
  /** Each framing sentence with why it is in the framing. */
  framingParts: FramingPart[];
  /** Problem words of the central framing (see `framing.ts`). */
  deficit: string[];
  /** Aspiration words of the central framing. */
  aspiration: string[];
  invitees: Invitees;
  /** Groups the issue is about. */
  concerns: Concern[];
  count?: Count;
  durationMinutes?: number;
  durationEvidence: string[];
  format: { presentation: string[]; conversation: string[]; presentationWeight: number; conversationWeight: number };
  stories: string[];
  explore: string[];
  after: string[];
  teamRoutine: string[];
  representatives: string[];
  notRepresentatives: string[];
  setting: { room: string[]; online: string[]; hybrid: boolean };
  largeEvent: string[];
  wordCount: number;
}

/** The fields a review form asks for; every field is free text. */
export interface PlanForm {
  question?: string;
  who?: string;
  howMany?: string;
  howLong?: string;
  agenda?: string;
  after?: string;
}

interface Hints {
  question?: string;
  who?: string;
  afterStated?: string;
}

const STORIES = /\b(?:stor(?:y|ies)|(?:own|personal|their|people's|lived) experiences?|from experience|what it feels like)\b/gi;
const TITLE_STOP = new Set(
  "let's lets let have a an the our my this next new quick short big small whole all team weekly monthly daily regular catch up general staff annual national regional international leadership members member partnership partners spring summer autumn winter christmas festive local community network networking quarterly yearly away open".split(' '),
);
const NOTHING_AFTER = /^(?:nothing|none|n\/?a|tbc|tbd|not sure|no|not yet|-|\?)\b/i;
/** A cue word just after a negation ("no presentations", "not a lecture") does not count. */
const NEGATED = /\b(?:no|not|not a|not an|not any|without|rather than|instead of|never|nor)\s+(?:[\w-]+\s+)?$/i;
/** A clause that only supposes something ("if", "whether", "where needed", "may", "might", "could", "sometimes"). */
const CONDITIONAL = /\b(?:if|whether|unless|where (?:needed|appropriate|relevant)|may|might|could|sometimes|occasionally|from time to time)\b/i;
/** An agenda line: a bullet or a clock time at the start ("- Apologies", "09:45 Welcome from the Director"). */
const AGENDA_LINE = /^(?:-\s+|\d{1,2}[:.]\d{2}\s*(?:am|pm)?\s*(?:-\s+)?)(?=\S)/i;

/** Whether a cue sits in a clause that only supposes it: "if" or "whether" before it, or a "may" on either side. */
function supposed(text: string, at: number, length: number): boolean {
  const before = clauseBefore(text, at - 80, at);
  const after = clauseAfter(text, at + length, at + length + 50);
  return CONDITIONAL.test(before) || MAYBE_AFTER.test(after);
}
const MAYBE_AFTER = /^\s*(?:[\w-]+\s+){0,2}?(?:may|might|could|sometimes|occasionally)\b/i;

/** Talk cues that name the kind of event itself: a town hall, a seminar, a webinar, an information evening. */
const EVENT_KIND = /^(?:town hall|seminar|webinar|information|all[- ]hands|lunch|lecture series|school assembl|whole school assembl)/i;

/** A line that is an item of a list: a bullet or a number. */
const ITEM_START = /^\s*(?:-\s|\d{1,2}[.)]\s)/;

/**
 * The cues of one kind in a text and their weight. With `items`, an item of a list weighs once however many
 * cues it holds ("Principal's report / keynote presentation"): one part of the meeting, not several; the
 * set is shared between calls so talk and reports on one line count once together.
 */
function weigh(re: RegExp, text: string, items?: Set<number>): { phrases: string[]; weight: number } {
  const phrases: string[] = [];
  const seen = new Set<string>();
  const kinds = new Set<string>();
  let weight = 0;
  for (const m of allMatches(re, text)) {
    const phrase = m[0].trim();
    const lead = text.slice(Math.max(0, (m.index ?? 0) - 20), m.index ?? 0);
    if (NEGATED.test(lead)) continue;
    // "If a member of staff is to make a presentation": a cue in a condition is a possibility, not the format.
    if (re === PRESENTATION_CUES && supposed(text, m.index ?? 0, m[0].length)) continue;
    // The event's own kind named again ("the town hall ... town hall meetings are ...") is still one format.
    const kind = re === PRESENTATION_CUES ? EVENT_KIND.exec(phrase)?.[0].toLowerCase() : undefined;
    if (kind && kinds.has(kind)) continue;
    if (kind) kinds.add(kind);
    const brief = BRIEF.test(lead);
    const lineStart = text.lastIndexOf('\n', m.index ?? 0) + 1;
    const counted = items !== undefined && ITEM_START.test(text.slice(lineStart, lineStart + 6)) && items.has(lineStart);
    if (!counted) {
      items?.add(lineStart);
      weight += brief ? 0.5 : 1;
    }
    const key = phrase.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      phrases.push(phrase);
    }
  }
  return { phrases, weight };
}

/** A question someone else put ("asked what would happen", "wondered what might change") is reported, not explored here. */
const REPORTED_QUESTION = /\b(?:asked|asking|wondered|wondering|questioned|told)\s+(?:\w+\s+){0,2}$/i;

/** Cues that the meeting explores possibilities first, leaving out questions reported from elsewhere. */
function exploring(text: string): string[] {
  const out: string[] = [];
  for (const m of allMatches(EXPLORE_FIRST, text)) {
    if (REPORTED_QUESTION.test(text.slice(Math.max(0, (m.index ?? 0) - 30), m.index ?? 0))) continue;
    if (!out.includes(m[0])) out.push(m[0]);
    if (out.length >= 3) break;
  }
  return out;
}

function titleTopic(first: string): boolean {
  const m = new RegExp(`^(.*?)\\b${MEETING_NOUN}\\b`, 'i').exec(first);
  if (!m?.[1]) return false;
  const words = m[1].toLowerCase().match(/[a-z][a-z'&-]+/g) ?? [];
  return words.filter((w) => !TITLE_STOP.has(w)).length >= 2;
}

const GROUP_UNION = union(GROUPS.map((g) => g.re));
const TOPIC_UNION = union(TOPIC_GROUPS.map((t) => t.re));

function findConcerns(framing: string, routine: boolean): Concern[] {
  const out: Concern[] = [];
  for (const [i, phrase] of unionMatches(GROUP_UNION, framing)) {
    const g = GROUPS[i];
    if (g && !out.some((c) => c.group === g.name)) out.push({ group: g.name, families: g.families, evidence: phrase });
  }
  // A team's own routine (a huddle, a retro) is not read as being about the people its topic touches.
  if (routine) return out;
  for (const [i, phrase] of unionMatches(TOPIC_UNION, framing)) {
    for (const name of TOPIC_GROUPS[i]?.groups ?? []) {
      const g = GROUPS.find((x) => x.name === name);
      if (g && !out.some((c) => c.group === name)) out.push({ group: name, families: g.families, evidence: phrase });
    }
  }
  return out;
}

/**
 * The items of a bulleted or timed agenda, without their bullets and times, leaving out labelled lines
 * (who, when, where) and housekeeping (apologies, minutes, lunch).
 */
function agendaItems(text: string): string[] {
  if (!text.includes('\n')) return [];
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const m = AGENDA_LINE.exec(line);
    if (!m) continue;
    const item = line.slice(m[0].length).trim();
    if (!item || out.includes(item)) continue;
    if (!PROCEDURAL_ITEM.test(item) && !INVITEE_LABEL.test(item) && !OTHER_LABEL.test(item) && !SPEAKER_LABEL.test(item)) out.push(item);
  }
  return out;
}

/**
 * Deficit framing carried by an agenda rather than a stated question: problems named in more than half
 * of the items. One item's framing move ("Tackling underachievement" among eight) is one part of the
 * business, not the meeting's theme.
 */
function agendaDeficit(items: string[]): string[] {
  const evidence: string[] = [];
  let problemItems = 0;
  for (const item of items) {
    const signs = deficitSigns(item);
    if (signs.nouns > 0 && signs.nouns >= signs.aspiration) problemItems += 1;
    if (signs.strong > 0 || signs.nouns > signs.aspiration) evidence.push(...signs.evidence);
  }
  return problemItems * 2 > items.length ? evidence : [];
}

function build(text: string, hints: Hints = {}): MeetingPlan {
  // Each review reads its own words, even of a text reviewed before (the latency bench repeats one plan).
  forgetWords();
  const list = sentences(text);
  const words = wordCount(text);
  const invitees = parseInvitees(list, hints.who);
  const items = agendaItems(text);
  const itemSet = new Set(items);
  // Greetings do not count among the opening lines that frame the meeting.
  const parts = openingParts(list, { skip: (line) => Boolean(hints.who && line.startsWith('Who:')) });
  const first = list.find((s) => !GREETING.test(s)) ?? '';
  const questionSentence = hints.question ?? list.find((s) => s.includes('?') && wordCount(s) >= 3 && !SCHEDULING.test(s));
  const routine = matchAll(TEAM_ROUTINE, text, 2);
  // Purpose needs one piece of evidence; the cheaper signs are tried first and the rest skipped.
  const purpose: string[] = [];
  if (questionSentence) purpose.push(questionSentence.replace(/^[^:]{0,40}:\s*/, ''));
  purpose.push(...list.filter((s) => PURPOSE_LABEL.test(s)).map((s) => s.replace(PURPOSE_LABEL, '')));
  for (const re of [PURPOSE_VERB, PURPOSE_TOPIC, PURPOSE_TYPES, TOPIC_MARKER, PURPOSE_IMPERATIVE, QUESTION_LEAD]) {
    if (purpose.length > 0) break;
    purpose.push(...matchAll(re, text, 3));
  }
  if (purpose.length === 0 && titleTopic(first)) purpose.push(first);
  // A stated purpose found outside the opening lines belongs to the framing too (not agenda items: below).
  addPurposeParts(parts, list, purpose, itemSet);
  // An agenda of real business says what the meeting is for, even with no stated aim.
  if (purpose.length === 0 && items.length >= 2) purpose.push(...items.slice(0, 2));
  let framing = parts.map((p) => p.text).join(' ');
  if (hints.question && !framing.includes(hints.question)) framing = `${hints.question} ${framing}`;
  const masked = invitees.phrases.reduce((acc, p) => acc.split(p).join(' '), framing);
  // "Challenges" is the ordinary word for what any event discusses ("opportunities and challenges"): not a deficit framing by itself.
  for (const p of parts) if (p.text === questionSentence) p.role = 'question';
  if (hints.question && !parts.some((p) => p.text === hints.question)) parts.unshift({ text: hints.question, role: 'question' });
  const central = readCentralFraming(parts);
  let deficit = central.deficit;
  if (deficit.length === 0 && items.length > 0 && aspirationCount(framing) === 0) deficit = agendaDeficit(items);
  if (deficit.length > 0 && purpose.length === 0) purpose.push(framing);
  const talkItems = new Set<number>();
  const pres = weigh(PRESENTATION_CUES, text, talkItems);
  const docs = weigh(DOCUMENT_CUES, text, talkItems);
  for (const d of docs.phrases) if (!pres.phrases.some((p) => p.toLowerCase().includes(d.toLowerCase()))) pres.phrases.push(d);
  pres.weight += docs.weight / 2;
  const byline = text.includes("\n") ? matchAll(AGENDA_SPEAKER, text, 3).map((l) => l.replace(/^-\s+/, "")) : [];
  if (byline.length > 0) { pres.weight += text.match(AGENDA_SPEAKER)?.length ?? 0; pres.phrases.push(...byline); }
  // Timed slots given to named people are talks, even when no line says "talk".
  const speakers = programmeSpeakers(text);
  if (speakers.length > 0) { pres.weight += speakers.length; pres.phrases.push(...speakers); }
  for (const re of [COME_TO_HEAR, FEATURES_PERSON, SPEAKER_LIST]) {
    const told = weigh(re, text, talkItems);
    pres.weight += told.weight;
    pres.phrases.push(...told.phrases);
  }
  const conv = weigh(CONVERSATION_CUES, text);
  for (const m of allMatches(CONVERSATION_DOMINANT, text)) {
    const next = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 40);
    if (CONVERSATION_CUES.test(next)) conv.weight += 2;
    else if (PRESENTATION_CUES.test(next)) pres.weight += 2;
    CONVERSATION_CUES.lastIndex = 0;
    PRESENTATION_CUES.lastIndex = 0;
  }
  for (const m of allMatches(REMAINDER, text)) {
    const at = m.index ?? 0;
    const next = clauseAfter(text, at + m[0].length, at + m[0].length + 40);
    const prev = clauseBefore(text, at - 40, at);
    // What comes first in the clause names the use ("discussion follows for the remainder of the seminar").
    const part = CONVERSATION_CUES.test(prev) || PRESENTATION_CUES.test(prev) ? prev : next;
    CONVERSATION_CUES.lastIndex = 0;
    PRESENTATION_CUES.lastIndex = 0;
    if (CONVERSATION_CUES.test(part)) conv.weight += 2;
    else if (PRESENTATION_CUES.test(part)) pres.weight += 2;
    CONVERSATION_CUES.lastIndex = 0;
    PRESENTATION_CUES.lastIndex = 0;
  }
  const reps = readRepresentatives(text, list);
  const after = matchAll(AFTER_CUES, text, 4);
  if (hints.afterStated) after.unshift(hints.afterStated);
  for (const s of list) {
    const m = /^(?:after|follow[- ]?up|next steps)\s*[:-]\s*(.+)$/i.exec(s);
    if (m?.[1] && !NOTHING_AFTER.test(m[1]) && !after.includes(m[1])) after.push(m[1]);
  }
  const duration = parseDuration(text);
  const counted = parseCount(list);
  const roster = parseRoster(text);
  // A roster of names beats the prose's numbers when it is longer (minutes rarely state the head count).
  const count = roster && roster.max > (counted?.max ?? 0) ? roster : counted;
  return {
    text,
    ...(questionSentence ? { question: questionSentence } : {}),
    purpose,
    framing,
    framingParts: parts,
    deficit,
    aspiration: central.aspiration,
    invitees,
    concerns: findConcerns(
      masked + (hints.question && !masked.includes(hints.question) ? ` ${hints.question}` : '') + (items.length > 0 ? ` ${items.join(' ; ')}` : ''),
      routine.length > 0,
    ),
    ...(count ? { count } : {}),
    ...(duration ? { durationMinutes: duration.minutes } : {}),
    durationEvidence: duration?.evidence ?? [],
    format: { presentation: pres.phrases, conversation: conv.phrases, presentationWeight: pres.weight, conversationWeight: conv.weight },
    stories: matchAll(STORIES, text, 3),
    explore: exploring(text),
    after,
    teamRoutine: routine,
    representatives: reps.yes,
    notRepresentatives: reps.no,
    setting: { room: matchAll(ROOM_CUES, text, 4), online: matchAll(ONLINE_CUES, text, 2), hybrid: HYBRID.test(text) },
    largeEvent: largeEventCues(text),
    wordCount: words,
  };
}

/** Parses a free-text plan (already cleaned of markup) best-effort; never throws. */
export function parsePlan(text: string): MeetingPlan {
  return build(text);
}

/**
 * Maps a filled-in form to the same model. Each field is free text and goes through the same parsers;
 * a bare number is read in the field's own unit ("40" people, "90" minutes, "2" hours).
 */
export function planFromForm(fields: PlanForm): MeetingPlan {
  const clean = (s: string | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
  const question = clean(fields.question);
  const who = clean(fields.who);
  let howMany = clean(fields.howMany);
  if (/^~?\s*\d[\d\s\-–to+]*$/.test(howMany)) howMany = `${howMany.replace(/[~\s]/g, '')} people`;
  let howLong = clean(fields.howLong);
  if (/^\d+(?:\.\d+)?$/.test(howLong)) howLong = Number(howLong) <= 8 ? `${howLong} hours` : `${howLong} minutes`;
  const after = clean(fields.after);
  const afterStated = after && !NOTHING_AFTER.test(after) ? after : undefined;
  const lines = [
    question && `Question: ${question}`,
    who && `Who: ${who}`,
    howMany && `Numbers: ${howMany}`,
    howLong && `Duration: ${howLong}`,
    clean(fields.agenda) && `Agenda: ${clean(fields.agenda)}`,
    after && `After: ${after}`,
  ].filter(Boolean);
  const hints: Hints = {};
  if (question) hints.question = question;
  if (who) hints.who = who;
  if (afterStated) hints.afterStated = afterStated;
  return build(lines.join('\n'), hints);
}
