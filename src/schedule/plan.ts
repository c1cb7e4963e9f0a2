import type { Subscription } from '../store/subscriptions.js';
import type { ScheduleRule } from './rule.js';
import { slotsAfter, slotsBetween } from './slots.js';

/** The identity of a rule: subscriptions made at different moments in one zone share it. */
function ruleKey(sub: Pick<Subscription, 'cron' | 'timeZone' | 'everyWeeks' | 'anchor'>): string {
  return `${sub.cron}|${sub.timeZone}|${sub.everyWeeks}|${sub.anchor ?? ''}`;
}

/** How far back `latestSlots` looks, growing until it has two slots (a per-minute rule needs the first step only). */
const LOOKBACK_STEPS_MS = [3_600_000, 26 * 3_600_000, 8 * 86_400_000];

/** The two latest slots at or before an instant, per rule and instant: one search per rule per tick, not per subscription. */
const latestCache = new Map<string, [number, number]>();

/**
 * The two latest slots of the rule at or before `now` (ms), `[previous, latest]`, each -Infinity when
 * there is none within the lookback. A subscription has something due exactly when `latest` is after
 * its checkpoint, and only that one when `previous` is not: so a tick over thousands of subscriptions
 * made at different moments costs a map look-up each, with no calendar work per subscription.
 */
export function latestSlots(sub: Pick<Subscription, 'cron' | 'timeZone' | 'everyWeeks' | 'anchor'>, now: Date): [number, number] {
  const key = `${ruleKey(sub)}|${now.getTime()}`;
  const cached = latestCache.get(key);
  if (cached !== undefined) return cached;
  const rule = ruleOf(sub);
  let found: [number, number] = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const back of [...LOOKBACK_STEPS_MS, MAX_LOOKBACK_MS]) {
    const window = Math.min(back, MAX_LOOKBACK_MS);
    found = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
    for (const slot of slotsAfter(rule, new Date(now.getTime() - window))) {
      if (slot > now) break;
      found = [found[1], slot.getTime()];
    }
    if (found[0] !== Number.NEGATIVE_INFINITY || window >= MAX_LOOKBACK_MS) break;
  }
  if (latestCache.size > 10_000) latestCache.clear();
  latestCache.set(key, found);
  return found;
}

/** The latest slot of the rule at or before `now` (ms), or -Infinity when none is within the lookback. */
export function latestSlot(sub: Pick<Subscription, 'cron' | 'timeZone' | 'everyWeeks' | 'anchor'>, now: Date): number {
  return latestSlots(sub, now)[1];
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
  const key = `${ruleKey(sub)}|${from.getTime()}|${now.getTime()}`;
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
  const [previous, newest] = latestSlots(sub, now);
  if (newest <= checked.getTime()) return { skip: [], uncounted: 0, paused: 0 };
  const from = new Date(Math.max(checked.getTime(), now.getTime() - MAX_LOOKBACK_MS));
  // The usual case, one slot due since the checkpoint, needs no calendar work of its own.
  const { slots, dropped } = previous <= checked.getTime() ? { slots: [new Date(newest)], dropped: 0 } : dueBetween(sub, from, now);
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

/** True when a subscription may have something to do at `now` (a slot after its checkpoint, or a pause ending). */
export function dueBy(sub: Subscription, now: Date): boolean {
  if (sub.pausedUntil && Date.parse(sub.pausedUntil) <= now.getTime()) return true;
  const checked = Math.max(Date.parse(sub.checkedThrough), Date.parse(sub.createdAt));
  return latestSlot(sub, now) > checked;
}
