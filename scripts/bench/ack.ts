/**
 * `slack.ack.*`: how fast the real bot process acknowledges signed `app_mention` events over Bolt's HTTP
 * receiver (SQLite file, default log level), against a bare Bolt app with one handler calling `say`,
 * both talking to the same local fake Web API. Events carry unique `event_id`s, spread over 50 channels,
 * sent by CONCURRENCY clients at once, each over its own keep-alive connection (opened in a warm-up at
 * that concurrency, the same for both apps). Reports rate, p50/p99 of the ack, CPU per event (the
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
const TOKEN = 'xoxb-bench';
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
    event: { type: 'app_mention', user: `U${seq % 20}`, text: '<@UBOT> prompt', ts: `1700000000.${String(seq).padStart(6, '0')}`, channel: `C${seq % 50}`, event_ts: `1700000000.${String(seq).padStart(6, '0')}` },
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
async function load(port: number, pid: number, fake: RunningFake, agent: Agent, count: number, concurrency: number): Promise<Load> {
  const url = new URL(`http://127.0.0.1:${port}/slack/events`);
  const repliesBefore = (fake.tally.calls.get('chat.postMessage') ?? 0) + (fake.tally.calls.get('chat.postEphemeral') ?? 0);
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
  const replies = () => (fake.tally.calls.get('chat.postMessage') ?? 0) + (fake.tally.calls.get('chat.postEphemeral') ?? 0) - repliesBefore;
  // The work after the ack (the reply) belongs to the event's cost: wait for it, then stop the clock.
  for (let waited = 0; replies() < count && waited < 20_000; waited += 20) await sleep(20);
  await sleep(200);
  const cpu = cpuMs(pid) - cpuBefore;
  times.sort((a, b) => a - b);
  return {
    rate: (count * 1000) / elapsed,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    cpuPerEvent: cpu / count,
    repliesPerEvent: replies() / count,
    failed,
  };
}

async function measureApp(kind: 'bot' | 'bare', fake: RunningFake, dir: string, plan: Array<[number, number]>): Promise<Load[]> {
  const port = await freePort();
  const env = { SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.url };
  let child: Child;
  if (kind === 'bot') {
    child = startBot({ ...env, SLACK_PORT: String(port), SQLITE_PATH: path.join(dir, 'ack.db'), ADAPTERS: 'slack', NODE_ENV: 'production' }, path.join(dir, 'bot.log'));
  } else {
    child = startNode(['dist/scripts/bench/bare-bolt.js'], { ...env, BENCH_PORT: String(port) }, path.join(dir, 'bare.log'));
  }
  try {
    await waitForPort(port, 30_000, child.process);
    const out: Load[] = [];
    for (const [count, concurrency] of plan) {
      // Warm-up at the level about to be measured: JIT, SQLite pages, and one open connection per client.
      // Node (libuv >= 1.45) accepts one new connection per event-loop turn, so connections opened during
      // the measurement would wait a turn of a busy loop each and the app with the longer turns would be
      // charged for its connection ramp, not for answering events.
      const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
      try {
        await load(port, child.pid, fake, agent, 300, concurrency);
        out.push(await load(port, child.pid, fake, agent, count, concurrency));
      } finally {
        agent.destroy();
      }
    }
    return out;
  } finally {
    await child.stop();
  }
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
    const bare = await measureApp('bare', fake, dir, plan);
    const bot = await measureApp('bot', fake, dir, plan);
    const rows: Array<[string, string]> = [['slack.ack.events_per_run', String(events)]];
    plan.forEach(([, c], i) => {
      const a = bot[i] as Load;
      const b = bare[i] as Load;
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
