import type { Kysely } from 'kysely';
import type { ConversationRef } from '../model/message.js';
import type { SqliteDirect } from './direct.js';
import type { Database } from './schema.js';
import { ROWS_PER_STATEMENT, conversationKey } from './keys.js';

const STATE_SQL = 'select prompt_id, last_seq, uses from prompt_uses where platform = ? and workspace_id = ? and conversation_id = ?';
const MARK_USED_SQL =
  'insert into prompt_uses (platform, workspace_id, conversation_id, prompt_id, last_seq, uses) values (?, ?, ?, ?, ?, 1) ' +
  'on conflict (platform, workspace_id, conversation_id, prompt_id) do update set last_seq = excluded.last_seq, uses = prompt_uses.uses + 1';

/** One prompt use to record: the prompt is now the newest use (`seq`) in its conversation. */
export interface PromptUse {
  ref: ConversationRef;
  promptId: string;
  /** The conversation's newest sequence number plus one. */
  seq: number;
}

/**
 * Records prompt uses in as few statements as possible (one per run of distinct conversation and prompt
 * pairs: one upsert may not touch a row twice), on the store or inside a transaction.
 */
export async function upsertUses(db: Kysely<Database>, uses: readonly PromptUse[]): Promise<void> {
  let rest = uses;
  while (rest.length) {
    const seen = new Set<string>();
    const now: PromptUse[] = [];
    const later: PromptUse[] = [];
    for (const u of rest) {
      const key = `${u.ref.platform}\u0000${u.ref.workspaceId}\u0000${u.ref.conversationId}\u0000${u.promptId}`;
      (seen.has(key) ? later : now).push(u);
      seen.add(key);
    }
    for (let start = 0; start < now.length; start += ROWS_PER_STATEMENT) {
      const rows = now.slice(start, start + ROWS_PER_STATEMENT).map((u) => ({
        platform: u.ref.platform,
        workspace_id: u.ref.workspaceId,
        conversation_id: u.ref.conversationId,
        prompt_id: u.promptId,
        last_seq: u.seq,
        uses: 1,
      }));
      await db
        .insertInto('prompt_uses')
        .values(rows)
        .onConflict((oc) =>
          oc
            .columns(['platform', 'workspace_id', 'conversation_id', 'prompt_id'])
            .doUpdateSet((eb) => ({ last_seq: eb.ref('excluded.last_seq'), uses: eb(eb.ref('prompt_uses.uses'), '+', 1) })),
        )
        .execute();
    }
    rest = later;
  }
}

/** The sequence number a new use gets after `lastUsed` (prompt id → its last use). */
export function nextSeq(lastUsed: ReadonlyMap<string, number>): number {
  let max = 0;
  for (const seq of lastUsed.values()) max = Math.max(max, seq);
  return max + 1;
}

/** A conversation's rotation: prompt id → sequence number of its last use, and → how many uses. */
export interface RotationState {
  lastUsed: Map<string, number>;
  uses: Map<string, number>;
}

/** Conversations whose rotation a SQLite store keeps in memory (about 16 kB each with the whole library used). */
const CACHED_ROTATIONS = 256;

const copyState = (state: RotationState): RotationState => ({ lastUsed: new Map(state.lastUsed), uses: new Map(state.uses) });

/** Which prompts a conversation has had, for rotation without repeats. */
export class RotationRepo {
  /**
   * SQLite: recent conversations' rotation with the store's stamp when read (see `SqliteDirect.stamp`).
   * A mention would otherwise read a row per prompt the conversation has had (the whole library, in
   * time); the entry is used only while nothing but this class's own `markUsed` has written since.
   */
  private readonly cache = new Map<string, { stamp: string; state: RotationState }>();

  constructor(private readonly db: Kysely<Database>, private readonly direct?: SqliteDirect) {}

  private static key(ref: ConversationRef): string {
    return `${ref.platform}\u0000${ref.workspaceId}\u0000${ref.conversationId}`;
  }

  private remember(key: string, stamp: string, state: RotationState): void {
    this.cache.delete(key);
    this.cache.set(key, { stamp, state });
    if (this.cache.size > CACHED_ROTATIONS) this.cache.delete(this.cache.keys().next().value as string);
  }

