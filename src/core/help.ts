import type { PlatformName } from '../model/message.js';
import { reply, type Reply } from '../model/reply.js';

/** How people reach the bot on each platform: Slack has /moodmusic; Teams and the shell have none. */
const HOW_TO_ASK: Record<PlatformName, string> = {
  slack: 'Mention me, use /moodmusic, or message me directly:',
  teams: 'Mention me in a channel or group chat, or message me directly:',
  shell: 'Type a command at the prompt (what you would type after @moodmusic):',
};

/** Every form `schedule` accepts, for help and the usage line. */
export const SCHEDULE_FORMS = [
  'schedule weekly monday 09:30 [Europe/London] [themes purpose,people]',
  'schedule weekdays 10:00',
  'schedule daily 09:00',
  'schedule every 2 weeks tuesday 14:00 (or fortnightly tuesday 14:00)',
  'schedule monthly first monday 09:00 (first, second, third, fourth or last)',
  'schedule cron "0 9 * * 1"',
  'schedule off',
];

/**
 * Action id of a button that runs a command as if it had been typed: its value is the command text.
 * Help offers the common ones as buttons, so nobody has to remember the grammar for them.
 */
export const RUN_COMMAND_ACTION = 'run';

/** The common actions, as buttons under the help (labels short enough for a phone column). */
export const HELP_BUTTONS = [
  { id: RUN_COMMAND_ACTION, label: 'Question now', value: 'prompt' },
  { id: RUN_COMMAND_ACTION, label: 'Review a plan', value: 'review' },
  { id: RUN_COMMAND_ACTION, label: 'Status', value: 'status' },
  { id: RUN_COMMAND_ACTION, label: 'My story', value: 'story' },
];

/** The full help: what the bot does and the grammar, worded for the platform it is read on. */
export function helpReply(platform: PlatformName = 'slack'): Reply {
  return reply([
    { type: 'header', text: 'moodmusic: keeping whole system working in the background' },
    {
      type: 'text',
      text: `I post a reflective question each week, look over meeting plans with you, and listen to what new starters notice. ${HOW_TO_ASK[platform]}`,
    },
    {
      type: 'list',
      items: [
        'prompt [theme]: a question now (purpose, perspectives, onboarding, language, people, design)',
        'prompt facilitator: an opening question for a meeting you are running',
        'review PLAN: reflective nudges on a meeting plan (just "review" opens a form)',
        'reframe QUESTION: is it framed around a deficit? Ways to frame it around what people want',
        `${SCHEDULE_FORMS.join(' | ')}: prompts here on a schedule (time zone: an IANA name such as Europe/London, or UTC)`,
        'pause [for 3 days | 2 weeks | 4 hours] | resume | skip | status: pause covers whole days, today included; skip drops the next prompt only',
        'story: tell me how things really get done around here (private unless you choose)',
        'welcome on|off: invite people who join this channel to share their first impressions',
        'digest weekly friday 15:00 | digest now | digest off: share back stories people chose to share',
        'insights [workspace]: which questions start conversation here (counts only, never who), with a link to charts',
        'prompt add THEME "QUESTION" [why "WHY"] | prompt list mine | prompt remove ID: this workspace\'s own questions',
        'my stories: your stories with how each is shared; change or withdraw any of them (withdraw N)',
        'forget me: delete everything I hold about you',
      ],
    },
    { type: 'actions', buttons: HELP_BUTTONS },
    { type: 'context', text: 'Built from "Where to Begin" on whole system working: amplify what is already there.' },
  ]);
}

/** A short answer to input the grammar does not know. */
export function shortHelp(text: string): Reply {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return reply(
    [
      { type: 'text', text: `I didn't understand "${shown}". Try prompt, review PLAN, reframe QUESTION, schedule, status or story.`, user: [shown] },
      { type: 'context', text: 'Say help for everything I can do.' },
    ],
    { visibility: 'private' },
  );
}
