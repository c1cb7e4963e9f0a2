import { sql, type Kysely } from 'kysely';
import type { PlatformName } from '../model/message.js';
import { UPSERT_CONVERSATION_SQL, upsertConversation, upsertConversationParams, type ConversationRecord } from './conversations.js';
import type { SqliteDirect } from './direct.js';
import type { Database } from './schema.js';

/** How long a handled event id is remembered; Slack stops retrying an event well within an hour. */
export const EVENT_RETENTION_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

const CLAIM_SQL =
  'insert into processed_events (platform, workspace_id, event_id, created_at) values (?, ?, ?, ?) ' +
  'on conflict (platform, workspace_id, event_id) do nothing';

/**
 * Event ids already handled, keyed by platform and workspace. `claim` is the one atomic step that decides
 * which delivery of an event gets handled: the database's unique key makes it hold across instances.
 */
export class EventRepo {
  private lastPrune = 0;

  constructor(private readonly db: Kysely<Database>, private readonly now: () => Date, private readonly direct?: SqliteDirect) {}

  /** The claim's instant, after pruning old ids when an hour has passed since the last prune. */
  private async stamp(): Promise<string> {
    const now = this.now();
    if (now.getTime() - this.lastPrune >= PRUNE_EVERY_MS) {
      this.lastPrune = now.getTime();
      await this.prune(new Date(now.getTime() - EVENT_RETENTION_MS));
    }
    return now.toISOString();
  }

  /**
   * Records the event id; true for the first claim, false when it was already claimed (a retry or a copy
   * another instance is handling). Old ids are pruned now and then on the way.
   */
  async claim(platform: PlatformName, workspaceId: string, eventId: string): Promise<boolean> {
    const at = await this.stamp();
    const changed = this.direct?.run(CLAIM_SQL, [platform, workspaceId, eventId, at]);
    if (changed !== undefined) return changed > 0;
    return this.claimVia(this.db, platform, workspaceId, eventId, at);
  }

  /**
   * Claims an inbound message's event id and records its conversation in one transaction (one statement
   * on PostgreSQL): true for the first claim; false for a repeat, and then nothing is written. A failure
   * leaves neither, so the platform's retry is handled rather than lost.
   */
  async claimWith(eventId: string, conversation: ConversationRecord): Promise<boolean> {
    const { platform, workspaceId } = conversation;
    const at = await this.stamp();
    const direct = this.direct?.transaction((tx) => {
      if (tx.run(CLAIM_SQL, [platform, workspaceId, eventId, at]) === 0) return false;
      tx.run(UPSERT_CONVERSATION_SQL, upsertConversationParams(conversation, at));
      return true;
    });
    if (direct) return direct.value;
    if (!this.direct) return this.claimWithOneStatement(eventId, conversation, at);
    // SQLite with a transaction open on the connection: wait for it through Kysely, in one of our own.
    return this.db.transaction().execute(async (trx) => {
      if (!(await this.claimVia(trx, platform, workspaceId, eventId, at))) return false;
      await upsertConversation(trx, conversation, at);
      return true;
    });
  }

  /** PostgreSQL: the claim and, only when it inserted, the conversation upsert, as one statement. */
  private async claimWithOneStatement(eventId: string, rec: ConversationRecord, at: string): Promise<boolean> {
    const [platform, workspaceId, conversationId, isDirect, ref, timeZone] = upsertConversationParams(rec, at);
    const result = await sql<{ claimed: number | string }>`
      with claimed as (
        insert into processed_events (platform, workspace_id, event_id, created_at)
        values (${platform}, ${workspaceId}, ${eventId}, ${at})
        on conflict (platform, workspace_id, event_id) do nothing
        returning 1
      ), touched as (
        insert into conversations (platform, workspace_id, conversation_id, is_direct, ref, time_zone, created_at, updated_at)
        select ${platform}, ${workspaceId}, ${conversationId}, cast(${isDirect} as integer), ${ref}, ${timeZone}, ${at}, ${at}
        where exists (select 1 from claimed)
        on conflict (platform, workspace_id, conversation_id) do update set
          is_direct = excluded.is_direct, ref = coalesce(excluded.ref, conversations.ref),
          time_zone = coalesce(excluded.time_zone, conversations.time_zone), updated_at = excluded.updated_at
        returning 1
      )
      select count(*) as claimed from claimed`.execute(this.db);
    return Number(result.rows[0]?.claimed ?? 0) > 0;
  }

  private async claimVia(db: Kysely<Database>, platform: PlatformName, workspaceId: string, eventId: string, at: string): Promise<boolean> {
    const result = await db
      .insertInto('processed_events')
      .values({ platform, workspace_id: workspaceId, event_id: eventId, created_at: at })
      .onConflict((oc) => oc.columns(['platform', 'workspace_id', 'event_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  /** Forgets event ids claimed before `before`; returns how many were removed. */
  async prune(before: Date): Promise<number> {
    const result = await this.db.deleteFrom('processed_events').where('created_at', '<', before.toISOString()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
