/**
 * Table types for schedules (migration 0002_schedules). Same conventions as `schema.ts`: ISO-8601 UTC
 * strings for time, 0/1 for booleans, every row keyed by platform + workspace.
 */

/** One recurring delivery into one conversation (at most one per conversation and kind). */
export interface SubscriptionsTable {
  id: string;
  /** `prompt` (weekly questions); other features may add kinds (e.g. `digest`). */
  kind: string;
  platform: string;
  workspace_id: string;
  conversation_id: string;
  /** The rule as people read it ("every Monday at 09:30"). */
  rule_text: string;
  /** The parsed recurrence, JSON, so a later version can rebuild the cron from it. */
  recurrence: string;
  cron: string;
  time_zone: string;
  every_weeks: number;
  /** ISO instant of the first slot, for every-N-weeks rules. */
  anchor: string | null;
  /** Comma-separated prompt themes; empty for all. */
  themes: string;
  /** 1 = paused until `resume`. */
  paused: number;
  /** ISO instant when a `pause for …` ends by itself. */
  paused_until: string | null;
  /** ISO instant of the one slot `skip` asked to drop. */
  skip_slot: string | null;
  /** Slots at or before this instant have been looked at (posted, skipped or recorded). */
  checked_through: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** One due instant of a subscription: claimed once, then posted, skipped or failed. */
export interface SlotsTable {
  subscription_id: string;
  /** ISO instant of the slot; with `subscription_id` the primary key that makes a claim exactly-once. */
  slot: string;
  platform: string;
  workspace_id: string;
  conversation_id: string;
  /** `claimed` | `posted` | `skipped` | `failed`. */
  status: string;
  claimed_by: string | null;
  claimed_at: string | null;
  attempts: number;
  prompt_id: string | null;
  message_id: string | null;
  thread_id: string | null;
  reason: string | null;
  updated_at: string;
}
