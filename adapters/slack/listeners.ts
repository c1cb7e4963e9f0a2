import type { App } from '@slack/bolt';
import type { Core } from '../../src/core/core.js';
import { PlatformError, describeError } from '../../src/errors.js';
import { recordReaction } from '../../src/features/engagement.js';
import type { Logger } from '../../src/logger.js';
import type { IncomingMessage } from '../../src/model/message.js';
import type { Reply } from '../../src/model/reply.js';
import { deliverPrivately, deliverReply, openDm, type ReplyTarget } from './deliver.js';
import { homeView } from './home.js';
import type { SlackCalls } from './paced.js';
import { replacePressed, share, type InteractionBody } from './pressed.js';
import { homeInsights, type VisibleChannel } from '../../src/insights/home.js';
import { fromCommand, fromMemberJoined, fromMention, fromMessage, isDmChannel, type SlackCommand, type SlackMessageEvent } from './inbound.js';
import { MODAL_CALLBACK, decodeActionId, decodeForm, readModalOrigin, readModalValues, renderModal, renderReply, type FormSpec } from './render.js';

/** What the listeners share: the core, the Web API, a logger and the in-flight tracker. */
export interface SlackRuntime {
  core: Core;
  /**
   * The Web API for one workspace (team id), every call paced by the core's rate buckets ahead of the
   * scheduled fan-out: a reply to a person waiting must neither push the app over Slack's limits nor be
   * lost to a 429.
   */
  calls(team: string): SlackCalls;
  logger: Logger;
  /** Runs work after the ack; tracked so `stop` waits for it, failures logged (never shown raw to people). */
  run(what: string, work: () => Promise<void>): Promise<void>;
}

interface EventBody {
  team_id?: string;
  event_id?: string;
}

/** Web API refusals meaning the bot cannot post in that channel (it is not a member): nothing was posted. */
const NOT_MEMBER = new Set(['not_in_channel', 'channel_not_found']);

const teamOf = (body: InteractionBody): string => body.team?.id ?? body.user.team_id ?? body.enterprise?.id ?? 'unknown';

async function answer(rt: SlackRuntime, message: IncomingMessage, to: ReplyTarget): Promise<void> {
  const { post } = rt.calls(message.workspaceId);
  for (const reply of await rt.core.handle(message)) await deliverReply(post, reply, to);
}

function formOf(reply: Reply): FormSpec | undefined {
  const form = reply.blocks.find((b) => b.type === 'form');
  return form?.type === 'form' ? form : undefined;
}

/** What an event handler gets from Bolt: the event, its envelope and Bolt's context. */
interface EventArgs {
  event: unknown;
  body: unknown;
  context: { botUserId?: string; teamId?: string };
}

type EventHandler = (rt: SlackRuntime, args: EventArgs) => Promise<void>;

