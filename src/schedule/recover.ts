import type { CoreContext } from '../core/types.js';
import { describeError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { RunReport } from './run-report.js';
import { PROMPT_METADATA_TYPE, refOf, type SlotSender } from './slot-sender.js';

/** What recovering abandoned claims needs from its scheduler. */
export interface RecoverDeps {
  ctx: CoreContext;
  instanceId: string;
  logger: Logger;
  /** How long a send may take before its claim is considered abandoned. */
  leaseMs: number;
  /** How late a slot may still be posted (ms). */
  windowMs: () => number;
  /** True once the bot is stopping: no more claims are taken over. */
  stopped: () => boolean;
  sender: SlotSender;
}

/** Claims whose sender stopped before confirming: check the platform, else re-send within the window. */
export async function recoverAbandoned(deps: RecoverDeps, now: Date, report: RunReport): Promise<void> {
  const { ctx, instanceId, logger, leaseMs, windowMs, stopped, sender } = deps;
  const platforms = ctx.platforms().map((o) => o.platform);
  const stale = await ctx.store.slots.staleClaims(new Date(now.getTime() - leaseMs), platforms);
  for (const seen of stale) {
    if (stopped()) return;
    if (!(await ctx.store.slots.takeOver(seen, instanceId))) continue;
    // A claim given back at shutdown (no owner) is known not to have been sent: no need to look.
    const released = seen.claimedBy === undefined;
    const log = { subscription: seen.subscriptionId, slot: seen.slot, claimedBy: seen.claimedBy, attempts: seen.attempts };
    const sub = await ctx.store.subscriptions.get(seen.subscriptionId);
    const outbound = ctx.outbound(seen.platform);
    if (!sub || !outbound) {
      await ctx.store.slots.markEnded(seen.subscriptionId, seen.slot, 'skipped', 'the schedule was removed before this slot was confirmed');
      continue;
    }
    if (sub.kind !== 'prompt') {
      // Only prompts can be rebuilt from the slot alone; a digest's stories carry over to the next one.
      await ctx.store.slots.markEnded(sub.id, seen.slot, 'failed', `the sending instance stopped before confirming this ${sub.kind}; its content goes out with the next one`);
      report.failed += 1;
      logger.warn('abandoned non-prompt slot not re-sent', log);
      continue;
    }
    if (outbound.findPosted && !released) {
      let found;
      try {
        found = await outbound.findPosted(refOf(sub), PROMPT_METADATA_TYPE, { subscription_id: sub.id, slot: seen.slot }, new Date(Date.parse(seen.slot) - 60_000));
      } catch (error) {
        // Unknown is not "absent": leave the claim to expire again rather than risk a double post.
        logger.warn('could not check whether an abandoned slot was posted; will try again', { ...log, error: describeError(error) });
        continue;
      }
      if (found) {
        await sender.recordPosted(sub, seen.slot, found, seen.promptId);
        report.recovered += 1;
        logger.info('abandoned slot had been posted; recorded it', log);
        continue;
      }
    }
    const maxAttempts = outbound.findPosted ? 3 : 2;
    if (seen.attempts >= maxAttempts) {
      await ctx.store.slots.markEnded(sub.id, seen.slot, 'failed', `the sending instance stopped ${seen.attempts} time(s) before confirming; not re-sent again to avoid a double post`);
      report.failed += 1;
      logger.warn('abandoned slot given up', log);
    } else if (now.getTime() - Date.parse(seen.slot) > windowMs()) {
      await ctx.store.slots.markEnded(sub.id, seen.slot, 'failed', `claimed by ${seen.claimedBy ?? 'another instance'} but never confirmed, and now older than the catch-up window (CATCH_UP_HOURS)`);
      report.failed += 1;
      logger.warn('abandoned slot too old to re-send', log);
    } else {
      logger.warn('re-sending an abandoned slot', log);
      const before = report.posted;
      await sender.deliver(sub, seen.slot, now, report, seen);
      if (report.posted > before) report.recovered += 1;
    }
  }
}
