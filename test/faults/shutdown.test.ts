import { existsSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RELEASED_AT } from '../../src/store/slots.js';
import { freePort } from '../helpers/bot.js';
import { FakeSlackApi } from '../slack/fake-slack-api.js';
import { startFakeConnector } from '../teams/fake-connector.js';
import { channelMention } from '../teams/harness.js';
import { nonJsonLines, until } from './process.js';
import { faultRig } from './rig.js';
import { seedDueSlots, withStore } from './seed.js';

const rig = faultRig();

const GRACE_S = 2;
/**
 * What exiting may take beyond the grace period: closing the store, logging, the process ending (on a
 * loaded two-core machine). Without the deadline it never exits at all.
 */
const EXIT_MARGIN_MS = 3000;

/** Opens a connection and sends `data` (a request cut off part-way), then keeps the socket open. */
async function halfOpen(port: number, data: string): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  await new Promise<void>((resolve) => socket.write(data, () => resolve()));
  rig.defer(() => socket.destroy());
  return socket;
}

/** Sockets holding a partial header line, a complete header with a partial body, and nothing at all. */
async function holdSockets(port: number, endpoint: string): Promise<Socket[]> {
  return Promise.all([
    halfOpen(port, `POST ${endpoint} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty`),
    halfOpen(port, `POST ${endpoint} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n{"type":`),
    halfOpen(port, 'POST'),
  ]);
}

