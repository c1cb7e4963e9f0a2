import { CloudAdapter, ConfigurationBotFrameworkAuthentication, TurnContext, type Activity, type Request as BotRequest, type Response as BotResponse } from 'botbuilder';
import { deliveryQueueFor, inTurnFor, paceFor } from '../../src/delivery/index.js';
import { PlatformError, describeError } from '../../src/errors.js';
import { rateLimitedWarn } from '../../src/log-limit.js';
import { recordReaction } from '../../src/features/engagement.js';
import type { ConversationRef, IncomingMessage } from '../../src/model/message.js';
import { textReply, type Reply } from '../../src/model/reply.js';
import type { Adapter, AdapterDeps } from '../types.js';
import { connectorHttpClient } from './connector-http.js';
import { createConnectorSend, type Authorizer } from './connector-send.js';
import { toPlatformError } from './errors.js';
import { normaliseActivity, splitConversationId, tenantOf } from './normalise.js';
import { createTeamsOutbound, directOpening, storedReference } from './outbound.js';
import { renderActivity } from './render.js';
import { withDates } from './envelope.js';
import { createEndpoint } from './server.js';

/** The Teams adapter, with the address it listens on once started. */
export interface TeamsAdapter extends Adapter {
  readonly name: 'teams';
  /** Host and port of `/api/messages` after `start()`. */
  address(): { host: string; port: number };
}

export interface TeamsAdapterOptions {
  /** Interface to listen on. Default: 127.0.0.1 without an app id (local mode), all interfaces with one. */
  host?: string;
}

/** OAuth scope for connector calls in the public cloud (botbuilder's `ToChannelFromBotOAuthScope`). */
const PUBLIC_CLOUD_AUDIENCE = 'https://api.botframework.com';

const PRIVATE_FALLBACK =
  'I tried to answer you in a private chat, but Teams would not let me start one. Add moodmusic for yourself (Apps, search for moodmusic, Add) or message me directly, then ask again.';

/**
 * botbuilder's CloudAdapter, run through `processActivity` rather than `process`: `process` writes every
 * refused token to the console as a raw multi-line stack trace, outside the logger; this way each refusal
 * is one rate-limited JSON warning.
 */
class QuietCloudAdapter extends CloudAdapter {
  run(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    return this.processActivity(authHeader, activity, logic);
  }

  /**
   * What signs this adapter's proactive connector calls to `serviceUrl` (the credentials its own
   * connector client would use: the bot's token from botbuilder's cache, or nothing in local mode), as a
   * function giving the `Authorization` header for each call.
   */
  async authorizer(appId: string, serviceUrl: string): Promise<() => Promise<string | undefined>> {
    const client = await this.botFrameworkAuthentication.createConnectorFactory(this.createClaimsIdentity(appId)).create(serviceUrl);
    const credentials = client.credentials;
    return async () => {
      let authorization: string | undefined;
      const resource = { headers: { set: (_name: string, value: string) => void (authorization = value) } };
      await credentials.signRequest(resource as unknown as Parameters<typeof credentials.signRequest>[0]);
      return authorization;
    };
  }
}

/** `QuietCloudAdapter.authorizer`, made once per service URL (a failure is not kept, so the next send tries again). */
function authorizeWith(adapter: QuietCloudAdapter, appId: string): Authorizer {
  const made = new Map<string, Promise<() => Promise<string | undefined>>>();
  return async (serviceUrl) => {
    let signer = made.get(serviceUrl);
    if (!signer) {
      signer = adapter.authorizer(appId, serviceUrl);
      made.set(serviceUrl, signer);
      signer.catch(() => made.delete(serviceUrl));
    }
    return (await signer)();
  };
}

/** The HTTP status an authentication failure carries (botbuilder's `AuthenticationError`), if it is one. */
function authStatus(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && (status === 401 || status === 403) ? status : undefined;
}

/**
 * The bot in Microsoft Teams over botbuilder's `CloudAdapter`: activities in on `POST /api/messages`,
 * normalised for the core; the core's replies rendered as Adaptive Cards and sent back through the
 * Bot Framework connector at the activity's `serviceUrl`. Thin on purpose (normalise, render, send), so
 * moving to the Microsoft 365 Agents SDK touches this folder only.
 */
