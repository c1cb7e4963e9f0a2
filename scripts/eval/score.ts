/**
 * Scoring for the review and the framing check: confusion counts per flag, micro precision, recall,
 * F1 and F0.5, Cohen's kappa between two labellers, and cross-validation with a precision gate fitted
 * on the training folds only.
 */
import { FLAG_IDS } from '../../src/review/rules.js';

/** Confusion counts and rates for one flag. */
export interface FlagScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

/** Per-flag and micro-averaged scores over a set of cases. */
export interface Scores {
  perFlag: Record<string, FlagScore>;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  f05: number;
}

/** One case's predicted and wanted flags. */
export interface Outcome {
  id: string;
  got: string[];
  want: string[];
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

/** F-beta from precision and recall; 0 when both are 0. */
export function fBeta(precision: number, recall: number, beta: number): number {
  const b2 = beta * beta;
  const d = b2 * precision + recall;
  return d === 0 ? 0 : ((1 + b2) * precision * recall) / d;
}

/** Scores predicted flags against labels. */
export function scoreOutcomes(outcomes: Outcome[]): Scores {
  const perFlag: Record<string, FlagScore> = {};
  for (const id of FLAG_IDS) perFlag[id] = { tp: 0, fp: 0, fn: 0, precision: 1, recall: 1 };
  for (const o of outcomes) {
    const got = new Set(o.got);
    const want = new Set(o.want);
    for (const id of FLAG_IDS) {
      const s = perFlag[id] as FlagScore;
      if (got.has(id) && want.has(id)) s.tp += 1;
      else if (got.has(id)) s.fp += 1;
      else if (want.has(id)) s.fn += 1;
    }
  }
  let tp = 0, fp = 0, fn = 0;
  for (const s of Object.values(perFlag)) {
    s.precision = ratio(s.tp, s.tp + s.fp);
    s.recall = ratio(s.tp, s.tp + s.fn);
    tp += s.tp; fp += s.fp; fn += s.fn;
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return { perFlag, tp, fp, fn, precision, recall, f1: fBeta(precision, recall, 1), f05: fBeta(precision, recall, 0.5) };
}

/** Cohen's kappa for two raters' yes/no calls on the same items; 1 when both agree on a single class. */
export function cohenKappa(pairs: Array<[boolean, boolean]>): number {
  const n = pairs.length;
  if (n === 0) return Number.NaN;
  let agree = 0, a1 = 0, b1 = 0;
  for (const [a, b] of pairs) {
    if (a === b) agree += 1;
    if (a) a1 += 1;
    if (b) b1 += 1;
  }
  const po = agree / n;
  const pe = (a1 / n) * (b1 / n) + (1 - a1 / n) * (1 - b1 / n);
  return pe === 1 ? 1 : (po - pe) / (1 - pe);
}

/** Flags whose precision on the given outcomes falls below `min`: these are asked, not stated. */
export function fitAskedFlags(outcomes: Outcome[], min = 0.8): string[] {
  const s = scoreOutcomes(outcomes);
  return FLAG_IDS.filter((id) => {
    const f = s.perFlag[id] as FlagScore;
    return f.tp + f.fp > 0 && f.precision < min;
  });
}

/** Drops the asked flags from each outcome's predictions: what the review states as findings. */
export function gate(outcomes: Outcome[], asked: readonly string[]): Outcome[] {
  const drop = new Set(asked);
  return outcomes.map((o) => ({ ...o, got: o.got.filter((f) => !drop.has(f)) }));
}

/** Cross-validation result: each fold's held-out scores and the pooled held-out outcomes. */
export interface CvResult {
  folds: Array<{ asked: string[]; scores: Scores }>;
  pooled: Scores;
  raw: Scores;
  outcomes: Outcome[];
}

/**
 * Cross-validates over pre-computed raw outcomes, folds given. The rule extractor has no fitted
 * parameters; the one data-driven choice (which flags are asked rather than stated) is fitted on the
 * other folds and applied to the held-out one.
 */
export function crossValidate(folds: Outcome[][], min = 0.8): CvResult {
  const result: CvResult = { folds: [], pooled: scoreOutcomes([]), raw: scoreOutcomes(folds.flat()), outcomes: [] };
  folds.forEach((held, i) => {
    const train = folds.filter((_, j) => j !== i).flat();
    const asked = fitAskedFlags(train, min);
    const gated = gate(held, asked);
    result.folds.push({ asked, scores: scoreOutcomes(gated) });
    result.outcomes.push(...gated);
  });
  result.pooled = scoreOutcomes(result.outcomes);
  return result;
}
