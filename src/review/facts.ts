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
    /**
     * True when the text says when a meeting is (a day, a date, a clock time; or it is a planner's short notes);
     * not for a page of a body's rules for its meetings (voting rights, how minutes are kept).
     */
    occasion: z.boolean().default(false),
    evidence,
  }),
  purpose: z.object({ stated: z.enum(['yes', 'no', 'unknown']), evidence }),
  /**
   * The central framing: `deficit` and `evidence` say whether its title, opening, stated aim or central
   * question names a problem and quote it; `aspiration` quotes its aspiration words ("better", "together").
   */
  framing: z.object({
    text: z.string().nullable(),
    question: z.string().nullable().default(null),
    deficit: z.boolean(),
    evidence,
    aspiration: evidence,
  }),
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
    /** The text sends the reader elsewhere or to later for the arrangements, so it is not the whole plan. */
    arrangementsElsewhere: z.boolean().optional(),
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

// Kept in its own module so the rule path loads no zod; exported here too for the model path and tests.
export { keepEvidence } from './evidence.js';
