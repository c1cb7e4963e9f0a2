import { helpReply } from '../../src/core/help.js';
import { renderReply, type SlackBlock } from './render.js';

/**
 * The App Home tab (with `channels`: the person's channels with a small insights summary, rendered from the core): what the bot does and how to use it (the core's own help, rendered natively), and
 * where to see a channel's schedule. Published on every `app_home_opened`, so it is always current.
 */
export function homeView(channels: SlackBlock[] = []): SlackBlock {
  const help = renderReply(helpReply('slack')).blocks;
  return {
    type: 'home',
    blocks: [
      ...help,
      { type: 'divider' },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          verbatim: true,
          text: '*Your channels*\nIn any channel I am in, say `/moodmusic status` to see its schedule and what was asked last. To add me to a channel, type `/invite @moodmusic` there.',
        },
      },
      ...channels,
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', verbatim: true, text: 'You can also message me here: try `help`, `prompt` or `review`.' }],
      },
    ],
  };
}
