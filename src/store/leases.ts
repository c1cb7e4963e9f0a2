import type { Kysely } from 'kysely';
import type { PlatformName } from '../model/message.js';
import type { PlaceSpacing } from '../delivery/lease.js';
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

/** A workspace's shared reply places (see `LeaseRepo.takeReplyPlace`). */
export interface WorkspaceReplyPlacesTable {
  platform: string;
  workspace_id: string;
  /** ISO instant from which the next place is free (the bucket's theoretical arrival time). */
  tat: string;
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

  /**
   * Takes a place for one reply in the workspace, for every instance on this database together: a token
   * bucket with no burst, so places are `spacing` apart (`leasedMs` while a live lease says some
   * instance is pacing a fan-out there, which keeps the rest of the limit; `freeMs` otherwise). One
   * atomic statement takes it, so two instances never get the same place. Resolves 0 when taken, else
   * how many ms until the next place is free (nothing taken).
   */
  async takeReplyPlace(platform: PlatformName, workspaceId: string, spacing: PlaceSpacing): Promise<number> {
    const now = this.now();
    const at = now.toISOString();
    const leased = this.db
      .selectFrom('workspace_leases')
      .select('holder')
      .where('platform', '=', platform)
      .where('workspace_id', '=', workspaceId)
      .where('expires_at', '>', at);
    const next = (ms: number) => new Date(now.getTime() + ms).toISOString();
    const row = await this.db
      .insertInto('workspace_reply_places')
      .values((eb) => ({
        platform,
        workspace_id: workspaceId,
        tat: eb.case().when(eb.exists(leased)).then(next(spacing.leasedMs)).else(next(spacing.freeMs)).end(),
      }))
      .onConflict((oc) => oc.columns(['platform', 'workspace_id']).doUpdateSet((eb) => ({ tat: eb.ref('excluded.tat') })).where('workspace_reply_places.tat', '<=', at))
      .returning('tat')
      .executeTakeFirst();
    if (row) return 0;
    const held = await this.db
      .selectFrom('workspace_reply_places')
      .select('tat')
      .where('platform', '=', platform)
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    // Taken between the two statements' view of it: ask again at once.
    return held ? Math.max(1, Date.parse(held.tat) - now.getTime()) : 1;
  }
}
