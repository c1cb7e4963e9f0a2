import { WEEKDAYS, type Intent, type Recurrence, type Span, type Weekday } from './intents.js';

/** Usage lines per verb; shown in help and after a mistake. */
export const USAGE: Record<string, string> = {
  help: 'help',
  prompt: 'prompt [theme]  (themes: purpose, perspectives, onboarding, language, people, design) | prompt facilitator',
  review: 'review PLAN  (or just `review` for a form)',
  reframe: 'reframe QUESTION',
  schedule:
    'schedule weekly monday 09:30 [Europe/London] [themes purpose,people] | schedule weekdays 10:00 | schedule daily 09:00 | schedule every 2 weeks tuesday 14:00 | schedule fortnightly tuesday 10:00 | schedule monthly first monday 09:00 | schedule cron "0 9 * * 1" | schedule off',
  pause: 'pause [for N hours|days|weeks]',
  resume: 'resume',
  skip: 'skip',
  status: 'status',
  story: 'story',
  welcome: 'welcome on|off',
  digest: 'digest weekly friday 15:00 | digest now | digest off',
  forget: 'forget me',
  insights: 'insights [workspace] [weeks 12]',
  'prompt-add': 'prompt add THEME "QUESTION" [why "WHY"]  |  prompt list mine  |  prompt remove ID',
  my: 'my stories',
  withdraw: 'withdraw N  (N from my stories)',
};

const DAY_ALIASES: Record<string, Weekday> = {
  mon: 'monday', tue: 'tuesday', tues: 'tuesday', wed: 'wednesday', thu: 'thursday', thur: 'thursday',
  thurs: 'thursday', fri: 'friday', sat: 'saturday', sun: 'sunday',
};
const NTH: Record<string, 1 | 2 | 3 | 4 | 'last'> = {
  first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, last: 'last',
};
const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };
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

/** Splits on whitespace but keeps "double quoted" or 'single quoted' runs together (quotes removed). */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|“([^”]*)”|(\S+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) tokens.push(m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
  return tokens;
}

/** User text quoted back in an error, cut short: a pasted essay must not come back whole. */
function quoted(text: string): string {
  return `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}

interface RecurrenceParse {
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

/** What `pause for …` accepts, said whenever a span is refused. */
export const PAUSE_UNITS = 'hours, days or weeks, e.g. pause for 3 days or pause for 2 weeks (or just pause, until resume)';

function parseSpan(tokens: string[]): Span | { error: string } {
  const words = tokens.map((t) => t.toLowerCase());
  if (words[0] === 'for') words.shift();
  if (words[0] === 'a' && words[1] === 'fortnight' && words.length === 2) return { amount: 2, unit: 'week' };
  const amount = Number(words[0]) || NUMBER_WORDS[words[0] ?? ''];
  const unit = /^(hour|day|week)s?$/.exec(words[1] ?? '')?.[1] as Span['unit'] | undefined;
  if (!unit || words.length > 2) {
    const said = words.slice(1).join(' ') || words.join(' ');
    return { error: `I can't pause for ${quoted(said)}. I can pause for ${PAUSE_UNITS}.` };
  }
  if (!amount || amount < 1 || !Number.isInteger(amount)) return { error: `Say how many ${unit}s as a whole number. I can pause for ${PAUSE_UNITS}.` };
  return { amount, unit };
}

const invalid = (of: string, message: string): Intent => ({ verb: 'invalid', of, message, usage: USAGE[of] ?? of });

/**
 * Parses one chat line (what follows @moodmusic, the slash command text, or a DM) into an intent. The
 * first word is the verb. Never throws: odd input becomes `unknown` or `invalid`.
 */
