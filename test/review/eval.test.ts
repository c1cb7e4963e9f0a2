import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonl, repoRoot, scoreReview, type PlanCase } from '../../scripts/eval.js';

const root = repoRoot();

describe('review quality', () => {
  it('dev set micro-F1 >= 0.9 (fixtures copy)', () => {
    const cases = readJsonl<PlanCase>(join(root, 'test', 'fixtures', 'dev-set', 'meeting-plans.jsonl'));
    expect(cases.length).toBeGreaterThanOrEqual(20);
    expect(scoreReview(cases).microF1).toBeGreaterThanOrEqual(0.9);
  });
  it('own cases micro-F1 >= 0.85', () => {
    const cases = readJsonl<PlanCase>(join(root, 'test', 'review', 'cases.jsonl'));
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(scoreReview(cases).microF1).toBeGreaterThanOrEqual(0.85);
  });
  it('holdout plans (pasted documents, agendas, emails) micro-F1 >= 0.85', () => {
    const cases = readJsonl<PlanCase>(join(root, 'test', 'review', 'holdout.jsonl'));
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(scoreReview(cases).microF1).toBeGreaterThanOrEqual(0.85);
  });
  it('every labelled flag id is a real flag id', () => {
    const perFlag = scoreReview([]).perFlag;
    for (const file of ['cases.jsonl', 'holdout.jsonl']) {
      const cases = readJsonl<PlanCase>(join(root, 'test', 'review', file));
      for (const c of cases) for (const f of c.flags) expect(Object.keys(perFlag)).toContain(f);
    }
  });
});
