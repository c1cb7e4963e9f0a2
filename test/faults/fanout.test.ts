import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoreLocation } from '../../src/store/index.js';
import { freePort } from '../helpers/bot.js';
import { FakeSlackApi } from '../slack/fake-slack-api.js';
import { freshPostgresUrl, postgresAvailable } from '../store/stores.js';
import { until, type BotProcess } from './process.js';
import { faultRig } from './rig.js';
import { seedDueSlots, withStore } from './seed.js';

const rig = faultRig();

const CHANNELS = Array.from({ length: 150 }, (_, i) => `C${String(i).padStart(4, '0')}`);
/** Posts answered before the fake stalls; the queue then has 20 in flight and the rest waiting. */
const ANSWERED = 40;

async function location(kind: 'sqlite' | 'postgres'): Promise<StoreLocation> {
  if (kind === 'postgres') return { kind: 'postgres', url: await freshPostgresUrl() };
  return { kind: 'sqlite', path: path.join(rig.dir(), 'bot.db') };
}

async function startBot(fake: FakeSlackApi, db: StoreLocation): Promise<BotProcess> {
  const bot = rig.bot({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: 's',
    SLACK_API_URL: fake.apiUrl,
    SLACK_PORT: String(await freePort()),
    SHUTDOWN_GRACE_S: '5',
    ...(db.kind === 'sqlite' ? { SQLITE_PATH: db.path } : { DATABASE_URL: db.url }),
  });
  await bot.waitForLine('slack adapter listening');
  return bot;
}

/** Scheduled prompts posted per channel (retries of one post would show as more than one). */
function postsPerChannel(fake: FakeSlackApi): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of fake.callsTo('chat.postMessage')) {
    const channel = String(call.args.channel);
    counts.set(channel, (counts.get(channel) ?? 0) + 1);
  }
  return counts;
}

async function slotStatuses(db: StoreLocation): Promise<Record<string, number>> {
  const rows = await withStore(db, (store) => store.db.selectFrom('slots').select(['status']).execute());
  const out: Record<string, number> = {};
  for (const r of rows) out[r.status] = (out[r.status] ?? 0) + 1;
  return out;
}

async function fakeSlack(): Promise<FakeSlackApi> {
  const fake = await new FakeSlackApi('xoxb-test').start();
  // Message timestamps near now, so the recovery's history lookup (`oldest`) sees them.
  fake.tsBase = Math.floor(Date.now() / 1000);
  rig.defer(() => fake.close());
  return fake;
}

// Without a PostgreSQL server (a local run, announced at the start) only the SQLite half runs.
describe.each(postgresAvailable() ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const))('a 150-channel fan-out interrupted, then restarted (%s)', (kind) => {
  it('after SIGTERM mid fan-out, the restart posts every remaining slot at once, each channel exactly once', async () => {
    const db = await location(kind);
    await seedDueSlots(db, CHANNELS);
    const fake = await fakeSlack();
    fake.holdAfter('chat.postMessage', ANSWERED);
    const first = await startBot(fake, db);
    await until(() => fake.heldCount() === 20, '20 stalled posts');

    const before = fake.callsTo('chat.postMessage').length;
    first.child.kill('SIGTERM');
    await first.waitForLine('signal received');
    // The stalled posts are answered after the signal: they were sent, and are recorded as posted.
    fake.releaseHeld();
    expect((await first.exit).code).toBe(0);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(before);
    const afterStop = await slotStatuses(db);
    expect(afterStop.posted).toBe(ANSWERED + 20);

    const restartedAt = performance.now();
    const second = await startBot(fake, db);
    await until(() => postsPerChannel(fake).size === CHANNELS.length, 'a post in every channel');
    const seconds = (performance.now() - restartedAt) / 1000;
    second.child.kill('SIGTERM');
    expect((await second.exit).code).toBe(0);

    const counts = postsPerChannel(fake);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(await slotStatuses(db)).toEqual({ posted: CHANNELS.length });
    console.info(`${kind}: SIGTERM after ${before} posts (${afterStop.claimed ?? 0} claims released); restart posted the other ${CHANNELS.length - before} in ${seconds.toFixed(1)} s; ${CHANNELS.length} channels, each posted once`);
  }, 90_000);

  it('after kill -9 mid fan-out, restarts post every slot exactly once (abandoned claims recovered once stale)', async () => {
    const db = await location(kind);
    await seedDueSlots(db, CHANNELS);
    const fake = await fakeSlack();
    fake.holdAfter('chat.postMessage', ANSWERED);
    const first = await startBot(fake, db);
    await until(() => fake.heldCount() === 20, '20 stalled posts');
    first.child.kill('SIGKILL');
    await first.exit;
    fake.releaseHeld();
    const claimed = (await slotStatuses(db)).claimed ?? 0;

    // The restart posts what nobody had claimed; claims of the killed process wait for their lease.
    const second = await startBot(fake, db);
    await until(async () => (await slotStatuses(db)).posted === CHANNELS.length - claimed, 'the unclaimed slots posted', 30_000);
    second.child.kill('SIGTERM');
    expect((await second.exit).code).toBe(0);
    expect((await slotStatuses(db)).claimed).toBe(claimed);

    // The lease (15 minutes) has passed: the next start takes the claims over, finds the 20 that went
    // out in the channel history (recorded, not re-sent) and sends the rest.
    await withStore(db, (store) => store.db.updateTable('slots').set({ claimed_at: new Date(Date.now() - 16 * 60_000).toISOString() }).where('status', '=', 'claimed').execute());
    const third = await startBot(fake, db);
    await until(async () => (await slotStatuses(db)).posted === CHANNELS.length, 'every slot posted', 30_000);
    third.child.kill('SIGTERM');
    expect((await third.exit).code).toBe(0);

    const counts = postsPerChannel(fake);
    expect(counts.size).toBe(CHANNELS.length);
    expect([...counts.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    console.info(`${kind}: kill -9 with ${claimed} claims open (20 of them sent); after restarts ${counts.size} channels, each posted once`);
  }, 120_000);
});
