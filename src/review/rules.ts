/**
 * The review's flag ids and the shape of a flag, exactly as the JSON contract names them. The rules
 * themselves live in `decide.ts` (facts in, flags out); the wording in `nudges.ts`.
 */

/** The flag ids, exactly as the JSON contract names them. */
export const FLAG_IDS = [
  'purpose-unclear', 'deficit-framing', 'affected-people-absent', 'narrow-mix', 'representatives', 'one-off',
  'large-group', 'presentation-led', 'converge-early', 'short-time', 'room-setting',
] as const;

/** One flag id. */
export type FlagId = (typeof FLAG_IDS)[number];

/** A reflective nudge: a question to act on, the principle behind it, and the words that raised it. */
export interface Flag {
  id: FlagId;
  nudge: string;
  why: string;
  evidence: string[];
}
