import { describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../adapters/slack/index.js';
import { readConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { testCore } from '../helpers/core.js';
import { FakeSlackApi } from './fake-slack-api.js';
import { PlatformError } from '../../src/errors.js';
import { promptReply } from '../../src/prompts/choose.js';
import { renderReply } from '../../adapters/slack/render.js';
import { shareBlocks } from '../../src/model/reply.js';
import type { Prompt } from '../../src/prompts/schema.js';
import { TEAM, mentionEvent, slackHarness, type SlackHarness } from './harness.js';
import { closedAfterEach } from '../helpers/opened.js';

const harness = closedAfterEach(slackHarness);

const ref = { platform: 'slack' as const, workspaceId: TEAM, conversationId: 'C1' };

function aPrompt(h: SlackHarness): Prompt {
  const prompt = h.core.ctx.prompts.eligible('channel')[0];
  if (!prompt) throw new Error('the prompt library is empty');
  return prompt;
}

describe('outbound: scheduled posts, metadata and Web API errors', () => {
  it('posts a scheduled prompt with Slack message metadata, and finds it again by that metadata', async () => {
    const h = await harness();
    const prompt = aPrompt(h);
    const scheduled = promptReply(prompt);
    scheduled.metadata = { type: 'moodmusic_prompt', payload: { ...scheduled.metadata?.payload, subscription_id: 'sub-1', slot: '2026-11-23T09:00:00Z' } };
    const since = new Date(Date.now() - 60_000);
    const posted = await h.adapter.outbound.post(ref, scheduled);
    const call = h.fake.callsTo('chat.postMessage')[0]!;
    expect(call.args.metadata).toEqual({
      event_type: 'moodmusic_prompt',
      event_payload: { prompt_id: prompt.id, theme: prompt.theme, subscription_id: 'sub-1', slot: '2026-11-23T09:00:00Z' },
    });
    expect(posted.messageId).toMatch(/^\d+\.\d+$/);
    expect(posted.threadId).toBe(posted.messageId);

    const found = await h.adapter.outbound.findPosted!(ref, 'moodmusic_prompt', { subscription_id: 'sub-1', slot: '2026-11-23T09:00:00Z' }, new Date(0));
    expect(found?.messageId).toBe(posted.messageId);
    const history = h.fake.callsTo('conversations.history')[0]!;
    expect(history.args.include_all_metadata).toBe('true');
    expect(Number(history.args.oldest)).toBe(0);
    expect(await h.adapter.outbound.findPosted!(ref, 'moodmusic_prompt', { slot: '2026-11-30T09:00:00Z' }, since)).toBeUndefined();
  });

  it('posts one shared reply (a fan-out) to many channels: the same blocks each time, each post its own metadata, blocks that cannot change', async () => {
    const h = await harness();
    // Text beyond ASCII: the body is serialised once and its length counted in bytes, not characters.
    const prompt = { ...aPrompt(h), text: 'Qu’est-ce qui a vraiment marché cette semaine — et pour qui ? 🌱' };
    const shared = shareBlocks(promptReply(prompt));
    expect(() => (shared.blocks as unknown[]).push({ type: 'divider' })).toThrow(TypeError);
    expect(() => Object.assign(shared.blocks[0]!, { text: 'changed' })).toThrow(TypeError);
    for (const [conversationId, slot, threadId] of [['C1', '2026-11-23T09:00:00Z', undefined], ['C2', '2026-11-23T10:00:00Z', '1700000000.000100']] as const) {
      const target = { ...ref, conversationId, ...(threadId ? { threadId } : {}) };
      await h.adapter.outbound.post(target, { ...shared, metadata: { type: 'moodmusic_prompt', payload: { prompt_id: prompt.id, slot } } });
    }
    const calls = h.fake.callsTo('chat.postMessage');
    expect(calls.map((c) => c.args.channel)).toEqual(['C1', 'C2']);
    expect(calls.map((c) => (c.args.metadata as { event_payload: { slot: string } }).event_payload.slot)).toEqual(['2026-11-23T09:00:00Z', '2026-11-23T10:00:00Z']);
    expect(calls.map((c) => Object.keys(c.args))).toEqual([
      ['channel', 'blocks', 'text', 'unfurl_links', 'unfurl_media', 'metadata'],
      ['channel', 'blocks', 'text', 'unfurl_links', 'unfurl_media', 'thread_ts', 'metadata'],
    ]);
    expect(calls[1]!.args.thread_ts).toBe('1700000000.000100');
    const fresh = renderReply(promptReply(prompt));
    expect(fresh.text).toContain('🌱');
    for (const c of calls) {
      expect(c.args.blocks).toEqual(fresh.blocks);
      expect(c.args.text).toBe(fresh.text);
      expect(c.args.unfurl_links).toBe(false);
    }
  });

  it('surfaces a 429 to the delivery queue as a retryable PlatformError with Retry-After, without retrying by itself', async () => {
    const h = await harness();
    h.fake.failNext('chat.postMessage', { status: 429, retryAfter: 7 });
    const error = await h.adapter.outbound.post(ref, promptReply(aPrompt(h)), { paced: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect(error).toMatchObject({ platform: 'slack', platformCode: 'ratelimited', retryable: true, retryAfterMs: 7000 });
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('explains channel_not_found, not_in_channel, invalid_auth and account_inactive as not retryable', async () => {
    const h = await harness();
    const codes = ['channel_not_found', 'not_in_channel', 'invalid_auth', 'account_inactive'];
    h.fake.failNext('chat.postMessage', ...codes.map((error) => ({ error })));
    const errors: PlatformError[] = [];
    for (const _ of codes) errors.push((await h.adapter.outbound.post(ref, promptReply(aPrompt(h)), { paced: true }).catch((e: unknown) => e)) as PlatformError);
    expect(errors.map((e) => [e.platformCode, e.retryable])).toEqual(codes.map((c) => [c, false]));
    expect(errors[1]?.message).toMatch(/\/invite @moodmusic/);
    expect(errors[2]?.message).toMatch(/SLACK_BOT_TOKEN/);
  });

  it('logs a Web API failure while answering a person instead of throwing it at them', async () => {
    const h = await harness();
    h.fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    await h.event(mentionEvent('help'));
    await h.fake.waitFor('chat.postMessage');
    await h.adapter.idle();
    expect(h.logs.join('\n')).toMatch(/not_in_channel.*\/invite @moodmusic/);
  });

  it('opens a direct conversation with conversations.open', async () => {
    const h = await harness();
    const dm = await h.adapter.outbound.openDirect(TEAM, 'U42');
    expect(dm).toEqual({ platform: 'slack', workspaceId: TEAM, conversationId: 'D42' });
    expect(h.fake.callsTo('conversations.open')[0]?.args.users).toBe('U42');
  });

  it('names a person as their colleagues see them (users.info display name)', async () => {
    const h = await harness();
    expect(await h.adapter.outbound.displayName?.(TEAM, 'U42')).toBe('Sam');
    expect(h.fake.callsTo('users.info')[0]?.args.user).toBe('U42');
  });

  it('refuses to start with a token Slack rejects, saying which variable to fix', async () => {
    const fake = await new FakeSlackApi('xoxb-the-real-one').start();
    const tc = await testCore();
    try {
      const config = readConfig({ SLACK_BOT_TOKEN: 'xoxb-wrong', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: fake.apiUrl, SLACK_PORT: '0', ADAPTERS: 'slack' });
      const adapter = createSlackAdapter({ core: tc.core, config, logger: silentLogger, io: { stdin: process.stdin, stdout: process.stdout } });
      const error = await adapter.start().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PlatformError);
      expect((error as PlatformError).message).toMatch(/invalid_auth.*SLACK_BOT_TOKEN/);
      expect(adapter.port()).toBeUndefined();
    } finally {
      await tc.close();
      await fake.close();
    }
  });
});
