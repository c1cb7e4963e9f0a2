import type { Kysely } from 'kysely';

/**
 * Places for replies in a workspace's rate limit, shared by every instance on one database: a token
 * bucket kept as its theoretical arrival time (`tat`, an ISO instant), so replies made by instances
 * that do not pace the workspace's fan-out still count against the workspace's one limit.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('workspace_reply_places')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('tat', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('workspace_reply_places_pk', ['platform', 'workspace_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('workspace_reply_places').execute();
}
