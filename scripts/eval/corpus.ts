/**
 * The real-plan corpus under `test/review/corpus/`: plans, framings and second labels, one JSON object a
 * line, one file per gatherer. Loading checks each record's shape and says which file and line is wrong.
 * Records are tagged with their split here, once, so nothing downstream can mix them: everything under
 * `test2/` is the frozen test split, everything else dev (the retired first test split is tagged
 * `retiredTest` so its size can still be reported).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { isTestSite, TEST_SPLIT_DIR } from '../../test/review/corpus/split.js';
import { FLAG_IDS } from '../../src/review/rules.js';

const flagId = z.enum(FLAG_IDS);

/** One labelled plan of the corpus. */
export const corpusPlanSchema = z.object({
  id: z.string().min(1),
  site: z.string().min(1),
  url: z.string().optional(),
  genre: z.string().optional(),
  sector: z.string().optional(),
  text: z.string().min(1),
  flags: z.array(flagId),
  notes: z.string().optional(),
});
/** One labelled framing of the corpus. */
export const corpusFramingSchema = z.object({
  id: z.string().min(1),
  site: z.string().min(1),
  url: z.string().optional(),
  text: z.string().min(1),
  deficit: z.boolean(),
});
/** A second, independent label for a plan (flags) or a framing (deficit). */
export const secondLabelSchema = z.union([
  z.object({ id: z.string().min(1), flags: z.array(flagId) }),
  z.object({ id: z.string().min(1), deficit: z.boolean() }),
]);

/** Where a record is scored: `dev` is cross-validated, `test` is the frozen split. */
export interface SplitTag {
  split: 'dev' | 'test';
  /** A dev record that was in the first frozen test split before it was retired. */
  retiredTest: boolean;
}
export type CorpusPlan = z.infer<typeof corpusPlanSchema> & SplitTag;
export type CorpusFraming = z.infer<typeof corpusFramingSchema> & SplitTag;
export type SecondLabel = z.infer<typeof secondLabelSchema>;

/** Everything loaded from the corpus directory. */
export interface Corpus {
  plans: CorpusPlan[];
  framings: CorpusFraming[];
  labels2: SecondLabel[];
}

/** Parses JSON lines against a schema; a bad line throws naming its file and line number. */
export function parseJsonlRecords<T>(text: string, schema: z.ZodType<T>, source: string): T[] {
  const out: T[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`${source}:${i + 1}: not valid JSON`);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${source}:${i + 1}: ${issue?.path.join('.') || 'record'} ${issue?.message ?? 'is invalid'}`);
    }
    out.push(parsed.data);
  });
  return out;
}

function readDir<T>(dir: string, schema: z.ZodType<T>): T[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => parseJsonlRecords(readFileSync(join(dir, f), 'utf8'), schema, join(dir, f)));
}

/**
 * Loads the corpus; a record id seen twice keeps its first occurrence. A site of the frozen test split
 * that also appears in the dev split is an error: the test split's sites must be used nowhere else.
 */
export function loadCorpus(dir: string): Corpus {
  const seen = new Set<string>();
  const first = <T extends { id: string }>(r: T): boolean => !seen.has(r.id) && Boolean(seen.add(r.id));
  const dev = (site: string): SplitTag => ({ split: 'dev', retiredTest: isTestSite(site) });
  const test: SplitTag = { split: 'test', retiredTest: false };
  const testDir = join(dir, TEST_SPLIT_DIR);
  const plans = [
    ...readDir(join(dir, 'plans'), corpusPlanSchema).filter(first).map((p) => ({ ...p, ...dev(p.site) })),
    ...readDir(join(testDir, 'plans'), corpusPlanSchema).filter(first).map((p) => ({ ...p, ...test })),
  ];
  const framings = [
    ...readDir(join(dir, 'framings'), corpusFramingSchema).filter(first).map((f) => ({ ...f, ...dev(f.site) })),
    ...readDir(join(testDir, 'framings'), corpusFramingSchema).filter(first).map((f) => ({ ...f, ...test })),
  ];
  const devSites = new Set([...plans, ...framings].filter((r) => r.split === 'dev').map((r) => r.site));
  const shared = [...new Set([...plans, ...framings].filter((r) => r.split === 'test' && devSites.has(r.site)).map((r) => r.site))];
  if (shared.length > 0) {
    throw new Error(`${testDir}: the test split's sites must be used nowhere else, but ${shared.join(', ')} also appear in the dev split; drop those records from one side`);
  }
  const labelIds = new Set<string>();
  const labels2 = [...readDir(join(dir, 'labels2'), secondLabelSchema), ...readDir(join(testDir, 'labels2'), secondLabelSchema)]
    .filter((l) => !labelIds.has(l.id) && Boolean(labelIds.add(l.id)));
  return { plans, framings, labels2 };
}

/**
 * Assigns each site to one of `k` folds, largest sites first onto the smallest fold, so folds are
 * balanced and a site's records never straddle two folds. Deterministic for a given set of records.
 */
export function foldsBySite<T extends { site: string }>(records: T[], k = 5): T[][] {
  const bySite = new Map<string, T[]>();
  for (const r of records) bySite.set(r.site, [...(bySite.get(r.site) ?? []), r]);
  const sites = [...bySite.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  const folds: T[][] = Array.from({ length: k }, () => []);
  for (const [, rs] of sites) {
    const smallest = folds.reduce((best, f, i) => (f.length < (folds[best]?.length ?? Infinity) ? i : best), 0);
    folds[smallest]?.push(...rs);
  }
  return folds;
}
