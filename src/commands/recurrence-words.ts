import { WEEKDAYS, type Recurrence, type Weekday } from './intents.js';

const DAY_ALIASES: Record<string, Weekday> = {
  mon: 'monday', tue: 'tuesday', tues: 'tuesday', wed: 'wednesday', thu: 'thursday', thur: 'thursday',
  thurs: 'thursday', fri: 'friday', sat: 'saturday', sun: 'sunday',
};
const NTH: Record<string, 1 | 2 | 3 | 4 | 'last'> = {
  first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, last: 'last',
};
/** Small counts said as words ("pause for two weeks"). */
export const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };
/** "fortnightly" and its spellings: every 2 weeks. */
const FORTNIGHTLY = /^(fortnightly|biweekly|bi-weekly)$/;

function weekday(word: string | undefined): Weekday | undefined {
  if (!word) return undefined;
  const w = word.toLowerCase().replace(/s$/, '');
  return (WEEKDAYS as readonly string[]).includes(w) ? (w as Weekday) : DAY_ALIASES[w];
}

/** Parses "9:30", "09:30", "9.30", "9am", "2:15pm", "14:00" into "HH:MM". */
export function parseTime(word: string | undefined): string | undefined {
  if (!word) return undefined;
  const m = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/i.exec(word.trim());
  if (!m || (m[2] === undefined && m[3] === undefined)) return undefined;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? '0');
  const meridiem = m[3]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** User text quoted back in an error, cut short: a pasted essay must not come back whole. */
export function quoted(text: string): string {
  return `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}

/** What `parseRecurrence` found, or why it refused. */
export interface RecurrenceParse {
  recurrence?: Recurrence;
  timeZone?: string;
  themes: string[];
  error?: string;
}

/** Parses the words after `schedule` or `digest`: the recurrence, then an optional time zone and themes. */
export function parseRecurrence(tokens: string[]): RecurrenceParse {
  const words = [...tokens];
  const lower = () => (words[0] ?? '').toLowerCase();
  const themes: string[] = [];
  let recurrence: Recurrence | undefined;

  const needTime = (what: string): string | { error: string } => {
    const t = parseTime(words[0]);
    if (!t) return { error: words[0] ? `${quoted(words[0])} is not a time; use 24-hour HH:MM, e.g. 09:30` : `${what} needs a time, e.g. 09:30` };
    words.shift();
    return t;
  };

  const head = lower();
  if (head === 'cron') {
    words.shift();
    const expr = words.shift();
    if (!expr || expr.trim().split(/\s+/).length !== 5) {
      return { themes, error: 'cron needs a quoted five-field expression, e.g. schedule cron "0 9 * * 1"' };
    }
    recurrence = { kind: 'cron', expression: expr.trim().replace(/\s+/g, ' ') };
  } else if (head === 'weekdays' || head === 'daily' || head === 'every-day') {
    words.shift();
    const t = needTime(head);
    if (typeof t !== 'string') return { themes, ...t };
    recurrence = head === 'weekdays' ? { kind: 'weekdays', time: t } : { kind: 'daily', time: t };
  } else if (head === 'weekly' || head === 'every' || FORTNIGHTLY.test(head) || weekday(head)) {
    let everyWeeks = 1;
    if (head === 'weekly') words.shift();
    else if (FORTNIGHTLY.test(head)) {
      words.shift();
      everyWeeks = 2;
    }
    else if (head === 'every') {
      words.shift();
      const n = Number(words[0]) || NUMBER_WORDS[lower()];
      if (n && /^weeks?$/i.test(words[1] ?? '')) {
        everyWeeks = n;
        words.splice(0, 2);
      } else if (/^(other|second)$/i.test(words[0] ?? '') && /^weeks?$/i.test(words[1] ?? '')) {
        everyWeeks = 2;
        words.splice(0, 2);
      } else if (/^weeks?$/i.test(words[0] ?? '')) {
        words.shift();
      } else if (/^weekdays?$/i.test(words[0] ?? '')) {
        words.shift();
        const t = needTime('weekdays');
        if (typeof t !== 'string') return { themes, ...t };
        recurrence = { kind: 'weekdays', time: t };
      }
    }
    if (!recurrence) {
      if (everyWeeks < 1 || everyWeeks > 8) return { themes, error: 'every N weeks takes N from 1 to 8' };
      if (/^on$/i.test(words[0] ?? '')) words.shift();
      const day = weekday(words[0]);
      if (!day) return { themes, error: words[0] ? `${quoted(words[0])} is not a day of the week` : 'say which day, e.g. monday' };
      words.shift();
      if (/^at$/i.test(words[0] ?? '')) words.shift();
      const t = needTime('a weekly schedule');
      if (typeof t !== 'string') return { themes, ...t };
      recurrence = { kind: 'weekly', day, time: t, everyWeeks };
    }
  } else if (head === 'monthly') {
    words.shift();
    if (/^on$/i.test(words[0] ?? '')) words.shift();
    const nth = NTH[lower()];
    if (!nth) return { themes, error: 'say which week of the month: first, second, third, fourth or last' };
    words.shift();
    const day = weekday(words[0]);
    if (!day) return { themes, error: 'say which day, e.g. monthly first monday 09:00' };
    words.shift();
    if (/^at$/i.test(words[0] ?? '')) words.shift();
    const t = needTime('a monthly schedule');
    if (typeof t !== 'string') return { themes, ...t };
    recurrence = { kind: 'monthly', nth, day, time: t };
  } else {
    return { themes, error: head ? `I don't know the rule ${quoted(tokens.join(' '))}` : 'say when, e.g. weekly monday 09:30' };
  }

  let timeZone: string | undefined;
  while (words.length > 0) {
    const w = words.shift() ?? '';
    if (/^themes?$/i.test(w)) {
      const list = words.splice(0).join(',');
      themes.push(...list.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean));
    } else if (/^(in|tz)$/i.test(w)) {
      continue;
    } else if (/^[A-Za-z_]+\/[A-Za-z_\-/+0-9]+$|^(utc|gmt)$/i.test(w) && !timeZone) {
      timeZone = w;
    } else {
      return { themes, error: `I don't understand ${quoted(w)} here; put an optional time zone (Europe/London) and then themes a,b` };
    }
  }
  return { ...(recurrence ? { recurrence } : {}), ...(timeZone ? { timeZone } : {}), themes };
}
