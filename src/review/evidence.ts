/**
 * The check every `PlanFacts` passes before `decide` reads it: each quoted piece of evidence must be in
 * the plan. A module of its own so the rule path (and a cold `moodmusic review`) never loads zod, which
 * only the language model's answers need (`facts.ts`).
 */
import type { PlanFacts } from './facts.js';

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * A deep copy of plain data (objects, arrays, primitives): what `structuredClone` gives for facts, without
 * its serialiser, which cost about 2% of a long plan's review.
 */
function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copy) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = copy((value as Record<string, unknown>)[key]);
    return out as T;
  }
  return value;
}

/** Where lower-casing a piece can differ from the same piece of the lower-cased whole: a capital sigma, half a surrogate pair. */
const SIGMA_OR_SURROGATE = /[\u03a3\ud800-\udfff]/;

/**
 * Keeps only evidence found in the plan (whitespace and case aside), so no quote is ever invented.
 * Returns the facts with the failing quotes removed, and how many were dropped.
 */
export function keepEvidence(facts: PlanFacts, plan: string, onDrop?: (quote: string) => void): { facts: PlanFacts; dropped: number } {
  let hay: string | undefined;
  let dropped = 0;
  const ok = (e: string): boolean => {
    // Most quotes are cut from the plan itself, and a piece of the plan is in the normalised plan: its
    // inner runs of spaces are whole runs there too, and lower-casing goes letter by letter except for a
    // capital sigma (its lower case depends on the next letter) or a split surrogate pair. So the plan is
    // normalised (a copy of a long paste) only for a quote that is not a plain piece of it.
    const found = e.trim() !== '' && ((!SIGMA_OR_SURROGATE.test(e) && plan.includes(e)) || (hay ??= norm(plan)).includes(norm(e)));
    if (!found) {
      dropped += 1;
      onDrop?.(e);
    }
    return found;
  };
  const clean = (list: string[]): string[] => list.filter(ok);
  const out: PlanFacts = copy(facts);
  for (const key of ['genre', 'purpose', 'framing', 'invitees', 'attendance', 'session', 'outcome', 'followUp', 'setting', 'representatives'] as const) {
    out[key].evidence = clean(out[key].evidence);
  }
  out.framing.aspiration = clean(out.framing.aspiration);
  out.format.talkEvidence = clean(out.format.talkEvidence);
  out.format.conversationEvidence = clean(out.format.conversationEvidence);
  out.participants = out.participants.filter((p) => ok(p.phrase));
  out.concerns = out.concerns.filter((c) => ok(c.evidence));
  // A fact whose every quote was dropped is no longer shown by the text: it becomes unknown.
  const none = (list: string[]): boolean => list.length === 0;
  if (out.purpose.stated === 'yes' && none(out.purpose.evidence)) out.purpose.stated = 'unknown';
  if (out.framing.deficit && none(out.framing.evidence)) out.framing.deficit = false;
  if (out.attendance.kind !== 'unknown' && none(out.attendance.evidence)) out.attendance = { kind: 'unknown', min: null, max: null, evidence: [] };
  if (out.session.minutes !== null && none(out.session.evidence)) out.session.minutes = null;
  if (none(out.format.talkEvidence)) out.format.talk = 0;
  if (none(out.format.conversationEvidence)) out.format.conversation = 0;
  if (out.outcome.fixed === 'yes' && none(out.outcome.evidence)) out.outcome.fixed = 'unknown';
  if (!['none', 'unknown'].includes(out.followUp.kind) && none(out.followUp.evidence)) out.followUp.kind = 'unknown';
  if (none(out.setting.evidence)) out.setting = { mode: 'unknown', roomDescribed: false, roomForTalk: false, roomForConversation: false, arrangementsElsewhere: out.setting.arrangementsElsewhere, evidence: [] };
  if (out.representatives.value !== 'unknown' && none(out.representatives.evidence)) out.representatives.value = 'unknown';
  if (out.invitees.stated && none(out.invitees.evidence) && out.participants.length === 0) out.invitees.stated = false;
  return { facts: out, dropped };
}
