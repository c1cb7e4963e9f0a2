import type { Intent, Span } from './intents.js';
import { NUMBER_WORDS, parseRecurrence, quoted } from './recurrence-words.js';

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

/** Splits on whitespace but keeps "double quoted" or 'single quoted' runs together (quotes removed). */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|“([^”]*)”|(\S+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) tokens.push(m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
  return tokens;
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
