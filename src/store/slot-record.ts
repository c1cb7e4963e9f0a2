import type { Selectable } from 'kysely';
import type { ConversationRef, PlatformName } from '../model/message.js';
import type { SlotsTable } from './schedules-schema.js';

/** What became of a slot. */
export type SlotStatus = 'claimed' | 'posted' | 'skipped' | 'failed';

/** One due instant of a subscription and what became of it. */
export interface SlotRecord extends ConversationRef {
  subscriptionId: string;
  /** ISO instant. */
  slot: string;
  status: SlotStatus;
  claimedBy?: string;
  claimedAt?: string;
  attempts: number;
  promptId?: string;
  messageId?: string;
  reason?: string;
  updatedAt: string;
}

/** A `slots` row as a slot record. */
export function toSlot(row: Selectable<SlotsTable>): SlotRecord {
  return {
    subscriptionId: row.subscription_id,
    slot: row.slot,
    platform: row.platform as PlatformName,
    workspaceId: row.workspace_id,
    conversationId: row.conversation_id,
    status: row.status as SlotStatus,
    attempts: Number(row.attempts),
    updatedAt: row.updated_at,
    ...(row.claimed_by ? { claimedBy: row.claimed_by } : {}),
    ...(row.claimed_at ? { claimedAt: row.claimed_at } : {}),
    ...(row.prompt_id ? { promptId: row.prompt_id } : {}),
    ...(row.message_id ? { messageId: row.message_id } : {}),
    ...(row.thread_id ? { threadId: row.thread_id } : {}),
    ...(row.reason ? { reason: row.reason } : {}),
  };
}
