import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliveryQueueFor } from '../../src/delivery/index.js';
import type { Feature } from '../../src/core/types.js';
import { PlatformError } from '../../src/errors.js';
import { allFeatures } from '../../src/features/index.js';
import type { IncomingMessage } from '../../src/model/message.js';
import { textReply } from '../../src/model/reply.js';
import { BOT, CHANNEL, PERSONAL, TENANT, USER, activity, cardOf, cardText, channelMention, startHarness, type Harness } from './harness.js';
import { cardProblems } from './validate-card.js';

/** Records every message the core sees, and answers a test form so form values can be checked. */
function spyFeature(seen: IncomingMessage[]): Feature {
  return {
    name: 'spy',
    async intercept(message) {
      seen.push(message);
      return undefined;
    },
    actions: {
      'test.form': async (message) => [textReply(`got ${JSON.stringify(message.action?.values ?? {})}`)],
    },
  };
}

describe('Teams adapter over HTTP with a fake Bot Framework connector', () => {
  let h: Harness;
  const seen: IncomingMessage[] = [];

  beforeEach(async () => {
    seen.length = 0;
    h = await startHarness({ features: [spyFeature(seen), ...allFeatures()] });
  });
  afterEach(async () => {
    await h.close();
  });

  it('answers an @mention of help in a channel by replying in the thread', async () => {
    const a = channelMention(h.connector.url, 'help');
    const res = await h.post(a);
    expect(res.status).toBe(200);
    const [posted, ...rest] = h.connector.activities();
    expect(rest).toEqual([]);
    expect(posted).toMatchObject({ kind: 'reply', conversationId: `${CHANNEL};messageid=${a.id}`, type: 'message', replyToId: a.id });
    expect(cardText(posted!)).toContain('moodmusic');
    expect(cardText(posted!)).toContain('reframe QUESTION');
    expect(cardProblems(cardOf(posted!))).toEqual([]);
    expect(seen[0]).toMatchObject({ platform: 'teams', workspaceId: TENANT, conversationId: CHANNEL, threadId: a.id, text: 'help', source: 'mention', isMention: true, isDirect: false, userId: USER.id });
  });

  it('answers reframe in a personal chat', async () => {
    const res = await h.post(activity(h.connector.url, { text: 'reframe what do we do about youth crime?' }));
    expect(res.status).toBe(200);
    const posted = h.connector.activities();
    expect(posted).toHaveLength(1);
    expect(posted[0]!.conversationId).toBe(PERSONAL);
    expect(cardText(posted[0]!).length).toBeGreaterThan(10);
    expect(seen[0]).toMatchObject({ source: 'direct', isDirect: true, text: 'reframe what do we do about youth crime?' });
    expect(seen[0]!.threadId).toBeUndefined();
  });

  it('turns a card button submit into an action and answers it', async () => {
    const a = activity(h.connector.url, { text: '', value: { moodmusicAction: 'prompt.another', value: 'purpose' } });
    expect((await h.post(a)).status).toBe(200);
    expect(seen[0]).toMatchObject({ source: 'action', action: { id: 'prompt.another', value: 'purpose' } });
    const posted = h.connector.activities();
    expect(posted).toHaveLength(1);
    expect(cardProblems(cardOf(posted[0]!))).toEqual([]);
  });

  it('replaces the card whose button was pressed once a choice is made (updateActivity), and posts what follows', async () => {
    const a = activity(h.connector.url, { text: '', replyToId: 'card-7', value: { moodmusicAction: 'story.consent', value: 'anonymous' } });
    expect((await h.post(a)).status).toBe(200);
    const update = h.connector.calls.find((c) => c.kind === 'update');
    expect(update).toMatchObject({ method: 'PUT', conversationId: PERSONAL, replyToId: 'card-7' });
    expect(update!.body).toMatchObject({ id: 'card-7', type: 'message' });
    expect(cardText(update!.body)).toMatch(/Your choice: Share anonymously/);
    expect(JSON.stringify(cardOf(update!.body))).not.toContain('story.consent');
    // The first question comes as a new message, not in place of the card.
    const posted = h.connector.activities();
    expect(posted).toHaveLength(1);
    expect(cardText(posted[0]!)).toMatch(/Question 1 of 3/);
  });

  it('posts the answer as a new message when the card cannot be updated', async () => {
    h.connector.failNext({ status: 404 });
    const a = activity(h.connector.url, { text: '', replyToId: 'gone-1', value: { moodmusicAction: 'story.consent', value: 'private' } });
    expect((await h.post(a)).status).toBe(200);
    expect(h.connector.calls[0]).toMatchObject({ kind: 'update' });
    expect(h.connector.activities().map((p) => cardText(p)).join('\n')).toMatch(/Your choice: Keep private/);
  });

  it('turns a form submit into an action with the field values', async () => {
    const a = activity(h.connector.url, { value: { moodmusicAction: 'test.form', moodmusicForm: true, question: 'What for?', agenda: 'a\nb' } });
    await h.post(a);
    expect(seen[0]!.action).toEqual({ id: 'test.form', values: { question: 'What for?', agenda: 'a\nb' } });
    expect(cardText(h.connector.activities()[0]!)).toContain('What for?');
  });

  it('introduces itself when added to a team', async () => {
    const a = activity(h.connector.url, {
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: [BOT],
      conversation: { id: CHANNEL, conversationType: 'channel', tenantId: TENANT, isGroup: true, name: '' },
      channelData: { tenant: { id: TENANT }, team: { id: CHANNEL }, eventType: 'teamMemberAdded' },
    });
    expect((await h.post(a)).status).toBe(200);
    const posted = h.connector.activities();
    expect(posted).toHaveLength(1);
    expect(posted[0]!.conversationId).toBe(CHANNEL);
    expect(cardText(posted[0]!)).toContain("Hello, I'm moodmusic");
    expect(seen.map((m) => m.source)).toEqual(['bot-added']);
    // The team is now reachable for scheduled posts.
    expect((await h.store.conversations.get({ platform: 'teams', workspaceId: TENANT, conversationId: CHANNEL }))?.ref).toBeTruthy();
  });

  it('hands a person added to a team to the core as member-joined, and posts nothing itself', async () => {
    const a = activity(h.connector.url, {
      type: 'conversationUpdate',
      membersAdded: [{ id: '29:newcomer', name: 'New Person' }],
      conversation: { id: CHANNEL, conversationType: 'channel', tenantId: TENANT, isGroup: true, name: '' },
      channelData: { tenant: { id: TENANT }, team: { id: CHANNEL }, eventType: 'teamMemberAdded' },
    });
    expect((await h.post(a)).status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ source: 'member-joined', userId: '29:newcomer', userName: 'New Person', workspaceId: TENANT, conversationId: CHANNEL, isDirect: false });
    expect(h.connector.activities()).toEqual([]);
  });

  it('posts proactively into a stored channel as a new post, and into its thread', async () => {
    await h.post(channelMention(h.connector.url, 'status'));
    h.connector.reset();
    const target = { platform: 'teams' as const, workspaceId: TENANT, conversationId: CHANNEL };
    const posted = await h.adapter.outbound.post(target, textReply('This week: who is not in the room?'));
    expect(posted.messageId).toMatch(/^msg-/);
    expect(posted.threadId).toBe(posted.messageId);
    const calls = h.connector.calls;
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ kind: 'send', conversationId: CHANNEL });
    expect(cardText(calls[0]!.body)).toContain('who is not in the room?');

    await h.adapter.outbound.post({ ...target, threadId: posted.messageId }, textReply('A follow-up'));
    expect(h.connector.calls[1]).toMatchObject({ kind: 'send', conversationId: `${CHANNEL};messageid=${posted.messageId}` });
  });

  it('opens a 1:1 chat with the tenant and stores its reference', async () => {
    await h.post(channelMention(h.connector.url, 'status'));
    h.connector.reset();
    const dm = await h.adapter.outbound.openDirect(TENANT, '29:newcomer');
    const create = h.connector.calls[0]!;
    expect(create.kind).toBe('create');
    expect(create.body).toMatchObject({ isGroup: false, members: [{ id: '29:newcomer' }], tenantId: TENANT, channelData: { tenant: { id: TENANT } }, bot: { id: BOT.id } });
    expect(dm).toMatchObject({ platform: 'teams', workspaceId: TENANT });
    await h.adapter.outbound.post(dm, textReply('Welcome!'));
    expect(h.connector.calls[1]).toMatchObject({ kind: 'send', conversationId: dm.conversationId });
  });

  it('sends a private answer in a channel to the person in a 1:1 chat, not to the channel', async () => {
    await h.post(channelMention(h.connector.url, 'frobnicate the widgets'));
    const kinds = h.connector.calls.map((c) => c.kind);
    expect(kinds).toEqual(['create', 'send']);
    expect(h.connector.calls[1]!.conversationId).toMatch(/^a:dm-/);
    expect(cardText(h.connector.calls[1]!.body)).toContain("didn't understand");
  });

  it('reports 429 from the connector to the delivery queue as a retryable PlatformError with Retry-After, without retrying itself', async () => {
    await h.post(channelMention(h.connector.url, 'status'));
    h.connector.reset();
    h.connector.failNext({ status: 429, headers: { 'Retry-After': '7' } });
    const error = await h.adapter.outbound.post({ platform: 'teams', workspaceId: TENANT, conversationId: CHANNEL }, textReply('x'), { paced: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect(error).toMatchObject({ platform: 'teams', retryable: true, retryAfterMs: 7000, platformCode: 'throttled' });
    expect(h.connector.calls).toHaveLength(1);
  });

  it('reads a 429 without Retry-After (Teams documents none) as a one-second pause', async () => {
    await h.post(channelMention(h.connector.url, 'status'));
    h.connector.reset();
    h.connector.failNext({ status: 429 });
    const error = await h.adapter.outbound.post({ platform: 'teams', workspaceId: TENANT, conversationId: CHANNEL }, textReply('x'), { paced: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ platform: 'teams', retryable: true, retryAfterMs: 1000, platformCode: 'throttled' });
    expect(h.connector.calls).toHaveLength(1);
  });

  it('maps 5xx to retryable and 403/404 to permanent errors that say what to do', async () => {
    await h.post(channelMention(h.connector.url, 'status'));
    const target = { platform: 'teams' as const, workspaceId: TENANT, conversationId: CHANNEL };
    h.connector.reset();
    h.connector.failNext({ status: 503 });
    await expect(h.adapter.outbound.post(target, textReply('x'))).rejects.toMatchObject({ retryable: true, platformCode: 'http_503' });
    expect(h.connector.calls).toHaveLength(1);
    h.connector.failNext({ status: 403 });
    await expect(h.adapter.outbound.post(target, textReply('x'))).rejects.toMatchObject({ retryable: false, message: expect.stringContaining('not installed') });
    h.connector.failNext({ status: 404 });
    await expect(h.adapter.outbound.post(target, textReply('x'))).rejects.toMatchObject({ retryable: false, message: expect.stringContaining('no longer exists') });
    await expect(h.adapter.outbound.post({ ...target, conversationId: '19:never-seen' }, textReply('x'))).rejects.toMatchObject({ platformCode: 'conversation_unknown' });
  });

  it('reports an unreachable connector as retryable', async () => {
    const ref = { channelId: 'msteams', serviceUrl: 'http://127.0.0.1:1/', bot: BOT, conversation: { id: '19:gone@thread.tacv2', conversationType: 'channel', isGroup: true, name: '' } };
    await h.store.conversations.upsert({ platform: 'teams', workspaceId: TENANT, conversationId: '19:gone@thread.tacv2', isDirect: false, ref });
    await expect(h.adapter.outbound.post({ platform: 'teams', workspaceId: TENANT, conversationId: '19:gone@thread.tacv2' }, textReply('x'))).rejects.toMatchObject({
      retryable: true,
      platformCode: 'unreachable',
    });
  });

  it('still answers 200 to Teams when its own reply is throttled, and makes the reply after the turn once Retry-After is over', async () => {
    h.connector.failNext({ status: 429, headers: { 'Retry-After': '1' } });
    expect((await h.post(channelMention(h.connector.url, 'help'))).status).toBe(200);
    await deliveryQueueFor(h.core.ctx).repliesSettled();
    // The refused reply, then the same reply once the pause was over (on the core's clock, not slept).
    const [refused, made] = h.connector.calls;
    expect(h.connector.calls).toHaveLength(2);
    expect(made!.body).toEqual(refused!.body);
    expect((await h.post(channelMention(h.connector.url, 'help'))).status).toBe(200);
    expect(h.connector.activities()).toHaveLength(3);
  });

  it('ends the channel turn at once when the private 1:1 reply is throttled, and sends that reply once after the pause', async () => {
    const queue = deliveryQueueFor(h.core.ctx);
    h.connector.failNext({ status: 429, headers: { 'Retry-After': '3' } }, 1, 'send');
    // Time stands still: a turn that waited out the Retry-After would never answer.
    const letTimeGo = h.time.hold();
    expect((await h.post(channelMention(h.connector.url, 'frobnicate the widgets'))).status).toBe(200);
    expect(h.connector.calls.map((c) => c.kind)).toEqual(['create', 'send']);
    expect(queue.waitingReplies()).toBe(1);
    letTimeGo();
    await queue.repliesSettled();
    const [create, refused, made] = h.connector.calls;
    expect(h.connector.calls.map((c) => c.kind)).toEqual(['create', 'send', 'send']);
    expect(made!.conversationId).toBe(refused!.conversationId);
    expect(made!.conversationId).toMatch(/^a:dm-/);
    expect(made!.body).toEqual(refused!.body);
    expect(create!.body).toMatchObject({ isGroup: false, members: [{ id: USER.id }] });
  });

  it('opens the 1:1 chat after the turn when opening it is throttled, and posts the private reply there once', async () => {
    const queue = deliveryQueueFor(h.core.ctx);
    h.connector.failNext({ status: 429, headers: { 'Retry-After': '2' } }, 1, 'create');
    const letTimeGo = h.time.hold();
    expect((await h.post(channelMention(h.connector.url, 'frobnicate the widgets'))).status).toBe(200);
    expect(h.connector.calls.map((c) => c.kind)).toEqual(['create']);
    letTimeGo();
    await queue.repliesSettled();
    expect(h.connector.calls.map((c) => c.kind)).toEqual(['create', 'create', 'send']);
    const sent = h.connector.activities();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.conversationId).toMatch(/^a:dm-/);
    expect(cardText(sent[0]!)).toContain("didn't understand");
  });

  it('answers a 45,000-character message', async () => {
    const text = `reframe ${'how do we stop the problem of people failing '.repeat(1100)}`.slice(0, 45_000);
    const res = await h.post(activity(h.connector.url, { text }));
    expect(res.status).toBe(200);
    const posted = h.connector.activities();
    expect(posted).toHaveLength(1);
    expect(Buffer.byteLength(JSON.stringify(posted[0]))).toBeLessThan(28_000);
    expect(cardProblems(cardOf(posted[0]!))).toEqual([]);
  });

  it('treats an activity without a tenant as the Emulator workspace', async () => {
    await h.post(activity(h.connector.url, { text: 'help', channelId: 'emulator', conversation: { id: 'emu-conv', isGroup: false, conversationType: '', name: '' }, channelData: {} }));
    expect(seen[0]).toMatchObject({ workspaceId: 'emulator', conversationId: 'emu-conv', isDirect: true, source: 'direct' });
    expect(h.connector.activities()).toHaveLength(1);
  });

  it('answers GET /healthz with 200 while the store answers and 503 when it does not', async () => {
    const url = h.endpoint.replace('/api/messages', '/healthz');
    expect((await fetch(url)).status).toBe(200);
    await h.store.close();
    expect((await fetch(url)).status).toBe(503);
  });

  it('refuses other methods and paths', async () => {
    expect((await fetch(h.endpoint)).status).toBe(405);
    expect((await fetch(h.endpoint.replace('/api/messages', '/nope'))).status).toBe(404);
    expect((await fetch(h.endpoint, { method: 'POST', body: 'not json' })).status).toBe(400);
  });
});

describe('Teams adapter with MicrosoftAppId configured', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ env: { MicrosoftAppId: '00000000-0000-4000-8000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' } });
  });
  afterEach(async () => {
    await h.close();
  });

  it('refuses a request without a token or with a bogus one (401) and never calls the connector', async () => {
    const silence = muteConsoleError();
    try {
      const missing = await h.post(channelMention(h.connector.url, 'help'));
      const bogus = await h.post(channelMention(h.connector.url, 'help'), { authorization: 'Bearer not.a.jwt' });
      expect(missing.status).toBe(401);
      expect(bogus.status).toBe(401);
    } finally {
      silence();
    }
    expect(h.connector.calls).toEqual([]);
    expect(await h.store.conversations.get({ platform: 'teams', workspaceId: TENANT, conversationId: CHANNEL })).toBeUndefined();
  });
});

/** botbuilder logs refused requests with console.error; keep the test output readable. */
function muteConsoleError(): () => void {
  const original = console.error;
  console.error = () => undefined;
  return () => {
    console.error = original;
  };
}
