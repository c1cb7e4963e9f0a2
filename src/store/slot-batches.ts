import { randomUUID } from 'node:crypto';
import type { DirectTransaction, SqliteDirect } from './direct.js';
import type { PostedSlot, SlotClaim } from './slots.js';

/*
 * The fan-out's claim and confirmation batches on SQLite's connection used directly (see SqliteDirect):
 * one prepared statement per row, run synchronously in one immediate transaction. Through Kysely each
 * batch of 25 rows is built and compiled into about 9 kB of SQL text, then run behind a chain of
 * promises, which at a thousand conversations a second costs more CPU than SQLite's own work.
 * The statements are the same inserts and updates as the Kysely path's, row by row: a row that conflicts
 * is left alone exactly as in the multi-row statement.
 */

const CLAIM_SQL =
  'insert into slots (subscription_id, slot, platform, workspace_id, conversation_id, status, claimed_by, claimed_at, attempts, prompt_id, message_id, thread_id, reason, updated_at) ' +
  "values (?, ?, ?, ?, ?, 'claimed', ?, ?, 1, ?, null, null, null, ?) on conflict (subscription_id, slot) do nothing";

const USE_SQL =
  'insert into prompt_uses (platform, workspace_id, conversation_id, prompt_id, last_seq, uses) values (?, ?, ?, ?, ?, 1) ' +
  'on conflict (platform, workspace_id, conversation_id, prompt_id) do update set last_seq = excluded.last_seq, uses = prompt_uses.uses + 1';

const POSTED_SQL = "update slots set status = 'posted', message_id = ?, thread_id = ?, reason = null, updated_at = ? where subscription_id = ? and slot = ?";

const POST_SQL =
  'insert into posts (id, platform, workspace_id, conversation_id, message_id, thread_id, kind, prompt_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) ' +
  'on conflict (platform, workspace_id, conversation_id, message_id) do nothing';

/**
 * Claims `ordered` (already in key order) for `instanceId` in one transaction; the winners' prompt uses
 * are recorded in it. Answers which positions of `ordered` won, or undefined when a transaction is open
 * on the connection (the caller then goes through Kysely, which waits for it).
 */
export function claimDirect(direct: SqliteDirect, ordered: readonly SlotClaim[], instanceId: string, at: string): boolean[] | undefined {
  const done = direct.transaction((tx) => {
    // The same slot twice in a batch: the first insert wins, the second conflicts, as in one statement.
    const won = ordered.map((c) => tx.run(CLAIM_SQL, [c.subscriptionId, c.slot, c.target.platform, c.target.workspaceId, c.target.conversationId, instanceId, at, c.promptId ?? null, at]) === 1);
    let used = false;
    ordered.forEach((c, i) => {
      if (!c.use || !won[i]) return;
      tx.run(USE_SQL, [c.target.platform, c.target.workspaceId, c.target.conversationId, c.use.promptId, c.use.seq]);
      used = true;
    });
    // The rotation cache holds conversations' uses: the writes counted through Kysely tell it to read again.
    if (used) direct.wrote();
    return won;
  });
  return done?.value;
}

function insertPost(tx: DirectTransaction, post: NonNullable<PostedSlot['post']>, at: string): void {
  tx.run(POST_SQL, [randomUUID(), post.platform, post.workspaceId, post.conversationId, post.messageId, post.threadId ?? null, post.kind, post.promptId ?? null, at]);
}

/**
 * Records delivered slots as posted, and their messages among the bot's posts, in one transaction. False
 * when a transaction is open on the connection (nothing was written; the caller goes through Kysely).
 */
export function markPostedDirect(direct: SqliteDirect, slots: readonly PostedSlot[], at: string): boolean {
  const done = direct.transaction((tx) => {
    for (const s of slots) tx.run(POSTED_SQL, [s.posted.messageId, s.posted.threadId ?? null, at, s.subscriptionId, s.slot]);
    for (const s of slots) if (s.post) insertPost(tx, s.post, at);
  });
  return done !== undefined;
}
