import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PlatformName } from '../model/message.js';
import type { Database } from './schema.js';
import { forgetPerson, type ForgetCounts } from './forget.js';
import { personKey } from './keys.js';
import { toPerson, toStory } from './story-rows.js';

/** How a person's stories may be used. */
export type Sharing = 'private' | 'anonymous' | 'named';
export const SHARING_LEVELS: readonly Sharing[] = ['private', 'anonymous', 'named'];

/** Identifies one person in one workspace; every story query is scoped by it or by the workspace. */
export interface PersonKey {
  platform: PlatformName;
  workspaceId: string;
  userId: string;
}

/** What the next DM text from a person means. */
export type PendingStory = { kind: 'answer'; promptId: string; since: string } | { kind: 'edit'; storyId: string; since: string };

/** A person who chose a sharing level. */
export interface StoryPerson extends PersonKey {
  sharing: Sharing;
  displayName?: string;
  dmConversationId: string;
  timeZone: string;
  pending?: PendingStory;
  createdAt: string;
}

/** One story as stored. `authorName` is set only when it is shared with a name. */
export interface StoryRecord extends PersonKey {
  id: string;
  authorName?: string;
  promptId: string;
  promptText: string;
  text: string;
  sharing: Sharing;
  createdAt: string;
  updatedAt: string;
}

const RANK: Record<Sharing, number> = { private: 0, anonymous: 1, named: 2 };

type StoryRow = Database['stories'];

