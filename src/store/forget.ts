import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { personKey } from './keys.js';
import type { PersonKey } from './stories.js';

/** What `forget` removed. */
export interface ForgetCounts {
  stories: number;
  jobs: number;
  choice: number;
}

/**
 * The erasure behind `StoryRepo.forget`, in one transaction: the person's stories, question jobs, sharing
 * choice and welcome claim, and everything kept about their direct conversation. Rows that belong to a
 * channel (schedules, added questions, welcome settings) stay but stop naming them.
 */
export async function forgetPerson(db: Kysely<Database>, key: PersonKey, options: { dmConversationId?: string }): Promise<ForgetCounts> {
  return db.transaction().execute(async (trx) => {
    const person = await trx
      .selectFrom('story_people')
      .select(['dm_conversation_id'])
      .where((eb) => eb.and(personKey(key)))
      .executeTakeFirst();
    const stories = await trx
      .deleteFrom('stories')
      .where((eb) => eb.and(personKey(key)))
      .executeTakeFirst();
    const jobs = await trx
      .deleteFrom('story_jobs')
      .where((eb) => eb.and(personKey(key)))
      .executeTakeFirst();
    const choice = await trx
      .deleteFrom('story_people')
      .where((eb) => eb.and(personKey(key)))
      .executeTakeFirst();
    // The welcome claim (see memberJoined) names them too.
    await trx
      .deleteFrom('processed_events')
      .where('platform', '=', key.platform)
      .where('workspace_id', '=', key.workspaceId)
      .where('event_id', '=', `welcome:${key.userId}`)
      .execute();
    // Channel schedules and the questions they added stay with the workspace, no longer naming them.
    for (const table of ['subscriptions', 'custom_prompts'] as const) {
      await trx
        .updateTable(table)
        .set({ created_by: null })
        .where('platform', '=', key.platform)
        .where('workspace_id', '=', key.workspaceId)
        .where('created_by', '=', key.userId)
        .execute();
    }
    await trx
      .updateTable('story_channels')
      .set({ welcome_set_by: null })
      .where('platform', '=', key.platform)
      .where('workspace_id', '=', key.workspaceId)
      .where('welcome_set_by', '=', key.userId)
      .execute();
    for (const dm of new Set([person?.dm_conversation_id, options.dmConversationId].filter((c): c is string => c !== undefined))) {
      for (const table of ['prompt_uses', 'posts', 'slots', 'subscriptions', 'story_channels'] as const) {
        await trx
          .deleteFrom(table)
          .where('platform', '=', key.platform)
          .where('workspace_id', '=', key.workspaceId)
          .where('conversation_id', '=', dm)
          .execute();
      }
      await trx
        .deleteFrom('conversations')
        .where('platform', '=', key.platform)
        .where('workspace_id', '=', key.workspaceId)
        .where('conversation_id', '=', dm)
        .where('is_direct', '=', 1)
        .execute();
    }
    return { stories: Number(stories.numDeletedRows), jobs: Number(jobs.numDeletedRows), choice: Number(choice.numDeletedRows) };
  });
}
