/**
 * `fanout.replies.*`: people asking the real bot process something while it fans a slot out. The bot
 * (SQLite file, its own scheduler and delivery queue) posts one prompt to each of N conversations
 * against a local fake platform with a rate limit and a 50 ms round trip; meanwhile replies are asked
 * for at a steady pace, each in a conversation of its own (Slack: signed `app_mention` events to the
 * Bolt receiver; Teams: channel mentions to `/api/messages`, answered in the turn). The baseline is the
 * same bot, database and replies with nothing due. Reported: 429s of the whole run (sends and replies),
 * the replies' latency from the request to the fake accepting the reply (p50, p99, against the baseline
 * from the same run), duplicates and losses of both, and the fan-out's rate as a fraction of the limit.
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { seed, type Platform } from './fanout-e2e.js';
import { startFakeConnector, startFakeSlack, type FakeOptions, type RunningFake } from './fake-platforms.js';
import { freePort, percentile, sleep, startBot, versus, waitForPort } from './proc.js';

const SECRET = 'bench-signing-secret';
const TENANT = 'tenant-1';

/** Where reply `i` is asked for (and answered). */
const replyConversation = (platform: Platform, i: number) => (platform === 'slack' ? `R${i}` : `19:r${i}@thread.tacv2`);

/** POSTs `body` as JSON to the bot; resolves with the status once the answer is read. */
function postJson(url: URL, agent: Agent, body: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
      res.once('error', reject);
    });
    req.once('error', reject);
    req.end(body);
  });
}

