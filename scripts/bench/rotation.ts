import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ManualClock } from '../../src/clock.js';
import { seededRandom } from '../../src/prompts/learn.js';
import { choosePrompt } from '../../src/prompts/choose.js';
import type { PromptLibrary } from '../../src/prompts/library.js';
import { loadPrompts } from '../../src/prompts/load.js';
import { THEMES, type Theme } from '../../src/prompts/schema.js';
import { openStore } from '../../src/store/index.js';

/** Chance that a week's prompt gets at least one reply, by how much this channel cares for its theme. */
const APPETITE = [0.7, 0.45, 0.3, 0.2, 0.12, 0.06];

export interface SimulationResult {
  /** Posts that got at least one reply, summed over every simulated channel. */
  repliedPosts: number;
  posts: number;
}

/**
 * Simulates `channels` channels for `weeks` weekly prompts through the real rotation (`choosePrompt`
 * on a real SQLite store). Each channel answers some themes more (a shuffled `APPETITE`), and a reply is
 * counted on the post as the engagement feature would. Same seeds for both modes, so they differ only
 * in the rotation.
 */
export async function simulateRotation(
  prompts: PromptLibrary,
  mode: 'learn' | 'plain',
  options: { channels?: number; weeks?: number; seed?: string } = {},
): Promise<SimulationResult> {
  const channels = options.channels ?? 40;
  const weeks = options.weeks ?? 26;
  const dir = mkdtempSync(path.join(tmpdir(), 'moodmusic-sim-'));
  const clock = new ManualClock('2026-01-05T09:30:00Z');
  const store = await openStore({ kind: 'sqlite', path: path.join(dir, 'sim.db') }, clock);
  const settings = { rotationSeed: options.seed ?? 'sim', defaultTimeZone: 'UTC', catchUpHours: 12, rotation: mode };
  let repliedPosts = 0;
  let posts = 0;
  try {
    for (let c = 0; c < channels; c++) {
      const random = seededRandom(`${options.seed ?? 'sim'}|channel|${c}`);
      const order = [...THEMES].sort(() => random() - 0.5);
      const appetite = new Map<Theme, number>(order.map((t, i) => [t, APPETITE[i] ?? 0]));
      // One workspace per channel: what is learnt comes from this channel's own replies.
      const ref = { platform: 'shell' as const, workspaceId: `W${c}`, conversationId: `C${c}` };
      clock.set('2026-01-05T09:30:00Z');
      for (let week = 0; week < weeks; week++) {
        const prompt = await choosePrompt({ store, prompts, settings, clock }, ref);
        if (!prompt) throw new Error('the library ran dry');
        const messageId = `m${week}`;
        await store.posts.record({ ...ref, messageId, kind: 'prompt', promptId: prompt.id });
        posts += 1;
        if (random() < (appetite.get(prompt.theme) ?? 0)) {
          repliedPosts += 1;
          await store.posts.countEngagement(ref, messageId, 'replies');
        }
        clock.advance(7 * 86_400_000);
      }
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { repliedPosts, posts };
}

/** `rotation.sim.*`: replies gained by learning over plain rotation in a channel's first 26 weeks. */
export async function benchRotation(): Promise<Array<[string, string]>> {
  const prompts = await loadPrompts(path.resolve(import.meta.dirname, '../../../prompts'));
  const plain = await simulateRotation(prompts, 'plain');
  const learn = await simulateRotation(prompts, 'learn');
  return [
    ['rotation.sim.channels_x_weeks', `${plain.posts}`],
    ['rotation.sim.plain_replied_posts', `${plain.repliedPosts}`],
    ['rotation.sim.learn_replied_posts', `${learn.repliedPosts}`],
    ['rotation.sim.replies_ratio', (learn.repliedPosts / Math.max(1, plain.repliedPosts)).toFixed(2)],
  ];
}
