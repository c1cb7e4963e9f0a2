import { nextSlots } from './slots.js';

type Rule = Parameters<typeof nextSlots>[0];

/** Slots closer than this count as more than once a day (a daily slot across a clock change is 23 hours apart). */
const MIN_GAP_MS = 22 * 3_600_000;
/** How many upcoming slots are compared: two months of a daily rule, enough for any cron's pattern to show. */
const LOOKAHEAD = 60;

/**
 * True when `rule` would fire more than once within a day (e.g. `cron "* * * * *"` or `cron "0 9,17 * * *"`).
 * In Slack and Teams channels only an admin may set such a rule.
 */
export function firesMoreThanDaily(rule: Rule, now: Date): boolean {
  const slots = nextSlots(rule, now, LOOKAHEAD);
  for (let i = 1; i < slots.length; i += 1) {
    const a = slots[i - 1];
    const b = slots[i];
    if (a && b && b.getTime() - a.getTime() < MIN_GAP_MS) return true;
  }
  return false;
}