describe('shutdown with a deadline (SHUTDOWN_GRACE_S), through the real process', () => {
  it('Slack: half-open sockets and stalled posts; SIGTERM exits 0 within the grace period and posts nothing after the signal', async () => {
    const fake = await new FakeSlackApi('xoxb-test').start();
    fake.tsBase = Math.floor(Date.now() / 1000);
    rig.defer(() => fake.close());
    const dir = rig.dir();
    const db = { kind: 'sqlite' as const, path: path.join(dir, 'bot.db') };
    const channels = Array.from({ length: 60 }, (_, i) => `C${String(i).padStart(4, '0')}`);
    await seedDueSlots(db, channels);
    // Five posts are answered; every later one reaches the fake (and the channel) but is never answered.
    fake.holdAfter('chat.postMessage', 5);
    const port = await freePort();
    const bot = rig.bot({
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: 's',
        SLACK_API_URL: fake.apiUrl,
        SLACK_PORT: String(port),
        SQLITE_PATH: db.path,
        SHUTDOWN_GRACE_S: String(GRACE_S),
      });
    await bot.waitForLine('slack adapter listening');
    // Opened first, so the bot has read what they sent by the time the signal comes.
    const sockets = await holdSockets(port, '/slack/events');
    // The delivery queue allows 20 Slack posts in flight: with 20 stalled, the fan-out is stuck mid-way.
    await until(() => fake.heldCount() === 20, '20 stalled posts');

    const postsBefore = fake.callsTo('chat.postMessage').length;
    const signalled = performance.now();
    bot.child.kill('SIGTERM');
    const exit = await bot.exit;
    const seconds = (exit.at - signalled) / 1000;

    const log = bot.lines().join('\n');
    expect(exit.code, log).toBe(0);
    expect(seconds, log).toBeLessThan(GRACE_S + EXIT_MARGIN_MS / 1000);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(postsBefore);
    expect(nonJsonLines(bot.lines())).toEqual([]);
    // Node drops the sockets with no complete request line as idle; the request whose body never ends
    // is held until the deadline, then cut.
    const cut = bot.lines().find((l) => l.includes('connections cut at the shutdown deadline'));
    expect(cut && (JSON.parse(cut) as { cut: number }).cut, log).toBeGreaterThanOrEqual(1);
    expect(bot.lines().some((l) => l.includes('"msg":"stopped"')), log).toBe(true);

    // The 20 stalled sends may have gone out (unknown: they keep their claim for the usual recovery);
    // every claim that was not yet sent was given back for the restart to post at once.
    const slots = await withStore(db, (store) => store.db.selectFrom('slots').select(['status', 'claimed_by', 'claimed_at']).execute());
    const uncertain = slots.filter((s) => s.status === 'claimed' && s.claimed_by !== null);
    const released = slots.filter((s) => s.status === 'claimed' && s.claimed_by === null);
    expect(slots.filter((s) => s.status === 'posted'), log).toHaveLength(5);
    expect(uncertain, log).toHaveLength(20);
    expect(released.every((s) => s.claimed_at === RELEASED_AT)).toBe(true);
    console.info(`slack: ${sockets.length} half-open sockets (${cut}) + 20 stalled posts; exit ${exit.code} after ${seconds.toFixed(2)} s (grace ${GRACE_S} s); ${released.length} claims released; posts after signal: ${fake.callsTo('chat.postMessage').length - postsBefore}`);
  }, 60_000);

  it('a second signal exits at once, still closing the store', async () => {
    const fake = await new FakeSlackApi('xoxb-test').start();
    fake.tsBase = Math.floor(Date.now() / 1000);
    rig.defer(() => fake.close());
    const dir = rig.dir();
    const db = { kind: 'sqlite' as const, path: path.join(dir, 'bot.db') };
    await seedDueSlots(db, Array.from({ length: 30 }, (_, i) => `C${i}`));
    fake.holdAfter('chat.postMessage', 0);
    const port = await freePort();
    const bot = rig.bot({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: fake.apiUrl, SLACK_PORT: String(port), SQLITE_PATH: db.path, SHUTDOWN_GRACE_S: '60' });
    await bot.waitForLine('slack adapter listening');
    await holdSockets(port, '/slack/events');
    await until(() => fake.heldCount() === 20, '20 stalled posts');
    bot.child.kill('SIGTERM');
    await bot.waitForLine('signal received');
    const again = performance.now();
    bot.child.kill('SIGTERM');
    const exit = await bot.exit;
    const log = bot.lines().join('\n');
    expect(exit.code, log).toBe(1);
    expect((exit.at - again) / 1000, log).toBeLessThan(EXIT_MARGIN_MS / 1000);
    expect(log).toContain('second signal: stopping at once');
    // Closed cleanly: SQLite folds its write-ahead log back in and removes it when the last connection closes.
    expect(existsSync(`${db.path}-wal`)).toBe(false);
    expect(await withStore(db, (store) => store.slots.list('nothing'))).toEqual([]);
    console.info(`second signal: exit ${exit.code} ${((exit.at - again) / 1000).toFixed(2)} s after it (grace 60 s), WAL folded back and removed`);
  }, 60_000);

  it('Teams: 20 turns in flight are all answered, half-open sockets are cut at the deadline, exit 0 in time', async () => {
    const connector = await startFakeConnector();
    rig.defer(() => connector.close());
    const dir = rig.dir();
    const port = await freePort();
    const bot = rig.bot({ ADAPTERS: 'teams', TEAMS_PORT: String(port), SQLITE_PATH: path.join(dir, 'bot.db'), SHUTDOWN_GRACE_S: String(GRACE_S) });
    await bot.waitForLine('adapter started');
    const sockets = await holdSockets(port, '/api/messages');
    const endpoint = `http://127.0.0.1:${port}/api/messages`;
    // Each turn's reply stalls at the connector, so all 20 are in flight when the signal comes.
    connector.hold();
    const turns = Array.from({ length: 20 }, (_, i) =>
      fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(channelMention(connector.url, 'help', { conversation: `19:c${i}@thread.tacv2` })) }).then(
        (res) => res.status,
        (error: unknown) => `failed: ${String(error)}`,
      ),
    );
    await until(() => connector.held() === 20, '20 turns waiting on the connector');

    const signalled = performance.now();
    bot.child.kill('SIGTERM');
    await bot.waitForLine('signal received');
    connector.release();
    const statuses = await Promise.all(turns);
    const exit = await bot.exit;
    const seconds = (exit.at - signalled) / 1000;

    const log = bot.lines().join('\n');
    expect(statuses, log).toEqual(Array(20).fill(200));
    expect(connector.activities()).toHaveLength(20);
    expect(exit.code, log).toBe(0);
    expect(seconds, log).toBeLessThan(GRACE_S + EXIT_MARGIN_MS / 1000);
    expect(nonJsonLines(bot.lines())).toEqual([]);
    expect(bot.lines().some((l) => l.includes('connections cut at the shutdown deadline'))).toBe(true);
    console.info(`teams: 20 turns in flight answered 200; ${sockets.length} half-open sockets cut; exit ${exit.code} after ${seconds.toFixed(2)} s (grace ${GRACE_S} s)`);
  }, 60_000);
});
