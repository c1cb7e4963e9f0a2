import { afterEach, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/index.js';
import { readConfig } from '../../src/config.js';
import { PlatformError } from '../../src/errors.js';
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

async function socketAdapter(): Promise<{ fake: FakeSlackApi; adapter: SlackAdapter }> {
  const fake = await new FakeSlackApi('xoxb-test', { userId: BOT, botId: 'BBOT', teamId: TEAM }).start();
  cleanups.push(() => fake.close());
  const tc = await testCore();
  cleanups.push(() => tc.close());
  const config = readConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'xapp-test', SLACK_API_URL: fake.apiUrl, SLACK_PORT: String(await freePort()), ADAPTERS: 'slack' });
  const adapter = createSlackAdapter({ core: tc.core, config, logger: silentLogger, io: { stdin: process.stdin, stdout: process.stdout } });
  cleanups.push(() => adapter.stop());
  return { fake, adapter };
}

/** What `start()` settles with, or 'still starting' when it has not settled within `ms`. */
async function outcome(start: Promise<void>, ms = 3000): Promise<unknown> {
  return Promise.race([start.then(() => 'started', (error: unknown) => error), new Promise((resolve) => setTimeout(() => resolve('still starting'), ms))]);
}

describe('Socket Mode start-up', () => {
  it('fails at once, explained, when Socket Mode is off for the app (instead of retrying for ever)', async () => {
    const { adapter } = await socketAdapter();
    // The fake answers apps.connections.open with socket_mode_not_enabled while it has no socket URL.
    const result = await outcome(adapter.start());
    expect(result).toBeInstanceOf(PlatformError);
    expect((result as PlatformError).message).toMatch(/Socket Mode/);
    expect((result as PlatformError).message).toMatch(/SLACK_APP_TOKEN/);
  });

  it('names SLACK_APP_TOKEN, not the bot token, when Slack refuses the app-level token', async () => {
    const { fake, adapter } = await socketAdapter();
    fake.failNext('apps.connections.open', { error: 'invalid_auth' });
    const result = await outcome(adapter.start());
    expect(result).toBeInstanceOf(PlatformError);
    expect((result as PlatformError).message).toMatch(/SLACK_APP_TOKEN/);
    expect((result as PlatformError).message).not.toMatch(/SLACK_BOT_TOKEN/);
  });

  it('still reconnects after start-up when Slack asks it to (refresh_requested)', async () => {
    const { fake, adapter } = await socketAdapter();
    const socket = await new FakeSocketMode().start();
    cleanups.push(() => socket.close());
    fake.socketUrl = socket.url;
    await adapter.start();
    await socket.connected();
    socket.send({ type: 'disconnect', reason: 'refresh_requested', debug_info: { host: 'fake' } });
    await fake.waitFor('apps.connections.open', (c) => c !== fake.callsTo('apps.connections.open')[0], 15_000);
    // Connected again: an envelope on the new socket is acked (resent until the new socket is up).
    let acked = false;
    for (let i = 0; i < 50 && !acked; i += 1) {
      const payload = JSON.parse(eventEnvelope(mentionEvent('help'), `EvR${i}`)) as Record<string, unknown>;
      socket.send({ envelope_id: `env-r${i}`, type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '', payload });
      acked = await Promise.race([socket.ackFor(`env-r${i}`).then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 200))]);
    }
    expect(acked).toBe(true);
  }, 20_000);
});
