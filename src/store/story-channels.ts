import type { Kysely } from 'kysely';
import type { ConversationRef, PlatformName } from '../model/message.js';
import type { Database } from './schema.js';
import { conversationKey } from './keys.js';

/** A channel's story settings. */
export interface StoryChannel extends ConversationRef {
  welcome: boolean;
  /** Creation time of the newest story already shared back here. */
  lastDigestAt?: string;
  /** Who last turned welcome on or off here (a platform user id), and when. */
  welcomeSetBy?: string;
  welcomeSetAt?: string;
}

type ChannelRow = Database['story_channels'];

/** Per-channel welcome setting and how far digests have got (their schedule is a `digest` subscription). */
export class StoryChannelRepo {
  constructor(private readonly db: Kysely<Database>, private readonly now: () => Date) {}

  async get(ref: ConversationRef): Promise<StoryChannel | undefined> {
    const row = await this.db
      .selectFrom('story_channels')
      .selectAll()
      .where((eb) => eb.and(conversationKey(ref)))
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      platform: row.platform as PlatformName,
      workspaceId: row.workspace_id,
      conversationId: row.conversation_id,
      welcome: row.welcome === 1,
      ...(row.last_digest_at ? { lastDigestAt: row.last_digest_at } : {}),
      ...(row.welcome_set_by ? { welcomeSetBy: row.welcome_set_by } : {}),
      ...(row.welcome_set_at ? { welcomeSetAt: row.welcome_set_at } : {}),
    };
  }

  private async upsert(ref: ConversationRef, set: Partial<Pick<ChannelRow, 'welcome' | 'last_digest_at' | 'welcome_set_by' | 'welcome_set_at'>>): Promise<void> {
    const at = this.now().toISOString();
    await this.db
      .insertInto('story_channels')
      .values({
        platform: ref.platform,
        workspace_id: ref.workspaceId,
        conversation_id: ref.conversationId,
        welcome: 0,
        last_digest_at: null,
        welcome_set_by: null,
        welcome_set_at: null,
        ...set,
        updated_at: at,
      })
      .onConflict((oc) => oc.columns(['platform', 'workspace_id', 'conversation_id']).doUpdateSet({ ...set, updated_at: at }))
      .execute();
  }

  /** Turns welcome on or off, remembering who did (`by`, a platform user id) and when. */
  async setWelcome(ref: ConversationRef, on: boolean, by?: string): Promise<void> {
    await this.upsert(ref, { welcome: on ? 1 : 0, welcome_set_by: by ?? null, welcome_set_at: this.now().toISOString() });
  }

  /** Remembers up to which story (by creation time) digests here have shared. */
  async markDigested(ref: ConversationRef, upTo: string): Promise<void> {
    await this.upsert(ref, { last_digest_at: upTo });
  }
}
