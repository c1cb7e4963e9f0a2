/**
 * How a meeting spends its time, read from its cues: how much is talk (presentations, reports, named
 * speakers) and how much conversation, and whether it explores possibilities first. Each list item counts
 * once however many cues it holds, and a cue that is negated or only supposed does not count.
 */
import {
  AGENDA_SPEAKER, BRIEF, CONVERSATION_CUES, CONVERSATION_DOMINANT, DOCUMENT_CUES, EXPLORE_FIRST, PRESENTATION_CUES, REMAINDER,
} from './cues.js';
import { COME_TO_HEAR, FEATURES_PERSON, programmeSpeakers, SPEAKER_LIST } from './programme.js';
import { clauseAfter, clauseBefore } from './clause.js';
import { allMatches, matchAll } from './text.js';

/** The talk and conversation a plan describes: the phrases that show each and their weights. */
export interface TalkFormat {
  presentation: string[];
  conversation: string[];
  presentationWeight: number;
  conversationWeight: number;
}

/** A cue word just after a negation ("no presentations", "not a lecture") does not count. */
const NEGATED = /\b(?:no|not|not a|not an|not any|without|rather than|instead of|never|nor)\s+(?:[\w-]+\s+)?$/i;
/** A clause that only supposes something ("if", "whether", "where needed", "may", "might", "could", "sometimes"). */
const CONDITIONAL = /\b(?:if|whether|unless|where (?:needed|appropriate|relevant)|may|might|could|sometimes|occasionally|from time to time)\b/i;

/** Whether a cue sits in a clause that only supposes it: "if" or "whether" before it, or a "may" on either side. */
function supposed(text: string, at: number, length: number): boolean {
  const before = clauseBefore(text, at - 80, at);
  const after = clauseAfter(text, at + length, at + length + 50);
  return CONDITIONAL.test(before) || MAYBE_AFTER.test(after);
}
const MAYBE_AFTER = /^\s*(?:[\w-]+\s+){0,2}?(?:may|might|could|sometimes|occasionally)\b/i;

/** Talk cues that name the kind of event itself: a town hall, a seminar, a webinar, an information evening. */
const EVENT_KIND = /^(?:town hall|seminar|webinar|information|all[- ]hands|lunch|lecture series|school assembl|whole school assembl)/i;

/**
 * A talk format named as the event's own kind: a town hall, a webinar, a seminar, a lecture, an information
 * session, a panel discussion, question time. Not a part of an event (a keynote, a Q&A: a half-day of talks and a world café has
 * both), and not a venue that shares the word ("lecture theatre").
 */
const TALK_KIND =
  /\b(?:town hall(?! (?:building|chambers?|offices?|square))|webinars?|seminars?|information (?:sessions?|evenings?|events?|nights?|meetings?)|lectures?(?! (?:theat(?:re|er)s?|halls?|rooms?))|panel (?:discussion|event)s?|question time)\b/i;
/** How far into a text its own kind is named: the title and opening sentence (as `crowd.ts` reads a general meeting). */
const OPENING_CHARS = 300;

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

/** Weighs the talk and the conversation a plan describes (see `weigh`). */
export function readFormat(text: string): TalkFormat {
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
  // An event that opens by naming itself a talk format (guide: talks, panels, briefings or Q&A dominate) is
  // talk throughout unless the text tells of more than one turn of conversation: the kind counts once more.
  const kind = TALK_KIND.exec(text.slice(0, OPENING_CHARS));
  if (kind && conv.weight <= 1) {
    pres.weight += 1;
    if (!pres.phrases.some((p) => p.toLowerCase() === kind[0].toLowerCase())) pres.phrases.push(kind[0]);
  }
  return { presentation: pres.phrases, conversation: conv.phrases, presentationWeight: pres.weight, conversationWeight: conv.weight };
}

/** A question someone else put ("asked what would happen", "wondered what might change") is reported, not explored here. */
const REPORTED_QUESTION = /\b(?:asked|asking|wondered|wondering|questioned|told)\s+(?:\w+\s+){0,2}$/i;

/** Cues that the meeting explores possibilities first, leaving out questions reported from elsewhere. */
export function exploring(text: string): string[] {
  const out: string[] = [];
  for (const m of allMatches(EXPLORE_FIRST, text)) {
    if (REPORTED_QUESTION.test(text.slice(Math.max(0, (m.index ?? 0) - 30), m.index ?? 0))) continue;
    if (!out.includes(m[0])) out.push(m[0]);
    if (out.length >= 3) break;
  }
  return out;
}
