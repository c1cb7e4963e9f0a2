import type { Cron } from 'croner';
import type { Recurrence, Weekday } from '../commands/intents.js';
import { UserInputError } from '../errors.js';
import { cronOf, slotsAfter } from './slots.js';

/**
 * A recurrence made concrete: a five-field cron expression evaluated in an IANA time zone, plus an
 * optional week interval. Cron cannot say "every other week", so `everyWeeks > 1` keeps only the weeks
 * whose distance from `anchor` (the first slot, fixed when the schedule is made) is a multiple of it.
 */
export interface ScheduleRule {
  cron: string;
  timeZone: string;
  everyWeeks: number;
  /** ISO instant of the first slot; only set (and only needed) when `everyWeeks > 1`. */
  anchor?: string;
}

/** Cron day-of-week numbers (0 = Sunday). */
const CRON_DAY: Record<Weekday, number> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
};

const NTH_WORD: Record<string, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', last: 'last' };

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

function hm(time: string): { h: number; m: number } {
  const [h, m] = time.split(':').map(Number);
  return { h: h ?? 0, m: m ?? 0 };
}

/** The cron expression for a recurrence (week interval aside). */
export function cronFor(recurrence: Recurrence): string {
  if (recurrence.kind === 'cron') return recurrence.expression;
  const { h, m } = hm(recurrence.time);
  switch (recurrence.kind) {
    case 'weekly':
      return `${m} ${h} * * ${CRON_DAY[recurrence.day]}`;
    case 'weekdays':
      return `${m} ${h} * * 1-5`;
    case 'daily':
      return `${m} ${h} * * *`;
    case 'monthly':
      // croner's "#n" / "#L" picks the nth / last weekday of the month, which plain cron cannot say
      // (its day-of-month and day-of-week fields are OR-ed).
      return `${m} ${h} * * ${CRON_DAY[recurrence.day]}#${recurrence.nth === 'last' ? 'L' : recurrence.nth}`;
  }
}

/** How the rule reads in a reply: "every Monday at 09:30". */
export function describeRecurrence(recurrence: Recurrence): string {
  switch (recurrence.kind) {
    case 'weekly':
      return recurrence.everyWeeks > 1
        ? `every ${recurrence.everyWeeks} weeks on ${cap(recurrence.day)} at ${recurrence.time}`
        : `every ${cap(recurrence.day)} at ${recurrence.time}`;
    case 'weekdays':
      return `every weekday (Monday to Friday) at ${recurrence.time}`;
    case 'daily':
      return `every day at ${recurrence.time}`;
    case 'monthly':
      return `on the ${NTH_WORD[String(recurrence.nth)]} ${cap(recurrence.day)} of each month at ${recurrence.time}`;
    case 'cron':
      return `on the cron schedule "${recurrence.expression}"`;
  }
}

/**
 * Builds the rule for a recurrence in a time zone. `now` fixes the anchor of every-N-weeks rules: the
 * first slot after `now`, so alternate weeks stay the same weeks from then on. Throws `UserInputError`
 * for a cron expression croner cannot read.
 */
export function ruleFor(recurrence: Recurrence, timeZone: string, now: Date): ScheduleRule {
  const cron = cronFor(recurrence);
  let parsed: Cron;
  try {
    parsed = cronOf({ cron, timeZone });
  } catch (error) {
    // Clipped: the expression is the user's text, and croner's message may repeat it.
    const clip = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);
    throw new UserInputError(
      `I can't read the cron expression "${clip(cron)}" (${clip(error instanceof Error ? error.message : String(error))}). Use five fields: minute hour day-of-month month day-of-week, e.g. "0 9 * * 1".`,
    );
  }
  const everyWeeks = recurrence.kind === 'weekly' ? recurrence.everyWeeks : 1;
  if (everyWeeks <= 1) return { cron, timeZone, everyWeeks: 1 };
  const first = slotsAfter({ cron, timeZone, everyWeeks: 1 }, now, parsed).next().value;
  if (!first) throw new UserInputError(`The rule "${describeRecurrence(recurrence)}" never comes round.`);
  return { cron, timeZone, everyWeeks, anchor: first.toISOString() };
}

