/**
 * How often a strength the review praises is contradicted by the labels: a strength is wrong when the
 * labellers raised the flag it is the opposite of (praising "it carries on afterwards" on a plan labelled
 * one-off misstates the plan as surely as a wrong nudge does).
 */
import { decide, strengths, type Strength } from '../../src/review/decide.js';
import { extract } from '../../src/review/extract.js';
import { cleanText } from '../../src/review/text.js';

/** The flag each strength denies. */
export const CONTRADICTS: Record<Strength['id'], string | null> = {
  'affected-present': 'affected-people-absent',
  open: 'affected-people-absent',
  mixed: 'narrow-mix',
  'small-mixed': 'narrow-mix',
  'as-themselves': 'representatives',
  question: 'deficit-framing',
  explores: 'converge-early',
  stories: null,
  conversation: 'presentation-led',
  'carries-on': 'one-off',
  time: 'short-time',
  room: 'room-setting',
};

/** Per strength: how many plans it was shown on, and on how many the labels say the opposite. */
export interface StrengthCounts {
  shown: number;
  contradicted: number;
}

/** Counts each strength's showings and contradictions over labelled plans. */
export function strengthCounts(cases: Array<{ text: string; flags: string[] }>): Map<Strength['id'], StrengthCounts> {
  const out = new Map<Strength['id'], StrengthCounts>();
  for (const c of cases) {
    const facts = extract(cleanText(c.text).text);
    for (const s of strengths(facts, decide(facts).map((d) => d.id))) {
      const n = out.get(s.id) ?? { shown: 0, contradicted: 0 };
      n.shown += 1;
      const against = CONTRADICTS[s.id];
      if (against && c.flags.includes(against)) n.contradicted += 1;
      out.set(s.id, n);
    }
  }
  return out;
}
