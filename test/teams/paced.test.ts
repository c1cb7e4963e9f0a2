import { describe, expect, it } from 'vitest';
import { deliveryQueueFor } from '../../src/delivery/index.js';
import { textReply } from '../../src/model/reply.js';
import { BOT, TENANT, channelMention, startHarness, type Harness } from './harness.js';
import { closedAfterEach } from '../helpers/opened.js';

const started = closedAfterEach(startHarness);

const fanoutId = (i: number) => `19:fan-${i}@thread.tacv2`;
const replyConversation = (i: number) => `19:asks-${i}@thread.tacv2`;

/** A harness knowing `n` channel conversations to fan out to (as if the bot had been added there). */
async function harnessWith(n: number): Promise<Harness> {
  const h = await started();
  for (let i = 0; i < n; i += 1) {
    const ref = { channelId: 'msteams', serviceUrl: h.connector.url, bot: BOT, conversation: { id: fanoutId(i), conversationType: 'channel', isGroup: true, tenantId: TENANT, name: '' } };
    await h.store.conversations.upsert({ platform: 'teams', workspaceId: TENANT, conversationId: fanoutId(i), isDirect: false, ref });
  }
  return h;
}

describe('Teams calls outside the queue take their tokens from the same buckets, ahead of the fan-out', () => {
  it('keeps a fan-out and in-turn replies made during it under the tenant limit, each once, the replies not behind the queue', async () => {
    const n = 150;
    const h = await harnessWith(n);
    // 50 calls a second per app per tenant, as Teams documents and the core paces, on the core's clock.
    h.connector.limit(50, 1000, () => h.time.clock.now().getTime());
    const queue = deliveryQueueFor(h.core.ctx);
    const sending = Promise.all(
      Array.from({ length: n }, (_, i) => queue.send(h.adapter.outbound, { platform: 'teams', workspaceId: TENANT, conversationId: fanoutId(i) }, textReply('Who is missing today?'))),
    );
    const fanned = () => h.connector.calls.filter((c) => c.kind === 'send' && c.conversationId?.startsWith('19:fan-')).length;
    while (fanned() < 40) await h.time.sleep(20);
    const waits: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const before = fanned();
      // The turn ends (and the POST is answered) once its reply was made.
      expect((await h.post(channelMention(h.connector.url, 'help', { conversation: replyConversation(i) }))).status).toBe(200);
      const at = h.connector.calls.findIndex((c) => c.kind === 'reply' && c.conversationId?.startsWith(replyConversation(i)));
      expect(at).toBeGreaterThanOrEqual(0);
      waits.push(h.connector.calls.slice(0, at).filter((c) => c.kind === 'send' && c.conversationId?.startsWith('19:fan-')).length - before);
    }
    const outcomes = await sending;
    expect(h.connector.rateLimited()).toBe(0);
    expect(outcomes.every((o) => o.status === 'sent')).toBe(true);
    for (let i = 0; i < n; i += 1) expect(h.connector.calls.filter((c) => c.conversationId === fanoutId(i))).toHaveLength(1);
    for (let i = 0; i < 3; i += 1) expect(h.connector.calls.filter((c) => c.kind === 'reply' && c.conversationId?.startsWith(replyConversation(i)))).toHaveLength(1);
    for (const waited of waits) expect(waited).toBeLessThan(10);
    expect(fanned()).toBe(n);
  });

  it('ends the turn when its reply gets a 429, and makes the reply once after Retry-After through the same conversation', async () => {
    const h = await harnessWith(5);
    const queue = deliveryQueueFor(h.core.ctx);
    h.connector.failNext({ status: 429, headers: { 'Retry-After': '3' } });
    const before = h.time.clock.now().getTime();
    const replies = () => h.connector.calls.filter((c) => c.kind === 'reply');
    // Time stands still until the POST is answered: the turn must end without waiting out the pause.
    const release = h.time.hold();
    expect((await h.post(channelMention(h.connector.url, 'help', { conversation: replyConversation(0) }))).status).toBe(200);
    expect(replies()).toHaveLength(1);
    expect(h.time.clock.now().getTime()).toBe(before);
    expect(queue.waitingReplies()).toBe(1);
    release();
    await queue.repliesSettled();
    // Made once more, after the pause, as the same reply to the same message in the same thread.
    const [refused, made] = replies();
    expect(replies()).toHaveLength(2);
    expect(made!.body).toMatchObject({ attachments: refused!.body.attachments, conversation: refused!.body.conversation, replyToId: refused!.replyToId });
    expect(made!.path).toBe(refused!.path);
    expect(h.time.clock.now().getTime() - before).toBeGreaterThanOrEqual(3000);
    expect(queue.callStats).toMatchObject({ made: 1, throttled: 1, failed: 0 });
    // The 429 paused the tenant's bucket: a send queued after it goes out without a 429.
    const outcome = await queue.send(h.adapter.outbound, { platform: 'teams', workspaceId: TENANT, conversationId: fanoutId(0) }, textReply('hello'));
    expect(outcome).toMatchObject({ status: 'sent', attempts: 1 });
    expect(replies()).toHaveLength(2);
  });

  it('ends the turn at once when the tenant is paused by an earlier 429, and replies once the pause is over', async () => {
    const h = await harnessWith(5);
    const queue = deliveryQueueFor(h.core.ctx);
    const release = h.time.hold();
    h.connector.failNext({ status: 429, headers: { 'Retry-After': '20' } });
    const before = h.time.clock.now().getTime();
    const sending = queue.send(h.adapter.outbound, { platform: 'teams', workspaceId: TENANT, conversationId: fanoutId(0) }, textReply('Who is missing today?'));
    while (queue.stats.throttled === 0) await new Promise((resolve) => setImmediate(resolve));
    expect((await h.post(channelMention(h.connector.url, 'help', { conversation: replyConversation(1) }))).status).toBe(200);
    // Nothing was sent in the turn: the tenant is paused for 20 s, far past what a turn may wait.
    expect(h.connector.calls.filter((c) => c.kind === 'reply')).toHaveLength(0);
    expect(queue.waitingReplies()).toBe(1);
    release();
    expect(await sending).toMatchObject({ status: 'sent', attempts: 2 });
    await queue.repliesSettled();
    const replies = h.connector.calls.filter((c) => c.kind === 'reply');
    expect(replies).toHaveLength(1);
    expect(replies[0]!.conversationId).toContain(replyConversation(1));
    expect(h.time.clock.now().getTime() - before).toBeGreaterThanOrEqual(20_000);
    expect(queue.callStats).toMatchObject({ made: 1, throttled: 0, failed: 0 });
  });

  it('gives up a reply whose Retry-After is past the time a reply may take, once, counted failed, and still answers Teams', async () => {
    const h = await harnessWith(0);
    // Retry-After beyond the time a reply may take: it fails at once rather than post it minutes late.
    h.connector.failNext({ status: 429, headers: { 'Retry-After': '120' } });
    expect((await h.post(channelMention(h.connector.url, 'reframe why are our secret plans failing', { conversation: replyConversation(0) }))).status).toBe(200);
    await deliveryQueueFor(h.core.ctx).repliesSettled();
    expect(h.connector.calls.filter((c) => c.kind === 'reply')).toHaveLength(1);
    expect(deliveryQueueFor(h.core.ctx).callStats).toMatchObject({ made: 0, failed: 1, throttled: 1 });
  });
});
