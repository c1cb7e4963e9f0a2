import { TeamsInfo, TurnContext, type Activity, type CloudAdapter, type ConversationParameters, type ConversationReference } from 'botbuilder';
import type { Pace } from '../../src/delivery/index.js';
import { PlatformError } from '../../src/errors.js';
import type { ConversationRef } from '../../src/model/message.js';
import type { Outbound, PostedRef, PostOptions } from '../../src/model/outbound.js';
import type { Reply } from '../../src/model/reply.js';
import type { Store } from '../../src/store/index.js';
import { toPlatformError } from './errors.js';
import { EMULATOR_WORKSPACE, isPersonal, splitConversationId, tenantOf, threadConversationId } from './normalise.js';
import { proactiveActivity, type ConnectorSend } from './connector-send.js';
import { renderActivity } from './render.js';
import { renderOnce } from '../render-once.js';

/** `renderActivity`, kept for shared blocks: a scheduled prompt goes to thousands of conversations. */
const renderShared = renderOnce(renderActivity);

type Reference = Partial<ConversationReference>;

/**
 * The reference kept for proactive sends: the base conversation (not a reply chain), no activity id (so a
 * send is a new post, not a reply to an old message) and, outside 1:1 chats, no person in it.
 */
export function storedReference(activity: Partial<Activity>): Reference {
  const ref = TurnContext.getConversationReference(activity);
  const conversation = ref.conversation ? { ...ref.conversation, id: splitConversationId(ref.conversation.id).conversationId } : undefined;
  return {
    channelId: ref.channelId,
    serviceUrl: ref.serviceUrl,
    ...(ref.locale ? { locale: ref.locale } : {}),
    ...(ref.bot ? { bot: { id: ref.bot.id, name: ref.bot.name } } : {}),
    ...(conversation ? { conversation } : {}),
    ...(isPersonal(activity) && ref.user ? { user: { id: ref.user.id, name: '' } } : {}),
  };
}

/** What the Teams outbound side needs; the CloudAdapter is shared with the inbound side. */
export interface TeamsOutboundDeps {
  adapter: CloudAdapter;
  /** MicrosoftAppId, or '' in local (Emulator) mode. */
  appId: string;
  /** OAuth scope for connector calls (the public cloud's unless configured otherwise). */
  audience: string;
  store: Store;
  /** The lean "send to conversation" call proactive posts go through (see `createConnectorSend`). */
  send: ConnectorSend;
  /**
   * Makes each connector call wait for the core's rate buckets first (Teams counts every call against
   * the tenant, and a conversation's against it), except the delivery queue's own posts.
   */
  pace?: Pace;
}

/** The Teams outbound seam plus a hook that learns each tenant's service URL from inbound traffic. */
export interface TeamsOutbound extends Outbound {
  /** Remembers where a tenant's connector is, from an inbound activity. */
  learn(activity: Partial<Activity>): void;
  /**
   * `Outbound.openDirect`; with `paced`, the caller already holds the call's place in the rate limits
   * (under `directOpening(userId)`), as for `post`, and a 429 comes back as a `PlatformError` at once.
   */
  openDirect(workspaceId: string, userId: string, options?: PostOptions): Promise<ConversationRef>;
}

/** The conversation key a new 1:1 chat's opening is paced under: the person's, as its id comes back only after. */
export const directOpening = (userId: string): string => `create:${userId}`;