export function createTeamsAdapter(deps: AdapterDeps, options: TeamsAdapterOptions = {}): TeamsAdapter {
  const { core, logger: baseLogger } = deps;
  const logger = baseLogger.child({ adapter: 'teams' });
  const teams = deps.config.teams ?? { port: 3978 };
  const appId = teams.appId ?? '';
  const host = options.host ?? (appId ? '0.0.0.0' : '127.0.0.1');

  // botbuilder's own configuration names; with no app id it authenticates nothing (Emulator mode).
  const auth = new ConfigurationBotFrameworkAuthentication(
    {
      ...(teams.appId ? { MicrosoftAppId: teams.appId } : {}),
      ...(teams.appPassword ? { MicrosoftAppPassword: teams.appPassword } : {}),
      ...(teams.appType ? { MicrosoftAppType: teams.appType } : {}),
      ...(teams.tenantId ? { MicrosoftAppTenantId: teams.tenantId } : {}),
    },
    undefined,
    undefined,
    undefined,
    { httpClient: connectorHttpClient() },
  );
  const adapter = new QuietCloudAdapter(auth);
  const rejected = rateLimitedWarn(logger, 'teams request rejected');
  const send = createConnectorSend({ authorize: authorizeWith(adapter, appId) });
  // Every connector call outside the delivery queue (replies in a turn, updates, 1:1 chats) waits for
  // the same rate buckets as the scheduled fan-out, ahead of it.
  const pace = paceFor(core.ctx);
  const outbound = createTeamsOutbound({ adapter, appId, audience: PUBLIC_CLOUD_AUDIENCE, store: core.ctx.store, send, pace });

  const replyInTurn = inTurnFor(core.ctx);

  /**
   * One call answering the turn (a reply, a card's update), paced in the message's conversation: made
   * in the turn, or, when the rate holds it (a 429's Retry-After), made after the turn by `make` on a
   * proactive context for the same conversation (`continueConversationAsync` with the turn's
   * reference), so the turn ends promptly and the answer still comes once. Failures as `PlatformError`s.
   */
  function inTurn(context: TurnContext, message: IncomingMessage, doing: string, make: (context: TurnContext) => Promise<unknown>): Promise<unknown> {
    const target = { platform: 'teams' as const, workspaceId: message.workspaceId, conversationId: message.conversationId };
    const reference = TurnContext.getConversationReference(context.activity);
    const replyTo = context.activity.id;
    const later = () =>
      adapter.continueConversationAsync(appId, reference, async (proactive) => {
        // A reply to the person's message, as in the turn (botbuilder would address its own continuation event).
        if (replyTo) {
          proactive.onSendActivities(async (_context, activities, next) => {
            for (const a of activities) a.replyToId = replyTo;
            return next();
          });
        }
        await make(proactive);
      });
    const mapped = (call: () => Promise<unknown>) => () => call().catch((error: unknown) => Promise.reject(toPlatformError(error, doing)));
    return replyInTurn(target, doing, mapped(() => make(context)), mapped(later));
  }

  /**
   * A private answer, in the person's 1:1 chat: opening the chat and posting in it are each made in the
   * turn when the rate lets them through, or after the turn when a 429 holds them (as `inTurn`), so a
   * throttled 1:1 chat never holds the channel's turn open. Once: a 429 means nothing was made, and
   * opening a 1:1 chat again finds the same one. Made after the turn, the opening and the post are
   * one call in the rate buckets (the post is not counted), a rare path kept simple.
   */
  async function privately(message: IncomingMessage, reply: Reply): Promise<void> {
    const { workspaceId, userId } = message;
    let direct: ConversationRef | undefined;
    const open = async () => {
      direct = await outbound.openDirect(workspaceId, userId, { paced: true });
    };
    const openAndPost = async () => outbound.post(await outbound.openDirect(workspaceId, userId, { paced: true }), reply, { paced: true });
    const opening = { platform: 'teams' as const, workspaceId, conversationId: directOpening(userId) };
    const opened = await replyInTurn(opening, 'open a 1:1 chat for a private reply', open, openAndPost);
    if (opened === 'later' || !direct) return;
    const chat = direct;
    const post = () => outbound.post(chat, reply, { paced: true });
    await replyInTurn({ platform: 'teams', workspaceId, conversationId: chat.conversationId }, 'reply privately in a 1:1 chat', post, post);
  }

  async function answer(context: TurnContext, message: IncomingMessage, reply: Reply): Promise<void> {
    const pressed = message.source === 'action' && reply.replacesPressed ? context.activity.replyToId : undefined;
    if (pressed) {
      // A choice made on a card: the card itself changes, so its buttons do not stay live.
      try {
        await inTurn(context, message, 'update a card in a turn', (ctx) => ctx.updateActivity({ ...renderActivity(reply), id: pressed }));
        return;
      } catch (error) {
        logger.warn('could not update the card in place; sending the answer as a new message', { error: describeError(error), workspaceId: message.workspaceId });
      }
    }
    if (reply.visibility === 'private' && !message.isDirect) {
      // Teams has no ephemeral messages: "only you" means the person's 1:1 chat with the bot.
      try {
        await privately(message, reply);
        return;
      } catch (error) {
        logger.warn('private reply could not be delivered in a 1:1 chat', { error, workspaceId: message.workspaceId });
        await inTurn(context, message, 'reply in a turn', (ctx) => ctx.sendActivity(renderActivity(textReply(PRIVATE_FALLBACK))));
        return;
      }
    }
    await inTurn(context, message, 'reply in a turn', (ctx) => ctx.sendActivity(renderActivity(reply)));
  }

  async function countReactions(activity: Partial<Activity>): Promise<void> {
    if (!activity.replyToId || !activity.conversation?.id) return;
    const ref = { platform: 'teams' as const, workspaceId: tenantOf(activity), conversationId: splitConversationId(activity.conversation.id).conversationId };
    for (let i = 0; i < (activity.reactionsAdded?.length ?? 0); i += 1) await recordReaction(core.ctx, ref, activity.replyToId, activity.id ? `${activity.id}:${i}` : undefined);
  }

  /** One turn: the single place inbound errors are caught, so botbuilder always answers 200. */
  async function onTurn(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const workspaceId = tenantOf(activity);
    try {
      outbound.learn(activity);
      const messages = normaliseActivity(activity);
      if (activity.conversation?.id) {
        await core.ctx.store.conversations.upsert({
          platform: 'teams',
          workspaceId,
          conversationId: splitConversationId(activity.conversation.id).conversationId,
          isDirect: messages[0]?.isDirect ?? activity.conversation.conversationType === 'personal',
          ref: storedReference(activity),
        });
      }
      if (activity.type === 'messageReaction') await countReactions(activity);
      for (const message of messages) {
        for (const reply of await core.handle(message)) await answer(context, message, reply);
      }
    } catch (error) {
      const mapped = error instanceof PlatformError ? error : toPlatformError(error, 'answer an activity');
      logger.error('teams activity failed', { error: mapped, type: activity.type, workspaceId, retryable: mapped.retryable });
    }
  }

  /** One activity, already known to be well formed: authenticate, run the turn, answer. */
  async function process(req: BotRequest, res: BotResponse): Promise<void> {
    const header = req.headers.authorization ?? req.headers.Authorization;
    let status = 200;
    let body: unknown;
    try {
      const invoke = await adapter.run(typeof header === 'string' ? header : '', withDates(req.body as Record<string, unknown>) as Partial<Activity> as Activity, onTurn);
      status = invoke?.status ?? 200;
      body = invoke?.body;
    } catch (error) {
      const refused = authStatus(error);
      if (refused === undefined) throw error;
      rejected({ status: refused, reason: describeError(error).slice(0, 200) });
      status = refused;
    }
    res.status(status);
    if (body !== undefined) res.send(body);
    res.end();
  }

  const endpoint = createEndpoint({
    process,
    health: () => core.ctx.store.ping(),
    onRejected: (status, reason) => rejected({ status, reason }),
    onError: (error) => logger.error('teams endpoint failed', { error: describeError(error), code: 'INTERNAL' }),
    ...(deps.web ? { web: deps.web } : {}),
  });
  let port = teams.port;

  return {
    name: 'teams',
    outbound,
    address: () => ({ host, port }),
    async start() {
      port = await endpoint.listen(teams.port, host);
      if (appId) {
        logger.info('Teams endpoint listening', { url: `http://${host}:${port}/api/messages`, appId });
      } else {
        logger.warn('Teams adapter in local mode: no MicrosoftAppId, requests are not authenticated, listening on 127.0.0.1 only (for the Bot Framework Emulator)', {
          url: `http://${host}:${port}/api/messages`,
        });
      }
    },
    async stop(deadline = Date.now() + 10_000) {
      const { unanswered, cut } = await endpoint.drain(deadline);
      if (cut > 0) logger.warn('connections cut at the shutdown deadline', { unanswered, cut });
      // Replies made after their turn (a 429 held them) are still owed to people: made until the deadline.
      await deliveryQueueFor(core.ctx).settle(deadline - Date.now());
    },
  };
}
