/**
 * The real-plan corpus under `test/review/corpus/`: plans, framings and second labels, one JSON object a
 * line, one file per gatherer. Loading checks each record's shape and says which file and line is wrong.
 * Records are tagged with their split here, once, so nothing downstream can mix them: everything under
 * `test5/` is the frozen test split, everything under `cal/` the calibration split, everything else dev
 * (records of the retired test splits are tagged `retiredTest` so their size can still be reported).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CAL_SPLIT_DIR, FIRST_SPLIT_FILES, isTestSite, NEXT_TEST_SPLIT_DIR, RETIRED_SPLIT_DIRS, TEST_SPLIT_DIR } from '../../test/review/corpus/split.js';
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

/**
 * Where a record is scored: `dev` is cross-validated (and read by whoever tunes the rules), `cal` only
 * decides which flags are stated rather than asked (nobody tunes on it), `test` is the frozen split.
 */
export interface SplitTag {
  split: 'dev' | 'cal' | 'test';
  /** A dev record that was in a frozen test split before that split was retired. */
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

/** Every record of the directory's JSON-lines files, in file-name order, each with its file's name. */
function readDir<T>(dir: string, schema: z.ZodType<T>): Array<{ record: T; file: string }> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((file) => parseJsonlRecords(readFileSync(join(dir, file), 'utf8'), schema, join(dir, file)).map((record) => ({ record, file })));
}

/**
 * Loads the corpus; a record id seen twice keeps its first occurrence. The calibration and test splits
 * must each use sites found nowhere else: a site shared between any two splits is an error.
 */
export function loadCorpus(dir: string): Corpus {
  const seen = new Set<string>();
  const first = <T extends { id: string }>(r: T): boolean => !seen.has(r.id) && Boolean(seen.add(r.id));
  const dev = (site: string, file: string): SplitTag =>
    ({ split: 'dev', retiredTest: FIRST_SPLIT_FILES.has(file) && isTestSite(site) });
  const retired = (): SplitTag => ({ split: 'dev', retiredTest: true });
  const held = (split: 'cal' | 'test') => (): SplitTag => ({ split, retiredTest: false });
  const parts: Array<{ root: string; tag: (site: string, file: string) => SplitTag }> = [
    { root: dir, tag: dev },
    ...RETIRED_SPLIT_DIRS.map((d) => ({ root: join(dir, d), tag: retired })),
    { root: join(dir, CAL_SPLIT_DIR), tag: held('cal') },
    { root: join(dir, TEST_SPLIT_DIR), tag: held('test') },
  ];
  const plans = parts.flatMap(({ root, tag }) =>
    readDir(join(root, 'plans'), corpusPlanSchema).filter(({ record }) => first(record))
      .map(({ record, file }) => ({ ...record, ...tag(record.site, file) })));
  const framings = parts.flatMap(({ root, tag }) =>
    readDir(join(root, 'framings'), corpusFramingSchema).filter(({ record }) => first(record))
      .map(({ record, file }) => ({ ...record, ...tag(record.site, file) })));
  // The next test split is read only for its sites, so that nothing added meanwhile takes one of them.
  const next = join(dir, NEXT_TEST_SPLIT_DIR);
  const waiting = [...readDir(join(next, 'plans'), corpusPlanSchema), ...readDir(join(next, 'framings'), corpusFramingSchema)]
    .map(({ record }) => ({ site: record.site, split: 'next' as const }));
  checkSitesApart([...plans, ...framings, ...waiting], dir);
  const labelIds = new Set<string>();
  const labels2 = parts.flatMap(({ root }) => readDir(join(root, 'labels2'), secondLabelSchema).map(({ record }) => record))
    .filter((l) => !labelIds.has(l.id) && Boolean(labelIds.add(l.id)));
  return { plans, framings, labels2 };
}

/** A split whose sites must be its own: the held-out ones and the next test split. */
type Split = SplitTag['split'] | 'next';
const HELD_NAMES: Record<Exclude<Split, 'dev'>, [name: string, dir: string]> = {
  test: ['test', TEST_SPLIT_DIR], cal: ['calibration', CAL_SPLIT_DIR], next: ['next test', NEXT_TEST_SPLIT_DIR],
};

/** Throws when a calibration, test or next-test site also appears in another split, naming the sites and splits. */
function checkSitesApart(records: Array<{ site: string; split: Split }>, dir: string): void {
  const splitsOf = new Map<string, Set<Split>>();
  for (const r of records) splitsOf.set(r.site, (splitsOf.get(r.site) ?? new Set()).add(r.split));
  for (const held of ['test', 'cal', 'next'] as const) {
    const shared = [...splitsOf].filter(([, s]) => s.has(held) && s.size > 1);
    if (shared.length === 0) continue;
    const others = [...new Set(shared.flatMap(([, s]) => [...s].filter((x) => x !== held)))].sort();
    const [name, heldName] = HELD_NAMES[held];
    const heldDir = join(dir, heldName);
    throw new Error(`${heldDir}: the ${name} split's sites must be used nowhere else, but ${shared.map(([site]) => site).join(', ')} also appear in the ${others.join(' and ')} split${others.length > 1 ? 's' : ''}; drop those records from one side`);
  }
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
