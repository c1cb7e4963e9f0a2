import { afterEach, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../adapters/slack/index.js';
import { readConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { freePort } from '../helpers/bot.js';
import { testCore } from '../helpers/core.js';
import { FakeSlackApi } from './fake-slack-api.js';
import { FakeSocketMode } from './fake-socket-mode.js';
import { BOT, TEAM, eventEnvelope, mentionEvent } from './harness.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('Socket Mode', () => {
  it('receives events over the socket, acks them, answers through the Web API and serves /healthz', async () => {
    const fake = await new FakeSlackApi('xoxb-test', { userId: BOT, botId: 'BBOT', teamId: TEAM }).start();
    cleanups.push(() => fake.close());
    const socket = await new FakeSocketMode().start();
    cleanups.push(() => socket.close());
    fake.socketUrl = socket.url;
    const port = await freePort();
    const tc = await testCore();
    cleanups.push(() => tc.close());
    const config = readConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'xapp-test', SLACK_API_URL: fake.apiUrl, SLACK_PORT: String(port), ADAPTERS: 'slack' });
    expect(config.slack?.mode).toBe('socket');
    const adapter = createSlackAdapter({ core: tc.core, config, logger: silentLogger, io: { stdin: process.stdin, stdout: process.stdout } });
    await adapter.start();
    cleanups.push(() => adapter.stop());
    await socket.connected();
    expect(fake.callsTo('apps.connections.open')[0]?.token).toBe('xapp-test');

    const payload = JSON.parse(eventEnvelope(mentionEvent('help'), 'EvSock')) as Record<string, unknown>;
    socket.send({ envelope_id: 'env-1', type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '', payload });
    await socket.ackFor('env-1');
    const post = await fake.waitFor('chat.postMessage');
    expect(post.args.channel).toBe('C1');

    // The same event again (Slack's retry over the socket) is acked but not answered twice.
    socket.send({ envelope_id: 'env-2', type: 'events_api', accepts_response_payload: false, retry_attempt: 1, retry_reason: 'timeout', payload });
    await socket.ackFor('env-2');
    await adapter.idle();
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
  });
});
