import type { Kysely } from 'kysely';

/** A workspace's own questions (`prompt add`), used in rotation beside the library's. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('custom_prompts')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('why', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('custom_prompts_pk', ['platform', 'workspace_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('custom_prompts').execute();
}
