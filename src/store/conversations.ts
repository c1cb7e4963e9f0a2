import type { Kysely } from 'kysely';
import type { ConversationRef } from '../model/message.js';
import type { SqliteDirect, SqlValue } from './direct.js';
import type { Database } from './schema.js';
import { conversationKey } from './keys.js';

/** A conversation the bot has seen, with what it needs to reach it again. */
export interface ConversationRecord extends ConversationRef {
  isDirect: boolean;
  /** Platform reference for proactive sends (parsed JSON), if the adapter stored one. */
  ref?: unknown;
  timeZone?: string;
}

/**
 * The conversation upsert as one SQL text (SQLite's direct path): a field the caller leaves out (null
 * here) keeps its stored value, as in `upsertConversation`.
 */
export const UPSERT_CONVERSATION_SQL =
  'insert into conversations (platform, workspace_id, conversation_id, is_direct, ref, time_zone, created_at, updated_at) ' +
  'values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (platform, workspace_id, conversation_id) do update set ' +
  'is_direct = excluded.is_direct, ref = coalesce(excluded.ref, conversations.ref), ' +
  'time_zone = coalesce(excluded.time_zone, conversations.time_zone), updated_at = excluded.updated_at';

/** The parameters of `UPSERT_CONVERSATION_SQL` for a record seen at `at` (ISO-8601). */
export function upsertConversationParams(rec: ConversationRecord, at: string): SqlValue[] {
  const ref = rec.ref === undefined ? null : JSON.stringify(rec.ref);
  return [rec.platform, rec.workspaceId, rec.conversationId, rec.isDirect ? 1 : 0, ref, rec.timeZone ?? null, at, at];
}

/** Records a conversation through Kysely (any dialect, inside a transaction too), keeping fields `rec` leaves out. */
export async function upsertConversation(db: Kysely<Database>, rec: ConversationRecord, at: string): Promise<void> {
  const ref = rec.ref === undefined ? null : JSON.stringify(rec.ref);
  await db
    .insertInto('conversations')
    .values({
      platform: rec.platform,
      workspace_id: rec.workspaceId,
      conversation_id: rec.conversationId,
      is_direct: rec.isDirect ? 1 : 0,
      ref,
      time_zone: rec.timeZone ?? null,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) =>
      oc.columns(['platform', 'workspace_id', 'conversation_id']).doUpdateSet((eb) => ({
        is_direct: rec.isDirect ? 1 : 0,
        ref: ref === null ? eb.ref('conversations.ref') : ref,
        time_zone: rec.timeZone === undefined ? eb.ref('conversations.time_zone') : rec.timeZone,
        updated_at: at,
      })),
    )
    .execute();
}

/** Conversations the bot has seen. */
export class ConversationRepo {
  constructor(private readonly db: Kysely<Database>, private readonly now: () => Date, private readonly direct?: SqliteDirect) {}

  /** Records a conversation, keeping fields the caller does not give. */
  async upsert(rec: ConversationRecord): Promise<void> {
    const at = this.now().toISOString();
    if (this.direct?.run(UPSERT_CONVERSATION_SQL, upsertConversationParams(rec, at)) !== undefined) return;
    await upsertConversation(this.db, rec, at);
  }

  /**
   * The platform reference most recently stored for any conversation in a workspace: after a restart it
   * tells an adapter where that workspace's connector is (e.g. a Teams tenant's service URL).
   */
  async latestRef(platform: ConversationRef['platform'], workspaceId: string): Promise<unknown> {
    const row = await this.db
      .selectFrom('conversations')
      .select('ref')
      .where('platform', '=', platform)
      .where('workspace_id', '=', workspaceId)
      .where('ref', 'is not', null)
      .orderBy('updated_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.ref ? (JSON.parse(row.ref) as unknown) : undefined;
  }

  async get(ref: ConversationRef): Promise<ConversationRecord | undefined> {
    const row = await this.db
      .selectFrom('conversations')
      .selectAll()
      .where((eb) => eb.and(conversationKey(ref)))
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      platform: row.platform as ConversationRef['platform'],
      workspaceId: row.workspace_id,
      conversationId: row.conversation_id,
      isDirect: row.is_direct === 1,
      ...(row.ref ? { ref: JSON.parse(row.ref) as unknown } : {}),
      ...(row.time_zone ? { timeZone: row.time_zone } : {}),
    };
  }
}
