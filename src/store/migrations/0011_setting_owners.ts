import type { Kysely } from 'kysely';

/**
 * Who turned a channel's welcome on or off, and when, so `status` can say so and only they (or an
 * admin) can change it. (Schedules and digests already keep `created_by` and `created_at`.)
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('story_channels').addColumn('welcome_set_by', 'text').execute();
  await db.schema.alterTable('story_channels').addColumn('welcome_set_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('story_channels').dropColumn('welcome_set_at').execute();
  await db.schema.alterTable('story_channels').dropColumn('welcome_set_by').execute();
}
