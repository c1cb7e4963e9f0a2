import type { CoreContext } from '../core/types.js';
import type { Pace } from './call.js';
import type { ReplyInTurn } from './later.js';
import { DeliveryQueue, type DeliveryQueueOptions } from './queue.js';

export { DeliveryQueue } from './queue.js';
export type { DeliveryQueueOptions } from './queue.js';
export type { CallStats, DeliveryOutcome, DeliveryStats, SendOptions } from './outcome.js';
export type { Pace, PlatformCall } from './call.js';
export type { ReplyInTurn, TurnOutcome } from './later.js';
export type { CallTarget } from './limits.js';
export type { WorkspaceLease } from './lease.js';
export { DEFAULT_LIMITS, DEFAULT_SLACK_WORKSPACE_RATE, RateGate } from './limits.js';
export { PACE_FRACTION, Pacer } from './pacer.js';
export { StoreLease } from './lease.js';
export type { LeaseRecords, StoreLeaseOptions } from './lease.js';
export type { PlatformLimits, Rate } from './limits.js';

const queues = new WeakMap<object, DeliveryQueue>();

/**
 * The one delivery queue of a running core, shared by every feature that posts proactively (schedules,
 * stories, digests), so the platform limits and a 429's pause apply to all of them together. Options
 * are only used when the queue is first made.
 */
export function deliveryQueueFor(ctx: Pick<CoreContext, 'clock' | 'logger' | 'workspaceLease'> & { settings?: CoreContext['settings'] }, options: Partial<DeliveryQueueOptions> = {}): DeliveryQueue {
  let queue = queues.get(ctx);
  if (!queue) {
    const limits = ctx.settings?.deliveryLimits;
    queue = new DeliveryQueue({
      clock: ctx.clock,
      logger: ctx.logger.child({ part: 'delivery' }),
      ...(limits ? { limits } : {}),
      ...(ctx.workspaceLease ? { lease: ctx.workspaceLease } : {}),
      ...options,
    });
    queues.set(ctx, queue);
  }
  return queue;
}

/**
 * The core's `DeliveryQueue.pace`, for adapters: every call they make outside the queue (replies,
 * updates, 1:1 chats) takes its tokens from the same buckets as the queue's sends, ahead of them.
 */
export function paceFor(ctx: Parameters<typeof deliveryQueueFor>[0]): Pace {
  return (target, what, call) => deliveryQueueFor(ctx).pace(target, what, call);
}

/**
 * The core's `DeliveryQueue.inTurn`, for adapters whose inbound turn is a request the platform holds
 * open (Teams): a reply that cannot be made at once is made after the turn, once.
 */
export function inTurnFor(ctx: Parameters<typeof deliveryQueueFor>[0]): ReplyInTurn {
  return (target, what, now, later) => deliveryQueueFor(ctx).inTurn(target, what, now, later);
}
