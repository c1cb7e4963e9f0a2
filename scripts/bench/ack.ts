/**
 * `slack.ack.*`: how fast the real bot process acknowledges signed `app_mention` events over Bolt's HTTP
 * receiver (SQLite file, default log level), against a bare Bolt app with one handler calling `say`,
 * both talking to the same local fake Web API. Events carry unique `event_id`s, spread over 1,000 channels,
 * sent by CONCURRENCY clients at once, each over its own keep-alive connection (opened in a warm-up at
 * that concurrency, the same for both apps); the two apps run side by side and take turns in four
 * stretches per level, so a change in the machine's load hits both. Reports rate, p50/p99 of the ack, CPU per event (the
 * process's user + system time, including the work done after the ack) and replies per event, each with
 * the bare app's figure from the same run and the ratio.
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startFakeSlack, type RunningFake } from './fake-platforms.js';
import { cpuMs, freePort, percentile, sleep, startBot, startNode, versus, waitForPort, type Child } from './proc.js';

const SECRET = 'bench-signing-secret';
/** Each app has its own token, so the fake tells their replies apart even when one arrives late. */
const TOKENS = { bot: 'xoxb-bench-bot', bare: 'xoxb-bench-bare' } as const;
/**
 * Mentions come from many channels, as in a real workspace: Slack allows about one post a second per
 * channel, and the bot paces its replies to that, so 2,000 mentions in 50 channels within two seconds
 * would measure the channels' limit, not the ack.
 */
const CHANNELS = 1000;
let seq = 0;

