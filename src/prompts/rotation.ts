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
  let bestUsed = 0;
  let bestOrder = 0;
  // One hash per pick (the conversation's); each prompt's own hash is computed once per seed.
  const conversation = hash32(`${seed}\u0000${conversationKey}`);
  for (const prompt of eligible) {
    const used = lastUsed.get(prompt.id) ?? -1;
    if (best && used > bestUsed) continue;
    const order = mix32(conversation ^ promptHash(seed, prompt.id));
    if (!best || used < bestUsed || order < bestOrder) {
      best = prompt;
      bestUsed = used;
      bestOrder = order;
    }
  }
  return best;
}

const promptHashes = new Map<string, number>();

function promptHash(seed: string, promptId: string): number {
  const key = `${seed}\u0000${promptId}`;
  let h = promptHashes.get(key);
  if (h === undefined) {
    h = hash32(key);
    if (promptHashes.size > 50_000) promptHashes.clear();
    promptHashes.set(key, h);
  }
  return h;
}

/** The first 32 bits of SHA-256 (stable across versions and platforms). */
function hash32(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

/** MurmurHash3's finaliser: a bijection on 32 bits that spreads every input bit over the output. */
function mix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
