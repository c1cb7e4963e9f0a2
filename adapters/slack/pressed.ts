import { describeError } from '../../src/errors.js';
import type { Reply } from '../../src/model/reply.js';
import { postMessage } from './deliver.js';
import type { SlackRuntime } from './listeners.js';
import type { SlackCalls } from './paced.js';
import { SHARE_ACTION, renderReply, type SlackBlock } from './render.js';
import { escapeSlack } from './text.js';

/** What Slack sends with a button press or a modal submission, as far as the listeners read it. */
export interface InteractionBody {
  team?: { id?: string } | null;
  user: { id: string; team_id?: string };
  enterprise?: { id?: string } | null;
  trigger_id?: string;
  channel?: { id?: string };
  container?: { type?: string; channel_id?: string; message_ts?: string; thread_ts?: string; is_ephemeral?: boolean };
  message?: { ts?: string; thread_ts?: string; text?: string; blocks?: SlackBlock[] };
  view?: { private_metadata?: string; state?: unknown };
  response_url?: string;
}

/**
 * Replaces the message whose button was pressed (a choice made): `chat.update` for a normal message, the
 * interaction's response_url for an ephemeral one, which the Web API cannot edit. False when neither
 * worked, so the reply is posted as usual.
 */
export async function replacePressed(
  rt: SlackRuntime,
  calls: SlackCalls,
  b: InteractionBody,
  reply: Reply,
  respond: (message: Record<string, unknown>) => Promise<unknown>,
): Promise<boolean> {
  const rendered = renderReply(reply);
  const channel = b.channel?.id ?? b.container?.channel_id;
  const ts = b.message?.ts ?? b.container?.message_ts;
  try {
    if (!b.container?.is_ephemeral && channel && ts) {
      await calls.api('chat.update', { channel, ts, blocks: rendered.blocks, text: rendered.text });
      return true;
    }
    if (b.response_url) {
      await respond({ replace_original: true, blocks: rendered.blocks, text: rendered.text });
      return true;
    }
  } catch (error) {
    rt.logger.warn('could not replace the message in place; posting the answer instead', { error: describeError(error) });
  }
  return false;
}

/** Posts a privately delivered result in the channel it was asked from, then marks the DM copy shared. */
export async function share(rt: SlackRuntime, calls: SlackCalls, b: InteractionBody, value: string | undefined): Promise<void> {
  let target: { c?: unknown; t?: unknown } = {};
  try {
    target = JSON.parse(value ?? '{}') as typeof target;
  } catch {
    return;
  }
  const dm = b.channel?.id ?? b.container?.channel_id;
  if (typeof target.c !== 'string' || !/^[A-Z0-9]+$/.test(target.c) || !b.message?.blocks || !dm) return;
  const blocks = b.message.blocks.filter((block) => block.block_id !== SHARE_ACTION);
  const thread = typeof target.t === 'string' ? { thread_ts: target.t } : {};
  try {
    await postMessage(calls.post, target.c, { blocks, text: b.message.text ?? 'Shared from moodmusic' }, thread);
  } catch (error) {
    rt.logger.warn('sharing in the channel failed', { error: describeError(error), channel: target.c });
    await calls.api('chat.postMessage', { channel: dm, text: `I couldn't share it in <#${target.c}>: ${escapeSlack(describeError(error))}` });
    return;
  }
  if (b.message.ts) {
    const done = [...blocks, { type: 'context', elements: [{ type: 'mrkdwn', verbatim: true, text: `Shared in <#${target.c}>.` }] }];
    await calls.api('chat.update', { channel: dm, ts: b.message.ts, blocks: done, text: b.message.text ?? 'Shared' }).catch((error: unknown) =>
      rt.logger.debug('could not mark the private copy as shared', { error: describeError(error) }),
    );
  }
}