/** Proactive posts through `continueConversationAsync`, 1:1 chats through `createConversationAsync`. */
export function createTeamsOutbound(deps: TeamsOutboundDeps): TeamsOutbound {
  const { adapter, appId, audience, store, send } = deps;
  const templates = new Map<string, Reference>();
  // A `PlatformError` out of every call, so the pacing knows a 429 (and its Retry-After) when it sees one.
  const paced = <T>(workspaceId: string, conversationId: string, what: string, call: () => Promise<T>): Promise<T> => {
    const mapped = () => call().catch((error: unknown) => Promise.reject(toPlatformError(error, what)));
    return deps.pace ? deps.pace({ platform: 'teams', workspaceId, conversationId }, what, mapped) : mapped();
  };

  async function template(workspaceId: string): Promise<Reference | undefined> {
    const known = templates.get(workspaceId);
    if (known) return known;
    // After a restart: any conversation stored in that tenant tells where its connector is.
    return (await store.conversations.latestRef('teams', workspaceId)) as Reference | undefined;
  }

  return {
    platform: 'teams',

    learn(activity) {
      if (!activity.serviceUrl) return;
      templates.set(tenantOf(activity), {
        serviceUrl: activity.serviceUrl,
        ...(activity.channelId ? { channelId: activity.channelId } : {}),
        ...(activity.recipient ? { bot: { id: activity.recipient.id, name: activity.recipient.name } } : {}),
      });
    },

    async update(target: ConversationRef, posted: PostedRef, reply: Reply): Promise<void> {
      const record = await store.conversations.get({ platform: 'teams', workspaceId: target.workspaceId, conversationId: target.conversationId });
      const ref = record?.ref as Reference | undefined;
      if (!ref?.serviceUrl || !ref.conversation?.id) {
        throw new PlatformError('teams', 'conversation_unknown', `Teams: cannot update a message in conversation ${target.conversationId}: it is not known here`);
      }
      const channel = ref.conversation.conversationType === 'channel';
      const conversation = target.threadId && channel ? { ...ref.conversation, id: threadConversationId(target.conversationId, target.threadId) } : ref.conversation;
      await paced(target.workspaceId, target.conversationId, `update a message in conversation ${target.conversationId}`, () =>
        adapter.continueConversationAsync(appId, { ...ref, conversation }, async (context) => {
          await context.updateActivity({ ...renderActivity(reply), id: posted.messageId, conversation: context.activity.conversation });
        }),
      );
    },

    async post(target: ConversationRef, reply: Reply, options?: PostOptions): Promise<PostedRef> {
      const record = await store.conversations.get({ platform: 'teams', workspaceId: target.workspaceId, conversationId: target.conversationId });
      const ref = record?.ref as Reference | undefined;
      if (!ref?.serviceUrl || !ref.conversation?.id) {
        throw new PlatformError(
          'teams',
          'conversation_unknown',
          `Teams: cannot post to conversation ${target.conversationId}: moodmusic learns how to reach a conversation when it is added there or gets a message there`,
        );
      }
      const channel = ref.conversation.conversationType === 'channel';
      const conversation = target.threadId && channel ? { ...ref.conversation, id: threadConversationId(target.conversationId, target.threadId) } : ref.conversation;
      const serviceUrl = ref.serviceUrl;
      const doing = `post to conversation ${target.conversationId}`;
      const post = () => send(serviceUrl, conversation.id as string, proactiveActivity(renderShared(reply), ref, conversation));
      let messageId: string | undefined;
      if (options?.paced) {
        try {
          messageId = (await post()).id;
        } catch (error) {
          throw toPlatformError(error, doing);
        }
      } else {
        messageId = (await paced(target.workspaceId, target.conversationId, doing, post)).id;
      }
      if (!messageId) throw new PlatformError('teams', 'no_message_id', 'Teams accepted the post but returned no message id');
      return { messageId, ...(channel ? { threadId: target.threadId ?? messageId } : {}) };
    },

    async member(target: ConversationRef, userId: string) {
      const record = await store.conversations.get({ platform: 'teams', workspaceId: target.workspaceId, conversationId: target.conversationId });
      const ref = record?.ref as Reference | undefined;
      if (!ref?.serviceUrl || !ref.conversation?.id) return undefined;
      let found: { name?: string; userRole?: string } | undefined;
      // The roster of the team (or chat) this conversation belongs to: GET /v3/conversations/{id}/members/{user}.
      await paced(target.workspaceId, target.conversationId, `look up ${userId} in the roster of ${target.conversationId}`, () =>
        adapter.continueConversationAsync(appId, ref, async (context) => {
          found = await TeamsInfo.getMember(context, userId);
        }),
      );
      if (!found) return undefined;
      return { ...(found.name ? { name: found.name } : {}), admin: found.userRole?.toLowerCase() === 'owner' };
    },

    async openDirect(workspaceId: string, userId: string, options?: PostOptions): Promise<ConversationRef> {
      const known = await template(workspaceId);
      if (!known?.serviceUrl) {
        throw new PlatformError('teams', 'tenant_unknown', `Teams: cannot open a chat in tenant ${workspaceId}: moodmusic has not been added anywhere in that tenant yet`);
      }
      const tenant = workspaceId === EMULATOR_WORKSPACE ? {} : { tenantId: workspaceId, channelData: { tenant: { id: workspaceId } } };
      const parameters = { isGroup: false, members: [{ id: userId, name: '' }], ...(known.bot ? { bot: known.bot } : {}), ...tenant } as ConversationParameters;
      let conversationId: string | undefined;
      const serviceUrl = known.serviceUrl;
      const create = () =>
        adapter.createConversationAsync(appId, known.channelId ?? 'msteams', serviceUrl, audience, parameters, async (context) => {
          conversationId = context.activity.conversation?.id;
        });
      const doing = `open a 1:1 chat with ${userId}`;
      // Teams counts calls per conversation; a new 1:1 chat's is the person's (its id comes back only after).
      if (options?.paced) await create().catch((error: unknown) => Promise.reject(toPlatformError(error, doing)));
      else await paced(workspaceId, directOpening(userId), doing, create);
      if (!conversationId) throw new PlatformError('teams', 'no_conversation_id', 'Teams created the chat but returned no conversation id');
      const ref: Reference = {
        channelId: known.channelId ?? 'msteams',
        serviceUrl: known.serviceUrl,
        ...(known.bot ? { bot: known.bot } : {}),
        user: { id: userId, name: '' },
        conversation: { id: conversationId, conversationType: 'personal', isGroup: false, name: '', ...(tenant.tenantId ? { tenantId: tenant.tenantId } : {}) },
      };
      await store.conversations.upsert({ platform: 'teams', workspaceId, conversationId, isDirect: true, ref });
      return { platform: 'teams', workspaceId, conversationId };
    },
  };
}
