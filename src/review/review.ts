/**
 * The meeting-plan review: text or a filled-in form in, a few reflective nudges and strengths out.
 * Bad input never throws; it gets a short notice asking for what the review needs.
 */
import { parsePlan, planFromForm, type MeetingPlan, type PlanForm } from './plan.js';
import { findStrengths, runRules, type Flag } from './rules.js';
import { cleanText, clip, looksEnglish, MAX_PLAN_CHARS, mostlyLatin } from './text.js';

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
}

/** The review's answer, matching the CLI's JSON contract (`notice` only when set). */
export interface ReviewResult {
  flags: Flag[];
  strengths: string[];
  plan: PlanSummary;
  notice?: string;
}

/** The short answer to input the review cannot use. */
export const ASK_FOR_PLAN =
  'Tell me about the meeting: the question, who is coming, how many, how long and what happens after.';

function summarise(plan: MeetingPlan): PlanSummary {
  const inv = plan.invitees;
  return {
    question: plan.question ?? null,
    purpose: plan.purpose[0] ? clip(plan.purpose[0], 160) : null,
    invitees: {
      stated: inv.stated,
      roles: inv.roles.map((r) => r.phrase),
      levels: inv.levels,
      organisations: inv.organisations,
      affectedGroups: inv.groups.map((g) => g.name),
      representatives: plan.representatives.length > 0,
    },
    concerns: [...new Set(plan.concerns.map((c) => c.group))],
    count: plan.count ? { min: plan.count.min, max: plan.count.max, approx: plan.count.approx } : null,
    durationMinutes: plan.durationMinutes ?? null,
    format: { presentation: plan.format.presentation, conversation: plan.format.conversation },
    decide: plan.decide,
    after: plan.after,
    setting: { room: plan.setting.room, online: plan.setting.online.length > 0 },
    words: plan.wordCount,
  };
}

function empty(notice: string): ReviewResult {
  return { flags: [], strengths: [], plan: summarise(parsePlan('')), notice };
}

/**
 * Reviews a plan given as free text (markdown is fine) or as form fields. Empty input, a bare link,
 * emoji or text in another script gets a notice and no flags: there is nothing yet to reflect on. A
 * plan too short to judge gets its flags plus a notice asking for more.
 */
export function reviewPlan(input: string | PlanForm): ReviewResult {
  try {
    if (typeof input !== 'string') {
      const plan = planFromForm(input ?? {});
      if (plan.wordCount === 0) return empty(ASK_FOR_PLAN);
      const flags = runRules(plan);
      return { flags, strengths: findStrengths(plan, flags), plan: summarise(plan) };
    }
    const cleaned = cleanText(String(input ?? ''));
    if (cleaned.hadUrlOnly) return empty(`I can't open links, so paste the plan itself. ${ASK_FOR_PLAN}`);
    if (!/\p{L}/u.test(cleaned.text)) return empty(ASK_FOR_PLAN);
    if (!mostlyLatin(cleaned.text) || !looksEnglish(cleaned.text)) {
      return empty(`I can only read plans written in English for now. ${ASK_FOR_PLAN}`);
    }
    const plan = parsePlan(cleaned.text);
    const flags = runRules(plan);
    const result: ReviewResult = { flags, strengths: findStrengths(plan, flags), plan: summarise(plan) };
    if (cleaned.truncated) {
      result.notice = `That is a long plan, so I read the first ${MAX_PLAN_CHARS.toLocaleString('en-GB')} characters.`;
    } else if (plan.wordCount < 6 || (flags.some((f) => f.id === 'purpose-unclear') && !plan.count && plan.durationMinutes === undefined)) {
      result.notice = ASK_FOR_PLAN;
    }
    return result;
  } catch {
    // The parsers are written not to throw; this keeps a chat reply possible if one ever does.
    return empty(ASK_FOR_PLAN);
  }
}

/** The flag ids the rules raise for a text plan, before the precision gate (what the eval scores). */
export function candidateFlags(text: string): string[] {
  return reviewPlan(text).flags.map((f) => f.id);
}
