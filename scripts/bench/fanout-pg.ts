/**
 * `fanout.e2e.slack.pg3.*`: three real bot processes (`bin/moodmusic.js start`, DATABASE_URL) on one
 * PostgreSQL fanning one slot out to N conversations of one Slack workspace, against one fake Web API
 * that allows LIMIT posts per second in the workspace (429 + Retry-After beyond). The workspace lease
 * lets one instance at a time send there, so together they should offer no more than the limit and
 * still fill it. The same fan-out by one instance alone, on a fresh database in the same run, is the
 * baseline for the rate.
 *
 * Reported: the accepted rate (first to last accepted post) as a fraction of the limit, the most posts
 * the instances offered in any one second (429s included) against the limit, 429s, duplicates, losses,
 * slots recorded as posted, and how many posts each instance made.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { postedSlots, seed } from './fanout-e2e.js';
import { startFakeSlack } from './fake-platforms.js';
import { startPostgres, type BenchPostgres } from './postgres.js';
import { freePort, onInterrupt, sleep, startBot, waitForPort, type Child } from './proc.js';

interface PgResult {
  instances: number;
  n: number;
  limitPerS: number;
  fraction: number;
  peakOffered: number;
  rejected: number;
  duplicates: number;
  losses: number;
  slotsPosted: number;
  postS: number;
  perInstance: number[];
}

async function run(pgServer: BenchPostgres, instances: number, n: number, limitPerS: number, rttMs: number): Promise<PgResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'moodmusic-bench-pg3-'));
  const forget = onInterrupt(() => rmSync(dir, { recursive: true, force: true }));
  const fake = await startFakeSlack({ latencyMs: rttMs, global: { count: limitPerS, perMs: 1000 }, perConversation: { count: 1, perMs: 1000 } });
  const url = await pgServer.database(`fanout_${instances}_${Date.now()}`);
  const bots: Child[] = [];
  try {
    const slot = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 60_000);
    await seed({ kind: 'postgres', url }, 'slack', n, slot, fake.url);
    const ports = await Promise.all(Array.from({ length: instances }, () => freePort()));
    // Each instance its own token, so the fake can tell whose posts it accepted.
    for (const [i, port] of ports.entries()) {
      bots.push(
        startBot(
          { ADAPTERS: 'slack', SLACK_BOT_TOKEN: `xoxb-bench-${i}`, SLACK_SIGNING_SECRET: 'bench', SLACK_API_URL: fake.url, SLACK_PORT: String(port), SLACK_WORKSPACE_RATE: String(limitPerS), DATABASE_URL: url, CATCH_UP_HOURS: '2' },
          path.join(dir, `bot-${i}.log`),
        ),
      );
    }
    await Promise.all(ports.map((port, i) => waitForPort(port, 60_000, bots[i]!.process)));
    let last = -1;
    let lastChange = performance.now();
    while (fake.tally.accepted < n && performance.now() - lastChange < 30_000) {
      if (bots.every((b) => b.process.exitCode !== null)) break;
      if (fake.tally.accepted !== last) {
        last = fake.tally.accepted;
        lastChange = performance.now();
      }
      await sleep(100);
    }
    // Anything sent twice would arrive now.
    await sleep(2000);
    await Promise.all(bots.map((b) => b.stop()));
    const posted = await postedSlots({ kind: 'postgres', url });
    const t = fake.tally;
    if (process.env.BENCH_KEEP) console.error(`kept ${dir}`);
    return {
      instances,
      n,
      limitPerS,
      fraction: t.rate() / limitPerS,
      peakOffered: t.peakAttempts(1000),
      rejected: t.rejected,
      duplicates: t.duplicates(),
      losses: n - t.perConversation.size,
      slotsPosted: posted,
      postS: (t.last - t.first) / 1000,
      perInstance: Array.from({ length: instances }, (_, i) => t.bySender.get(`Bearer xoxb-bench-${i}`) ?? 0),
    };
  } finally {
    await Promise.all(bots.map((b) => b.stop()));
    await fake.close();
    forget();
    if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  }
}

/** Three instances on one PostgreSQL, one workspace; one instance alone as the baseline, same run. */
export async function benchFanoutPg3(): Promise<Array<[string, string]>> {
  const n = Number(process.env.BENCH_PG_N ?? 3000);
  const limit = Number(process.env.BENCH_PG_LIMIT ?? 100);
  const rtt = 50;
  const pgServer = await startPostgres();
  try {
    const alone = await run(pgServer, 1, n, limit, rtt);
    const three = await run(pgServer, 3, n, limit, rtt);
    const p = 'fanout.e2e.slack.pg3';
    return [
      [`${p}.conversations`, `${n} in one workspace, limit ${limit}/s, ${rtt} ms round trip`],
      [`${p}.fraction_of_limit`, `${three.fraction.toFixed(3)} (baseline 1.000 = ${limit}/s, ratio ${three.fraction.toFixed(2)}; target 0.85-1.00)`],
      [`${p}.one_instance_fraction_of_limit`, `${alone.fraction.toFixed(3)} (three vs one instance alone: ratio ${(alone.fraction ? three.fraction / alone.fraction : 0).toFixed(2)})`],
      [`${p}.peak_offered_per_s`, `${three.peakOffered} (baseline ${limit} = the limit, ratio ${(three.peakOffered / limit).toFixed(2)}; one alone ${alone.peakOffered})`],
      [`${p}.responses_429`, `${three.rejected} (${((100 * three.rejected) / n).toFixed(2)}% of sends; one alone ${alone.rejected})`],
      [`${p}.duplicates`, `${three.duplicates} (one alone ${alone.duplicates})`],
      [`${p}.losses`, `${three.losses} (one alone ${alone.losses})`],
      [`${p}.slots_posted`, `${three.slotsPosted} of ${n} (one alone ${alone.slotsPosted})`],
      [`${p}.post_s`, `${three.postS.toFixed(2)} (baseline ${(n / limit).toFixed(2)} at the limit, ratio ${(three.postS / (n / limit)).toFixed(2)}; one alone ${alone.postS.toFixed(2)})`],
      [`${p}.posts_per_instance`, three.perInstance.join(' / ')],
    ];
  } finally {
    pgServer.stop();
  }
}
