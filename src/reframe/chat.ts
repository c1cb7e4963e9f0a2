/** The chat verb `reframe QUESTION`: the framing check as a block-model reply. */
import { textReply, type Reply } from '../model/reply.js';
import { reframe } from './reframe.js';
import { reframeToReply } from './render.js';

/** Replies to `reframe QUESTION`; with no question, says what to send. */
export function reframeChat(text: string): Reply {
  if (!String(text ?? '').trim()) {
    return textReply('Send the question you are planning to ask after the word reframe, for example: reframe How do we reduce youth offending in the borough?');
  }
  return reframeToReply(reframe(text));
}
