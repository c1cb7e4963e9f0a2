import type { Kysely, Selectable } from 'kysely';
import type { ConversationRef, PlatformName } from '../model/message.js';
import type { Database } from './schema.js';
import type { SlotsTable } from './schedules-schema.js';
import { reusable } from './compiled.js';
import type { SqliteDirect } from './direct.js';
import { insertPost, insertPosts, type PostRecord } from './posts.js';
import type { PromptUse } from './rotation.js';
import { claimDirect, markPostedDirect } from './slot-batches.js';
import { claimBatch } from './slot-claims.js';
import { toSlot, type SlotRecord } from './slot-record.js';

/** One claim of a batch (`SlotRepo.claimMany`). */
export interface SlotClaim {
  target: ConversationRef;
  subscriptionId: string;
  slot: string;
  /** The prompt the slot will carry. */
  promptId?: string;
  /** Recorded, in the same transaction, only when this claim wins. */
  use?: Omit<PromptUse, 'ref'>;
}

/** One delivered slot of a batch (`SlotRepo.markPostedMany`). */
export interface PostedSlot {
  subscriptionId: string;
  slot: string;
  posted: { messageId: string; threadId?: string };
  post?: PostRecord;
}

/** `claimed_at` of a released claim: older than any lease, so the next run takes it over at once. */
export const RELEASED_AT = '1970-01-01T00:00:00.000Z';

/**
 * Slots. A slot row is created exactly once (primary key subscription + slot): whoever inserts it owns
 * it. That insert is the claim that makes several instances and restarts post each slot once.
 */
export class SlotRepo {
  /** `direct`: SQLite's connection, for the fan-out's batches (see `slot-batches.ts`). */
  constructor(private readonly db: Kysely<Database>, private readonly now: () => Date, private readonly direct?: SqliteDirect) {}