/** Asks the bot for reply `i`: a signed Slack mention, or a Teams channel mention (local mode: unsigned). */
function ask(platform: Platform, port: number, agent: Agent, fakeUrl: string, i: number): Promise<number> {
  const conversation = replyConversation(platform, i);
  if (platform === 'slack') {
    const ts = `1700000000.${String(i).padStart(6, '0')}`;
    const body = JSON.stringify({
      token: 'legacy',
      team_id: 'T1',
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: `EvReply${process.pid}x${Date.now()}x${i}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
      event: { type: 'app_mention', user: `U${i}`, text: '<@UBOT> help', ts, channel: conversation, event_ts: ts },
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
    return postJson(new URL(`http://127.0.0.1:${port}/slack/events`), agent, body, { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature });
  }
  const id = `17000000${String(i).padStart(5, '0')}`;
  const body = JSON.stringify({
    type: 'message',
    id,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: fakeUrl,
    from: { id: `29:user-${i}`, name: 'Bench Person' },
    recipient: { id: '28:bench-bot', name: 'moodmusic' },
    text: '<at>moodmusic</at> help',
    entities: [{ type: 'mention', text: '<at>moodmusic</at>', mentioned: { id: '28:bench-bot', name: 'moodmusic' } }],
    conversation: { id: `${conversation};messageid=${id}`, conversationType: 'channel', tenantId: TENANT, isGroup: true, name: '' },
    channelData: { tenant: { id: TENANT }, team: { id: conversation }, channel: { id: conversation } },
  });
  return postJson(new URL(`http://127.0.0.1:${port}/api/messages`), agent, body);
}

interface RepliesRun {
  /** Reply latencies (ms), sorted; a reply never accepted is left out (and counted lost). */
  latencies: number[];
  replyLosses: number;
  /** Requests for a reply the bot did not answer 200 (refused, or the connection failed). */
  askFailed: number;
  replyDuplicates: number;
  rejected: number;
  /** Sends of the fan-out (0 for the baseline) and what became of them. */
  fanoutSends: number;
  fanoutDuplicates: number;
  fanoutLosses: number;
  fanoutFraction: number;
}

/**
 * One run: N subscriptions due now (`fanout`) or in three days (baseline), the bot started, `replies`
 * replies asked for at `perSecond` once the fan-out has begun (at once for the baseline), then counted.
 */
async function run(platform: Platform, n: number, fanout: boolean, replies: number, perSecond: number, fake: FakeOptions, limitPerS: number): Promise<RepliesRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'moodmusic-bench-replies-'));
  const running: RunningFake = platform === 'slack' ? await startFakeSlack(fake) : await startFakeConnector(fake);
  const agent = new Agent({ keepAlive: true, maxSockets: 20 });
  try {
    const dbPath = path.join(dir, 'replies.db');
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    await seed(dbPath, platform, n, new Date(fanout ? minute - 60_000 : minute + 3 * 86_400_000), running.url);
    const port = await freePort();
    const env: Record<string, string> =
      platform === 'slack'
        ? { ADAPTERS: 'slack', SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: running.url, SLACK_PORT: String(port), SLACK_WORKSPACE_RATE: String(limitPerS) }
        : { ADAPTERS: 'teams', TEAMS_PORT: String(port) };
    const bot = startBot({ ...env, SQLITE_PATH: dbPath, CATCH_UP_HOURS: '2' }, path.join(dir, 'bot.log'));
    const t = running.tally;
    const isReply = (conversation: string) => (platform === 'slack' ? /^R\d+$/.test(conversation) : conversation.startsWith('19:r'));
    const fanned = () => [...t.perConversation.keys()].filter((c) => !isReply(c)).length;
    const asked: number[] = [];
    let askFailed = 0;
    try {
      await waitForPort(port, 60_000, bot.process);
      // The fan-out's replies start with its first post; the baseline's once the start-up run is over
      // (the bot looks at all N subscriptions then), so neither counts the start-up against the replies.
      if (fanout) for (let waited = 0; fanned() === 0 && waited < 60_000; waited += 10) await sleep(10);
      else await sleep(8000);
      const started = performance.now();
      const asking: Array<Promise<number>> = [];
      for (let i = 0; i < replies; i += 1) {
        // Paced from the start, so a slow answer does not slow the asking.
        const due = started + (i * 1000) / perSecond;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        asked[i] = performance.now();
        asking.push(ask(platform, port, agent, running.url, i).catch(() => 0));
      }
      askFailed = (await Promise.all(asking)).filter((status) => status !== 200).length;
      let last = -1;
      let lastChange = performance.now();
      const done = () => t.firstAccepted.size >= (fanout ? n : 0) + replies;
      while (!done() && performance.now() - lastChange < 15_000) {
        if (t.accepted !== last) {
          last = t.accepted;
          lastChange = performance.now();
        }
        await sleep(100);
      }
      // Anything sent twice would arrive now.
      await sleep(2000);
    } finally {
      await bot.stop();
    }
    const latencies: number[] = [];
    let replyDuplicates = 0;
    let fanoutDuplicates = 0;
    for (const [conversation, count] of t.perConversation) {
      if (isReply(conversation)) replyDuplicates += count - 1;
      else fanoutDuplicates += count - 1;
    }
    for (let i = 0; i < replies; i += 1) {
      const prefix = replyConversation(platform, i);
      const accepted = [...t.firstAccepted].find(([c]) => c === prefix || c.startsWith(`${prefix};`))?.[1];
      if (accepted !== undefined) latencies.push(accepted - (asked[i] as number));
    }
    latencies.sort((a, b) => a - b);
    const fanoutTimes = [...t.firstAccepted].filter(([c]) => !isReply(c)).map(([, at]) => at);
    const span = fanoutTimes.length > 1 ? Math.max(...fanoutTimes) - Math.min(...fanoutTimes) : 0;
    return {
      latencies,
      replyLosses: replies - latencies.length,
      askFailed,
      replyDuplicates,
      rejected: t.rejected,
      fanoutSends: fanout ? n : 0,
      fanoutDuplicates,
      fanoutLosses: fanout ? n - fanned() : 0,
      fanoutFraction: span > 0 ? ((fanoutTimes.length - 1) * 1000) / span / limitPerS : 0,
    };
  } finally {
    agent.destroy();
    await running.close();
    if (process.env.BENCH_KEEP) console.error(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

function rows(prefix: string, base: RepliesRun, load: RepliesRun, limitPerS: number): Array<[string, string]> {
  const sends = load.fanoutSends + load.latencies.length + load.replyLosses;
  return [
    [`${prefix}.responses_429`, `${load.rejected} (${((100 * load.rejected) / sends).toFixed(2)}% of ${sends} sends and replies; baseline ${base.rejected})`],
    [`${prefix}.reply_p50_ms`, versus(percentile(load.latencies, 50), percentile(base.latencies, 50))],
    [`${prefix}.reply_p99_ms`, versus(percentile(load.latencies, 99), percentile(base.latencies, 99))],
    [`${prefix}.reply_max_ms`, versus(load.latencies.at(-1) ?? 0, base.latencies.at(-1) ?? 0)],
    [
      `${prefix}.replies`,
      `${load.latencies.length} made, ${load.replyLosses} lost, ${load.replyDuplicates} duplicated, ${load.askFailed} requests not answered 200 (baseline ${base.latencies.length}, ${base.replyLosses}, ${base.replyDuplicates}, ${base.askFailed})`,
    ],
    [`${prefix}.fanout`, `${load.fanoutSends - load.fanoutLosses} of ${load.fanoutSends} posted, ${load.fanoutLosses} lost, ${load.fanoutDuplicates} duplicated`],
    [`${prefix}.fanout_fraction_of_limit`, `${load.fanoutFraction.toFixed(3)} (baseline 1.000 = ${limitPerS}/s, the replies share it)`],
  ];
}

/** Teams' documented limits for the fake connector (see `fanout.e2e`). */
const TEAMS_LIMITS: FakeOptions = {
  latencyMs: 50,
  global: { count: 50, perMs: 1000 },
  perConversation: [
    { count: 7, perMs: 1000 },
    { count: 8, perMs: 2000 },
    { count: 60, perMs: 30_000 },
  ],
};

/** Slack (4,000 channels at 200/s) and Teams (1,000 channels at 50/s per tenant), each with replies asked during the fan-out. */
export async function benchReplies(only: (name: string) => boolean): Promise<Array<[string, string]>> {
  const out: Array<[string, string]> = [];
  const slack = { n: Number(process.env.BENCH_REPLIES_SLACK_N ?? 4000), limit: 200, replies: 150, perSecond: 10 };
  if (only('fanout.replies.slack')) {
    const fake: FakeOptions = { latencyMs: 50, global: { count: slack.limit, perMs: 1000 }, perConversation: { count: 1, perMs: 1000 } };
    const base = await run('slack', slack.n, false, slack.replies, slack.perSecond, fake, slack.limit);
    const load = await run('slack', slack.n, true, slack.replies, slack.perSecond, fake, slack.limit);
    out.push(...rows(`fanout.replies.slack.n${slack.n / 1000}k`, base, load, slack.limit));
  }
  const teams = { n: Number(process.env.BENCH_REPLIES_TEAMS_N ?? 1000), replies: 80, perSecond: 5 };
  if (only('fanout.replies.teams')) {
    const base = await run('teams', teams.n, false, teams.replies, teams.perSecond, TEAMS_LIMITS, 50);
    const load = await run('teams', teams.n, true, teams.replies, teams.perSecond, TEAMS_LIMITS, 50);
    out.push(...rows(`fanout.replies.teams.n${teams.n / 1000}k`, base, load, 50));
  }
  return out;
}
