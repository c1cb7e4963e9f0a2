import type { IncomingMessage } from '../../src/model/message.js';
import { plainText } from './text.js';

/** The fields of a Slack message-like event we read. */
export interface SlackMessageEvent {
  type: string;
  subtype?: string;
  channel: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
}

/** The fields of a slash command payload we read. */
export interface SlackCommand {
  team_id: string;
  channel_id: string;
  channel_name?: string;
  user_id: string;
  user_name?: string;
  text?: string;
  trigger_id?: string;
  response_url?: string;
}

/** True for a channel id of a 1:1 conversation (Slack DM ids start with D). */
export const isDmChannel = (channel: string | undefined): boolean => Boolean(channel?.startsWith('D'));

/** True for messages a person wrote: not bots, not edits, deletions, joins or other subtypes. */
export function isPersonMessage(event: SlackMessageEvent): boolean {
  return !event.subtype && !event.bot_id && typeof event.user === 'string';
}

/** True when `text` addresses the bot with an @mention (those arrive again as `app_mention`). */
export function mentionsBot(text: string | undefined, botUserId: string | undefined): boolean {
  return Boolean(botUserId && text?.includes(`<@${botUserId}`));
}

/** An `app_mention`: the whole chat grammar, answered in its thread when it was in one. */
export function fromMention(event: SlackMessageEvent, teamId: string, eventId: string | undefined, botUserId?: string): IncomingMessage {
  return { ...common(event, teamId, eventId, botUserId), source: 'mention', isMention: true, isDirect: false };
}

/** What every message from a person carries, whatever kind it is. */
function common(event: SlackMessageEvent, teamId: string, eventId: string | undefined, botUserId?: string) {
  return {
    platform: 'slack' as const,
    workspaceId: teamId,
    conversationId: event.channel,
    ...(event.thread_ts ? { threadId: event.thread_ts } : {}),
    ...(event.ts ? { messageId: event.ts } : {}),
    userId: event.user ?? '',
    text: plainText(event.text ?? '', botUserId),
    ...(eventId ? { eventId } : {}),
    raw: event,
  };
}

/**
 * A `message` event from a person: a DM is the chat grammar (`direct`); in a channel only a reply in a
 * thread matters (`thread`, for engagement counts). Anything else returns undefined.
 */
export function fromMessage(event: SlackMessageEvent, teamId: string, eventId: string | undefined, botUserId?: string): IncomingMessage | undefined {
  if (!isPersonMessage(event)) return undefined;
  const base = common(event, teamId, eventId, botUserId);
  if (event.channel_type === 'im' || isDmChannel(event.channel)) {
    return { ...base, source: 'direct', isMention: false, isDirect: true };
  }
  const isReply = Boolean(event.thread_ts && event.thread_ts !== event.ts);
  if (!isReply || mentionsBot(event.text, botUserId)) return undefined;
  return { ...base, source: 'thread', isMention: false, isDirect: false };
}

/** A slash command: the same grammar as a mention. */
export function fromCommand(command: SlackCommand): IncomingMessage {
  return {
    platform: 'slack',
    workspaceId: command.team_id,
    conversationId: command.channel_id,
    userId: command.user_id,
    ...(command.user_name ? { userName: command.user_name } : {}),
    text: plainText(command.text ?? ''),
    source: 'command',
    isMention: false,
    isDirect: command.channel_name === 'directmessage' || isDmChannel(command.channel_id),
    raw: command,
  };
}

/** A person joining a channel the bot is in, handed to the welcome flow. */
export function fromMemberJoined(
  event: { user: string; channel: string },
  teamId: string,
  eventId: string | undefined,
): IncomingMessage {
  return {
    platform: 'slack',
    workspaceId: teamId,
    conversationId: event.channel,
    userId: event.user,
    text: '',
    source: 'member-joined',
    isMention: false,
    isDirect: false,
    ...(eventId ? { eventId } : {}),
    raw: event,
  };
}