export function parseCommand(input: string): Intent {
  const text = input.replace(/\s+/g, ' ').trim();
  const firstSpace = text.indexOf(' ');
  const verb = (firstSpace === -1 ? text : text.slice(0, firstSpace)).toLowerCase().replace(/[!?.,:]+$/, '');
  const rest = firstSpace === -1 ? '' : text.slice(firstSpace + 1).trim();
  // Keep the original line breaks for free text (plans are often pasted as lists).
  const restRaw = firstSpace === -1 ? '' : input.trim().slice(input.trim().search(/\s/)).trim();
  const args = tokenize(rest);

  switch (verb) {
    case '':
      return { verb: 'prompt' };
    case 'help':
    case 'hi':
    case 'hello':
    case '?':
      return args[0] && verb === 'help' ? { verb: 'help', topic: args[0].toLowerCase() } : { verb: 'help' };
    case 'prompt':
    case 'question': {
      const own = parseOwnPrompt(args);
      if (own) return own;
    }
    // falls through
      return args[0] ? { verb: 'prompt', theme: args.join(' ').toLowerCase() } : { verb: 'prompt' };
    case 'review':
      return { verb: 'review', plan: restRaw };
    case 'reframe':
      return rest ? { verb: 'reframe', question: rest } : invalid('reframe', 'Give me the question to look at, e.g. reframe What to do about youth crime?');
    case 'schedule': {
      if (args.length === 1 && /^(off|stop|none|cancel)$/i.test(args[0] ?? '')) return { verb: 'schedule-off' };
      const parsed = parseRecurrence(args);
      if (parsed.error || !parsed.recurrence) return invalid('schedule', parsed.error ?? 'say when');
      return {
        verb: 'schedule',
        recurrence: parsed.recurrence,
        themes: parsed.themes,
        ...(parsed.timeZone ? { timeZone: parsed.timeZone } : {}),
      };
    }
    case 'pause': {
      if (args.length === 0) return { verb: 'pause' };
      const span = parseSpan(args);
      return 'error' in span ? invalid('pause', span.error) : { verb: 'pause', for: span };
    }
    case 'resume':
    case 'unpause':
      return { verb: 'resume' };
    case 'skip':
      return { verb: 'skip' };
    case 'status':
      return { verb: 'status' };
    case 'story':
    case 'stories':
      return { verb: 'story' };
    case 'welcome': {
      const v = (args[0] ?? '').toLowerCase();
      if (v === 'on' || v === 'off') return { verb: 'welcome', on: v === 'on' };
      return invalid('welcome', 'Say welcome on or welcome off');
    }
    case 'digest': {
      if (args.length === 1 && /^now$/i.test(args[0] ?? '')) return { verb: 'digest-now' };
      if (args.length === 1 && /^(off|stop|none|cancel)$/i.test(args[0] ?? '')) return { verb: 'digest-off' };
      const parsed = parseRecurrence(args);
      if (parsed.error || !parsed.recurrence) return invalid('digest', parsed.error ?? 'say when');
      return { verb: 'digest', recurrence: parsed.recurrence, ...(parsed.timeZone ? { timeZone: parsed.timeZone } : {}) };
    }
    case 'insights':
    case 'insight':
      return parseInsights(args);
    case 'my':
      return args.length === 1 && /^stor(y|ies)$/i.test(args[0] ?? '')
        ? { verb: 'my-stories' }
        : invalid('my', 'To see your stories, say my stories');
    case 'withdraw': {
      if (args.length === 0) return { verb: 'withdraw' };
      const n = args.length === 1 ? Number(args[0]?.replace(/^#/, '')) : NaN;
      return Number.isInteger(n) && n >= 1 ? { verb: 'withdraw', which: n } : invalid('withdraw', 'Say withdraw and the number of the story from my stories, e.g. withdraw 2');
    }
    case 'forget':
      return /^me$/i.test(args[0] ?? '') && args.length === 1
        ? { verb: 'forget-me' }
        : invalid('forget', 'To delete everything held about you, say forget me');
    default:
      return { verb: 'unknown', text };
  }
}

/** `insights`, `insights workspace`, `insights weeks 8`, `insights 26 weeks`. */
function parseInsights(args: string[]): Intent {
  let scope: 'channel' | 'workspace' = 'channel';
  let weeks: number | undefined;
  const words = args.map((a) => a.toLowerCase());
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    if (w === 'workspace' || w === 'team' || w === 'all') scope = 'workspace';
    else if (w === 'channel' || w === 'here') scope = 'channel';
    else if (/^\d+$/.test(w) && !weeks) weeks = Number(w);
    else if (w !== 'weeks' && w !== 'week' && w !== 'for' && w !== 'last') {
      return invalid('insights', `I don't know "${w.slice(0, 20)}" after insights.`);
    }
  }
  if (weeks !== undefined && (weeks < 1 || weeks > 104)) return invalid('insights', 'Choose between 1 and 104 weeks.');
  return { verb: 'insights', scope, ...(weeks ? { weeks } : {}) };
}

/** `prompt add THEME "QUESTION" [why "WHY"]`, `prompt list [mine]`, `prompt remove ID`; undefined for anything else. */
function parseOwnPrompt(args: string[]): Intent | undefined {
  const sub = (args[0] ?? '').toLowerCase();
  if (sub === 'list' && args.length <= 2) {
    const what = (args[1] ?? 'mine').toLowerCase();
    if (what === 'mine' || what === 'all' || what === 'added') return { verb: 'prompt-list', mine: what === 'mine' };
    return invalid('prompt-add', 'Say prompt list mine, or prompt list all.');
  }
  if (sub === 'remove' || sub === 'delete') {
    if (args.length !== 2 || !args[1]) return invalid('prompt-add', 'Say which one, e.g. prompt remove c-7kq2 (prompt list mine shows the ids).');
    return { verb: 'prompt-remove', id: args[1].toLowerCase() };
  }
  if (sub !== 'add') return undefined;
  const [, theme, question, whyWord, why, ...extra] = args;
  if (!theme || !question) return invalid('prompt-add', 'Give a theme and the question in quotes, e.g. prompt add purpose "What is this team for, in one sentence?"');
  if (whyWord !== undefined && (whyWord.toLowerCase() !== 'why' || !why || extra.length)) {
    return invalid('prompt-add', 'Put the question in quotes, and anything after it as why "…", e.g. prompt add people "Who would you invite next time?" why "More perspectives"');
  }
  return { verb: 'prompt-add', theme: theme.toLowerCase(), question, ...(why ? { why } : {}) };
}
