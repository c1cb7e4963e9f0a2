import type { ConversationRef, IncomingMessage, PlatformName } from '../../src/model/message.js';
import type { Outbound, PostedRef } from '../../src/model/outbound.js';
import type { Reply } from '../../src/model/reply.js';
import { renderText } from '../../src/render/text.js';
import type { Store } from '../../src/store/index.js';

/** An outbound side that records what was posted; DMs are `dm-<user>`. */
export class FakeOutbound implements Outbound {
  readonly posts: Array<{ target: ConversationRef; reply: Reply; text: string }> = [];
  failNext?: Error;
  constructor(readonly platform: PlatformName = 'shell') {}

  async post(target: ConversationRef, reply: Reply): Promise<PostedRef> {
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = undefined;
      throw error;
    }
    this.posts.push({ target, reply, text: renderText(reply).text });
    return { messageId: `m${this.posts.length}` };
  }

  async openDirect(workspaceId: string, userId: string): Promise<ConversationRef> {
    return { platform: this.platform, workspaceId, conversationId: `dm-${userId}` };
  }

  /** Names the platform would give (as Slack's users.info does), keyed by user id. */
  readonly names = new Map<string, string>();
  async displayName(_workspaceId: string, userId: string): Promise<string | undefined> {
    return this.names.get(userId);
  }
}

const base = { platform: 'shell' as const, workspaceId: 'W1', userId: 'U1' };

/** A direct message from a person, in their DM (`dm-<user>`, as FakeOutbound opens it). */
export function dm(text: string, overrides: Partial<IncomingMessage> = {}): IncomingMessage {
  const userId = overrides.userId ?? base.userId;
  return { ...base, conversationId: `dm-${userId}`, text, source: 'direct', isMention: false, isDirect: true, ...overrides };
}

/** A channel mention. */
export function inChannel(text: string, overrides: Partial<IncomingMessage> = {}): IncomingMessage {
  return { ...base, conversationId: 'C1', text, source: 'mention', isMention: true, isDirect: false, ...overrides };
}

/** A button press in a person's DM. */
export function press(id: string, value: string, overrides: Partial<IncomingMessage> = {}): IncomingMessage {
  return { ...dm('', overrides), source: 'action', action: { id, value } };
}

/** All text of some replies, as the shell would print it. */
export function textOf(replies: Reply[]): string {
  return replies.map((r) => renderText(r).text).join('\n');
}

/** Row counts of the story tables. */
export async function counts(store: Store): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['story_people', 'stories', 'story_jobs'] as const) {
    const row = await store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    out[table] = Number(row?.n ?? 0);
  }
  return out;
}
