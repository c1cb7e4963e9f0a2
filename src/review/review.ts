/**
 * The meeting-plan review: text or a filled-in form in, a few reflective nudges and strengths out.
 * Facts first (`extract`), then the guide (`decide`); flags the review is less sure of (`ASKED_FLAGS`)
 * become open questions. Bad input never throws; it gets a short notice asking for what the review needs.
 */
import { decide, strengths as findStrengths, type Decision } from './decide.js';
import { extract, extractForm } from './extract.js';
import type { PlanFacts } from './facts.js';
import { ASKED_FLAGS, isAsked } from './findings.js';
import { nudgeFor, OPEN_QUESTIONS, strengthText } from './nudges.js';
import type { PlanForm } from './plan.js';
import { cleanQuote } from './quote.js';
import type { Flag, FlagId } from './rules.js';
import { cleanText, clip, looksEnglish, MAX_PLAN_CHARS, mostlyLatin, wordCount } from './text.js';

export type { PlanForm } from './plan.js';
export type { Flag, FlagId } from './rules.js';

/** A JSON-friendly summary of what the review understood from the plan. */
export interface PlanSummary {
  question: string | null;
  purpose: string | null;
  invitees: {
    stated: boolean;
    roles: string[];
    levels: string[];
    organisations: string[];
    affectedGroups: string[];
    representatives: boolean;
  };
  concerns: string[];
  count: { min: number; max: number; approx: boolean } | null;
  durationMinutes: number | null;
  format: { presentation: string[]; conversation: string[] };
  decide: string[];
  after: string[];
  setting: { room: string[]; online: boolean };
  words: number;
  /** Questions the review asks rather than states, where its reading is less sure. */
  openQuestions: string[];
}

/** The review's answer, matching the CLI's JSON contract (`notice` only when set). */
export interface ReviewResult {
  flags: Flag[];
  strengths: string[];
  plan: PlanSummary;
  notice?: string;
}

/** How a review runs: which flags are asked rather than stated, and facts already extracted (by a model). */
export interface ReviewOptions {
  asked?: readonly FlagId[];
  facts?: PlanFacts;
}

/** The short answer to input the review cannot use. */
export const ASK_FOR_PLAN =
  'Tell me about the meeting: the question, who is coming, how many, how long and what happens after.';

const ONLINE_WORD = /online|zoom|teams|hybrid|virtual|webinar|video|meet|skype|webex/i;

function summarise(f: PlanFacts, openQuestions: string[]): PlanSummary {
  const people = f.participants.filter((p) => p.role === 'participant');
  const a = f.attendance;
  return {
    question: f.framing.question,
    purpose: f.purpose.evidence[0] ? clip(f.purpose.evidence[0], 160) : null,
    invitees: {
      stated: f.invitees.stated,
      roles: people.filter((p) => p.level !== 'unknown').map((p) => p.phrase),
      levels: [...new Set(people.map((p) => p.level).filter((l) => l !== 'unknown'))],
      organisations: people.filter((p) => p.organisation).map((p) => p.organisation ?? ''),
      affectedGroups: [...new Set(people.filter((p) => p.group).map((p) => p.group ?? ''))],
      representatives: f.representatives.value === 'yes',
    },
    concerns: [...new Set(f.concerns.map((c) => c.group))],
    count: a.kind === 'stated' && a.max !== null
      ? { min: a.min ?? a.max, max: a.max, approx: a.min !== a.max || a.evidence.some((e) => /about|around|approx|up to|~|c\.|roughly|or so|dozens|hundreds/i.test(e)) }
      : null,
    durationMinutes: f.session.minutes,
    format: { presentation: f.format.talkEvidence, conversation: f.format.conversationEvidence },
    decide: f.outcome.fixed === 'yes' ? f.outcome.evidence : [],
    after: f.followUp.evidence,
    setting: { room: f.setting.roomDescribed ? f.setting.evidence.filter((e) => !ONLINE_WORD.test(e)) : [], online: f.setting.mode === 'online' },
    words: f.words,
    openQuestions,
  };
}

function toFlag(d: Decision, f: PlanFacts): Flag {
  const seen = new Set<string>();
  const evidence = d.evidence
    .map((e) => cleanQuote(e, 120))
    .filter((e) => e.length > 0 && !seen.has(e.toLowerCase()) && Boolean(seen.add(e.toLowerCase())));
  return { id: d.id, ...nudgeFor(d, f), evidence: evidence.slice(0, 6) };
}

/** The review of extracted facts: findings, open questions and strengths. */
export function reviewFacts(facts: PlanFacts, asked: readonly FlagId[] = ASKED_FLAGS): ReviewResult {
  const decisions = decide(facts);
  const stated = decisions.filter((d) => !isAsked(d, asked));
  const open = decisions.filter((d) => isAsked(d, asked)).map((d) => OPEN_QUESTIONS[d.id]);
  const flags = stated.map((d) => toFlag(d, facts));
  // Strengths are read against every candidate, so nothing the review is unsure of is praised.
  const strengths = findStrengths(facts, decisions.map((d) => d.id)).map((s) => strengthText(s, facts));
  return { flags, strengths, plan: summarise(facts, open) };
}

function empty(notice: string): ReviewResult {
  return { flags: [], strengths: [], plan: summarise(extract(''), []), notice };
}

/**
 * Reviews a plan given as free text (markdown is fine) or as form fields. Empty input, a bare link,
 * emoji or text in another script gets a notice and no flags: there is nothing yet to reflect on. A
 * plan too short to judge gets its flags plus a notice asking for more.
 */
export function reviewPlan(input: string | PlanForm, options: ReviewOptions = {}): ReviewResult {
  const asked = options.asked ?? ASKED_FLAGS;
  try {
    if (typeof input !== 'string') {
      const { facts, text } = extractForm(input ?? {});
      if (wordCount(text) === 0) return empty(ASK_FOR_PLAN);
      return reviewFacts(facts, asked);
    }
    const cleaned = cleanText(String(input ?? ''));
    if (cleaned.hadUrlOnly) return empty(`I can't open links, so paste the plan itself. ${ASK_FOR_PLAN}`);
    if (!/\p{L}/u.test(cleaned.text)) return empty(ASK_FOR_PLAN);
    if (!mostlyLatin(cleaned.text) || !looksEnglish(cleaned.text)) {
      return empty(`I can only read plans written in English for now. ${ASK_FOR_PLAN}`);
    }
    const facts = options.facts ?? extract(cleaned.text);
    const result = reviewFacts(facts, asked);
    if (cleaned.truncated) {
      result.notice = `That is a long plan, so I read the first ${MAX_PLAN_CHARS.toLocaleString('en-GB')} characters.`;
    } else if (facts.words < 6 || (facts.purpose.stated === 'no' && facts.attendance.kind === 'unknown' && facts.session.minutes === null)) {
      result.notice = ASK_FOR_PLAN;
    }
    return result;
  } catch {
    // The parsers are written not to throw; this keeps a chat reply possible if one ever does.
    return empty(ASK_FOR_PLAN);
  }
}

/**
 * The flag ids the review states as findings for a text plan, as users get them (asked flags left out);
 * what the eval scores on the calibration and frozen test splits.
 */
export function statedFlags(text: string): string[] {
  return reviewPlan(text).flags.map((f) => f.id);
}

/** The flag ids the rules raise for a text plan, before the precision gate (what the eval scores). */
export function candidateFlags(text: string): string[] {
  const cleaned = cleanText(String(text ?? ''));
  if (!/\p{L}/u.test(cleaned.text)) return [];
  return decide(extract(cleaned.text)).map((d) => d.id);
}
