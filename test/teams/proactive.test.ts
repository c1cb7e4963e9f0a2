import { describe, expect, it } from 'vitest';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConversationReference } from 'botbuilder';
import { AppCredentials } from 'botframework-connector';
import { connectorHttpClient } from '../../adapters/teams/connector-http.js';
import { renderActivity } from '../../adapters/teams/render.js';
import { shareBlocks, textReply, type Reply } from '../../src/model/reply.js';
import { BOT, CHANNEL, PERSONAL, TENANT, USER, startHarness } from './harness.js';
import { closedAfterEach } from '../helpers/opened.js';

/** botbuilder's token cache (static, and private in its types): a token put here is used without asking the login service. */
const tokenCache = (AppCredentials as unknown as { cache: Map<string, { accessToken: string; expiresOn: Date }> }).cache;

const started = closedAfterEach(startHarness, () => tokenCache.clear());

const CHANNEL_REF = (serviceUrl: string) => ({
  channelId: 'msteams',
  serviceUrl,
  locale: 'en-GB',
  bot: BOT,
  conversation: { id: CHANNEL, conversationType: 'channel', isGroup: true, tenantId: TENANT, name: '' },
});
const PERSONAL_REF = (serviceUrl: string) => ({
  channelId: 'msteams',
  serviceUrl,
  bot: BOT,
  user: { id: USER.id, name: '' },
  conversation: { id: PERSONAL, conversationType: 'personal', isGroup: false, tenantId: TENANT, name: '' },
});

/** What botbuilder's own proactive path posts: `continueConversationAsync` + `sendActivity` on a real CloudAdapter. */
async function viaCloudAdapter(env: Record<string, string>, appId: string, ref: Partial<ConversationReference>, reply: Reply): Promise<string | undefined> {
  const auth = new ConfigurationBotFrameworkAuthentication(env, undefined, undefined, undefined, { httpClient: connectorHttpClient() });
  let id: string | undefined;
  await new CloudAdapter(auth).continueConversationAsync(appId, ref, async (context) => {
    context.activity.id = undefined;
    id = (await context.sendActivity(renderActivity(reply)))?.id;
  });
  return id;
}

async function harnessWith(env: Record<string, string> = {}) {
  const h = await started({ env });
  for (const ref of [CHANNEL_REF(h.connector.url), PERSONAL_REF(h.connector.url)]) {
    await h.store.conversations.upsert({ platform: 'teams', workspaceId: TENANT, conversationId: ref.conversation.id, isDirect: ref.conversation.conversationType === 'personal', ref });
  }
  return h;
}

describe('Teams proactive posts through the lean connector call, against the fake connector', () => {
  it('post the same activity to the same place as botbuilder\'s CloudAdapter: channel, channel thread and 1:1 chat', async () => {
    const h = await harnessWith();
    const reply = textReply('This week: who is *not* in the room? <at>x</at>');
    const cases = [
      { target: { platform: 'teams' as const, workspaceId: TENANT, conversationId: CHANNEL }, ref: CHANNEL_REF(h.connector.url) },
      {
        target: { platform: 'teams' as const, workspaceId: TENANT, conversationId: CHANNEL, threadId: '1700000000123' },
        ref: { ...CHANNEL_REF(h.connector.url), conversation: { ...CHANNEL_REF(h.connector.url).conversation, id: `${CHANNEL};messageid=1700000000123` } },
      },
      { target: { platform: 'teams' as const, workspaceId: TENANT, conversationId: PERSONAL }, ref: PERSONAL_REF(h.connector.url) },
    ];
    for (const { target, ref } of cases) {
      h.connector.reset();
      const posted = await h.adapter.outbound.post(target, reply);
      const expectedId = await viaCloudAdapter({}, '', ref, reply);
      const [lean, sdk] = h.connector.calls;
      expect(lean).toMatchObject({ kind: 'send', method: 'POST', conversationId: ref.conversation.id });
      expect(lean!.path).toBe(sdk!.path);
      expect(lean!.body).toEqual(sdk!.body);
      expect(lean!.authorization).toBeUndefined();
      expect(sdk!.authorization).toBeUndefined();
      expect(posted.messageId).toMatch(/^msg-\d+$/);
      expect(expectedId).toMatch(/^msg-\d+$/);
    }
  });

  it('signs each post with the bot\'s token from botbuilder\'s credentials and cache, as the CloudAdapter does', async () => {
    const env = { MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'secret', MicrosoftAppType: 'MultiTenant' };
    // A token already in botbuilder's cache, so nothing goes to the login service (no network in tests).
    tokenCache.set('app-idhttps://api.botframework.com-cache', { accessToken: 'cached-token', expiresOn: new Date(Date.now() + 3_600_000) });
    const h = await harnessWith(env);
    h.connector.reset();
    await h.adapter.outbound.post({ platform: 'teams', workspaceId: TENANT, conversationId: CHANNEL }, textReply('hello'));
    await viaCloudAdapter(env, 'app-id', CHANNEL_REF(h.connector.url), textReply('hello'));
    const [lean, sdk] = h.connector.calls;
    expect(lean!.authorization).toBe('Bearer cached-token');
    expect(lean!.authorization).toBe(sdk!.authorization);
    expect(lean!.body).toEqual(sdk!.body);
  });

  it('renders a shared (frozen) prompt once and posts it unchanged to every conversation', async () => {
    const h = await harnessWith();
    const reply = shareBlocks(textReply('Who is missing from this conversation?'));
    h.connector.reset();
    await h.adapter.outbound.post({ platform: 'teams', workspaceId: TENANT, conversationId: CHANNEL }, reply);
    await h.adapter.outbound.post({ platform: 'teams', workspaceId: TENANT, conversationId: PERSONAL }, reply);
    const [first, second] = h.connector.calls;
    expect(first!.body.attachments).toEqual(second!.body.attachments);
    expect(first!.body.conversation).toMatchObject({ id: CHANNEL });
    expect(second!.body.conversation).toMatchObject({ id: PERSONAL });
    expect(second!.body.recipient).toMatchObject({ id: USER.id });
    expect(first!.body.recipient).toBeUndefined();
  });

  it('reuses one keep-alive connection for consecutive posts', async () => {
    const h = await harnessWith();
    h.connector.reset();
    const target = { platform: 'teams' as const, workspaceId: TENANT, conversationId: CHANNEL };
    await h.adapter.outbound.post(target, textReply('one'));
    await h.adapter.outbound.post(target, textReply('two'));
    expect(h.connector.calls.map((c) => c.kind)).toEqual(['send', 'send']);
    expect(new Set(h.connector.calls.map((c) => c.remotePort)).size).toBe(1);
  });
});
