import type { Feature } from '../core/types.js';
import { helpReply } from '../core/help.js';

/** `help`. */
export const helpFeature: Feature = {
  name: 'help',
  commands: { help: async (_intent, message) => [helpReply(message.platform)] },
};
