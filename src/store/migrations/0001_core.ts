import type { Kysely } from 'kysely';

/** Conversations, prompt rotation and what was posted. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('conversations')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('is_direct', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ref', 'text')
    .addColumn('time_zone', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('conversations_pk', ['platform', 'workspace_id', 'conversation_id'])
    .execute();

  await db.schema
    .createTable('prompt_uses')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('prompt_id', 'text', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addColumn('uses', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('prompt_uses_pk', ['platform', 'workspace_id', 'conversation_id', 'prompt_id'])
    .execute();

  await db.schema
    .createTable('posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('thread_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('prompt_id', 'text')
    .addColumn('replies', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reactions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('posts_message_uq', ['platform', 'workspace_id', 'conversation_id', 'message_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('posts').execute();
  await db.schema.dropTable('prompt_uses').execute();
  await db.schema.dropTable('conversations').execute();
}
