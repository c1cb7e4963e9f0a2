/**
 * The meeting-plan model and its parsers. Free text and a filled-in form (Slack modal, Teams card) both
 * become a `MeetingPlan`; the rules only ever read this model, so both routes get the same review.
 */
import { aspirationCount } from '../reframe/deficit.js';
import {
  AFTER_CUES, HYBRID, MEETING_NOUN, ONLINE_CUES, PURPOSE_LABEL, PURPOSE_IMPERATIVE, PURPOSE_TOPIC, PURPOSE_TYPES, PURPOSE_VERB,
  QUESTION_LEAD, ROOM_CUES, SCHEDULING, TEAM_ROUTINE, TOPIC_MARKER,
} from './cues.js';
import { agendaDeficit, agendaItems } from './agenda.js';
import { findConcerns, type Concern } from './concerns.js';
import { largeEventCues } from './crowd.js';
import { addPurposeParts, GREETING, openingParts, readCentralFraming, type FramingPart } from './framing.js';
import { parseInvitees, type Invitees } from './invitees.js';
import { parseDuration } from './durations.js';
import { parseCount, type Count } from './head-count.js';
import { HAS_NUMBER } from './numbers.js';
import { parseRoster } from './roster.js';
import { readRepresentatives } from './representatives.js';
import { teaserQuestion } from './put-question.js';
import { exploring, readFormat, type TalkFormat } from './talk-format.js';
import { matchAll, sentences, wordCount } from './text.js';
import { forgetWords } from './words.js';

export type { Count } from './head-count.js';
export type { Invitees } from './invitees.js';
export type { Concern } from './concerns.js';
export type { TalkFormat } from './talk-format.js';

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
  format: TalkFormat;
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

// Stories or experience an audience hears ("moving to hear their stories", "hear from Lived Experience
// Partners") are the speakers', not people working from their own (s29 audit), so a hearing verb before them
// (within three words) keeps them out.
const STORIES = /(?<!\b(?:hear|hears|hearing|heard|listen|listens|listening|listened)(?:\s+(?:to|from|about))?\s+(?:[\w'’-]+\s+){0,3})\b(?:stor(?:y|ies)|(?:own|personal|their|people's|lived) experiences?|from experience|what it feels like)\b/gi;
const TITLE_STOP = new Set(
  "let's lets let have a an the our my this next new quick short big small whole all team weekly monthly daily regular catch up general staff annual national regional international leadership members member partnership partners spring summer autumn winter christmas festive local community network networking quarterly yearly away open".split(' '),
);
const NOTHING_AFTER = /^(?:nothing|none|n\/?a|tbc|tbd|not sure|no|not yet|-|\?)\b/i;

// Regexes used per sentence or per match are made once here: a literal in a function body builds a new
// RegExp object every time it is evaluated.
const TITLE_TOPIC = new RegExp(`^(.*?)\\b${MEETING_NOUN}\\b`, 'i');
const TITLE_WORD = /[a-z][a-z'&-]+/g;
const AFTER_LABEL = /^(?:after|follow[- ]?up|next steps)\s*[:-]\s*(.+)$/i;

/** A first line that names a topic before the meeting's noun ("Estates strategy workshop"), not just a kind of meeting. */
function titleTopic(first: string): boolean {
  const m = TITLE_TOPIC.exec(first);
  if (!m?.[1]) return false;
  const words = m[1].toLowerCase().match(TITLE_WORD) ?? [];
  return words.filter((w) => !TITLE_STOP.has(w)).length >= 2;
}

function build(text: string, hints: Hints = {}): MeetingPlan {
  // Each review reads its own words, even of a text reviewed before (the latency bench repeats one plan).
  forgetWords();
  const list = sentences(text);
  const words = wordCount(text);
  // Whether each sentence has a number: the invitees and the head count both ask it.
  const numbered = list.map((s) => HAS_NUMBER.test(s));
  const invitees = parseInvitees(list, hints.who, numbered);
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
  const format = readFormat(text);
  const reps = readRepresentatives(text, list);
  const after = matchAll(AFTER_CUES, text, 4);
  if (hints.afterStated) after.unshift(hints.afterStated);
  for (const s of list) {
    const m = AFTER_LABEL.exec(s);
    if (m?.[1] && !NOTHING_AFTER.test(m[1]) && !after.includes(m[1])) after.push(m[1]);
  }
  const duration = parseDuration(text);
  const counted = parseCount(list, numbered);
  const roster = parseRoster(text);
  // A roster of names beats the prose's numbers when it is longer (minutes rarely state the head count).
  const count = roster && roster.max > (counted?.max ?? 0) ? roster : counted;
  return {
    text,
    // A teaser the speakers answer ("... ? Join us to find out") still says what the meeting is about, but it is
    // not the question put to people; a question from the form is always the planner's own.
    ...(questionSentence && (hints.question || !teaserQuestion(list, questionSentence)) ? { question: questionSentence } : {}),
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
    format,
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
