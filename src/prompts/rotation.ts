import * as crypto from 'node:crypto';
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
  // Sequence numbers are distinct per conversation, so only never-used prompts (-1) can tie; only
  // those need their order key, and each key is hashed once per conversation (cached), not per pick.
  let least = Number.POSITIVE_INFINITY;
  let best: Prompt | undefined;
  let ties = 0;
  for (const prompt of eligible) {
    const used = lastUsed.get(prompt.id) ?? -1;
    if (used < least) {
      least = used;
      best = prompt;
      ties = 1;
    } else if (used === least) ties += 1;
  }
  if (ties <= 1) return best;
  const keys = orderKeys(seed, conversationKey);
  let bestKey: string | undefined;
  for (const prompt of eligible) {
    if ((lastUsed.get(prompt.id) ?? -1) !== least) continue;
    let key = keys?.get(prompt.id);
    if (key === undefined) {
      key = orderKey(seed, conversationKey, prompt.id);
      keys?.set(prompt.id, key);
    }
    if (bestKey === undefined || key < bestKey) {
      best = prompt;
      bestKey = key;
    }
  }
  return best;
}

/**
 * Order keys of recently picked conversations, least recently used first: null for a conversation
 * picked once (its keys were not kept), its keys from its second pick on.
 */
const cache = new Map<string, Map<string, string> | null>();
// Few: they serve people asking for another prompt in the same conversation, each holding a key per
// prompt (about 10 kB).
const CACHED_CONVERSATIONS = 200;

/**
 * The kept order keys of a conversation, or undefined on its first pick: a fan-out picks once for each
 * of thousands of conversations, and keeping keys for each would only fill memory with what is never
 * read again (keys are kept once a conversation picks a second time, which is when they are reused).
 */
function orderKeys(seed: string, conversationKey: string): Map<string, string> | undefined {
  const id = `${seed}\u0000${conversationKey}`;
  const known = cache.get(id);
  if (known !== undefined) cache.delete(id); // re-inserted below as the newest
  else if (cache.size >= CACHED_CONVERSATIONS) cache.delete(cache.keys().next().value as string);
  const keys = known === undefined ? null : (known ?? new Map<string, string>());
  cache.set(id, keys);
  return keys ?? undefined;
}

/** Node's one-shot digest (20.12 and later): the same hash, a third of the cost of a Hash object per key. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

function orderKey(seed: string, conversationKey: string, promptId: string): string {
  const text = `${seed}\u0000${conversationKey}\u0000${promptId}`;
  return oneShot ? oneShot('sha256', text, 'hex') : crypto.createHash('sha256').update(text).digest('hex');
}
