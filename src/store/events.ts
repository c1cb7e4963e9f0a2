import type { Kysely } from 'kysely';
import type { PlatformName } from '../model/message.js';
import type { Database } from './schema.js';

/** How long a handled event id is remembered; Slack stops retrying an event well within an hour. */
export const EVENT_RETENTION_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * Event ids already handled, keyed by platform and workspace. `claim` is the one atomic step that decides
 * which delivery of an event gets handled: the database's unique key makes it hold across instances.
 */
export class EventRepo {
  private lastPrune = 0;

  constructor(private readonly db: Kysely<Database>, private readonly now: () => Date) {}

  /**
   * Records the event id; true for the first claim, false when it was already claimed (a retry or a copy
   * another instance is handling). Old ids are pruned now and then on the way.
   */
  async claim(platform: PlatformName, workspaceId: string, eventId: string): Promise<boolean> {
    const now = this.now();
    if (now.getTime() - this.lastPrune >= PRUNE_EVERY_MS) {
      this.lastPrune = now.getTime();
      await this.prune(new Date(now.getTime() - EVENT_RETENTION_MS));
    }
    const result = await this.db
      .insertInto('processed_events')
      .values({ platform, workspace_id: workspaceId, event_id: eventId, created_at: now.toISOString() })
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
