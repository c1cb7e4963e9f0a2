/**
 * The frozen splits of the real-plan corpus, each decided before any tuning against it.
 *
 * The first test split was every site where the first 8 hex digits of sha256(site), read as an integer,
 * modulo 8 is below 3 (about 37.5% of sites). It had its three allowed scorings and is retired into the
 * dev split: its plans now train and cross-validate like any other. The second test split (`test2/`, gathered
 * from sites used nowhere else by people who did not tune the review) had its three scorings too and lies under
 * `retired/test2/`, read as dev. The third (`test3/`) had its three scorings on 2026-11-27 and lies under
 * `retired/test3/`, read as dev. The fourth (`test4/`) had its three scorings, the last on 2026-11-29, and
 * lies under `retired/test4/`, read as dev. The fifth test split is whatever lies under `test5/`, gathered the
 * same way from sites used in none of the others while `test4/` was still frozen, and never tuned against.
 */
import { createHash } from 'node:crypto';

/** The directory, under the corpus root, that holds the frozen test split. */
export const TEST_SPLIT_DIR = 'test5';

/**
 * The directory, under the corpus root, of the next frozen test split: gathered and labelled from sites used
 * nowhere else, by people who do not tune, before any tuning, and never reviewed. It waits there, scored by
 * nothing and read by nobody who tunes, until the current test split has had its scorings; then it becomes
 * `TEST_SPLIT_DIR`. Its sites are kept apart from every other split's meanwhile.
 */
export const NEXT_TEST_SPLIT_DIR = 'test6';

/** Directories, under the corpus root, of frozen test splits that had their scorings and are now dev. */
export const RETIRED_SPLIT_DIRS: readonly string[] = ['retired/test2', 'retired/test3', 'retired/test4'];

/**
 * The dev files gathered while the first test split was frozen: only in these is a site that `isTestSite`
 * picks a record of that retired split. Later dev files take no notice of the hash.
 */
export const FIRST_SPLIT_FILES: ReadonlySet<string> = new Set(['corpus-a.jsonl', 'corpus-b.jsonl', 'framings.jsonl']);

/**
 * The directory, under the corpus root, that holds the calibration split: plans from sites used nowhere
 * else, gathered by people who do not tune the review, read by nobody who does. It decides only which
 * flags the review states rather than asks, since precision on text the rules were written from flatters them.
 */
export const CAL_SPLIT_DIR = 'cal';

/** Whether a site's records belonged to the first (retired) frozen test split. */
export function isTestSite(site: string): boolean {
  const hex = createHash('sha256').update(site).digest('hex');
  return Number.parseInt(hex.slice(0, 8), 16) % 8 < 3;
}