  /** prompt id → sequence number of its last use in this conversation. */
  async lastUsed(ref: ConversationRef): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('prompt_uses')
      .select(['prompt_id', 'last_seq'])
      .where((eb) => eb.and(conversationKey(ref)))
      .execute();
    return new Map(rows.map((r) => [r.prompt_id, Number(r.last_seq)]));
  }

  /**
   * Marks a prompt as just used here (the newest use). `lastUsed`, when the caller has just read it,
   * saves reading the newest sequence number again (one statement instead of a transaction of two).
   */
  async markUsed(ref: ConversationRef, promptId: string, lastUsed?: ReadonlyMap<string, number>): Promise<void> {
    if (lastUsed) {
      const seq = nextSeq(lastUsed);
      if (this.direct?.run(MARK_USED_SQL, [ref.platform, ref.workspaceId, ref.conversationId, promptId, seq]) !== undefined) {
        // The same change as the upsert's, to the cached copy, while that copy is still current.
        const key = RotationRepo.key(ref);
        const hit = this.cache.get(key);
        if (hit && hit.stamp === this.direct.stamp()) {
          hit.state.lastUsed.set(promptId, seq);
          hit.state.uses.set(promptId, (hit.state.uses.get(promptId) ?? 0) + 1);
        } else this.cache.delete(key);
        return;
      }
      await upsertUses(this.db, [{ ref, promptId, seq }]);
      return;
    }
    await this.db.transaction().execute(async (trx) => {
      const max = await trx
        .selectFrom('prompt_uses')
        .select((eb) => eb.fn.max('last_seq').as('max'))
        .where((eb) => eb.and(conversationKey(ref)))
        .executeTakeFirst();
      await upsertUses(trx, [{ ref, promptId, seq: Number(max?.max ?? 0) + 1 }]);
    });
  }

  /** `lastUsed` and `uses` in one read. */
  async state(ref: ConversationRef): Promise<RotationState> {
    const stamp = this.direct?.stamp();
    const key = RotationRepo.key(ref);
    if (stamp !== undefined) {
      const hit = this.cache.get(key);
      if (hit?.stamp === stamp) {
        this.remember(key, stamp, hit.state);
        return copyState(hit.state);
      }
    }
    const lastUsed = new Map<string, number>();
    const uses = new Map<string, number>();
    const direct = stamp === undefined ? undefined : this.direct?.all<{ prompt_id: string; last_seq: number; uses: number }>(STATE_SQL, [ref.platform, ref.workspaceId, ref.conversationId]);
    const rows =
      direct ??
      (await this.db
        .selectFrom('prompt_uses')
        .select(['prompt_id', 'last_seq', 'uses'])
        .where((eb) => eb.and(conversationKey(ref)))
        .execute());
    for (const r of rows) {
      lastUsed.set(r.prompt_id, Number(r.last_seq));
      uses.set(r.prompt_id, Number(r.uses));
    }
    // Read synchronously right after the stamp, so nothing can have written in between.
    if (direct && stamp !== undefined) this.remember(key, stamp, copyState({ lastUsed, uses }));
    return { lastUsed, uses };
  }

  /**
   * `state` of many conversations, in the order given: on SQLite's connection used directly, one prepared
   * read per conversation (run synchronously, none built per batch); otherwise one query per workspace.
   */
  async stateMany(refs: readonly ConversationRef[]): Promise<RotationState[]> {
    if (this.direct?.free) return refs.map((ref) => this.stateDirect(ref));
    const states = new Map<string, RotationState>();
    const key = (platform: string, workspaceId: string, conversationId: string) => `${platform}\u0000${workspaceId}\u0000${conversationId}`;
    const byWorkspace = new Map<string, ConversationRef[]>();
    for (const ref of refs) {
      const group = `${ref.platform}\u0000${ref.workspaceId}`;
      const list = byWorkspace.get(group);
      if (list) list.push(ref);
      else byWorkspace.set(group, [ref]);
      states.set(key(ref.platform, ref.workspaceId, ref.conversationId), { lastUsed: new Map(), uses: new Map() });
    }
    for (const group of byWorkspace.values()) {
      const first = group[0] as ConversationRef;
      for (let start = 0; start < group.length; start += ROWS_PER_STATEMENT) {
        const rows = await this.db
          .selectFrom('prompt_uses')
          .select(['conversation_id', 'prompt_id', 'last_seq', 'uses'])
          .where('platform', '=', first.platform)
          .where('workspace_id', '=', first.workspaceId)
          .where('conversation_id', 'in', [...new Set(group.slice(start, start + ROWS_PER_STATEMENT).map((r) => r.conversationId))])
          .execute();
        for (const r of rows) {
          const state = states.get(key(first.platform, first.workspaceId, r.conversation_id));
          state?.lastUsed.set(r.prompt_id, Number(r.last_seq));
          state?.uses.set(r.prompt_id, Number(r.uses));
        }
      }
    }
    return refs.map((ref) => states.get(key(ref.platform, ref.workspaceId, ref.conversationId)) as RotationState);
  }

  /** One conversation's rotation read on the free direct connection (the caller checked `free`). */
  private stateDirect(ref: ConversationRef): RotationState {
    const lastUsed = new Map<string, number>();
    const uses = new Map<string, number>();
    const rows = this.direct?.all<{ prompt_id: string; last_seq: number; uses: number }>(STATE_SQL, [ref.platform, ref.workspaceId, ref.conversationId]) ?? [];
    for (const r of rows) {
      lastUsed.set(r.prompt_id, Number(r.last_seq));
      uses.set(r.prompt_id, Number(r.uses));
    }
    return { lastUsed, uses };
  }

  /** prompt id → how many times it has been used in this conversation (the rotation's cycle count). */
  async uses(ref: ConversationRef): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('prompt_uses')
      .select(['prompt_id', 'uses'])
      .where((eb) => eb.and(conversationKey(ref)))
      .execute();
    return new Map(rows.map((r) => [r.prompt_id, Number(r.uses)]));
  }
}
