import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonl, repoRoot, scoreReview, type PlanCase } from '../../scripts/eval.js';
import { foldsBySite, loadCorpus, parseJsonlRecords, corpusPlanSchema } from '../../scripts/eval/corpus.js';
import { cohenKappa, crossValidate, fBeta, fitAskedFlags, scoreOutcomes, type Outcome } from '../../scripts/eval/score.js';
import { isTestSite } from './corpus/split.js';

const root = repoRoot();

describe('frozen split', () => {
  it('puts a site in the test split when sha256(site)[0..8] mod 8 < 3', () => {
    
    for (const site of ['example.org', 'leeds.gov.uk', 'kingsfund.org.uk', 'eventbrite.co.uk/o-leeds-council', 'nhs.uk']) {
      const n = Number.parseInt(createHash('sha256').update(site).digest('hex').slice(0, 8), 16);
      expect(isTestSite(site)).toBe(n % 8 < 3);
    }
  });
  it('sends about three sites in eight to the test split', () => {
    const sites = Array.from({ length: 800 }, (_, i) => `site${i}.org`);
    const share = sites.filter(isTestSite).length / sites.length;
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.45);
  });
});

describe('corpus loader', () => {
  it('loads plans, framings and second labels and tags each with its split', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
    for (const d of ['plans', 'framings', 'labels2']) mkdirSync(join(dir, d));
    writeFileSync(join(dir, 'plans', 'corpus-a.jsonl'), [
      JSON.stringify({ id: 'a-1', site: 'one.org', text: 'Workshop for 40 people.', flags: ['large-group'] }),
      '',
      JSON.stringify({ id: 'a-1', site: 'one.org', text: 'duplicate id', flags: [] }),
      JSON.stringify({ id: 'a-2', site: 'two.org', text: 'Board meeting.', flags: [] }),
    ].join('\n'));
    writeFileSync(join(dir, 'framings', 'a.jsonl'), JSON.stringify({ id: 'a-f1', site: 'one.org', text: 'Tackling crime', deficit: true }));
    writeFileSync(join(dir, 'labels2', 'b.jsonl'), `${JSON.stringify({ id: 'a-1', flags: [] })}\n${JSON.stringify({ id: 'a-f1', deficit: true })}\n`);
    const c = loadCorpus(dir);
    expect(c.plans.map((p) => p.id)).toEqual(['a-1', 'a-2']);
    expect(c.plans.map((p) => p.split)).toEqual(['dev', 'dev']);
    expect(c.plans[0]?.retiredTest).toBe(isTestSite('one.org'));
    expect(c.framings).toHaveLength(1);
    expect(c.labels2).toHaveLength(2);
  });
  it('marks as retired only records of a retired test split: the first one by site hash in its own files, test2 by folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
    for (const d of ['plans', 'framings', 'retired/test2/plans', 'retired/test2/framings']) mkdirSync(join(dir, d), { recursive: true });
    const hashed = Array.from({ length: 40 }, (_, i) => `site${i}.org`).find(isTestSite) ?? 'none';
    writeFileSync(join(dir, 'plans', 'corpus-b.jsonl'), JSON.stringify({ id: 'b-1', site: hashed, text: 'Forum.', flags: [] }));
    writeFileSync(join(dir, 'framings', 'later.jsonl'), JSON.stringify({ id: 'l-f1', site: hashed, text: 'Tackling crime', deficit: true }));
    writeFileSync(join(dir, 'retired', 'test2', 'plans', 'g.jsonl'), JSON.stringify({ id: 'g-1', site: 'new.org', text: 'Forum.', flags: [] }));
    writeFileSync(join(dir, 'retired', 'test2', 'framings', 'g.jsonl'), JSON.stringify({ id: 'g-f1', site: 'new2.org', text: 'Fraud', deficit: true }));
    const c = loadCorpus(dir);
    expect(c.plans.map((p) => [p.id, p.split, p.retiredTest])).toEqual([['b-1', 'dev', true], ['g-1', 'dev', true]]);
    expect(c.framings.map((f) => [f.id, f.split, f.retiredTest])).toEqual([['l-f1', 'dev', false], ['g-f1', 'dev', true]]);
  });
  it('puts everything under test5/ in the frozen test split, with its own second labels', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
    for (const d of ['plans', 'test5/plans', 'test5/framings', 'test5/labels2']) mkdirSync(join(dir, d), { recursive: true });
    writeFileSync(join(dir, 'plans', 'a.jsonl'), JSON.stringify({ id: 'a-1', site: 'one.org', text: 'Board meeting.', flags: [] }));
    writeFileSync(join(dir, 'test5', 'plans', 'g.jsonl'), JSON.stringify({ id: 'g-1', site: 'new.org', text: 'Forum for 200.', flags: ['large-group'] }));
    writeFileSync(join(dir, 'test5', 'framings', 'g.jsonl'), JSON.stringify({ id: 'g-f1', site: 'other.org', text: 'Tackling fraud', deficit: true }));
    writeFileSync(join(dir, 'test5', 'labels2', 'h.jsonl'), JSON.stringify({ id: 'g-1', flags: ['large-group'] }));
    const c = loadCorpus(dir);
    expect(c.plans.map((p) => [p.id, p.split])).toEqual([['a-1', 'dev'], ['g-1', 'test']]);
    expect(c.framings.map((f) => f.split)).toEqual(['test']);
    expect(c.labels2.map((l) => l.id)).toEqual(['g-1']);
  });
  it('refuses a test-split site that the dev split also uses', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
    for (const d of ['framings', 'test5/plans']) mkdirSync(join(dir, d), { recursive: true });
    writeFileSync(join(dir, 'framings', 'a.jsonl'), JSON.stringify({ id: 'a-f1', site: 'same.org', text: 'Tackling crime', deficit: true }));
    writeFileSync(join(dir, 'test5', 'plans', 'g.jsonl'), JSON.stringify({ id: 'g-1', site: 'same.org', text: 'Forum.', flags: [] }));
    expect(() => loadCorpus(dir)).toThrow(/same\.org also appear in the dev split/);
  });
  it('puts everything under cal/ in the calibration split and keeps its sites apart from the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
    for (const d of ['plans', 'cal/plans', 'cal/framings', 'cal/labels2']) mkdirSync(join(dir, d), { recursive: true });
    writeFileSync(join(dir, 'plans', 'a.jsonl'), JSON.stringify({ id: 'a-1', site: 'one.org', text: 'Board meeting.', flags: [] }));
    writeFileSync(join(dir, 'cal', 'plans', 'c.jsonl'), JSON.stringify({ id: 'c-1', site: 'cal.org', text: 'Forum for 200.', flags: ['large-group'] }));
    writeFileSync(join(dir, 'cal', 'framings', 'c.jsonl'), JSON.stringify({ id: 'c-f1', site: 'cal2.org', text: 'Tackling fraud', deficit: true }));
    writeFileSync(join(dir, 'cal', 'labels2', 'd.jsonl'), JSON.stringify({ id: 'c-1', flags: [] }));
    const c = loadCorpus(dir);
    expect(c.plans.map((p) => [p.id, p.split])).toEqual([['a-1', 'dev'], ['c-1', 'cal']]);
    expect(c.framings.map((f) => f.split)).toEqual(['cal']);
    expect(c.labels2.map((l) => l.id)).toEqual(['c-1']);
    mkdirSync(join(dir, 'test5', 'plans'), { recursive: true });
    writeFileSync(join(dir, 'test5', 'plans', 'g.jsonl'), JSON.stringify({ id: 'g-1', site: 'cal.org', text: 'Forum.', flags: [] }));
    expect(() => loadCorpus(dir)).toThrow(/test split's sites must be used nowhere else, but cal\.org also appear in the cal split/);
    writeFileSync(join(dir, 'test5', 'plans', 'g.jsonl'), '');
    writeFileSync(join(dir, 'plans', 'b.jsonl'), JSON.stringify({ id: 'b-1', site: 'cal2.org', text: 'Forum.', flags: [] }));
    expect(() => loadCorpus(dir)).toThrow(/calibration split's sites must be used nowhere else, but cal2\.org also appear in the dev split/);
  });
  it('reads the next test split (test6/) for its sites only: scored nowhere, and its sites kept from every other split', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
    for (const d of ['plans', 'test6/plans', 'test6/framings']) mkdirSync(join(dir, d), { recursive: true });
    writeFileSync(join(dir, 'plans', 'a.jsonl'), JSON.stringify({ id: 'a-1', site: 'one.org', text: 'Board meeting.', flags: [] }));
    writeFileSync(join(dir, 'test6', 'plans', 'n.jsonl'), JSON.stringify({ id: 'n-1', site: 'next.org', text: 'Forum for 200.', flags: ['large-group'] }));
    writeFileSync(join(dir, 'test6', 'framings', 'n.jsonl'), JSON.stringify({ id: 'n-f1', site: 'next2.org', text: 'Tackling fraud', deficit: true }));
    const c = loadCorpus(dir);
    expect(c.plans.map((p) => p.id)).toEqual(['a-1']);
    expect(c.framings).toEqual([]);
    writeFileSync(join(dir, 'plans', 'b.jsonl'), JSON.stringify({ id: 'b-1', site: 'next2.org', text: 'Forum.', flags: [] }));
    expect(() => loadCorpus(dir)).toThrow(/next test split's sites must be used nowhere else, but next2\.org also appear in the dev split/);
  });
  it('names the file and line of a bad record', () => {
    const bad = `${JSON.stringify({ id: 'x', site: 's', text: 't', flags: ['not-a-flag'] })}`;
    expect(() => parseJsonlRecords(bad, corpusPlanSchema, 'p.jsonl')).toThrow(/^p\.jsonl:1: flags\.0/);
    expect(() => parseJsonlRecords('{oops', corpusPlanSchema, 'p.jsonl')).toThrow('p.jsonl:1: not valid JSON');
  });
  it('loads an absent corpus as empty', () => {
    expect(loadCorpus(join(tmpdir(), 'no-such-corpus-dir'))).toEqual({ plans: [], framings: [], labels2: [] });
  });
});