  private async insert(target: ConversationRef, subscriptionId: string, slot: string, fields: Partial<Selectable<SlotsTable>>): Promise<boolean> {
    const at = this.now().toISOString();
    // ON CONFLICT DO NOTHING reads the same on SQLite and PostgreSQL and, unlike catching a unique
    // violation, does not abort a surrounding PostgreSQL transaction.
    const result = await this.db
      .insertInto('slots')
      .values({
        subscription_id: subscriptionId,
        slot,
        platform: target.platform,
        workspace_id: target.workspaceId,
        conversation_id: target.conversationId,
        status: 'claimed',
        claimed_by: null,
        claimed_at: null,
        attempts: 0,
        prompt_id: null,
        message_id: null,
        thread_id: null,
        reason: null,
        updated_at: at,
        ...fields,
      })
      .onConflict((oc) => oc.columns(['subscription_id', 'slot']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  /**
   * Claims a slot for `instanceId`. True for exactly one caller, however many race for it. `promptId`
   * records the prompt it will carry in the same statement (see `setPrompt`).
   */
  async claim(target: ConversationRef, subscriptionId: string, slot: string, instanceId: string, promptId?: string): Promise<boolean> {
    return this.insert(target, subscriptionId, slot, {
      status: 'claimed',
      claimed_by: instanceId,
      claimed_at: this.now().toISOString(),
      attempts: 1,
      ...(promptId ? { prompt_id: promptId } : {}),
    });
  }

  /**
   * Claims many slots for `instanceId` in one transaction: each claim is the same insert-once as `claim`
   * (true for exactly one caller per slot, across processes), and the winners' prompt uses are recorded
   * in the same transaction. Answers in the order given. Rows are inserted in key order, so two
   * instances claiming overlapping batches on PostgreSQL wait for each other instead of deadlocking.
   */
  async claimMany(claims: readonly SlotClaim[], instanceId: string): Promise<boolean[]> {
    if (claims.length === 0) return [];
    const at = this.now().toISOString();
    const key = (c: { subscriptionId: string; slot: string }) => `${c.subscriptionId}\u0000${c.slot}`;
    const keys = claims.map(key);
    const order = claims.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
    const ordered = order.map((i) => claims[i] as SlotClaim);
    const wonDirect = this.direct && claimDirect(this.direct, ordered, instanceId, at);
    if (wonDirect) {
      const answers = claims.map(() => false);
      order.forEach((i, k) => (answers[i] = wonDirect[k] === true));
      return answers;
    }
    const winners = await claimBatch(this.db, claims, order, keys, instanceId, at);
    return claims.map((_, i) => winners.has(i));
  }

  /** Records a slot as skipped with the reason, unless someone already holds it. */
  async skip(target: ConversationRef, subscriptionId: string, slot: string, reason: string): Promise<boolean> {
    return this.insert(target, subscriptionId, slot, { status: 'skipped', reason });
  }

  async get(subscriptionId: string, slot: string): Promise<SlotRecord | undefined> {
    const row = await this.db
      .selectFrom('slots')
      .selectAll()
      .where('subscription_id', '=', subscriptionId)
      .where('slot', '=', slot)
      .executeTakeFirst();
    return row ? toSlot(row) : undefined;
  }

  /** Slots of a subscription, newest first. */
  async list(subscriptionId: string, limit = 50): Promise<SlotRecord[]> {
    const rows = await this.db
      .selectFrom('slots')
      .selectAll()
      .where('subscription_id', '=', subscriptionId)
      .orderBy('slot', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toSlot);
  }

  /** Remembers which prompt a claimed slot carries, so a resend after a crash sends the same one. */
  async setPrompt(subscriptionId: string, slot: string, promptId: string): Promise<void> {
    await this.db
      .updateTable('slots')
      .set({ prompt_id: promptId, updated_at: this.now().toISOString() })
      .where('subscription_id', '=', subscriptionId)
      .where('slot', '=', slot)
      .execute();
  }

  /**
   * Records a slot as posted; with `post`, also records the message among the bot's posts, in the same
   * transaction (one commit per delivered slot).
   */
  async markPosted(subscriptionId: string, slot: string, posted: { messageId: string; threadId?: string }, post?: PostRecord): Promise<void> {
    if (post) {
      await this.db.transaction().execute(async (trx) => {
        await this.markPostedIn(trx, subscriptionId, slot, posted);
        await insertPost(trx, post, this.now());
      });
      return;
    }
    await this.markPostedIn(this.db, subscriptionId, slot, posted);
  }

  /**
   * `markPosted` for many slots in one transaction (one commit for the lot): each slot recorded as
   * posted and its message among the bot's posts.
   */
  async markPostedMany(slots: readonly PostedSlot[]): Promise<void> {
    if (slots.length === 0) return;
    const now = this.now();
    const at = now.toISOString();
    if (this.direct && markPostedDirect(this.direct, slots, at)) return;
    await this.db.transaction().execute(async (trx) => {
      for (const s of slots) {
        await trx.executeQuery(this.postedUpdate({ messageId: s.posted.messageId, threadId: s.posted.threadId ?? null, at, subscriptionId: s.subscriptionId, slot: s.slot }));
      }
      const posts = slots.flatMap((s) => (s.post ? [s.post] : []));
      if (posts.length) await insertPosts(trx, posts, now);
    });
  }

  /** The update `markPostedMany` runs per slot, compiled once. */
  private readonly postedUpdate = reusable(['messageId', 'threadId', 'at', 'subscriptionId', 'slot'], (v) =>
    this.db
      .updateTable('slots')
      .set({ status: 'posted', message_id: v.messageId, thread_id: v.threadId, reason: null, updated_at: v.at })
      .where('subscription_id', '=', v.subscriptionId)
      .where('slot', '=', v.slot),
  );

  private async markPostedIn(db: Kysely<Database>, subscriptionId: string, slot: string, posted: { messageId: string; threadId?: string }): Promise<void> {
    await db
      .updateTable('slots')
      .set({
        status: 'posted',
        message_id: posted.messageId,
        thread_id: posted.threadId ?? null,
        reason: null,
        updated_at: this.now().toISOString(),
      })
      .where('subscription_id', '=', subscriptionId)
      .where('slot', '=', slot)
      .execute();
  }

  /** Ends a claimed slot without a post: `failed` (delivery gave up) or `skipped`. */
  async markEnded(subscriptionId: string, slot: string, status: 'failed' | 'skipped', reason: string): Promise<void> {
    await this.db
      .updateTable('slots')
      .set({ status, reason: reason.slice(0, 500), updated_at: this.now().toISOString() })
      .where('subscription_id', '=', subscriptionId)
      .where('slot', '=', slot)
      .execute();
  }

  /**
   * Gives back a claim whose message was never sent (the bot is stopping): the slot becomes at once what
   * `staleClaims` finds, without an owner, and the attempt is not counted, so the next run of any
   * instance (or the restart) posts it now instead of after the claim lease.
   */
  async release(subscriptionId: string, slot: string, instanceId: string): Promise<boolean> {
    const result = await this.db
      .updateTable('slots')
      .set((eb) => ({
        claimed_by: null,
        claimed_at: RELEASED_AT,
        attempts: eb(eb.ref('attempts'), '-', 1),
        updated_at: this.now().toISOString(),
      }))
      .where('subscription_id', '=', subscriptionId)
      .where('slot', '=', slot)
      .where('status', '=', 'claimed')
      .where('claimed_by', '=', instanceId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Claims that were never confirmed and are older than `claimedBefore` (their sender likely died). */
  async staleClaims(claimedBefore: Date, platforms: readonly PlatformName[], limit = 500): Promise<SlotRecord[]> {
    if (platforms.length === 0) return [];
    const rows = await this.db
      .selectFrom('slots')
      .selectAll()
      .where('status', '=', 'claimed')
      .where('claimed_at', '<', claimedBefore.toISOString())
      .where('platform', 'in', [...platforms])
      .orderBy('claimed_at')
      .limit(limit)
      .execute();
    return rows.map(toSlot);
  }

  /**
   * Takes over a stale claim: succeeds for exactly one caller, and only if nobody touched the claim
   * since `seen` was read (compare-and-set on who claimed it and when).
   */
  async takeOver(seen: SlotRecord, instanceId: string): Promise<boolean> {
    const result = await this.db
      .updateTable('slots')
      .set({
        claimed_by: instanceId,
        claimed_at: this.now().toISOString(),
        attempts: seen.attempts + 1,
        updated_at: this.now().toISOString(),
      })
      .where('subscription_id', '=', seen.subscriptionId)
      .where('slot', '=', seen.slot)
      .where('status', '=', 'claimed')
      .where('attempts', '=', seen.attempts)
      .where('claimed_at', '=', seen.claimedAt ?? '')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
