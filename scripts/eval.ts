/**
 * `npm run eval`: scores the meeting-plan review and the framing check against the shared dev set and
 * the project's own labelled cases, printing `name: value` lines. Exit 0 whatever the scores: the
 * thresholds are asserted in the tests, this prints the numbers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reframe } from '../src/reframe/reframe.js';
import { FLAG_IDS } from '../src/review/rules.js';
import { reviewPlan } from '../src/review/review.js';

/** A labelled meeting plan. */
export interface PlanCase {
  id: string;
  text: string;
  flags: string[];
}
/** A labelled framing. */
export interface FramingCase {
  id: string;
  text: string;
  deficit: boolean;
}

/** Per-flag and micro-averaged scores of the review over a set of cases. */
export interface ReviewScores {
  perFlag: Record<string, { tp: number; fp: number; fn: number; precision: number; recall: number }>;
  microF1: number;
  errors: Array<{ id: string; missed: string[]; extra: string[] }>;
}

/** Finds the repository root from this file, whether run from `scripts/` or `dist/scripts/`. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** Reads a JSON-lines file, skipping blank lines. */
export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}

/** The dev set: the shared copy beside the repo when present, else the copy under test/fixtures. */
export function devSetDir(root = repoRoot()): string {
  const shared = resolve(root, '..', 'shared', 'dev-set');
  return existsSync(join(shared, 'meeting-plans.jsonl')) ? shared : join(root, 'test', 'fixtures', 'dev-set');
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

/** Scores the review on labelled plans. */
export function scoreReview(cases: PlanCase[]): ReviewScores {
  const perFlag: ReviewScores['perFlag'] = {};
  for (const id of FLAG_IDS) perFlag[id] = { tp: 0, fp: 0, fn: 0, precision: 1, recall: 1 };
  const errors: ReviewScores['errors'] = [];
  for (const c of cases) {
    const got = new Set(reviewPlan(c.text).flags.map((f) => f.id as string));
    const want = new Set(c.flags);
    for (const id of FLAG_IDS) {
      const s = perFlag[id];
      if (!s) continue;
      if (got.has(id) && want.has(id)) s.tp += 1;
      else if (got.has(id)) s.fp += 1;
      else if (want.has(id)) s.fn += 1;
    }
    const missed = [...want].filter((f) => !got.has(f));
    const extra = [...got].filter((f) => !want.has(f));
    if (missed.length + extra.length > 0) errors.push({ id: c.id, missed, extra });
  }
  let tp = 0, fp = 0, fn = 0;
  for (const s of Object.values(perFlag)) {
    s.precision = ratio(s.tp, s.tp + s.fp);
    s.recall = ratio(s.tp, s.tp + s.fn);
    tp += s.tp; fp += s.fp; fn += s.fn;
  }
  return { perFlag, microF1: ratio(2 * tp, 2 * tp + fp + fn), errors };
}

/** Accuracy of the framing check's deficit call on labelled framings. */
export function scoreFraming(cases: FramingCase[]): { accuracy: number; errors: string[] } {
  const errors = cases.filter((c) => reframe(c.text).deficit !== c.deficit).map((c) => c.id);
  return { accuracy: ratio(cases.length - errors.length, cases.length), errors };
}

function main(): void {
  const root = repoRoot();
  const dev = devSetDir(root);
  const out: string[] = [];
  const verbose = process.argv.includes('--verbose');
  const review = (name: string, cases: PlanCase[]): void => {
    const s = scoreReview(cases);
    for (const [id, v] of Object.entries(s.perFlag)) {
      out.push(`review.${name}.${id}.precision: ${v.precision.toFixed(3)}`, `review.${name}.${id}.recall: ${v.recall.toFixed(3)}`);
    }
    out.push(`review.${name}.cases: ${cases.length}`, `review.${name}.micro_f1: ${s.microF1.toFixed(3)}`);
    if (verbose) for (const e of s.errors) out.push(`# ${e.id} missed=[${e.missed.join(',')}] extra=[${e.extra.join(',')}]`);
  };
  const framing = (name: string, cases: FramingCase[]): void => {
    const s = scoreFraming(cases);
    out.push(`reframe.${name}.cases: ${cases.length}`, `reframe.${name}.accuracy: ${s.accuracy.toFixed(3)}`);
    if (verbose && s.errors.length) out.push(`# reframe.${name} wrong: ${s.errors.join(', ')}`);
  };
  review('dev', readJsonl<PlanCase>(join(dev, 'meeting-plans.jsonl')));
  review('own', readJsonl<PlanCase>(join(root, 'test', 'review', 'cases.jsonl')));
  review('holdout', readJsonl<PlanCase>(join(root, 'test', 'review', 'holdout.jsonl')));
  framing('dev', readJsonl<FramingCase>(join(dev, 'framings.jsonl')));
  framing('own', readJsonl<FramingCase>(join(root, 'test', 'reframe', 'cases.jsonl')));
  process.stdout.write(`${out.join('\n')}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
