import type { CoreContext } from '../core/types.js';
import { DeliveryQueue, type DeliveryQueueOptions } from './queue.js';

export { DeliveryQueue } from './queue.js';
export type { DeliveryOutcome, DeliveryQueueOptions, DeliveryStats, SendOptions } from './queue.js';
export { DEFAULT_LIMITS, RateGate } from './limits.js';
export type { PlatformLimits, Rate } from './limits.js';

const queues = new WeakMap<object, DeliveryQueue>();

/**
 * The one delivery queue of a running core, shared by every feature that posts proactively (schedules,
 * stories, digests), so the platform limits and a 429's pause apply to all of them together. Options
 * are only used when the queue is first made.
 */
export function deliveryQueueFor(ctx: Pick<CoreContext, 'clock' | 'logger'>, options: Partial<DeliveryQueueOptions> = {}): DeliveryQueue {
  let queue = queues.get(ctx);
  if (!queue) {
    queue = new DeliveryQueue({ clock: ctx.clock, logger: ctx.logger.child({ part: 'delivery' }), ...options });
    queues.set(ctx, queue);
  }
  return queue;
}
