import { createHash } from 'node:crypto';
import type { Prompt } from './schema.js';

/**
 * Chooses the next prompt for a conversation. Prompts never used here come first, in an order fixed by
 * the seed and the conversation (so tests can pin it and two conversations differ); once every eligible
 * prompt has been used, the least recently used comes next. No prompt repeats until all have been used.
 *
 * @param lastUsed prompt id → sequence number of its last use in this conversation
 */
export function pickNext(
  eligible: readonly Prompt[],
  lastUsed: ReadonlyMap<string, number>,
  seed: string,
  conversationKey: string,
): Prompt | undefined {
  let best: Prompt | undefined;
  let bestKey: [number, string] | undefined;
  for (const prompt of eligible) {
    const key: [number, string] = [lastUsed.get(prompt.id) ?? -1, orderKey(seed, conversationKey, prompt.id)];
    if (!bestKey || key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) {
      best = prompt;
      bestKey = key;
    }
  }
  return best;
}

function orderKey(seed: string, conversationKey: string, promptId: string): string {
  return createHash('sha256').update(`${seed}\u0000${conversationKey}\u0000${promptId}`).digest('hex');
}
