import type { Feature } from '../core/types.js';
import { reply, type Reply } from '../model/reply.js';

/** The hello the bot says once when it is added to a channel, team or chat. */
export function introductionReply(): Reply {
  return reply(
    [
      { type: 'text', text: "Hello, I'm moodmusic. I keep the mood music of whole system working playing in the background here." },
      {
        type: 'list',
        items: [
          'Mention me with "prompt" for a reflective question now, or "schedule weekly monday 09:30" for one each week.',
          'Mention me with "review" and a meeting plan for a few reflective nudges, or "reframe" and a question.',
          'Say "welcome on" to invite people who join to share what they notice as new starters.',
        ],
      },
      { type: 'context', text: 'Say help for everything I can do. Nothing you tell me privately is shared unless you choose.' },
    ],
    { visibility: 'conversation' },
  );
}

/**
 * Answers `bot-added` (the bot joining a conversation) with a short introduction. It runs as an
 * intercept because the message has no text for the grammar to parse.
 */
export const introduceFeature: Feature = {
  name: 'introduce',
  async intercept(message) {
    if (message.source !== 'bot-added') return undefined;
    return [introductionReply()];
  },
};