/** Events: mentions, DMs, thread replies, joins, reactions and the App Home, by event type. */
const EVENT_HANDLERS: Record<string, EventHandler> = {
  async app_mention(rt, { event, body, context }) {
    const e = event as SlackMessageEvent;
    const { team_id: team = 'unknown', event_id: eventId } = body as EventBody;
    await rt.run('app_mention', async () => {
      if (e.bot_id) return;
      const message = fromMention(e, team, eventId, context.botUserId);
      await answer(rt, message, { channel: e.channel, user: e.user ?? '', isDirect: false, messageTs: e.ts, ...(e.thread_ts ? { threadTs: e.thread_ts } : {}) });
    });
  },

  async message(rt, { event, body, context }) {
    const e = event as SlackMessageEvent;
    const { team_id: team = 'unknown', event_id: eventId } = body as EventBody;
    const message = fromMessage(e, team, eventId, context.botUserId);
    if (!message) return;
    await rt.run(`message.${message.source}`, async () => {
      await answer(rt, message, { channel: e.channel, user: e.user ?? '', isDirect: message.isDirect, messageTs: e.ts, ...(e.thread_ts ? { threadTs: e.thread_ts } : {}) });
    });
  },

  async member_joined_channel(rt, { event, body, context }) {
    const e = event as { user: string; channel: string };
    const { team_id: team = 'unknown', event_id: eventId } = body as EventBody;
    if (e.user === context.botUserId) return;
    await rt.run('member_joined_channel', async () => {
      await answer(rt, fromMemberJoined(e, team, eventId), { channel: e.channel, user: e.user, isDirect: false });
    });
  },

  async reaction_added(rt, { event, body, context }) {
    const e = event as { user?: string; item?: { type?: string; channel?: string; ts?: string }; item_user?: string };
    const { team_id: team = 'unknown', event_id: eventId } = body as EventBody;
    // Only reactions on the bot's own messages can be on a prompt; skip the rest without touching the store.
    if (e.item?.type !== 'message' || !e.item.channel || !e.item.ts || e.item_user !== context.botUserId || e.user === context.botUserId) return;
    const { channel, ts } = e.item;
    await rt.run('reaction_added', async () => {
      await recordReaction(rt.core.ctx, { platform: 'slack', workspaceId: team, conversationId: channel }, ts, eventId);
    });
  },

  async app_home_opened(rt, { event, context, body }) {
    const e = event as { user: string; tab?: string };
    if (e.tab && e.tab !== 'home') return;
    const team = context.teamId ?? (body as { team_id?: string }).team_id ?? '';
    // Publishing the same view twice is harmless, so a redelivery needs no de-duplication here.
    await rt.run('app_home_opened', async () => {
      const channels = await visibleChannels(rt, team, e.user);
      const summary = await homeInsights(rt.core.ctx, { platform: 'slack', workspaceId: team }, channels);
      await rt.calls(team).api('views.publish', { user_id: e.user, view: homeView(renderReply({ blocks: summary, fallback: '' }).blocks) });
    });
  },
};

/**
 * One Bolt listener for every event type we handle, dispatched by type here. Bolt runs each listener's
 * middleware chain for every incoming request (copying its arguments at each step), so five listeners
 * cost every event five chains where one does; the mention bench showed it as the biggest Bolt
 * difference from a one-listener app.
 */
function registerEvents(app: App, rt: SlackRuntime): void {
  const types = new RegExp(`^(?:${Object.keys(EVENT_HANDLERS).join('|')})$`);
  app.event(types, async ({ event, body, context }) => {
    const handler = EVENT_HANDLERS[(event as { type: string }).type];
    if (handler) await handler(rt, { event, body, context });
  });
}

/** `/moodmusic …`: acked at once (Slack allows 3 s), answered after through the command's response_url. */
function registerCommand(app: App, rt: SlackRuntime): void {
  app.command(/^\/.+/, async ({ command, ack, respond }) => {
    await ack();
    const c = command as unknown as SlackCommand;
    await rt.run('command', async () => {
      const message = fromCommand(c);
      for (const reply of await rt.core.handle(message)) {
        const form = formOf(reply);
        if (form && c.trigger_id) {
          try {
            const view = renderModal(form, { channel: c.channel_id });
            await rt.calls(c.team_id).api('views.open', { trigger_id: c.trigger_id, view });
            continue;
          } catch (error) {
            rt.logger.warn('could not open the form; sending a button instead', { error: describeError(error) });
          }
        }
        const rendered = renderReply(reply);
        await respond({ response_type: reply.visibility === 'private' ? 'ephemeral' : 'in_channel', blocks: rendered.blocks as never, text: rendered.text });
      }
    });
  });
}

