import type { Subscription } from '../store/subscriptions.js';
import type { ScheduleRule } from './rule.js';
import { slotsAfter, slotsBetween } from './slots.js';

/** First slot after a checkpoint, per rule: unchanged until something is due, so most ticks reuse it. */
const firstSlotCache = new Map<string, number>();

function firstSlotAfter(sub: Subscription, from: Date): number {
  const key = `${sub.cron}|${sub.timeZone}|${sub.everyWeeks}|${sub.anchor ?? ''}|${from.getTime()}`;
  const cached = firstSlotCache.get(key);
  if (cached !== undefined) return cached;
  const first = slotsAfter(ruleOf(sub), from).next().value?.getTime() ?? Number.POSITIVE_INFINITY;
  if (firstSlotCache.size > 100_000) firstSlotCache.clear();
  firstSlotCache.set(key, first);
  return first;
}

/** How late a slot may be and still be posted, even with CATCH_UP_HOURS=0: a tick is never on the dot. */
export const TICK_GRACE_MS = 5 * 60_000;
/** The furthest back a run looks (CATCH_UP_HOURS allows at most 14 days). */
export const MAX_LOOKBACK_MS = 14 * 24 * 3_600_000;
/** Most skipped slots recorded in one run; the rest are only counted in the log. */
export const MAX_RECORDED_SKIPS = 100;

/** Due slots per rule and range: in a fan-out thousands of subscriptions share one rule and checkpoint. */
const dueCache = new Map<string, { slots: Date[]; dropped: number }>();

function dueBetween(sub: Subscription, from: Date, now: Date): { slots: Date[]; dropped: number } {
  const key = `${sub.cron}|${sub.timeZone}|${sub.everyWeeks}|${sub.anchor ?? ''}|${from.getTime()}|${now.getTime()}`;
  const cached = dueCache.get(key);
  if (cached) return cached;
  const due = slotsBetween(ruleOf(sub), from, now, MAX_RECORDED_SKIPS + 1);
  if (dueCache.size > 1000) dueCache.clear();
  dueCache.set(key, due);
  return due;
}

/** What to do with a subscription's slots that are due by `now`. */
export interface SlotPlan {
  /** The one slot to post now, if any. */
  post?: Date;
  /** Slots to record as skipped, oldest first, with the reason. */
  skip: Array<{ slot: Date; reason: string }>;
  /** Missed slots too many or too old to record one by one. */
  uncounted: number;
  /** Slots that fell while the subscription was paused (not recorded). */
  paused: number;
}

/** The rule a subscription row describes. */
export function ruleOf(sub: Pick<Subscription, 'cron' | 'timeZone' | 'everyWeeks' | 'anchor'>): ScheduleRule {
  return { cron: sub.cron, timeZone: sub.timeZone, everyWeeks: sub.everyWeeks, ...(sub.anchor ? { anchor: sub.anchor } : {}) };
}

/**
 * Decides a subscription's due slots at `now`. Slots after the checkpoint and up to `now` are due;
 * those inside a pause are dropped; of the rest only the most recent is posted, and only when it is
 * within the catch-up window; every other one is recorded as skipped with the reason. Pure: the
 * scheduler applies the plan through the store's claims.
 */
export function planDue(sub: Subscription, now: Date, catchUpHours: number): SlotPlan {
  const windowMs = Math.max(catchUpHours * 3_600_000, TICK_GRACE_MS);
  const checked = new Date(Math.max(Date.parse(sub.checkedThrough), Date.parse(sub.createdAt)));
  if (firstSlotAfter(sub, checked) > now.getTime()) return { skip: [], uncounted: 0, paused: 0 };
  const from = new Date(Math.max(checked.getTime(), now.getTime() - MAX_LOOKBACK_MS));
  const { slots, dropped } = dueBetween(sub, from, now);
  const plan: SlotPlan = { skip: [], uncounted: dropped, paused: 0 };
  const pausedUntil = sub.pausedUntil ? Date.parse(sub.pausedUntil) : undefined;
  const due = slots.filter((slot) => {
    const inPause = sub.paused || (pausedUntil !== undefined && slot.getTime() < pausedUntil);
    if (inPause) plan.paused += 1;
    return !inPause;
  });
  if (sub.paused || due.length === 0) return plan;
  const latest = due[due.length - 1] as Date;
  for (const slot of due.slice(0, -1)) {
    plan.skip.push({ slot, reason: 'missed while the bot was not running; only the most recent missed slot is posted' });
  }
  if (sub.skipSlot === latest.toISOString()) {
    plan.skip.push({ slot: latest, reason: 'skipped on request (skip)' });
  } else if (now.getTime() - latest.getTime() > windowMs) {
    plan.skip.push({ slot: latest, reason: `missed by more than the catch-up window of ${catchUpHours} hour(s) (CATCH_UP_HOURS)` });
  } else {
    plan.post = latest;
  }
  return plan;
}
