import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { ConversationRef } from '../model/message.js';
import type { Database, PostsTable } from './schema.js';
import { ROWS_PER_STATEMENT, conversationKey } from './keys.js';

/** A message the bot posted that it may need to find again (a prompt's thread, a digest). */
export interface PostRecord extends ConversationRef {
  messageId: string;
  kind: 'prompt' | 'digest' | 'welcome' | 'other';
  promptId?: string;
}

function toPost(row: Selectable<PostsTable>): PostRecord {
  return {
    platform: row.platform as ConversationRef['platform'],
    workspaceId: row.workspace_id,
    conversationId: row.conversation_id,
    messageId: row.message_id,
    kind: row.kind as PostRecord['kind'],
    ...(row.thread_id ? { threadId: row.thread_id } : {}),
    ...(row.prompt_id ? { promptId: row.prompt_id } : {}),
  };
}

/** Inserts a post row (ignored when the message is already recorded); on the store or inside a transaction. */
export async function insertPost(db: Kysely<Database>, post: PostRecord, now: Date): Promise<void> {
  await insertPosts(db, [post], now);
}

/** Inserts many post rows, a few dozen per statement (each ignored when already recorded). */
export async function insertPosts(db: Kysely<Database>, posts: readonly PostRecord[], now: Date): Promise<void> {
  const at = now.toISOString();
  for (let start = 0; start < posts.length; start += ROWS_PER_STATEMENT) {
    await db
      .insertInto('posts')
      .values(
        posts.slice(start, start + ROWS_PER_STATEMENT).map((post) => ({
          id: randomUUID(),
          platform: post.platform,
          workspace_id: post.workspaceId,
          conversation_id: post.conversationId,
          message_id: post.messageId,
          thread_id: post.threadId ?? null,
          kind: post.kind,
          prompt_id: post.promptId ?? null,
          created_at: at,
        })),
      )
      .onConflict((oc) => oc.columns(['platform', 'workspace_id', 'conversation_id', 'message_id']).doNothing())
      .execute();
  }
}

/** What the bot posted, and the engagement counted per post (never per person). */
export class PostRepo {
  constructor(private readonly db: Kysely<Database>, private readonly now: () => Date) {}

  async record(post: PostRecord): Promise<void> {
    await insertPost(this.db, post, this.now());
  }

  async find(ref: ConversationRef, messageId: string): Promise<(PostRecord & { replies: number; reactions: number }) | undefined> {
    const row = await this.db
      .selectFrom('posts')
      .selectAll()
      .where((eb) => eb.and(conversationKey(ref)))
      .where('message_id', '=', messageId)
      .executeTakeFirst();
    return row && { ...toPost(row), replies: Number(row.replies), reactions: Number(row.reactions) };
  }

  /** The most recent post of a kind in a conversation. */
  async latest(ref: ConversationRef, kind: PostRecord['kind']): Promise<(PostRecord & { postedAt: string }) | undefined> {
    const row = await this.db
      .selectFrom('posts')
      .selectAll()
      .where((eb) => eb.and(conversationKey(ref)))
      .where('kind', '=', kind)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && { ...toPost(row), postedAt: row.created_at };
  }

  /** Counts a reply or reaction on a post; returns false when the message is not one of ours. */
  async countEngagement(ref: ConversationRef, messageId: string, what: 'replies' | 'reactions'): Promise<boolean> {
    const result = await this.db
      .updateTable('posts')
      .set((eb) => ({ [what]: eb(eb.ref(what), '+', 1) }))
      .where((eb) => eb.and(conversationKey(ref)))
      .where('message_id', '=', messageId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * Prompts posted in a conversation (or, without `conversationId`, a whole workspace) since `since`, with
   * their counted replies and reactions: the input of the aggregate insights. Never who replied.
   */
  async promptEngagement(
    scope: { platform: ConversationRef['platform']; workspaceId: string; conversationId?: string },
    since: Date,
  ): Promise<Array<{ conversationId: string; promptId: string; postedAt: string; replies: number; reactions: number }>> {
    let query = this.db
      .selectFrom('posts')
      .select(['conversation_id', 'prompt_id', 'created_at', 'replies', 'reactions'])
      .where('platform', '=', scope.platform)
      .where('workspace_id', '=', scope.workspaceId)
      .where('kind', '=', 'prompt')
      .where('created_at', '>=', since.toISOString());
    if (scope.conversationId) query = query.where('conversation_id', '=', scope.conversationId);
    const rows = await query.orderBy('created_at').execute();
    return rows.flatMap((r) =>
      r.prompt_id
        ? [{ conversationId: r.conversation_id, promptId: r.prompt_id, postedAt: r.created_at, replies: Number(r.replies), reactions: Number(r.reactions) }]
        : [],
    );
  }
}
