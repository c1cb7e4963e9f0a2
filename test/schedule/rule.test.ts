import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/commands/grammar.js';
import type { Recurrence } from '../../src/commands/intents.js';
import { UserInputError } from '../../src/errors.js';
import { formatLocal } from '../../src/schedule/format.js';
import { cronFor, describeRecurrence, ruleFor } from '../../src/schedule/rule.js';
import { nextSlots, slotsBetween } from '../../src/schedule/slots.js';

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());
function recurrence(text: string): Recurrence {
  const intent = parseCommand(text);
  if (intent.verb !== 'schedule') throw new Error(`not a schedule: ${JSON.stringify(intent)}`);
  return intent.recurrence;
}

describe('schedule rules', () => {
  it('turns each recurrence into a cron expression and words', () => {
    expect(cronFor(recurrence('schedule weekly monday 09:30'))).toBe('30 9 * * 1');
    expect(cronFor(recurrence('schedule weekdays 10:00'))).toBe('0 10 * * 1-5');
    expect(cronFor(recurrence('schedule monthly first monday 09:00'))).toBe('0 9 * * 1#1');
    expect(cronFor(recurrence('schedule monthly last friday 15:00'))).toBe('0 15 * * 5#L');
    expect(cronFor(recurrence('schedule cron "0 9 * * 1"'))).toBe('0 9 * * 1');
    expect(describeRecurrence(recurrence('schedule every 2 weeks tuesday 14:00'))).toBe('every 2 weeks on Tuesday at 14:00');
    expect(describeRecurrence(recurrence('schedule monthly first monday 09:00'))).toBe('on the first Monday of each month at 09:00');
  });

  it('rejects a cron expression croner cannot read', () => {
    expect(() => ruleFor({ kind: 'cron', expression: '99 9 * * 1' }, 'UTC', new Date())).toThrow(UserInputError);
  });

  it('computes weekly slots in the time zone, across the clock change', () => {
    const rule = ruleFor(recurrence('schedule weekly monday 09:30'), 'Europe/London', new Date('2026-10-20T00:00:00Z'));
    // 09:30 BST is 08:30Z; after 25 October 09:30 GMT is 09:30Z.
    expect(iso(nextSlots(rule, new Date('2026-10-13T00:00:00Z'), 3))).toEqual([
      '2026-10-19T08:30:00.000Z',
      '2026-10-26T09:30:00.000Z',
      '2026-11-02T09:30:00.000Z',
    ]);
  });

  it('keeps every-2-weeks on the same alternate weeks, from the anchor, across DST', () => {
    const rule = ruleFor(recurrence('schedule every 2 weeks tuesday 14:00'), 'America/New_York', new Date('2026-02-25T12:00:00Z'));
    expect(rule.anchor).toBe('2026-03-03T19:00:00.000Z');
    const slots = nextSlots(rule, new Date('2026-02-01T00:00:00Z'), 4);
    // 14:00 EST = 19:00Z; after 8 March 14:00 EDT = 18:00Z.
    expect(iso(slots)).toEqual(['2026-03-03T19:00:00.000Z', '2026-03-17T18:00:00.000Z', '2026-03-31T18:00:00.000Z', '2026-04-14T18:00:00.000Z']);
    // Asking from a later point gives the same weeks.
    expect(iso(nextSlots(rule, new Date('2026-03-20T00:00:00Z'), 1))).toEqual(['2026-03-31T18:00:00.000Z']);
  });

  it('finds the first and last weekday of a month', () => {
    const first = ruleFor(recurrence('schedule monthly first monday 09:00'), 'Europe/London', new Date('2026-01-01T00:00:00Z'));
    expect(iso(nextSlots(first, new Date('2026-01-01T00:00:00Z'), 4))).toEqual([
      '2026-01-05T09:00:00.000Z',
      '2026-02-02T09:00:00.000Z',
      '2026-03-02T09:00:00.000Z',
      '2026-04-06T08:00:00.000Z',
    ]);
    const last = ruleFor(recurrence('schedule monthly last friday 15:00'), 'UTC', new Date('2026-01-01T00:00:00Z'));
    expect(iso(nextSlots(last, new Date('2026-01-01T00:00:00Z'), 2))).toEqual(['2026-01-30T15:00:00.000Z', '2026-02-27T15:00:00.000Z']);
  });

  describe('DST nights', () => {
    const daily = (time: string, tz: string) => ruleFor({ kind: 'daily', time }, tz, new Date('2026-01-01T00:00:00Z'));

    it('Europe/London spring forward: a 01:30 slot (a time that does not exist) fires once, just after the gap', () => {
      const { slots } = slotsBetween(daily('01:30', 'Europe/London'), new Date('2026-03-28T12:00:00Z'), new Date('2026-03-30T12:00:00Z'));
      expect(iso(slots)).toEqual(['2026-03-29T01:30:00.000Z', '2026-03-30T00:30:00.000Z']);
      expect(formatLocal(slots[0]!, 'Europe/London')).toBe('Sunday 29 March, 02:30 (Europe/London)');
    });

    it('Europe/London fall back: a 01:30 slot (a time that happens twice) fires once', () => {
      const { slots } = slotsBetween(daily('01:30', 'Europe/London'), new Date('2026-10-24T12:00:00Z'), new Date('2026-10-26T12:00:00Z'));
      expect(iso(slots)).toEqual(['2026-10-25T01:30:00.000Z', '2026-10-26T01:30:00.000Z']);
    });

    it('America/New_York spring forward: 02:30 fires once', () => {
      const { slots } = slotsBetween(daily('02:30', 'America/New_York'), new Date('2026-03-07T12:00:00Z'), new Date('2026-03-09T06:00:00Z'));
      expect(iso(slots)).toEqual(['2026-03-08T07:30:00.000Z']); // 03:30 EDT, the first instant after the gap
      expect(slots).toHaveLength(1);
    });

    it('America/New_York fall back: 01:30 fires once', () => {
      const { slots } = slotsBetween(daily('01:30', 'America/New_York'), new Date('2026-10-31T12:00:00Z'), new Date('2026-11-02T06:00:00Z'));
      expect(iso(slots)).toEqual(['2026-11-01T05:30:00.000Z']);
    });

    it('gives the same slots whichever instant a search starts from on a clock-change night', () => {
      const london = daily('01:30', 'Europe/London');
      // Starting inside the repeated hour (01:30 BST) still finds that night's 01:30 GMT slot.
      expect(iso(nextSlots(london, new Date('2026-10-25T00:30:02Z'), 1))).toEqual(['2026-10-25T01:30:00.000Z']);
      // Starting after the gap still finds the shifted spring-forward slot.
      expect(iso(nextSlots(london, new Date('2026-03-29T01:10:00Z'), 1))).toEqual(['2026-03-29T01:30:00.000Z']);
      const ny = daily('01:30', 'America/New_York');
      // Just after the first 01:30 (EDT), the repeated 01:30 (EST) is not a second slot.
      expect(iso(nextSlots(ny, new Date('2026-11-01T05:30:02Z'), 1))).toEqual(['2026-11-02T06:30:00.000Z']);
      expect(iso(nextSlots(ny, new Date('2026-11-01T06:10:00Z'), 1))).toEqual(['2026-11-02T06:30:00.000Z']);
    });

    it('an hourly cron over the fall-back night has one slot per real hour, each once', () => {
      const rule = ruleFor({ kind: 'cron', expression: '0 * * * *' }, 'Europe/London', new Date('2026-01-01T00:00:00Z'));
      const { slots } = slotsBetween(rule, new Date('2026-10-24T23:30:00Z'), new Date('2026-10-25T03:30:00Z'));
      expect(new Set(iso(slots)).size).toBe(slots.length);
      expect(slots.length).toBeGreaterThanOrEqual(3);
    });
  });

  it('formats a slot in local time', () => {
    expect(formatLocal(new Date('2026-12-01T09:30:00Z'), 'Europe/London', new Date('2026-11-23T00:00:00Z'))).toBe('Tuesday 1 December, 09:30 (Europe/London)');
    expect(formatLocal(new Date('2027-01-04T14:30:00Z'), 'America/New_York', new Date('2026-11-23T00:00:00Z'))).toBe('Monday 4 January 2027, 09:30 (America/New_York)');
  });
});
