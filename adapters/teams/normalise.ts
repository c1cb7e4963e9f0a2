import type { Activity, ChannelAccount, Entity } from 'botbuilder';
import type { IncomingAction, IncomingMessage } from '../../src/model/message.js';
import type { SubmitData } from './render.js';

/** Workspace id used when an activity carries no tenant (the Bot Framework Emulator). */
export const EMULATOR_WORKSPACE = 'emulator';

const THREAD_MARKER = ';messageid=';

/** The tenant an activity belongs to: every stored row is keyed by it. */
export function tenantOf(activity: Partial<Activity>): string {
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  return channelData?.tenant?.id || activity.conversation?.tenantId || EMULATOR_WORKSPACE;
}

/**
 * Splits a Teams conversation id into the channel or chat and the reply chain: a channel thread's id is
 * `19:…@thread.tacv2;messageid=<root message id>`. Subscriptions and settings key on the base id.
 */
export function splitConversationId(id: string): { conversationId: string; threadId?: string } {
  const at = id.indexOf(THREAD_MARKER);
  if (at === -1) return { conversationId: id };
  const threadId = id.slice(at + THREAD_MARKER.length);
  return threadId ? { conversationId: id.slice(0, at), threadId } : { conversationId: id.slice(0, at) };
}

/** The conversation id to post into `threadId` of a channel (the reply chain's id). */
export function threadConversationId(conversationId: string, threadId: string): string {
  return `${conversationId}${THREAD_MARKER}${threadId}`;
}

/** True for a 1:1 chat with the bot (Teams `personal`, or the Emulator's chat). */
export function isPersonal(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  if (type) return type === 'personal';
  return !activity.conversation?.isGroup;
}

/** True when the conversation is a Teams channel (where posts have reply chains). */
export function isChannel(activity: Partial<Activity>): boolean {
  return activity.conversation?.conversationType === 'channel';
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function mentionsOf(activity: Partial<Activity>): Array<{ id?: string; text?: string }> {
  return (activity.entities ?? [])
    .filter((e: Entity) => e.type === 'mention')
    .map((e) => ({ id: (e as { mentioned?: ChannelAccount }).mentioned?.id, text: (e as { text?: string }).text }));
}

/** Whether the activity @mentions the bot (by the mention entities Teams attaches). */
export function mentionsBot(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  return Boolean(botId) && mentionsOf(activity).some((m) => m.id === botId);
}

/**
 * Plain text of a message: the bot's own `<at>…</at>` mention removed (by its entity's text), other
 * people's mentions kept as their names, HTML entities decoded, whitespace tidied.
 */
export function plainText(activity: Partial<Activity>): string {
  let text = activity.text ?? '';
  const botId = activity.recipient?.id;
  for (const mention of mentionsOf(activity)) {
    if (mention.id === botId && mention.text) text = text.split(mention.text).join(' ');
  }
  text = text.replace(/<at[^>]*>(.*?)<\/at>/gi, '$1');
  return decodeEntities(text).replace(/\u00a0/g, ' ').replace(/[ \t]+\n/g, '\n').trim();
}

function actionOf(value: unknown): IncomingAction | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const data = value as Partial<SubmitData> & Record<string, unknown>;
  if (typeof data.moodmusicAction !== 'string' || !data.moodmusicAction) return undefined;
  if (data.moodmusicForm) {
    const values: Record<string, string> = {};
    for (const [key, v] of Object.entries(data)) {
      if (key === 'moodmusicAction' || key === 'moodmusicForm' || key === 'msteams') continue;
      if (typeof v === 'string') values[key] = v;
    }
    return { id: data.moodmusicAction, values };
  }
  return { id: data.moodmusicAction, ...(typeof data.value === 'string' ? { value: data.value } : {}) };
}

function timeZoneOf(activity: Partial<Activity>): string | undefined {
  if (activity.localTimezone) return activity.localTimezone;
  const info = (activity.entities ?? []).find((e) => e.type === 'clientInfo') as { timezone?: string } | undefined;
  return info?.timezone || undefined;
}

/**
 * Turns one Bot Framework activity into the core's messages (none, one, or one per member added):
 * messages and card submits, the bot being added (`bot-added`) and people joining (`member-joined`).
 * Anything else (typing, reactions, installation updates) yields nothing.
 */
export function normaliseActivity(activity: Partial<Activity>): IncomingMessage[] {
  const conversation = activity.conversation;
  if (!conversation?.id) return [];
  const { conversationId, threadId } = splitConversationId(conversation.id);
  const direct = isPersonal(activity);
  const base = {
    platform: 'teams' as const,
    workspaceId: tenantOf(activity),
    conversationId,
    ...(threadId && !direct ? { threadId } : {}),
    isDirect: direct,
    raw: activity,
  };
  const timeZone = timeZoneOf(activity);
  const sender = {
    userId: activity.from?.id ?? 'unknown',
    ...(activity.from?.name ? { userName: activity.from.name } : {}),
    ...(timeZone ? { userTimeZone: timeZone } : {}),
    ...(activity.id ? { eventId: activity.id } : {}),
  };

  if (activity.type === 'message') {
    const action = actionOf(activity.value);
    if (action) return [{ ...base, ...sender, text: '', source: 'action', isMention: false, action }];
    const mentioned = mentionsBot(activity);
    const text = plainText(activity);
    if (direct) return [{ ...base, ...sender, text, source: 'direct', isMention: mentioned }];
    if (mentioned) return [{ ...base, ...sender, text, source: 'mention', isMention: true }];
    // Without the bot mentioned, Teams only delivers channel messages to apps with RSC permission: a reply
    // in a thread is people talking to each other (the core may count it), anything else is not for us.
    if (threadId) return [{ ...base, ...sender, text, source: 'thread', isMention: false }];
    return [];
  }

  if (activity.type === 'conversationUpdate') {
    const botId = activity.recipient?.id;
    const messages: IncomingMessage[] = [];
    for (const member of activity.membersAdded ?? []) {
      if (!member.id) continue;
      if (member.id === botId) {
        messages.push({ ...base, ...sender, text: '', source: 'bot-added', isMention: false });
      } else if (!direct) {
        // One message per newcomer, each with its own event id so de-duplication keeps them apart.
        messages.push({
          ...base,
          userId: member.id,
          ...(member.name ? { userName: member.name } : {}),
          ...(activity.id ? { eventId: `${activity.id}:${member.id}` } : {}),
          text: '',
          source: 'member-joined',
          isMention: false,
        });
      }
    }
    return messages;
  }
  return [];
}
