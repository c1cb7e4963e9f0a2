import type { Kysely } from 'kysely';

/** Subscriptions (a rule and time zone per conversation) and their slots (claimed exactly once). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('rule_text', 'text', (c) => c.notNull())
    .addColumn('recurrence', 'text', (c) => c.notNull())
    .addColumn('cron', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('every_weeks', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('anchor', 'text')
    .addColumn('themes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('paused', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('paused_until', 'text')
    .addColumn('skip_slot', 'text')
    .addColumn('checked_through', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('subscriptions_conversation_uq', ['platform', 'workspace_id', 'conversation_id', 'kind'])
    .execute();

  await db.schema
    .createTable('slots')
    .addColumn('subscription_id', 'text', (c) => c.notNull())
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_at', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('prompt_id', 'text')
    .addColumn('message_id', 'text')
    .addColumn('thread_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('slots_pk', ['subscription_id', 'slot'])
    .execute();
  // Recovery looks for claims that were never confirmed.
  await db.schema.createIndex('slots_status_claimed_idx').on('slots').columns(['status', 'claimed_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('slots').execute();
  await db.schema.dropTable('subscriptions').execute();
}
