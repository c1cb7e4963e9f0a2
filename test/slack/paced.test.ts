import { describe, expect, it } from 'vitest';
import { deliveryQueueFor } from '../../src/delivery/index.js';
import { textReply } from '../../src/model/reply.js';
import { TEAM, buttonPress, mentionEvent, slackHarness, type SlackHarness } from './harness.js';
import { closedAfterEach } from '../helpers/opened.js';

const harness = closedAfterEach(slackHarness);

const FANOUT = 'CF';
const isFanout = (channel: unknown) => String(channel).startsWith(FANOUT);

/** A scheduled fan-out through the core's delivery queue: one prompt to each of `n` channels, as the scheduler sends it. */
function fanOut(h: SlackHarness, n: number) {
  const queue = deliveryQueueFor(h.core.ctx);
  return Promise.all(
    Array.from({ length: n }, (_, i) =>
      queue.send(h.adapter.outbound, { platform: 'slack', workspaceId: TEAM, conversationId: `${FANOUT}${i}` }, textReply('This week: who is not in the room?')),
    ),
  );
}

describe('Slack calls outside the queue take their tokens from the same buckets, ahead of the fan-out', () => {
  it('makes a reply that got one 429 again after its Retry-After, exactly once', async () => {
    const h = await harness();
    h.fake.failNext('chat.postMessage', { status: 429, retryAfter: 2 });
    const before = h.time.clock.now().getTime();
    expect((await h.event(mentionEvent('help'))).status).toBe(200);
    await h.fake.waitFor('chat.postMessage', (c) => c !== h.fake.callsTo('chat.postMessage')[0]);
    await h.adapter.idle();
    const [refused, made] = h.fake.callsTo('chat.postMessage');
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(2);
    expect(made!.args).toEqual(refused!.args);
    // The core's clock (fake time) moved by the pause: the reply waited for it instead of being lost.
    expect(h.time.clock.now().getTime() - before).toBeGreaterThanOrEqual(2000);
    expect(deliveryQueueFor(h.core.ctx).callStats).toMatchObject({ made: 1, throttled: 1, failed: 0 });
  });

  it('keeps a fan-out and the replies made during it under the workspace limit, each posted once, the replies not behind the queue', async () => {
    const h = await harness();
    // Slack's workspace limit as the core knows it (20 a second), enforced by the fake on the same clock.
    h.fake.limitPosts(20, 1000, () => h.time.clock.now().getTime());
    const n = 100;
    const sending = fanOut(h, n);
    await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === `${FANOUT}20`);
    const waits: number[] = [];
    for (const channel of ['C1', 'C2', 'C3']) {
      const queuedBefore = h.fake.callsTo('chat.postMessage').filter((c) => isFanout(c.args.channel)).length;
      expect((await h.event(mentionEvent('help', { channel }))).status).toBe(200);
      await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === channel);
      const calls = h.fake.callsTo('chat.postMessage');
      const at = calls.findIndex((c) => c.args.channel === channel);
      waits.push(calls.slice(0, at).filter((c) => isFanout(c.args.channel)).length - queuedBefore);
    }
    const outcomes = await sending;
    await h.adapter.idle();
    const posts = h.fake.callsTo('chat.postMessage');
    expect(h.fake.rateLimited).toBe(0);
    expect(outcomes.every((o) => o.status === 'sent')).toBe(true);
    for (let i = 0; i < n; i += 1) expect(posts.filter((c) => c.args.channel === `${FANOUT}${i}`)).toHaveLength(1);
    for (const channel of ['C1', 'C2', 'C3']) expect(posts.filter((c) => c.args.channel === channel)).toHaveLength(1);
    // Each reply went out after a few of the scheduled posts already waiting, not after the rest of them.
    for (const waited of waits) expect(waited).toBeLessThan(10);
    expect(posts.findLastIndex((c) => isFanout(c.args.channel))).toBeGreaterThan(posts.findIndex((c) => c.args.channel === 'C3'));
  });

  it('paces App Home, chat.update and conversations.open by their own tiers, so a 429 on one pauses only that method', async () => {
    const h = await harness();
    h.fake.failNext('views.publish', { status: 429, retryAfter: 30 });
    const before = h.time.clock.now().getTime();
    expect((await h.event({ type: 'app_home_opened', user: 'U1', tab: 'home' })).status).toBe(200);
    // While views.publish waits out its 30 s, a mention in a channel is answered at once.
    expect((await h.event(mentionEvent('help'))).status).toBe(200);
    await h.fake.waitFor('chat.postMessage');
    expect(h.fake.callsTo('views.publish')).toHaveLength(1);
    await h.adapter.idle();
    expect(h.fake.callsTo('views.publish')).toHaveLength(2);
    expect(h.time.clock.now().getTime() - before).toBeGreaterThanOrEqual(30_000);
  });

  it('acks events and button presses at once while the workspace waits out a 429, and answers them after the pause', async () => {
    const h = await harness();
    await h.event(mentionEvent('prompt purpose'));
    const first = await h.fake.waitFor('chat.postMessage');
    await h.adapter.idle();
    const another = JSON.stringify(first.args.blocks).match(/"action_id":"(b\d+:prompt\.another)"/)?.[1];
    expect(another).toBeDefined();
    // Time stands still until released: whatever waits for the rate cannot be what answers Slack.
    const release = h.time.hold();
    const before = h.time.clock.now().getTime();
    h.fake.failNext('chat.postMessage', { status: 429, retryAfter: 20 });
    expect((await h.event(mentionEvent('help', { channel: 'C2' }))).status).toBe(200);
    await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'C2');
    while (deliveryQueueFor(h.core.ctx).callStats.throttled === 0) await new Promise((resolve) => setImmediate(resolve));
    // The workspace is paused for 20 s; Bolt's receiver still acks (its 3 s) before any paced wait.
    expect((await h.event(mentionEvent('help', { channel: 'C3' }))).status).toBe(200);
    expect((await h.interact(buttonPress('C1', { action_id: another!, label: 'Another question' }, first))).status).toBe(200);
    expect(h.time.clock.now().getTime()).toBe(before);
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C3')).toHaveLength(0);
    expect(h.fake.callsTo('chat.postEphemeral')).toHaveLength(0);
    release();
    await h.adapter.idle();
    const posts = h.fake.callsTo('chat.postMessage');
    expect(posts.filter((c) => c.args.channel === 'C2')).toHaveLength(2);
    expect(posts.filter((c) => c.args.channel === 'C3')).toHaveLength(1);
    expect(h.fake.callsTo('chat.postEphemeral')).toHaveLength(1);
    expect(h.time.clock.now().getTime() - before).toBeGreaterThanOrEqual(20_000);
  });
});
