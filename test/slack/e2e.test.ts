import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, startBotUntil } from '../helpers/bot.js';
import { tempDir } from '../helpers/temp.js';
import { FakeSlackApi } from './fake-slack-api.js';
import { BOT, TEAM, commandBody, eventEnvelope, mentionEvent, postSigned } from './harness.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** Starts `node bin/moodmusic.js start` and resolves once the Slack adapter says it is listening. */
const startBot = (env: Record<string, string>) => startBotUntil(env, 'slack adapter listening');

describe('Slack adapter, end to end through the real process', () => {
  it('answers signed requests via the fake Web API, once, escaped and in time, then exits 0 on SIGTERM', async () => {
    const fake = await new FakeSlackApi('xoxb-test', { userId: BOT, botId: 'BBOT', teamId: TEAM }).start();
    cleanups.push(() => fake.close());
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const port = await freePort();
    const bot = await startBot({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 's',
      SLACK_API_URL: fake.apiUrl,
      SLACK_PORT: String(port),
      ADAPTERS: 'slack',
      SQLITE_PATH: path.join(tmp.dir, 'slack.db'),
    });
    cleanups.push(() => void bot.child.kill('SIGKILL'));
    const send = (event: Record<string, unknown>, id: string, options: Parameters<typeof postSigned>[3] = {}) =>
      postSigned(port, eventEnvelope(event, id), 'application/json', { secret: 's', ...options });

    // A signed mention of help is answered in that channel.
    expect((await send(mentionEvent('help'), 'EvA')).status).toBe(200);
    const answer = await fake.waitFor('chat.postMessage', (c) => c.args.channel === 'C1');
    expect(JSON.stringify(answer.args.blocks)).toMatch(/prompt \[theme\]/);

    // A retried delivery is not answered again (a later event is, so the bot is still answering).
    expect((await send(mentionEvent('help'), 'EvA', { retryNum: 1 })).status).toBe(200);
    await send(mentionEvent('help', { channel: 'C9' }), 'EvB');
    await fake.waitFor('chat.postMessage', (c) => c.args.channel === 'C9');

    // Forged and stale signatures get 401.
    expect((await send(mentionEvent('help', { channel: 'C666' }), 'EvF', { secret: 'wrong' })).status).toBe(401);
    expect((await send(mentionEvent('help', { channel: 'C666' }), 'EvS', { timestamp: Math.floor(Date.now() / 1000) - 600 })).status).toBe(401);

    // /moodmusic help is acked within 3 s and answered.
    const ack = await postSigned(port, commandBody({ text: 'help', response_url: fake.responseUrl('cmd') }), 'application/x-www-form-urlencoded', { secret: 's' });
    expect(ack.status).toBe(200);
    expect(ack.ms).toBeLessThan(3000);
    await fake.waitFor('response_url', (c) => c.args.id === 'cmd');

    // A 45,000-character mention gets a short answer; echoed <!channel> is escaped.
    await send(mentionEvent(`${'x'.repeat(45_000)}`, { channel: 'C45' }), 'EvL');
    const short = await fake.waitFor('chat.postEphemeral', (c) => c.args.channel === 'C45');
    expect(String(short.args.text).length).toBeLessThan(300);
    await send(mentionEvent('<!channel> what to do about crime', { channel: 'C7' }), 'EvE');
    const echoed = await fake.waitFor('chat.postEphemeral', (c) => c.args.channel === 'C7');
    expect(JSON.stringify(echoed.args)).toContain('&lt;!channel&gt;');

    bot.child.kill('SIGTERM');
    expect(await bot.exit).toBe(0);
    expect(fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C1')).toHaveLength(1);
    expect(fake.calls.some((c) => c.args.channel === 'C666')).toBe(false);
    expect(JSON.stringify(fake.calls.map((c) => c.args))).not.toContain('<!channel>');
  }, 60_000);
});
