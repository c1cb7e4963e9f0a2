const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * A slot in the channel's local time, as people read it: "Monday 1 December, 09:30 (Europe/London)".
 * The year is added only when it is not the year of `now`.
 */
export function formatLocal(at: Date, timeZone: string, now?: Date): string {
  const p = Object.fromEntries(formatter(timeZone).formatToParts(at).map((x) => [x.type, x.value]));
  const thisYear = now ? Object.fromEntries(formatter(timeZone).formatToParts(now).map((x) => [x.type, x.value])).year : p.year;
  const year = p.year !== thisYear ? ` ${p.year}` : '';
  return `${p.weekday} ${p.day} ${p.month}${year}, ${p.hour}:${p.minute} (${timeZone})`;
}

/**
 * A calendar date in the zone, in the same style as `formatLocal`: "Monday 1 December" (the year only
 * when it is not the year of `now`). Every reply that names a day uses one of these two.
 */
export function formatDate(at: Date, timeZone: string, now?: Date): string {
  return formatLocal(at, timeZone, now).replace(/, \d{2}:\d{2} \(.*\)$/, '');
}
