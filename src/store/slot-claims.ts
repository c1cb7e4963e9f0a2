import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { ROWS_PER_STATEMENT } from './keys.js';
import { upsertUses } from './rotation.js';
import type { SlotClaim } from './slots.js';

/**
 * `SlotRepo.claimMany` through Kysely (PostgreSQL, or SQLite while a transaction is open on its
 * connection): multi-row insert-once statements in one transaction, the winners' prompt uses recorded in
 * it. `order` lists indexes into `claims` in key order and `keys` their keys, so two instances claiming
 * overlapping batches on PostgreSQL wait for each other instead of deadlocking. Answers the indexes into
 * `claims` of the claims won.
 */
export async function claimBatch(
  db: Kysely<Database>,
  claims: readonly SlotClaim[],
  order: readonly number[],
  keys: readonly string[],
  instanceId: string,
  at: string,
): Promise<Set<number>> {
  const ordered = order.map((i) => claims[i] as SlotClaim);
  const won = new Set<string>();
  const winners = new Set<number>();
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < ordered.length; start += ROWS_PER_STATEMENT) {
      const rows = await trx
        .insertInto('slots')
        .values(
          ordered.slice(start, start + ROWS_PER_STATEMENT).map((c) => ({
            subscription_id: c.subscriptionId,
            slot: c.slot,
            platform: c.target.platform,
            workspace_id: c.target.workspaceId,
            conversation_id: c.target.conversationId,
            status: 'claimed',
            claimed_by: instanceId,
            claimed_at: at,
            attempts: 1,
            prompt_id: c.promptId ?? null,
            message_id: null,
            thread_id: null,
            reason: null,
            updated_at: at,
          })),
        )
        .onConflict((oc) => oc.columns(['subscription_id', 'slot']).doNothing())
        .returning(['subscription_id', 'slot'])
        .execute();
      for (const r of rows) won.add(`${r.subscription_id}\u0000${r.slot}`);
    }
    // The same slot twice in one batch (one instance running twice at once): its first claim won, in
    // the order inserted (so it carries the prompt stored), the other did not.
    for (const i of order) if (won.delete(keys[i]!)) winners.add(i);
    const uses = order.flatMap((i) => {
      const c = claims[i] as SlotClaim;
      return c.use && winners.has(i) ? [{ ref: c.target, ...c.use }] : [];
    });
    if (uses.length) await upsertUses(trx, uses);
  });
  return winners;
}
