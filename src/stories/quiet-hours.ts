import { Cron } from 'croner';
import { isValidTimeZone } from '../config.js';

/** Story questions arrive only on weekdays between these local times (start inclusive, end exclusive). */
export const QUIET_HOURS = { dayStartsAt: '09:00', dayEndsAt: '17:30' } as const;

const START_MIN = 9 * 60;
const END_MIN = 17 * 60 + 30;
const WEEKEND = new Set(['Sat', 'Sun']);
const formatters = new Map<string, Intl.DateTimeFormat>();

function localParts(at: Date, timeZone: string): { weekday: string; minutes: number } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  return { weekday: parts.weekday ?? '', minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** The person's zone when the platform gave a usable one, else the bot's default. */
export function zoneOrDefault(timeZone: string | undefined, fallback: string): string {
  return timeZone && isValidTimeZone(timeZone) ? timeZone : fallback;
}

/** Whether `at` is a weekday working-hours instant in `timeZone`, when a question may arrive. */
export function isAllowedTime(at: Date, timeZone: string): boolean {
  const { weekday, minutes } = localParts(at, timeZone);
  return !WEEKEND.has(weekday) && minutes >= START_MIN && minutes < END_MIN;
}

/**
 * `at` itself when it is an allowed time, else the next weekday 09:00 in `timeZone` (croner handles the
 * calendar and daylight-saving changes).
 */
export function nextAllowedTime(at: Date, timeZone: string): Date {
  if (isAllowedTime(at, timeZone)) return at;
  const next = new Cron('0 9 * * 1-5', { timezone: timeZone, paused: true }).nextRun(at);
  return next ?? at;
}
