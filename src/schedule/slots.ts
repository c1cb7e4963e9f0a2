import { Cron } from 'croner';
import type { ScheduleRule } from './rule.js';

const DAY_MS = 86_400_000;

const crons = new Map<string, Cron>();

/** A croner instance that only computes (never fires), shared per expression and zone. Throws on a bad expression. */
export function cronOf(rule: Pick<ScheduleRule, 'cron' | 'timeZone'>): Cron {
  const key = `${rule.cron}|${rule.timeZone}`;
  let cron = crons.get(key);
  if (!cron) {
    cron = new Cron(rule.cron, { timezone: rule.timeZone, paused: true });
    if (crons.size > 10_000) crons.clear();
    crons.set(key, cron);
  }
  return cron;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at `at`, in ms. */
export function offsetMs(at: Date, timeZone: string): number {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    offsetFormatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, Number(x.value)]));
  const local = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return local - (at.getTime() - at.getUTCMilliseconds());
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** Days since 1970-01-01 of the calendar date `at` falls on in `timeZone` (DST-proof week arithmetic). */
export function localDayNumber(at: Date, timeZone: string): number {
  let f = dayFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  return Math.round(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)) / DAY_MS);
}

/** The first instant of local day `day` (as `localDayNumber` counts) in `timeZone`: its local midnight. */
export function startOfLocalDay(day: number, timeZone: string): Date {
  const utcMidnight = day * DAY_MS;
  let t = utcMidnight - offsetMs(new Date(utcMidnight), timeZone);
  t = utcMidnight - offsetMs(new Date(t), timeZone);
  // A zone whose clocks change at midnight has no 00:00 that day: the day starts at the first instant it has.
  while (localDayNumber(new Date(t), timeZone) < day) t += 3_600_000;
  return new Date(t);
}

/**
 * How far before `after` the search starts near a clock change. croner maps a local time that a
 * spring-forward night skips to the first instant after the gap, but only when its search starts
 * before the gap, and a search starting inside a fall-back night's repeated hour can miss that day's
 * slot. Starting a few hours early (longer than any DST shift) makes a slot's existence independent
 * of where a search began. Away from a clock change the search starts at `after` (croner is slow
 * enough, about a millisecond a step, that a per-minute rule should not walk three hours each tick).
 */
const SEARCH_LEAD_MS = 3 * 3_600_000;

/**
 * Every slot (due instant) of a rule strictly after `after`, in order. croner does the calendar and
 * DST work: a local time that does not exist (spring forward) moves to the first instant after the
 * gap, and a local time that happens twice (fall back) is one instant, so each local day gives one slot.
 */
export function* slotsAfter(rule: ScheduleRule, after: Date, cron: Cron = cronOf(rule)): Generator<Date> {
  const anchor = rule.everyWeeks > 1 && rule.anchor ? new Date(rule.anchor) : undefined;
  const anchorDay = anchor ? localDayNumber(anchor, rule.timeZone) : 0;
  const t = after.getTime();
  const nearChange = offsetMs(new Date(t - SEARCH_LEAD_MS), rule.timeZone) !== offsetMs(new Date(t + SEARCH_LEAD_MS), rule.timeZone);
  let cursor: Date | null = nearChange ? new Date(t - SEARCH_LEAD_MS) : after;
  for (;;) {
    cursor = cron.nextRun(cursor);
    if (!cursor) return;
    if (cursor <= after) continue;
    if (anchor) {
      if (cursor < anchor) continue;
      const weeks = Math.floor((localDayNumber(cursor, rule.timeZone) - anchorDay) / 7);
      if (weeks % rule.everyWeeks !== 0) continue;
    }
    yield cursor;
  }
}

/** The next `count` slots after `after`. */
export function nextSlots(rule: ScheduleRule, after: Date, count: number): Date[] {
  const out: Date[] = [];
  for (const slot of slotsAfter(rule, after)) {
    out.push(slot);
    if (out.length >= count) break;
  }
  return out;
}

/**
 * Slots in (`from`, `to`], oldest first. When there are more than `limit`, the oldest are dropped and
 * `dropped` counts them (a per-minute rule after a long outage must not build a huge list).
 */
export function slotsBetween(rule: ScheduleRule, from: Date, to: Date, limit = 1000): { slots: Date[]; dropped: number } {
  const slots: Date[] = [];
  let dropped = 0;
  for (const slot of slotsAfter(rule, from)) {
    if (slot > to) break;
    slots.push(slot);
    if (slots.length > limit) {
      slots.shift();
      dropped += 1;
    }
  }
  return { slots, dropped };
}
