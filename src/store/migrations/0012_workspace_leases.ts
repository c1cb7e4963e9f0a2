import type { Kysely } from 'kysely';

/**
 * Who paces each workspace's sends: with several instances on one database, one at a time holds a
 * workspace's lease (until `expires_at`, renewed while it sends), so together they stay under the
 * workspace's rate limit.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('workspace_leases')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('workspace_leases_pk', ['platform', 'workspace_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('workspace_leases').execute();
}
