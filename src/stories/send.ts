import type { CoreContext } from '../core/types.js';
import { deliveryQueueFor } from '../delivery/index.js';
import type { DeliveryOutcome } from '../delivery/queue.js';
import { PlatformError } from '../errors.js';
import type { ConversationRef } from '../model/message.js';
import type { Reply } from '../model/reply.js';

type Ctx = Pick<CoreContext, 'outbound' | 'clock' | 'logger'>;

/**
 * The single call site for every proactive story send (welcome DMs, questions, scheduled digests): the
 * core's shared delivery queue, so platform rate limits and a 429's Retry-After cover stories too.
 * `withinMs` bounds how long the queue may wait or retry; story questions keep it short because their
 * job row is retried durably later, which is better than holding a tick.
 */
export async function deliver(
  ctx: Ctx,
  target: ConversationRef,
  message: Reply,
  options: { key?: string; withinMs?: number; deadline?: Date; signal?: AbortSignal } = {},
): Promise<DeliveryOutcome> {
  const outbound = ctx.outbound(target.platform);
  if (!outbound) {
    return { status: 'failed', code: 'not_attached', reason: `the ${target.platform} adapter is not running`, attempts: 0 };
  }
  const deadline = options.deadline ?? new Date(ctx.clock.now().getTime() + (options.withinMs ?? 10_000));
  return deliveryQueueFor(ctx).send(outbound, target, message, {
    deadline,
    ...(options.key ? { key: options.key } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

/** Opens the person's direct conversation through their platform's adapter. */
export async function openDirect(ctx: Pick<CoreContext, 'outbound'>, platform: ConversationRef['platform'], workspaceId: string, userId: string): Promise<ConversationRef> {
  const outbound = ctx.outbound(platform);
  if (!outbound) {
    throw new PlatformError(platform, 'not_attached', `the ${platform} adapter is not running, so I cannot open a direct message`, { retryable: true });
  }
  return outbound.openDirect(workspaceId, userId);
}