function signedMention(): { body: string; headers: Record<string, string> } {
  seq += 1;
  const body = JSON.stringify({
    token: 'legacy',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: `EvBench${process.pid}x${seq}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
    event: { type: 'app_mention', user: `U${seq % 20}`, text: '<@UBOT> prompt', ts: `1700000000.${String(seq).padStart(6, '0')}`, channel: `C${seq % CHANNELS}`, event_ts: `1700000000.${String(seq).padStart(6, '0')}` },
  });
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { body, headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature } };
}

interface Load {
  rate: number;
  p50: number;
  p99: number;
  cpuPerEvent: number;
  repliesPerEvent: number;
  failed: number;
}

/** What one stretch of load measured, to be added up with the app's other stretches. */
interface Sample {
  count: number;
  /** Ms from the first request to the last answer. */
  elapsed: number;
  /** Ack times, ms. */
  times: number[];
  cpu: number;
  replies: number;
  failed: number;
}

/** POSTs one event over `agent`; resolves with the status once the whole answer is read. */
function post(url: URL, agent: Agent, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
      res.once('error', reject);
    });
    req.once('error', reject);
    req.end(body);
  });
}

/**
 * Sends `count` events with `concurrency` clients over `agent` (one keep-alive socket per client, so
 * no connection is opened mid-run once warmed up); waits for the replies; measures.
 */
async function load(app: RunningApp, fake: RunningFake, agent: Agent, count: number, concurrency: number): Promise<Sample> {
  const { port, child: { pid } } = app;
  const url = new URL(`http://127.0.0.1:${port}/slack/events`);
  // Replies are counted by the app's token: the other app's late replies never land in this count.
  const sent = () => fake.tally.bySender.get(`Bearer ${TOKENS[app.kind]}`) ?? 0;
  const repliesBefore = sent();
  const cpuBefore = cpuMs(pid);
  const times: number[] = [];
  let failed = 0;
  let next = 0;
  const started = performance.now();
  const client = async () => {
    while (next < count) {
      next += 1;
      const { body, headers } = signedMention();
      const t = performance.now();
      const status = await post(url, agent, body, headers);
      times.push(performance.now() - t);
      if (status !== 200) failed += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const elapsed = performance.now() - started;
  const replies = () => sent() - repliesBefore;
  // The work after the ack (the reply) belongs to the event's cost: wait for every reply, then a little
  // longer so a second reply to the same event would be counted, then stop the clock.
  for (let waited = 0; replies() < count && waited < 30_000; waited += 20) await sleep(20);
  await sleep(300);
  const cpu = cpuMs(pid) - cpuBefore;
  return { count, elapsed, times, cpu, replies: replies(), failed };
}

/** The figures of an app's stretches taken together. */
function summary(samples: readonly Sample[]): Load {
  const count = samples.reduce((n, s) => n + s.count, 0);
  const times = samples.flatMap((s) => s.times).sort((a, b) => a - b);
  return {
    rate: (count * 1000) / samples.reduce((n, s) => n + s.elapsed, 0),
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    cpuPerEvent: samples.reduce((n, s) => n + s.cpu, 0) / count,
    repliesPerEvent: samples.reduce((n, s) => n + s.replies, 0) / count,
    failed: samples.reduce((n, s) => n + s.failed, 0),
  };
}

interface RunningApp {
  kind: 'bot' | 'bare';
  port: number;
  child: Child;
}

/** BENCH_BARE_ARGS adds Node options to the bare app (e.g. --cpu-prof), as BENCH_BOT_ARGS does to the bot, to compare profiles. */
const bareArgs = (): string[] => process.env.BENCH_BARE_ARGS?.split(' ').filter(Boolean) ?? [];

async function startApp(kind: 'bot' | 'bare', fake: RunningFake, dir: string): Promise<RunningApp> {
  const port = await freePort();
  const env = { SLACK_BOT_TOKEN: TOKENS[kind], SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.url };
  // This fake sets no workspace limit and the bare app keeps none, so the bot is told the workspace
  // allows 1,000 posts a second: its replies are then paced by the channels only, and the figures compare
  // the work per event. How replies are paced under a real limit is measured by `fanout.replies`.
  const child =
    kind === 'bot'
      ? startBot({ ...env, SLACK_PORT: String(port), SQLITE_PATH: path.join(dir, 'ack.db'), ADAPTERS: 'slack', NODE_ENV: 'production', SLACK_WORKSPACE_RATE: '1000' }, path.join(dir, 'bot.log'))
      : startNode([...bareArgs(), 'dist/scripts/bench/bare-bolt.js'], { ...env, BENCH_PORT: String(port) }, path.join(dir, 'bare.log'));
  try {
    await waitForPort(port, 30_000, child.process);
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { kind, port, child };
}

/** Stretches per app and level: the two apps take turns, so a change in the machine's load hits both. */
const STRETCHES = 4;

/**
 * Measures both apps at one concurrency: a warm-up each (JIT, SQLite pages, and one open connection per
 * client: Node, libuv >= 1.45, accepts one new connection per event-loop turn, so connections opened
 * mid-run would wait a turn of a busy loop each and the app with the longer turns would be charged for
 * its connection ramp, not for answering events), then `count` events each in stretches taken in turn
 * (bot, bare, bare, bot, ...).
 */
async function measureLevel(bot: RunningApp, bare: RunningApp, fake: RunningFake, count: number, concurrency: number): Promise<[Load, Load]> {
  const samples = new Map<RunningApp, Sample[]>([
    [bot, []],
    [bare, []],
  ]);
  // Each turn gets connections of its own, opened by one unmeasured event per client: a connection left
  // idle past the app's keep-alive timeout while the other app had its turn could be closed just as a
  // request goes out on it.
  const turn = async (app: RunningApp, n: number, measured: boolean) => {
    const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
    try {
      await load(app, fake, agent, concurrency, concurrency);
      const sample = await load(app, fake, agent, n, concurrency);
      if (measured) samples.get(app)?.push(sample);
    } finally {
      agent.destroy();
    }
  };
  await turn(bot, 300, false);
  await turn(bare, 300, false);
  const per = Math.ceil(count / STRETCHES);
  for (let i = 0; i < STRETCHES; i += 1) {
    const n = Math.min(per, count - i * per);
    for (const app of i % 2 === 0 ? [bot, bare] : [bare, bot]) await turn(app, n, true);
  }
  return [summary(samples.get(bot) ?? []), summary(samples.get(bare) ?? [])];
}

/** Runs the bot and the bare app at concurrency 10 and 50. */
export async function benchAck(): Promise<Array<[string, string]>> {
  const events = Number(process.env.BENCH_ACK_EVENTS ?? 2000);
  const plan: Array<[number, number]> = [
    [events, 10],
    [events, 50],
  ];
  const dir = mkdtempSync(path.join(tmpdir(), 'moodmusic-bench-ack-'));
  const fake = await startFakeSlack();
  try {
    const bareApp = await startApp('bare', fake, dir);
    let botApp: RunningApp;
    try {
      botApp = await startApp('bot', fake, dir);
    } catch (error) {
      await bareApp.child.stop();
      throw error;
    }
    const results: Array<[Load, Load]> = [];
    try {
      for (const [count, concurrency] of plan) results.push(await measureLevel(botApp, bareApp, fake, count, concurrency));
    } finally {
      await Promise.all([botApp.child.stop(), bareApp.child.stop()]);
    }
    const rows: Array<[string, string]> = [['slack.ack.events_per_run', String(events)]];
    plan.forEach(([, c], i) => {
      const [a, b] = results[i] as [Load, Load];
      rows.push(
        [`slack.ack.c${c}.rate_per_s`, versus(a.rate, b.rate, 0)],
        [`slack.ack.c${c}.p50_ms`, versus(a.p50, b.p50, 2)],
        [`slack.ack.c${c}.p99_ms`, versus(a.p99, b.p99, 2)],
        [`slack.ack.c${c}.cpu_ms_per_event`, versus(a.cpuPerEvent, b.cpuPerEvent, 2)],
        [`slack.ack.c${c}.replies_per_event`, versus(a.repliesPerEvent, b.repliesPerEvent, 3)],
        [`slack.ack.c${c}.non_200`, `${a.failed} (baseline ${b.failed})`],
      );
    });
    return rows;
  } finally {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
