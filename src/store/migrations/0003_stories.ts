import type { Kysely } from 'kysely';

/**
 * New-starter stories: who chose which sharing level (and their pending question), the stories, the
 * durable question sequence, and per-channel welcome setting and digest mark. The digest's schedule is a
 * `digest` subscription of the schedules module (same slots and claims as scheduled prompts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('story_people')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('sharing', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text')
    .addColumn('dm_conversation_id', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('pending_kind', 'text')
    .addColumn('pending_prompt_id', 'text')
    .addColumn('pending_story_id', 'text')
    .addColumn('pending_since', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('story_people_pk', ['platform', 'workspace_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('stories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text')
    .addColumn('prompt_id', 'text', (c) => c.notNull())
    .addColumn('prompt_text', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('sharing', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stories_workspace_idx').on('stories').columns(['platform', 'workspace_id', 'created_at']).execute();
  await db.schema.createIndex('stories_person_idx').on('stories').columns(['platform', 'workspace_id', 'user_id']).execute();

  await db.schema
    .createTable('story_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_at', 'text')
    .addColumn('prompt_id', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    // One row per person and step: a second instance creating the same sequence adds nothing.
    .addUniqueConstraint('story_jobs_step_uq', ['platform', 'workspace_id', 'user_id', 'step'])
    .execute();
  await db.schema.createIndex('story_jobs_due_idx').on('story_jobs').columns(['status', 'due_at']).execute();

  await db.schema
    .createTable('story_channels')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('welcome', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_digest_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('story_channels_pk', ['platform', 'workspace_id', 'conversation_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('story_channels').execute();
  await db.schema.dropTable('story_jobs').execute();
  await db.schema.dropTable('stories').execute();
  await db.schema.dropTable('story_people').execute();
}
