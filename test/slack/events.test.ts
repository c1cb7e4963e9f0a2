import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Feature } from '../../src/core/types.js';
import { allFeatures } from '../../src/features/index.js';
import type { IncomingMessage } from '../../src/model/message.js';
import { tempDir } from '../helpers/temp.js';
import { FakeSlackApi } from './fake-slack-api.js';
import { BOT, TEAM, mentionEvent, slackHarness, type SlackHarness } from './harness.js';
import { closedAfterEach } from '../helpers/opened.js';

const cleanups: Array<() => void> = [];
const harness = closedAfterEach(slackHarness, () => cleanups.splice(0).forEach((c) => c()));

/** Everything the bot sent to Slack, as one string, to check nothing unescaped slipped through. */
const everythingSent = (h: SlackHarness) => JSON.stringify(h.fake.calls.filter((c) => c.method !== 'auth.test').map((c) => c.args));

describe('Slack events through the real Bolt HTTP receiver', () => {
  it('answers a signed app_mention of help with chat.postMessage in that channel', async () => {
    const h = await harness();
    const res = await h.event(mentionEvent('help'));
    expect(res.status).toBe(200);
    const post = await h.fake.waitFor('chat.postMessage');
    expect(post.token).toBe('xoxb-test');
    expect(post.args.channel).toBe('C1');
    expect(post.args.thread_ts).toBeUndefined();
    expect(JSON.stringify(post.args.blocks)).toMatch(/prompt \[theme\]/);
    expect(String(post.args.text).length).toBeGreaterThan(0);
  });

  it('answers in the thread when mentioned in a thread', async () => {
    const h = await harness();
    await h.event(mentionEvent('help', { ts: '1700000200.000200', thread_ts: '1700000100.000100' }));
    const post = await h.fake.waitFor('chat.postMessage');
    expect(post.args.thread_ts).toBe('1700000100.000100');
  });

  it('handles a retried delivery (same event_id, x-slack-retry-num) once', async () => {
    const h = await harness();
    await h.event(mentionEvent('help'), 'EvRetry');
    await h.fake.waitFor('chat.postMessage');
    const retry = await h.event(mentionEvent('help'), 'EvRetry', { retryNum: 1 });
    expect(retry.status).toBe(200);
    await h.adapter.idle();
    // A later event is answered, proving the adapter is still live while the retry was not.
    await h.event(mentionEvent('help', { channel: 'C2' }), 'EvLater');
    await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'C2');
    await h.adapter.idle();
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C1')).toHaveLength(1);
  });

  it('answers an event once across two instances sharing one database', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const dbPath = path.join(tmp.dir, 'shared.db');
    const fake = await new FakeSlackApi('xoxb-test', { userId: BOT, botId: 'BBOT', teamId: TEAM }).start();
    cleanups.push(() => void fake.close());
    const a = await harness({ fake, dbPath });
    const b = await harness({ fake, dbPath });
    await Promise.all([a.event(mentionEvent('help'), 'EvTwice'), b.event(mentionEvent('help'), 'EvTwice', { retryNum: 1 })]);
    await Promise.all([a.adapter.idle(), b.adapter.idle()]);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('refuses forged and stale signatures with 401 and posts nothing', async () => {
    const h = await harness();
    const forged = await h.event(mentionEvent('help'), undefined, { secret: 'not-the-secret' });
    const garbage = await h.event(mentionEvent('help'), undefined, { signature: 'v0=deadbeef' });
    const stale = await h.event(mentionEvent('help'), undefined, { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 });
    expect([forged.status, garbage.status, stale.status]).toEqual([401, 401, 401]);
    await h.adapter.idle();
    expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toHaveLength(0);
  });

  it('gives a 45,000-character mention a short answer within Slack limits', async () => {
    const h = await harness();
    const res = await h.event(mentionEvent(`wibble ${'blah '.repeat(9000)}`));
    expect(res.status).toBe(200);
    const answer = await h.fake.waitFor('chat.postEphemeral');
    expect(String(answer.args.text).length).toBeLessThan(300);
    expect(JSON.stringify(answer.args.blocks).length).toBeLessThan(2000);
  });

  it('escapes echoed <!channel> so it can never ping', async () => {
    const h = await harness();
    await h.event(mentionEvent('<!channel> what to do about crime'));
    const answer = await h.fake.waitFor('chat.postEphemeral');
    expect(JSON.stringify(answer.args)).toContain('&lt;!channel&gt;');
    // Typed literally (Slack sends it entity-encoded) it is escaped just the same.
    await h.event(mentionEvent('&lt;!here&gt; &amp; <@U999> go'));
    await h.fake.waitFor('chat.postEphemeral', (c) => JSON.stringify(c.args).includes('&lt;!here&gt;'));
    await h.adapter.idle();
    expect(everythingSent(h)).not.toMatch(/<!channel>|<!here>|<@U999>/);
  });

  it('answers direct messages and ignores bot messages, edits and plain channel chatter', async () => {
    const h = await harness();
    await h.event({ type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'help', ts: '1700000300.000300' });
    const post = await h.fake.waitFor('chat.postMessage');
    expect(post.args.channel).toBe('D1');
    await h.event({ type: 'message', channel_type: 'im', channel: 'D1', bot_id: 'B2', user: 'U2', text: 'help', ts: '1700000301.000300' });
    await h.event({ type: 'message', subtype: 'message_changed', channel_type: 'im', channel: 'D1', ts: '1700000302.000300' });
    await h.event({ type: 'message', channel_type: 'channel', channel: 'C1', user: 'U1', text: 'help', ts: '1700000303.000300' });
    await h.adapter.idle();
    expect(h.fake.calls.filter((c) => c.method.startsWith('chat.'))).toHaveLength(1);
  });

  it('publishes the App Home when it is opened', async () => {
    const h = await harness();
    await h.event({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home' });
    const publish = await h.fake.waitFor('views.publish');
    expect(publish.args.user_id).toBe('U1');
    const view = publish.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    expect(JSON.stringify(view.blocks)).toMatch(/prompt \[theme\]/);
  });

  it('hands a person joining a channel to the core as member-joined, and ignores the bot joining', async () => {
    const seen: IncomingMessage[] = [];
    const spy: Feature = {
      name: 'spy',
      intercept: async (message) => {
        if (message.source === 'member-joined') seen.push(message);
        return undefined;
      },
    };
    const h = await harness({ features: [spy, ...allFeatures()] });
    await h.event({ type: 'member_joined_channel', user: 'U7', channel: 'C1', channel_type: 'C', team: TEAM });
    await h.event({ type: 'member_joined_channel', user: BOT, channel: 'C3', channel_type: 'C', team: TEAM });
    await h.adapter.idle();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ platform: 'slack', workspaceId: TEAM, conversationId: 'C1', userId: 'U7', text: '' });
    // The core does not parse a join as a command, so nothing is posted for it.
    expect(h.fake.calls.filter((c) => c.method.startsWith('chat.'))).toHaveLength(0);
  });

  it('counts thread replies and reactions on a posted prompt, per post', async () => {
    const h = await harness();
    const ref = { platform: 'slack' as const, workspaceId: TEAM, conversationId: 'C1' };
    const posted = await h.adapter.outbound.post(ref, { blocks: [{ type: 'text', text: 'A question' }], fallback: 'A question' });
    await h.store.posts.record({ ...ref, messageId: posted.messageId, kind: 'prompt' });
    await h.event({ type: 'message', channel_type: 'channel', channel: 'C1', user: 'U1', text: 'my answer', ts: '1800000000.000001', thread_ts: posted.messageId });
    await h.event({ type: 'message', channel_type: 'channel', channel: 'C1', user: 'U2', text: 'me too', ts: '1800000000.000002', thread_ts: posted.messageId });
    await h.event({ type: 'reaction_added', user: 'U3', reaction: 'heart', item_user: BOT, item: { type: 'message', channel: 'C1', ts: posted.messageId } });
    await h.event({ type: 'reaction_added', user: 'U3', reaction: 'heart', item_user: 'U1', item: { type: 'message', channel: 'C1', ts: '1800000000.000001' } });
    await h.adapter.idle();
    const counted = await h.store.posts.find(ref, posted.messageId);
    expect(counted).toMatchObject({ replies: 2, reactions: 1 });
    // Thread replies are people talking to each other: the bot does not answer them.
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('answers GET /healthz with 200 while the store answers and 503 when it does not', async () => {
    const h = await harness();
    const ok = await fetch(`http://127.0.0.1:${h.port}/healthz`);
    expect(ok.status).toBe(200);
    await h.store.close();
    const down = await fetch(`http://127.0.0.1:${h.port}/healthz`);
    expect(down.status).toBe(503);
    harness.forget(h);
    await h.adapter.stop();
    await h.fake.close();
  });
});
