import { reply, type Reply } from '../model/reply.js';

/** The full help: what the bot does and the grammar. */
export function helpReply(): Reply {
  return reply([
    { type: 'header', text: 'moodmusic: keeping whole system working in the background' },
    {
      type: 'text',
      text: 'I post a reflective question each week, look over meeting plans with you, and listen to what new starters notice. Mention me, use /moodmusic, or message me directly:',
    },
    {
      type: 'list',
      items: [
        'prompt [theme]: a question now (purpose, perspectives, onboarding, language, people, design)',
        'review PLAN: reflective nudges on a meeting plan (just "review" opens a form)',
        'reframe QUESTION: is it framed around a deficit? Ways to frame it around what people want',
        'schedule weekly monday 09:30 [Europe/London] [themes purpose,people]: weekly prompts here',
        'schedule weekdays 10:00 | schedule cron "0 9 * * 1" | schedule off',
        'pause [for 2 weeks] | resume | skip | status',
        'story: tell me how things really get done around here (private unless you choose)',
        'welcome on|off: invite people who join this channel to share their first impressions',
        'digest weekly friday 15:00 | digest now | digest off: share back stories people chose to share',
        'forget me: delete everything I hold about you',
      ],
    },
    { type: 'context', text: 'Built from "Where to Begin" on whole system working: amplify what is already there.' },
  ]);
}

/** A short answer to input the grammar does not know. */
export function shortHelp(text: string): Reply {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return reply(
    [
      { type: 'text', text: `I didn't understand "${shown}". Try prompt, review PLAN, reframe QUESTION, schedule, status or story.` },
      { type: 'context', text: 'Say help for everything I can do.' },
    ],
    { visibility: 'private' },
  );
}