/** People's sharing choices and their stories. Nothing here is written before a person chooses. */
export class StoryRepo {
  /**
   * `scrub` runs after anything that deletes or replaces a person's words (edit, text-changing sharing,
   * withdraw, forget): it makes the deletion reach the disk (on SQLite, the write-ahead log is
   * checkpointed and truncated; see `openStore`).
   */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
    private readonly scrub: () => Promise<void> = async () => undefined,
  ) {}

  async getPerson(key: PersonKey): Promise<StoryPerson | undefined> {
    const row = await this.db
      .selectFrom('story_people')
      .selectAll()
      .where((eb) => eb.and(personKey(key)))
      .executeTakeFirst();
    return row ? toPerson(row) : undefined;
  }

  /**
   * Records a sharing choice. A more private choice also applies to stories already told (so "keep
   * private" really takes them out of digests); a more open one applies only to stories told from now on,
   * because the person agreed to share those under the earlier terms.
   */
  async choose(
    key: PersonKey,
    choice: { sharing: Sharing; displayName?: string; dmConversationId: string; timeZone: string },
  ): Promise<{ previous?: Sharing; storiesMadeMorePrivate: number }> {
    const at = this.now().toISOString();
    const name = choice.sharing === 'named' ? choice.displayName ?? null : null;
    return this.db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('story_people')
        .select(['sharing'])
        .where((eb) => eb.and(personKey(key)))
        .executeTakeFirst();
      if (existing) {
        await trx
          .updateTable('story_people')
          .set({ sharing: choice.sharing, display_name: name, dm_conversation_id: choice.dmConversationId, updated_at: at })
          .where((eb) => eb.and(personKey(key)))
          .execute();
      } else {
        await trx
          .insertInto('story_people')
          .values({
            platform: key.platform,
            workspace_id: key.workspaceId,
            user_id: key.userId,
            sharing: choice.sharing,
            display_name: name,
            dm_conversation_id: choice.dmConversationId,
            time_zone: choice.timeZone,
            pending_kind: null,
            pending_prompt_id: null,
            pending_story_id: null,
            pending_since: null,
            created_at: at,
            updated_at: at,
          })
          .execute();
      }
      let storiesMadeMorePrivate = 0;
      const opener = SHARING_LEVELS.filter((level) => RANK[level] > RANK[choice.sharing]);
      if (opener.length > 0) {
        const result = await trx
          .updateTable('stories')
          .set({ sharing: choice.sharing, author_name: null, updated_at: at })
          .where((eb) => eb.and(personKey(key)))
          .where('sharing', 'in', opener)
          .executeTakeFirst();
        storiesMadeMorePrivate = Number(result.numUpdatedRows);
      }
      const previous = existing?.sharing as Sharing | undefined;
      return { storiesMadeMorePrivate, ...(previous ? { previous } : {}) };
    });
  }

  /** Sets (or clears) what the person's next DM text means. */
  async setPending(key: PersonKey, pending: { kind: 'answer'; promptId: string } | { kind: 'edit'; storyId: string } | undefined): Promise<void> {
    await this.db
      .updateTable('story_people')
      .set({
        pending_kind: pending?.kind ?? null,
        pending_prompt_id: pending?.kind === 'answer' ? pending.promptId : null,
        pending_story_id: pending?.kind === 'edit' ? pending.storyId : null,
        pending_since: pending ? this.now().toISOString() : null,
        updated_at: this.now().toISOString(),
      })
      .where((eb) => eb.and(personKey(key)))
      .execute();
  }

  /**
   * Stores a story at `sharing` (default: the person's current level). The stories flow stores a new
   * answer as `private` until its author has seen the preview and confirmed how it is shared.
   */
  async add(
    person: StoryPerson,
    story: { promptId: string; promptText: string; text: string },
    sharing: Sharing = person.sharing,
  ): Promise<StoryRecord> {
    const at = this.now().toISOString();
    const row: StoryRow = {
      id: randomUUID(),
      platform: person.platform,
      workspace_id: person.workspaceId,
      user_id: person.userId,
      author_name: sharing === 'named' ? person.displayName ?? null : null,
      prompt_id: story.promptId,
      prompt_text: story.promptText,
      text: story.text,
      sharing,
      created_at: at,
      updated_at: at,
    };
    await this.db.insertInto('stories').values(row).execute();
    return toStory(row);
  }

  /** A person's own story (never someone else's). */
  async get(key: PersonKey, storyId: string): Promise<StoryRecord | undefined> {
    const row = await this.db
      .selectFrom('stories')
      .selectAll()
      .where('id', '=', storyId)
      .where((eb) => eb.and(personKey(key)))
      .executeTakeFirst();
    return row ? toStory(row) : undefined;
  }

  /** Replaces the text of the person's own story; false when it no longer exists. */
  async edit(key: PersonKey, storyId: string, text: string): Promise<boolean> {
    const result = await this.db
      .updateTable('stories')
      .set({ text, updated_at: this.now().toISOString() })
      .where('id', '=', storyId)
      .where((eb) => eb.and(personKey(key)))
      .executeTakeFirst();
    await this.scrub();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * Sets how one of the person's own stories is shared (and its text, when given: "share without them").
   * The author name is kept only for `named`. False when the story no longer exists.
   */
  async setSharing(key: PersonKey, storyId: string, sharing: Sharing, options: { authorName?: string; text?: string } = {}): Promise<boolean> {
    const result = await this.db
      .updateTable('stories')
      .set({
        sharing,
        author_name: sharing === 'named' ? options.authorName ?? null : null,
        ...(options.text !== undefined ? { text: options.text } : {}),
        updated_at: this.now().toISOString(),
      })
      .where('id', '=', storyId)
      .where((eb) => eb.and(personKey(key)))
      .executeTakeFirst();
    if (options.text !== undefined) await this.scrub();
    return Number(result.numUpdatedRows) > 0;
  }

  /** The person's own stories, oldest first (the numbering `my stories` and `withdraw N` use). */
  async listFor(key: PersonKey): Promise<StoryRecord[]> {
    const rows = await this.db
      .selectFrom('stories')
      .selectAll()
      .where((eb) => eb.and(personKey(key)))
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .execute();
    return rows.map(toStory);
  }

  /** Deletes the person's own story; false when it was already gone. */
  async withdraw(key: PersonKey, storyId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('stories')
      .where('id', '=', storyId)
      .where((eb) => eb.and(personKey(key)))
      .executeTakeFirst();
    await this.scrub();
    return Number(result.numDeletedRows) > 0;
  }

  /** How many stories a person has (for their own status line). */
  async countFor(key: PersonKey): Promise<number> {
    const row = await this.db
      .selectFrom('stories')
      .select((eb) => eb.fn.countAll().as('n'))
      .where((eb) => eb.and(personKey(key)))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /**
   * Stories shared (anonymously or with a name) in one workspace, oldest first, told after `since`
   * when given. Private stories are never returned.
   */
  async shared(scope: { platform?: PlatformName; workspaceId: string }, options: { since?: string; limit?: number } = {}): Promise<StoryRecord[]> {
    let query = this.db
      .selectFrom('stories')
      .selectAll()
      .where('workspace_id', '=', scope.workspaceId)
      .where('sharing', 'in', ['anonymous', 'named']);
    if (scope.platform) query = query.where('platform', '=', scope.platform);
    if (options.since) query = query.where('created_at', '>', options.since);
    query = query.orderBy('created_at', 'asc').orderBy('id', 'asc');
    if (options.limit) query = query.limit(options.limit);
    return (await query.execute()).map(toStory);
  }

  /**
   * Deletes every story, question job and the sharing choice of one person, and what the bot kept about
   * their direct conversation (question rotation, welcome posts, a schedule set up there and its slots,
   * the conversation record), in one transaction. Schedules they set up in channels stay (they belong
   * to the channel) but no longer name them. `dmConversationId` is their DM when the request came from
   * it (someone who never chose a sharing level has no stored DM).
   */
  async forget(key: PersonKey, options: { dmConversationId?: string } = {}): Promise<ForgetCounts> {
    const counts = await forgetPerson(this.db, key, options);
    await this.scrub();
    return counts;
  }
}
