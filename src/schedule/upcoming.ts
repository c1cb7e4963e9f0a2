import type { Span } from '../commands/intents.js';
import type { Subscription } from '../store/subscriptions.js';
import { formatDate, formatLocal } from './format.js';
import { ruleOf } from './plan.js';
import { localDayNumber, slotsAfter, startOfLocalDay } from './slots.js';

/**
 * When `pause for N unit` ends. Hours are exact. Days and weeks are calendar days in the schedule's zone,
 * today included: `pause for 3 days` on a Friday pauses Friday, Saturday and Sunday and ends at Monday's
 * local midnight, so Monday's 09:30 prompt is posted whatever time the pause was asked for (and a clock
 * change in between moves nothing).
 */
export function pauseEnd(span: Span, now: Date, timeZone: string): Date {
  if (span.unit === 'hour') return new Date(now.getTime() + span.amount * 3_600_000);
  const days = span.unit === 'week' ? span.amount * 7 : span.amount;
  return startOfLocalDay(localDayNumber(now, timeZone) + days, timeZone);
}

/** "through Sunday 6 December" for a pause ending at a local midnight, else "until Monday 7 December, 10:30 (zone)". */
export function pausedText(until: Date, timeZone: string, now: Date): string {
  const startOfDay = startOfLocalDay(localDayNumber(until, timeZone), timeZone);
  if (startOfDay.getTime() !== until.getTime()) return `until ${formatLocal(until, timeZone, now)}`;
  const lastDay = new Date(until.getTime() - 1);
  return `through ${formatDate(lastDay, timeZone, now)} (${timeZone})`;
}

/** The next `count` slots that will actually be posted: after any pause, without the skipped one. */
export function upcoming(sub: Subscription, now: Date, count: number): Date[] {
  if (sub.paused) return [];
  const pausedUntil = sub.pausedUntil && Date.parse(sub.pausedUntil) > now.getTime() ? new Date(sub.pausedUntil) : undefined;
  const out: Date[] = [];
  // A slot exactly at the end of a pause is posted (the pause covers the instants before it).
  for (const slot of slotsAfter(ruleOf(sub), pausedUntil ? new Date(pausedUntil.getTime() - 1) : now)) {
    if (slot.toISOString() !== sub.skipSlot) out.push(slot);
    if (out.length >= count) break;
  }
  return out;
}