describe('folds grouped by site', () => {
  it('never splits a site across folds and balances fold sizes', () => {
    const records = Array.from({ length: 60 }, (_, i) => ({ site: `s${i % 17}`, i }));
    const folds = foldsBySite(records, 5);
    expect(folds.flat()).toHaveLength(60);
    const where = new Map<string, number>();
    folds.forEach((f, k) => f.forEach((r) => {
      expect(where.get(r.site) ?? k).toBe(k);
      where.set(r.site, k);
    }));
    const sizes = folds.map((f) => f.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(4);
  });
});

describe('scores', () => {
  it('counts per flag and micro-averages', () => {
    const s = scoreOutcomes([
      { id: '1', got: ['large-group', 'one-off'], want: ['large-group'] },
      { id: '2', got: [], want: ['one-off'] },
    ]);
    expect(s.perFlag['large-group']).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(s.perFlag['one-off']).toMatchObject({ tp: 0, fp: 1, fn: 1, precision: 0, recall: 0 });
    expect(s.precision).toBe(0.5);
    expect(s.recall).toBe(0.5);
    expect(s.f05).toBeCloseTo(fBeta(0.5, 0.5, 0.5));
  });
  it("computes Cohen's kappa", () => {
    // 10 items: both yes 4, both no 4, disagree 2 -> po 0.8, pe 0.5, kappa 0.6.
    const pairs: Array<[boolean, boolean]> = [
      ...Array.from({ length: 4 }, (): [boolean, boolean] => [true, true]),
      ...Array.from({ length: 4 }, (): [boolean, boolean] => [false, false]),
      [true, false], [false, true],
    ];
    expect(cohenKappa(pairs)).toBeCloseTo(0.6);
    expect(cohenKappa([[false, false], [false, false]])).toBe(1);
  });
  it('fits the asked flags on the training folds only', () => {
    const noisy = (id: string, right: boolean): Outcome => ({ id, got: ['one-off'], want: right ? ['one-off'] : [] });
    // Folds 1-4: one-off is usually wrong; fold 5: always right. Held out, fold 5 is gated by folds 1-4.
    const folds: Outcome[][] = [0, 1, 2, 3].map((k) => [noisy(`${k}a`, false), noisy(`${k}b`, false), noisy(`${k}c`, true)]);
    folds.push([noisy('5a', true), noisy('5b', true)]);
    expect(fitAskedFlags(folds.flat())).toEqual(['one-off']);
    const cv = crossValidate(folds);
    expect(cv.folds[4]?.asked).toEqual(['one-off']);
    expect(cv.folds[4]?.scores.perFlag['one-off']?.tp).toBe(0);
    expect(cv.raw.perFlag['one-off']?.tp).toBe(6);
  });
});

describe('hand-written regression cases', () => {
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

describe('strength contradictions', () => {
  it('counts a strength as contradicted when the labels raise the flag it denies', async () => {
    const { strengthCounts } = await import('../../scripts/eval/strengths.js');
    const plan = 'Join us for a workshop on how we plan discharge together. We meet again in a month to test the first changes. Small group discussion and conversation at round tables.';
    const right = strengthCounts([{ text: plan, flags: [] }]);
    const wrong = strengthCounts([{ text: plan, flags: ['one-off'] }]);
    expect(right.get('carries-on')).toEqual({ shown: 1, contradicted: 0 });
    expect(wrong.get('carries-on')).toEqual({ shown: 1, contradicted: 1 });
  });
});
