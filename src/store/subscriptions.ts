import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Recurrence } from '../commands/intents.js';
import type { ConversationRef, PlatformName } from '../model/message.js';
import type { Database } from './schema.js';
import type { SubscriptionsTable } from './schedules-schema.js';
import { conversationKey } from './keys.js';

/** What kind of recurring delivery a subscription is; one of each kind per conversation. */
export type SubscriptionKind = 'prompt' | 'digest';

/** A conversation's recurring delivery: its rule, time zone and pause/skip state. */
export interface Subscription extends ConversationRef {
  id: string;
  kind: SubscriptionKind;
  ruleText: string;
  recurrence: Recurrence;
  cron: string;
  timeZone: string;
  everyWeeks: number;
  anchor?: string;
  themes: string[];
  /** Paused until `resume`. */
  paused: boolean;
  /** ISO instant when a timed pause ends by itself. */
  pausedUntil?: string;
  /** ISO instant of the one slot to drop. */
  skipSlot?: string;
  /** Slots at or before this ISO instant have been dealt with. */
  checkedThrough: string;
  createdBy?: string;
  createdAt: string;
}

/** The fields a new (or replacing) subscription is made from. */
export type NewSubscription = Omit<Subscription, 'id' | 'paused' | 'pausedUntil' | 'skipSlot' | 'checkedThrough' | 'createdAt' | 'threadId'>;

function toSubscription(row: Selectable<SubscriptionsTable>): Subscription {
  return {
    id: row.id,
    kind: row.kind as SubscriptionKind,
    platform: row.platform as PlatformName,
    workspaceId: row.workspace_id,
    conversationId: row.conversation_id,
    ruleText: row.rule_text,
    recurrence: JSON.parse(row.recurrence) as Recurrence,
    cron: row.cron,
    timeZone: row.time_zone,
    everyWeeks: Number(row.every_weeks),
    themes: row.themes ? row.themes.split(',') : [],
    paused: Number(row.paused) === 1,
    checkedThrough: row.checked_through,
    createdAt: row.created_at,
    ...(row.anchor ? { anchor: row.anchor } : {}),
    ...(row.paused_until ? { pausedUntil: row.paused_until } : {}),
    ...(row.skip_slot ? { skipSlot: row.skip_slot } : {}),
    ...(row.created_by ? { createdBy: row.created_by } : {}),
  };
}

/** Subscriptions: at most one per conversation and kind; replacing one starts it afresh. */
export class SubscriptionRepo {
  constructor(private readonly db: Kysely<Database>, private readonly now: () => Date) {}

  /**
   * Creates the conversation's subscription of this kind, or replaces the one it has (new id, so the
   * old rule's slots never mix with the new one's). Slots before now are never due.
   */
  async upsert(sub: NewSubscription): Promise<Subscription> {
    const at = this.now().toISOString();
    const values = {
      id: randomUUID(),
      kind: sub.kind,
      platform: sub.platform,
      workspace_id: sub.workspaceId,
      conversation_id: sub.conversationId,
      rule_text: sub.ruleText,
      recurrence: JSON.stringify(sub.recurrence),
      cron: sub.cron,
      time_zone: sub.timeZone,
      every_weeks: sub.everyWeeks,
      anchor: sub.anchor ?? null,
      themes: sub.themes.join(','),
      paused: 0,
      paused_until: null,
      skip_slot: null,
      checked_through: at,
      created_by: sub.createdBy ?? null,
      created_at: at,
      updated_at: at,
    };
    const { platform: _p, workspace_id: _w, conversation_id: _c, kind: _k, ...replace } = values;
    await this.db
      .insertInto('subscriptions')
      .values(values)
      .onConflict((oc) => oc.columns(['platform', 'workspace_id', 'conversation_id', 'kind']).doUpdateSet(replace))
      .execute();
    const saved = await this.forConversation(sub, sub.kind);
    if (!saved) throw new Error('subscription vanished right after it was saved');
    return saved;
  }

  async get(id: string): Promise<Subscription | undefined> {
    const row = await this.db.selectFrom('subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toSubscription(row) : undefined;
  }

  async forConversation(ref: ConversationRef, kind: SubscriptionKind = 'prompt'): Promise<Subscription | undefined> {
    const row = await this.db
      .selectFrom('subscriptions')
      .selectAll()
      .where((eb) => eb.and(conversationKey(ref)))
      .where('kind', '=', kind)
      .executeTakeFirst();
    return row ? toSubscription(row) : undefined;
  }

  /**
   * Every subscription of a kind on the given platforms (all platforms when none are given), by id;
   * with `after` and `limit`, one page of them; with `themed`, only those naming at least one theme.
   */
  async list(options: { kind?: SubscriptionKind; platforms?: readonly PlatformName[]; after?: string; limit?: number; themed?: boolean } = {}): Promise<Subscription[]> {
    let q = this.db.selectFrom('subscriptions').selectAll().where('kind', '=', options.kind ?? 'prompt');
    if (options.themed) q = q.where('themes', '!=', '');
    if (options.platforms) {
      if (options.platforms.length === 0) return [];
      q = q.where('platform', 'in', [...options.platforms]);
    }
    // A page at a time (by id, after the last one seen), so a run over thousands holds one page of them.
    if (options.after !== undefined) q = q.where('id', '>', options.after);
    if (options.limit !== undefined) q = q.limit(options.limit);
    const rows = await q.orderBy('id').execute();
    return rows.map(toSubscription);
  }

  /** Deletes the conversation's subscription of a kind; true when there was one. */
  async remove(ref: ConversationRef, kind: SubscriptionKind = 'prompt'): Promise<boolean> {
    const result = await this.db
      .deleteFrom('subscriptions')
      .where((eb) => eb.and(conversationKey(ref)))
      .where('kind', '=', kind)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Pauses (indefinitely, or until `until`) or resumes (`paused: false`). */
  async setPause(id: string, state: { paused: boolean; until?: Date }): Promise<void> {
    await this.db
      .updateTable('subscriptions')
      .set({
        paused: state.paused && !state.until ? 1 : 0,
        paused_until: state.paused && state.until ? state.until.toISOString() : null,
        updated_at: this.now().toISOString(),
      })
      .where('id', '=', id)
      .execute();
  }

  /** Marks one slot to be dropped (or clears the mark with `undefined`). */
  async setSkip(id: string, slot: Date | undefined): Promise<void> {
    await this.db
      .updateTable('subscriptions')
      .set({ skip_slot: slot ? slot.toISOString() : null, updated_at: this.now().toISOString() })
      .where('id', '=', id)
      .execute();
  }

  /** Moves the checkpoint of many subscriptions forward at once (never back), in one statement per 500. */
  async advanceMany(ids: readonly string[], through: Date): Promise<void> {
    const iso = through.toISOString();
    for (let i = 0; i < ids.length; i += 500) {
      await this.db
        .updateTable('subscriptions')
        .set({ checked_through: iso })
        .where('id', 'in', ids.slice(i, i + 500))
        .where('checked_through', '<', iso)
        .execute();
    }
  }

  /** Moves the checkpoint forward (never back: another instance may already be further on). */
  async advance(id: string, through: Date): Promise<void> {
    const iso = through.toISOString();
    await this.db
      .updateTable('subscriptions')
      .set({ checked_through: iso })
      .where('id', '=', id)
      .where('checked_through', '<', iso)
      .execute();
  }
}
