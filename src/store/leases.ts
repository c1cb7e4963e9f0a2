import type { Kysely } from 'kysely';
import type { PlatformName } from '../model/message.js';
import type { Database } from './schema.js';

/** One row per workspace whose sends some instance is pacing. */
export interface WorkspaceLeasesTable {
  platform: string;
  workspace_id: string;
  /** The instance holding the lease (its own id, unique per process). */
  holder: string;
  /** ISO instant after which anyone may take the lease. */
  expires_at: string;
}

/** Who holds a workspace's lease, and until when. */
export interface LeaseRecord {
  holder: string;
  expiresAt: string;
}

/**
 * Workspace leases: which instance paces a workspace's sends. Each operation is one atomic statement,
 * so two instances can never both hold a lease, whatever the timing; the clock is the store's.
 */
export class LeaseRepo {
  constructor(private readonly db: Kysely<Database>, private readonly now: () => Date) {}

  /**
   * Takes the lease for `holder` until now + `ttlMs`, or extends it if `holder` already has it. True when
   * `holder` holds it afterwards; false while another holder's lease has not expired.
   */
  async acquire(platform: PlatformName, workspaceId: string, holder: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
    // Insert, or take over an expired lease, or renew one's own: one statement, decided by the row lock.
    const row = await this.db
      .insertInto('workspace_leases')
      .values({ platform, workspace_id: workspaceId, holder, expires_at: expiresAt })
      .onConflict((oc) =>
        oc
          .columns(['platform', 'workspace_id'])
          .doUpdateSet({ holder, expires_at: expiresAt })
          .where((eb) => eb.or([eb('workspace_leases.expires_at', '<=', now.toISOString()), eb('workspace_leases.holder', '=', holder)])),
      )
      .returning('holder')
      .executeTakeFirst();
    return row?.holder === holder;
  }

  /** Gives the lease up if `holder` has it (anyone may take it at once); true when it did. */
  async release(platform: PlatformName, workspaceId: string, holder: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('workspace_leases')
      .where('platform', '=', platform)
      .where('workspace_id', '=', workspaceId)
      .where('holder', '=', holder)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  /** The current holder, unless the lease expired or nobody took it. */
  async holder(platform: PlatformName, workspaceId: string): Promise<LeaseRecord | undefined> {
    const row = await this.db
      .selectFrom('workspace_leases')
      .select(['holder', 'expires_at'])
      .where('platform', '=', platform)
      .where('workspace_id', '=', workspaceId)
      .where('expires_at', '>', this.now().toISOString())
      .executeTakeFirst();
    return row ? { holder: row.holder, expiresAt: row.expires_at } : undefined;
  }
}
