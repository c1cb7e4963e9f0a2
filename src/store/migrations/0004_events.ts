import type { Kysely } from 'kysely';

/**
 * Platform event ids already handled, so a retried delivery (Slack resends an event it thinks was lost)
 * is answered once even when another instance got the first copy.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('processed_events')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('processed_events_pk', ['platform', 'workspace_id', 'event_id'])
    .execute();
  await db.schema.createIndex('processed_events_created_idx').on('processed_events').column('created_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('processed_events').execute();
}
