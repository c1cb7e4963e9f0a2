import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PlatformName } from '../model/message.js';
import type { Database } from './schema.js';
import type { PersonKey } from './stories.js';
import { personKey } from './keys.js';

/** One durable step of a person's question sequence. */
export interface StoryJob extends PersonKey {
  id: string;
  conversationId: string;
  step: number;
  dueAt: string;
  status: 'pending' | 'claimed' | 'sent' | 'failed';
  attempts: number;
  claimedAt?: string;
}

type JobRow = Database['story_jobs'];

function toJob(row: JobRow): StoryJob {
  return {
    id: row.id,
    platform: row.platform as PlatformName,
    workspaceId: row.workspace_id,
    userId: row.user_id,
    conversationId: row.conversation_id,
    step: Number(row.step),
    dueAt: row.due_at,
    status: row.status as StoryJob['status'],
    attempts: Number(row.attempts),
    ...(row.claimed_at ? { claimedAt: row.claimed_at } : {}),
  };
}

/**
 * The question sequence as rows: one per person and step (unique), moved from `pending` to `claimed` by a
 * conditional update before anything is sent, so two instances or a restart never send a step twice.
 */
export class StoryJobRepo {
  constructor(private readonly db: Kysely<Database>, private readonly now: () => Date) {}

  /** Creates the steps; steps that already exist are left as they are. */
  async createSequence(key: PersonKey, conversationId: string, steps: Array<{ step: number; dueAt: Date }>): Promise<void> {
    if (steps.length === 0) return;
    const at = this.now().toISOString();
    await this.db
      .insertInto('story_jobs')
      .values(
        steps.map((s) => ({
          id: randomUUID(),
          platform: key.platform,
          workspace_id: key.workspaceId,
          user_id: key.userId,
          conversation_id: conversationId,
          step: s.step,
          due_at: s.dueAt.toISOString(),
          status: 'pending',
          attempts: 0,
          claimed_by: null,
          claimed_at: null,
          prompt_id: null,
          sent_at: null,
          created_at: at,
        })),
      )
      .onConflict((oc) => oc.columns(['platform', 'workspace_id', 'user_id', 'step']).doNothing())
      .execute();
  }

  /** Pending steps due at `now`, oldest first. */
  async due(now: Date, limit = 50): Promise<StoryJob[]> {
    const rows = await this.db
      .selectFrom('story_jobs')
      .selectAll()
      .where('status', '=', 'pending')
      .where('due_at', '<=', now.toISOString())
      .orderBy('due_at', 'asc')
      .limit(limit)
      .execute();
    return rows.map(toJob);
  }

  /** One step of a person's sequence. */
  async step(key: PersonKey, step: number): Promise<StoryJob | undefined> {
    const row = await this.db
      .selectFrom('story_jobs')
      .selectAll()
      .where((eb) => eb.and(personKey(key)))
      .where('step', '=', step)
      .executeTakeFirst();
    return row ? toJob(row) : undefined;
  }

  /** The next step still to come for a person, if any. */
  async nextPending(key: PersonKey): Promise<StoryJob | undefined> {
    const row = await this.db
      .selectFrom('story_jobs')
      .selectAll()
      .where((eb) => eb.and(personKey(key)))
      .where('status', '=', 'pending')
      .orderBy('due_at', 'asc')
      .limit(1)
      .executeTakeFirst();
    return row ? toJob(row) : undefined;
  }

  /** Claims a pending step for `by`. True only for the one caller whose update changed the row. */
  async claim(id: string, by: string): Promise<boolean> {
    const result = await this.db
      .updateTable('story_jobs')
      .set({ status: 'claimed', claimed_by: by, claimed_at: this.now().toISOString() })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Gives back a claim whose question was never sent (the bot is stopping): pending again, due as before. */
  async release(id: string, by: string): Promise<void> {
    await this.db
      .updateTable('story_jobs')
      .set({ status: 'pending', claimed_by: null, claimed_at: null })
      .where('id', '=', id)
      .where('status', '=', 'claimed')
      .where('claimed_by', '=', by)
      .execute();
  }

  /** Takes over a claim left by an instance that stopped mid-send; true for exactly one caller. */
  async reclaim(id: string, by: string, staleClaimedAt: string): Promise<boolean> {
    const result = await this.db
      .updateTable('story_jobs')
      .set({ claimed_by: by, claimed_at: this.now().toISOString() })
      .where('id', '=', id)
      .where('status', '=', 'claimed')
      .where('claimed_at', '=', staleClaimedAt)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Claimed steps whose claim is older than `before` (their instance likely died mid-send). */
  async stale(before: Date, limit = 20): Promise<StoryJob[]> {
    const rows = await this.db
      .selectFrom('story_jobs')
      .selectAll()
      .where('status', '=', 'claimed')
      .where('claimed_at', '<', before.toISOString())
      .limit(limit)
      .execute();
    return rows.map(toJob);
  }

  /** Moves a pending step to a later time (quiet hours). */
  async postpone(id: string, dueAt: Date): Promise<void> {
    await this.db.updateTable('story_jobs').set({ due_at: dueAt.toISOString() }).where('id', '=', id).where('status', '=', 'pending').execute();
  }

  async markSent(id: string, promptId: string | null): Promise<void> {
    await this.db
      .updateTable('story_jobs')
      .set({ status: 'sent', prompt_id: promptId, sent_at: this.now().toISOString() })
      .where('id', '=', id)
      .execute();
  }

  /** Gives a claimed step back to be tried again at `dueAt` (a transient platform failure). */
  async retryLater(id: string, dueAt: Date): Promise<void> {
    await this.db
      .updateTable('story_jobs')
      .set((eb) => ({ status: 'pending', due_at: dueAt.toISOString(), claimed_by: null, claimed_at: null, attempts: eb(eb.ref('attempts'), '+', 1) }))
      .where('id', '=', id)
      .where('status', '=', 'claimed')
      .execute();
  }

  async markFailed(id: string): Promise<void> {
    await this.db.updateTable('story_jobs').set({ status: 'failed' }).where('id', '=', id).execute();
  }
}
