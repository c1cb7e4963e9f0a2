import type { PostedRef } from '../model/outbound.js';

/** What became of one proactive send. */
export type DeliveryOutcome =
  | { status: 'sent'; posted: PostedRef; attempts: number; at: Date }
  | {
      status: 'failed';
      /** Why, in words fit for a log line and the slot's stored reason. */
      reason: string;
      /** The platform's error code, or `deadline` / `error`, or `stopped` (cancelled before it was sent). */
      code: string;
      attempts: number;
    };

export interface SendOptions {
  /** Identifies the send in logs (e.g. `subscriptionId:slotISO`). */
  key?: string;
  /** Give up (and report why) rather than send after this instant. */
  deadline?: Date;
  /**
   * Cancels the send if it has not gone out yet (shutdown): it then fails with code `stopped` at once,
   * and the caller knows nothing was posted. A post already on the wire is finished.
   */
  signal?: AbortSignal;
}

/** Counters for benchmarks and logs. */
export interface DeliveryStats {
  sent: number;
  failed: number;
  retries: number;
  throttled: number;
}

/** Counters of the calls made outside the queue (see `DeliveryQueue.pace`). */
export interface CallStats {
  /** Calls the platform accepted. */
  made: number;
  /** Calls that finally failed (after any retries), or gave up at their deadline. */
  failed: number;
  /** 429s answered to them (each retried after its Retry-After when there was time). */
  throttled: number;
}
