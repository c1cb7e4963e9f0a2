import type { App } from '@slack/bolt';
import type { ConversationRef } from '../../src/model/message.js';
import type { Pace } from '../../src/delivery/index.js';
import type { Outbound, PostedRef, PostOptions } from '../../src/model/outbound.js';
import { isShared, type Reply } from '../../src/model/reply.js';
import { slackCall } from './errors.js';
import { JsonBody, type WebApiCall } from './post.js';
import { pacedCalls, type SlackCalls } from './paced.js';
import { renderOnce } from '../render-once.js';
import { LIMITS, renderReply, shareBlock, type RenderedMessage, type SlackBlock } from './render.js';

/** The Web API client Bolt built (single-workspace token, our `slackApiUrl` and retry settings). */
export type SlackClient = App['client'];

type ApiResult = Record<string, unknown>;

/** One Web API call by method name, with failures converted to `PlatformError`. */
export async function api(client: SlackClient, method: string, args: Record<string, unknown>): Promise<ApiResult> {
  return slackCall(method, async () => (await client.apiCall(method, args)) as unknown as ApiResult);
}

/** Where a reply to an inbound message goes. */
export interface ReplyTarget {
  channel: string;
  /** The person who asked: private replies are shown to them only. */
  user: string;
  /** In a 1:1 conversation with the bot everything is already private, so replies are plain posts. */
  isDirect: boolean;
  /** The thread the message came from, if any: replies stay in it. */
  threadTs?: string;
  /** The message itself, so a reply marked `inThread` can start a thread under it. */
  messageTs?: string;
}

function metadataOf(reply: Reply): Record<string, unknown> {
  if (!reply.metadata) return {};
  return { metadata: { event_type: reply.metadata.type, event_payload: reply.metadata.payload } };
}

/** `renderReply`, kept for shared blocks: a scheduled prompt goes to thousands of channels. */
const renderShared = renderOnce(renderReply);

/** Kept renderings' `"blocks":…,"text":…`, serialised once, with its length in bytes. */
const serialised = new WeakMap<RenderedMessage, { text: string; bytes: number }>();

/**
 * `chat.postMessage`'s body for a kept rendering: the same text `JSON.stringify` gives for
 * `{ channel, blocks, text, ...rest }`, with the blocks and text serialised once for every post.
 */
function keptBody(rendered: RenderedMessage, channel: string, rest: Record<string, unknown>): JsonBody {
  let json = serialised.get(rendered);
  if (!json) {
    const text = JSON.stringify({ blocks: rendered.blocks, text: rendered.text }).slice(1, -1);
    json = { text, bytes: Buffer.byteLength(text) };
    serialised.set(rendered, json);
  }
  const head = `{"channel":${JSON.stringify(channel)},`;
  const tail = JSON.stringify(rest);
  // `rest` always holds QUIET, so its braces enclose something and the comma before it is needed.
  const end = `,${tail.slice(1)}`;
  return new JsonBody(head + json.text + end, Buffer.byteLength(head) + json.bytes + Buffer.byteLength(end));
}

/** Options every post of ours carries: no link previews of echoed links. */
const QUIET = { unfurl_links: false, unfurl_media: false };

/** Posts a rendered message through `post` (the lean JSON caller); returns its `ts`. */
export async function postMessage(
  post: WebApiCall,
  channel: string,
  rendered: RenderedMessage,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const result = await post('chat.postMessage', { channel, blocks: rendered.blocks, text: rendered.text, ...QUIET, ...extra });
  return String(result.ts ?? '');
}

/**
 * Sends one core reply in answer to a message: private replies in a channel as an ephemeral message to
 * the person who asked, everything else as a post; in the message's thread when it came from one, or
 * starting one under it when the reply asks for `inThread`. Every answered event pays for this call, so
 * it goes through `post` (one keep-alive JSON request, see `createWebApiCall`), not Bolt's client.
 */
export async function deliverReply(post: WebApiCall, reply: Reply, to: ReplyTarget): Promise<void> {
  const rendered = renderReply(reply);
  const threadTs = to.threadTs ?? (reply.inThread ? to.messageTs : undefined);
  const thread = threadTs ? { thread_ts: threadTs } : {};
  if (reply.visibility === 'private' && !to.isDirect) {
    await post('chat.postEphemeral', { channel: to.channel, user: to.user, blocks: rendered.blocks, text: rendered.text, ...thread });
    return;
  }
  await postMessage(post, to.channel, rendered, { ...thread, ...metadataOf(reply) });
}

/** Opens (or finds) the DM with a person through `call` (Bolt's client, paced); returns its channel id. */
export async function openDm(call: WebApiCall, userId: string): Promise<string> {
  const result = await call('conversations.open', { users: userId });
  const channel = (result.channel as { id?: unknown } | undefined)?.id;
  if (typeof channel !== 'string') throw new Error('conversations.open returned no channel id');
  return channel;
}