/** Buttons: the core's own, "open the form" (a modal) and "share in channel". */
function registerActions(app: App, rt: SlackRuntime): void {
  app.action(/.*/, async ({ ack, body, action, respond }) => {
    await ack();
    const b = body as unknown as InteractionBody;
    const a = action as unknown as { action_id: string; value?: string; text?: { text?: string } };
    await rt.run('block_actions', async () => {
      const decoded = decodeActionId(a.action_id);
      const team = teamOf(b);
      const calls = rt.calls(team);
      const channel = b.channel?.id ?? b.container?.channel_id;
      const threadTs = b.message?.thread_ts ?? b.container?.thread_ts;
      if (decoded.kind === 'form') {
        const form = decodeForm(a.value);
        if (!form || !b.trigger_id) return;
        const view = renderModal(form, { ...(channel ? { channel } : {}), ...(threadTs ? { threadTs } : {}) });
        await calls.api('views.open', { trigger_id: b.trigger_id, view });
        return;
      }
      if (decoded.kind === 'share') {
        await share(rt, calls, b, a.value);
        return;
      }
      if (decoded.kind !== 'core') return;
      // Buttons in the App Home or a modal have no conversation: answer in the person's DM.
      const where = channel ?? (await openDm(calls.api, b.user.id));
      const isDirect = isDmChannel(where);
      const message: IncomingMessage = {
        platform: 'slack',
        workspaceId: team,
        conversationId: where,
        ...(threadTs ? { threadId: threadTs } : {}),
        userId: b.user.id,
        text: a.text?.text ?? '',
        source: 'action',
        isMention: false,
        isDirect,
        action: { id: decoded.id, ...(a.value !== undefined ? { value: a.value } : {}) },
        raw: body,
      };
      const to: ReplyTarget = { channel: where, user: b.user.id, isDirect, ...(threadTs ? { threadTs } : {}), ...(b.message?.ts ? { messageTs: b.message.ts } : {}) };
      for (const reply of await rt.core.handle(message)) {
        if (reply.replacesPressed && (await replacePressed(rt, calls, b, reply, respond))) continue;
        try {
          await deliverReply(calls.post, reply, to);
        } catch (error) {
          // A button on a /moodmusic answer in a channel the bot is not in: the Web API cannot post there,
          // but the interaction's response_url can (privately when the reply is private).
          if (!b.response_url || !(error instanceof PlatformError) || !NOT_MEMBER.has(error.platformCode)) throw error;
          const rendered = renderReply(reply);
          await respond({
            response_type: reply.visibility === 'private' ? 'ephemeral' : 'in_channel',
            replace_original: false,
            blocks: rendered.blocks as never,
            text: rendered.text,
          });
        }
      }
    });
  });
}

/** A submitted modal: the values go to the core as the form's action; the answer comes privately. */
function registerViews(app: App, rt: SlackRuntime): void {
  app.view(MODAL_CALLBACK, async ({ ack, body, view }) => {
    await ack();
    const b = body as unknown as InteractionBody;
    await rt.run('view_submission', async () => {
      const origin = readModalOrigin((view as { private_metadata?: string }).private_metadata);
      if (!origin) return;
      const calls = rt.calls(teamOf(b));
      const where = origin.channel ?? (await openDm(calls.api, b.user.id));
      const message: IncomingMessage = {
        platform: 'slack',
        workspaceId: teamOf(b),
        conversationId: where,
        ...(origin.threadTs ? { threadId: origin.threadTs } : {}),
        userId: b.user.id,
        text: '',
        source: 'action',
        isMention: false,
        isDirect: isDmChannel(where),
        action: { id: origin.formId, values: readModalValues((view as { state?: unknown }).state) },
        raw: body,
      };
      for (const reply of await rt.core.handle(message)) {
        await deliverPrivately(calls, reply, b.user.id, origin.channel ? { channel: origin.channel, ...(origin.threadTs ? { threadTs: origin.threadTs } : {}) } : undefined);
      }
    });
  });
}

/** Registers every listener the Slack app has. */
export function registerListeners(app: App, rt: SlackRuntime): void {
  registerEvents(app, rt);
  registerCommand(app, rt);
  registerActions(app, rt);
  registerViews(app, rt);
}

/**
 * Channels this person is in that the bot can see (users.conversations), so the home summary never
 * names a channel they could not open. Up to 200; a failure shows no channels rather than wrong ones.
 */
async function visibleChannels(rt: SlackRuntime, team: string, user: string): Promise<VisibleChannel[]> {
  const result = (await rt.calls(team).api('users.conversations', { user, types: 'public_channel,private_channel', exclude_archived: true, limit: 200 })) as {
    channels?: Array<{ id?: string; name?: string }>;
  };
  return (result.channels ?? []).flatMap((c) => (c.id ? [{ id: c.id, name: c.name ?? c.id }] : []));
}
