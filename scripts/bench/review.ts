/**
 * Review latency on a long plan. People paste whole briefing documents, so the review must stay instant at
 * about 2,000 words (target: p99 under 5 ms).
 */
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { reviewPlan } from '../../src/review/review.js';
import { cleanText, sentences, wordCount } from '../../src/review/text.js';

const PARAGRAPHS = [
  'Quarterly partnership summit on tackling anti-social behaviour in the town centre. Invitees: one representative from each agency (police, council licensing, housing association, fire service). Around 40 delegates. 10:00-12:00.',
  'Small conversation to explore what a good first year at the practice looks like. Eight people: two receptionists, a practice manager, two GPs, a nurse, and two patients from the participation group.',
  'Half a day in the garden room, seated round one table. We will share stories of our own first weeks before deciding anything. We meet again monthly to keep it going.',
  '- who: everyone who lives or works on Eastside is welcome, plus housing assoc, council regen team, developers\' reps\n- expecting 100+\n- format: exhibition boards showing the masterplan options, architects on hand to answer Qs',
  'Agenda: welcome from the chair, presentations from each agency on their performance data, panel Q&A, close. Papers: finance report, risk register, committee updates.',
  'Frailty pathway workshop. Invitees: GP leads from the 4 practices, the community matron, the frailty consultant, ASC team manager, 2 care home managers and 3 older people from the Healthwatch panel. About 16 in total. 9.30-12.30.',
  'Citizens\' assembly on climate action: 45 randomly selected residents, meeting over four weekends. Expert evidence sessions each morning, facilitated small-group deliberation each afternoon at tables of six.',
  'Team retro, 30 minutes, six developers. Go through the incident list and agree who fixes what. Actions will be tracked by the programme office.',
];

/** Builds a plan of about `words` words that repeats its paragraphs (for tests of the cache, not for timing). */
export function longPlan(words = 2000): string {
  const parts: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i += 1) {
    const p = PARAGRAPHS[i % PARAGRAPHS.length] ?? '';
    parts.push(p);
    count += p.split(/\s+/).length;
  }
  return parts.join('\n\n');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * About `words` words with no paragraph repeated: the labelled plans of the review's own cases, one after
 * another. A real paste repeats itself less than `longPlan` does, and the review caches repeated sentences.
 */
export function distinctPlan(words = 2000): string | undefined {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const texts: string[] = [];
  for (const file of ['test/review/cases.jsonl', 'test/review/holdout.jsonl']) {
    if (!existsSync(root + file)) continue;
    for (const line of readFileSync(root + file, 'utf8').split('\n')) if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
  }
  let count = 0;
  const parts: string[] = [];
  for (const text of texts) {
    if (count >= words) break;
    parts.push(text);
    count += text.split(/\s+/).length;
  }
  return count >= words ? parts.join('\n\n') : undefined;
}

/** CPU time of this process so far, in milliseconds (user + system; includes the collector's helper threads). */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * The least any review of `plan` does: cleaning it, splitting it into sentences and counting its words.
 * Timed in the same loop as the reviews, so the machine's load weighs on both alike.
 */
function readPlan(plan: string): number {
  const { text } = cleanText(plan);
  return sentences(text).length + wordCount(text);
}

function measure(name: string, plan: string, runs: number, warmup: number): Array<[string, string]> {
  for (let i = 0; i < warmup; i += 1) {
    reviewPlan(plan);
    readPlan(plan);
  }
  const times: number[] = [];
  const base: number[] = [];
  let cpu = 0;
  let baseCpu = 0;
  // Reviews and baselines take turns, so a change in the shared machine's load hits both.
  for (let i = 0; i < runs; i += 1) {
    let c = cpuMs();
    let start = performance.now();
    reviewPlan(plan);
    times.push(performance.now() - start);
    cpu += cpuMs() - c;
    c = cpuMs();
    start = performance.now();
    readPlan(plan);
    base.push(performance.now() - start);
    baseCpu += cpuMs() - c;
  }
  times.sort((a, b) => a - b);
  base.sort((a, b) => a - b);
  const figure = (value: number, baseline: number, target: string): string =>
    `${value.toFixed(3)} (baseline reading the plan: ${baseline.toFixed(3)}, ratio ${(value / baseline).toFixed(1)}${target})`;
  return [
    [`${name}.words`, String(plan.split(/\s+/).length)],
    [`${name}.p50_ms`, figure(percentile(times, 50), percentile(base, 50), '')],
    [`${name}.p99_ms`, figure(percentile(times, 99), percentile(base, 99), '; target < 5')],
    [`${name}.cpu_ms`, figure(cpu / runs, baseCpu / runs, '; per review')],
  ];
}

/** Measures review latency on ~2,000-word plans; returns `[name, value]` pairs for the bench report. */
export async function benchReview(runs = 2000, warmup = 500): Promise<Array<[string, string]>> {
  // Varied text only: a plan that repeats its paragraphs flatters the review, which caches per sentence.
  const distinct = distinctPlan(2000);
  if (!distinct) throw new Error('the labelled plans (test/review/*.jsonl) are needed for a 2,000-word plan with no repeated paragraph');
  return measure('review.2000_words_distinct', distinct, runs, warmup);
}

/**
 * `cli.review_cold_s`: wall time of `node bin/moodmusic.js review FILE` from a cold process, against a
 * bare `node -e 0` from the same run (the floor any Node CLI pays).
 */
export async function benchCli(runs = 9): Promise<Array<[string, string]>> {
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const dir = mkdtempSync(path.join(tmpdir(), 'moodmusic-bench-cli-'));
  const file = path.join(dir, 'plan.txt');
  writeFileSync(file, distinctPlan(300) ?? PARAGRAPHS.join('\n\n'));
  const time = (args: string[]) => {
    const start = performance.now();
    execFileSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
    return (performance.now() - start) / 1000;
  };
  try {
    const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);
    const cli: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      cli.push(time(['bin/moodmusic.js', 'review', file]));
      bare.push(time(['-e', '0']));
    }
    const [c, b] = [median(cli), median(bare)];
    return [
      ['cli.review_cold_s', `${c.toFixed(3)} (baseline node -e 0: ${b.toFixed(3)}, ratio ${(c / b).toFixed(2)}; target < 0.25)`],
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