/**
 * Sends a reply privately in the person's DM, with a "Share in channel" button when it was asked for
 * from a channel (a modal has no conversation of its own to answer in).
 */
export async function deliverPrivately(calls: SlackCalls, reply: Reply, user: string, shareTo?: { channel: string; threadTs?: string }): Promise<void> {
  const dm = await openDm(calls.api, user);
  const rendered = renderReply(reply);
  if (shareTo && !shareTo.channel.startsWith('D')) {
    const blocks: SlackBlock[] = rendered.blocks.slice(0, LIMITS.blocks - 1);
    blocks.push(shareBlock(shareTo.channel, shareTo.threadTs));
    rendered.blocks = blocks;
  }
  await postMessage(calls.post, dm, rendered);
}

interface SlackUser {
  name?: string;
  real_name?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
  profile?: { display_name?: string; real_name?: string };
}

/** A person's name and whether they are a workspace admin or owner (`users.info`). */
async function userInfo(call: WebApiCall, userId: string): Promise<{ name?: string; admin: boolean }> {
  const result = await call('users.info', { user: userId });
  const user = result.user as SlackUser | undefined;
  const name = (user?.profile?.display_name || user?.profile?.real_name || user?.real_name || user?.name)?.trim();
  return { ...(name ? { name } : {}), admin: Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner) };
}

interface HistoryMessage {
  ts?: string;
  thread_ts?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

/**
 * The outbound seam for the core: proactive posts, DMs, and finding a post again by its metadata.
 * `post`, when given, makes the proactive posts (the scheduled fan-out) instead of Bolt's client. With
 * `pace`, every call waits for the core's rate limits first, except the delivery queue's own posts.
 */
export function createSlackOutbound(client: SlackClient, post?: WebApiCall, pace?: Pace): Outbound {
  const call: WebApiCall = post ?? ((method, args) => api(client, method, args instanceof JsonBody ? args.args() : args));
  const raw: SlackCalls = { post: call, api: (method, args) => api(client, method, args instanceof JsonBody ? args.args() : args) };
  const calls = (workspaceId: string): SlackCalls => (pace ? pacedCalls(pace, workspaceId, raw) : raw);
  return {
    platform: 'slack',
    async post(target: ConversationRef, reply: Reply, options?: PostOptions): Promise<PostedRef> {
      const rendered = renderShared(reply);
      const thread = target.threadId ? { thread_ts: target.threadId } : {};
      const rest = { ...QUIET, ...thread, ...metadataOf(reply) };
      const args =
        post && isShared(reply.blocks)
          ? keptBody(rendered, target.conversationId, rest)
          : { channel: target.conversationId, blocks: rendered.blocks, text: rendered.text, ...rest };
      const send = () => call('chat.postMessage', args);
      const where = { platform: 'slack' as const, workspaceId: target.workspaceId, conversationId: target.conversationId, method: 'chat.postMessage' };
      const ts = String((await (options?.paced || !pace ? send() : pace(where, 'chat.postMessage', send))).ts ?? '');
      return { messageId: ts, threadId: target.threadId ?? ts };
    },
    async update(target: ConversationRef, posted: PostedRef, reply: Reply): Promise<void> {
      const rendered = renderReply(reply);
      await calls(target.workspaceId).api('chat.update', { channel: target.conversationId, ts: posted.messageId, blocks: rendered.blocks, text: rendered.text });
    },
    async openDirect(workspaceId: string, userId: string): Promise<ConversationRef> {
      return { platform: 'slack', workspaceId, conversationId: await openDm(calls(workspaceId).api, userId) };
    },
    async displayName(workspaceId: string, userId: string): Promise<string | undefined> {
      return (await userInfo(calls(workspaceId).api, userId)).name;
    },
    async member(target, userId) {
      return userInfo(calls(target.workspaceId).api, userId);
    },
    async findPosted(target, type, match, since) {
      const oldest = (since.getTime() / 1000).toFixed(6);
      const method = target.threadId ? 'conversations.replies' : 'conversations.history';
      let cursor: string | undefined;
      // Ten pages of 200 messages cover any channel's traffic within a catch-up window.
      for (let page = 0; page < 10; page += 1) {
        const result = await calls(target.workspaceId).api(method, {
          channel: target.conversationId,
          ...(target.threadId ? { ts: target.threadId } : {}),
          oldest,
          include_all_metadata: true,
          limit: 200,
          ...(cursor ? { cursor } : {}),
        });
        for (const m of (result.messages as HistoryMessage[] | undefined) ?? []) {
          const payload = m.metadata?.event_payload ?? {};
          if (m.ts && m.metadata?.event_type === type && Object.entries(match).every(([k, v]) => String(payload[k]) === v)) {
            return { messageId: m.ts, threadId: target.threadId ?? m.ts };
          }
        }
        cursor = (result.response_metadata as { next_cursor?: string } | undefined)?.next_cursor || undefined;
        if (!cursor) break;
      }
      return undefined;
    },
  };
}
