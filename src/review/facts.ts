/**
 * `PlanFacts`: what a meeting plan says, as facts with the words that show them. The rule extractor and
 * the optional language-model extractor both fill it; `decide` reads only this. Every `evidence` entry is
 * a substring of the plan (`keepEvidence` enforces it), and `unknown` means the text does not say.
 */
import { z } from 'zod';

/** Words quoted from the plan. */
const evidence = z.array(z.string()).max(40).default([]);

export const GENRES = ['invitation', 'event-page', 'agenda', 'email', 'report', 'terms-of-reference', 'template', 'request', 'unknown'] as const;
export const LEVELS = ['senior', 'middle', 'front-line', 'unknown'] as const;
export const FOLLOW_UPS = ['series', 'recurring', 'standing-group', 'actions', 'none', 'unknown'] as const;

/** A person or kind of person the plan names, with the part they play. */
export const participantSchema = z.object({
  phrase: z.string().min(1),
  role: z.enum(['participant', 'speaker', 'host']),
  level: z.enum(LEVELS).default('unknown'),
  organisation: z.string().nullable().default(null),
  /** The affected group this participant belongs to ("young people", "patients"), when one. */
  group: z.string().nullable().default(null),
});

export const planFactsSchema = z.object({
  genre: z.object({
    value: z.enum(GENRES),
    /** True when the text describes a meeting still to happen as a whole plan, so an absence means something. */
    forwardLooking: z.boolean(),
    evidence,
  }),
  purpose: z.object({ stated: z.enum(['yes', 'no', 'unknown']), evidence }),
  framing: z.object({ text: z.string().nullable(), question: z.string().nullable().default(null), deficit: z.boolean(), evidence }),
  participants: z.array(participantSchema).max(40).default([]),
  /** Whether the plan says who takes part (a list, a kind of person, an open invitation). */
  invitees: z.object({
    stated: z.boolean(),
    open: z.boolean().default(false),
    mixedLevels: z.boolean().default(false),
    evidence,
  }),
  /** The groups of people the issue concerns. */
  concerns: z.array(z.object({ group: z.string(), evidence: z.string() })).max(12).default([]),
  attendance: z.object({
    kind: z.enum(['stated', 'inferred', 'unknown']),
    min: z.number().nullable().default(null),
    max: z.number().nullable().default(null),
    evidence,
  }),
  session: z.object({ minutes: z.number().nullable(), evidence }),
  format: z.object({
    talk: z.number().min(0).default(0),
    conversation: z.number().min(0).default(0),
    talkEvidence: evidence,
    conversationEvidence: evidence,
    stories: z.boolean().default(false),
  }),
  outcome: z.object({ fixed: z.enum(['yes', 'no', 'unknown']), explores: z.boolean().default(false), evidence }),
  followUp: z.object({ kind: z.enum(FOLLOW_UPS), evidence }),
  setting: z.object({
    mode: z.enum(['online', 'in-person', 'hybrid', 'unknown']),
    roomDescribed: z.boolean(),
    /** Theatre-style rows, a lecture hall: described, but not a room for conversation. */
    roomForTalk: z.boolean().default(false),
    /** Tables, circles, break-out space: a room laid out for people to talk with each other. */
    roomForConversation: z.boolean().default(false),
    evidence,
  }),
  representatives: z.object({ value: z.enum(['yes', 'no', 'unknown']), evidence }),
  /** A team's own routine (a stand-up, a retro): it recurs and concerns the team. */
  teamRoutine: z.boolean().default(false),
  words: z.number().int().min(0),
});

/** The facts a plan states. */
export type PlanFacts = z.infer<typeof planFactsSchema>;
/** One participant fact. */
export type Participant = z.infer<typeof participantSchema>;

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Keeps only evidence found in the plan (whitespace and case aside), so no quote is ever invented.
 * Returns the facts with the failing quotes removed, and how many were dropped.
 */
export function keepEvidence(facts: PlanFacts, plan: string, onDrop?: (quote: string) => void): { facts: PlanFacts; dropped: number } {
  const hay = norm(plan);
  let dropped = 0;
  const ok = (e: string): boolean => {
    const found = e.trim() !== '' && hay.includes(norm(e));
    if (!found) {
      dropped += 1;
      onDrop?.(e);
    }
    return found;
  };
  const clean = (list: string[]): string[] => list.filter(ok);
  const out: PlanFacts = structuredClone(facts);
  for (const key of ['genre', 'purpose', 'framing', 'invitees', 'attendance', 'session', 'outcome', 'followUp', 'setting', 'representatives'] as const) {
    out[key].evidence = clean(out[key].evidence);
  }
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
  if (none(out.setting.evidence)) out.setting = { mode: 'unknown', roomDescribed: false, roomForTalk: false, roomForConversation: false, evidence: [] };
  if (out.representatives.value !== 'unknown' && none(out.representatives.evidence)) out.representatives.value = 'unknown';
  if (out.invitees.stated && none(out.invitees.evidence) && out.participants.length === 0) out.invitees.stated = false;
  return { facts: out, dropped };
}
