import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { choosePrompt } from '../../src/prompts/choose.js';
import { chooseTheme, dueInCycle, EXPLORE_FLOOR, seededRandom } from '../../src/prompts/learn.js';
import { loadPrompts } from '../../src/prompts/load.js';
import type { Prompt, Theme } from '../../src/prompts/schema.js';
import { openStore } from '../../src/store/index.js';
import { simulateRotation } from '../../scripts/bench/rotation.js';
import { PROMPTS_DIR } from '../helpers/core.js';
import { tempDir } from '../helpers/temp.js';

const themes: Theme[] = ['purpose', 'perspectives', 'language', 'people', 'design'];

describe('choosing a theme from what starts conversation', () => {
  it('favours the theme whose prompts got replies, yet still picks every theme now and then', () => {
    const records = new Map<Theme, { started: number; posts: number }>([
      ['design', { started: 9, posts: 10 }],
      ['purpose', { started: 1, posts: 10 }],
      ['language', { started: 0, posts: 10 }],
    ]);
    const counts = new Map<Theme, number>();
    for (let i = 0; i < 2000; i++) {
      const t = chooseTheme(themes, records, seededRandom(`t${i}`))!;
      counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    expect(counts.get('design')!).toBeGreaterThan(2000 * 0.6);
    // The floor: a uniform pick EXPLORE_FLOOR of the time, so each theme gets at least about floor/n.
    for (const t of themes) expect(counts.get(t) ?? 0).toBeGreaterThan(2000 * (EXPLORE_FLOOR / themes.length) * 0.6);
  });

  it('only ever returns a theme it was offered', () => {
    expect(chooseTheme(['people'], new Map(), seededRandom('x'))).toBe('people');
    expect(chooseTheme([], new Map(), seededRandom('x'))).toBeUndefined();
  });

  it('offers only the prompts the cycle still owes', () => {
    const p = (id: string): Prompt => ({ id, theme: 'purpose', text: id, why: 'w', audience: ['channel'], followUps: [] });
    expect(dueInCycle([p('a'), p('b'), p('c')], new Map([['a', 1], ['b', 2]])).map((x) => x.id)).toEqual(['c']);
    expect(dueInCycle([p('a'), p('b')], new Map([['a', 1], ['b', 1]])).map((x) => x.id)).toEqual(['a', 'b']);
  });
});

describe('the learning rotation on a real store', () => {
  it('still uses every eligible prompt once before any repeats, leading with the theme that gets replies', async () => {
    const tmp = tempDir();
    const clock = new ManualClock('2026-01-05T09:30:00Z');
    const store = await openStore({ kind: 'sqlite', path: path.join(tmp.dir, 'learn.db') }, clock);
    const prompts = await loadPrompts(PROMPTS_DIR);
    const settings = { rotationSeed: 's', defaultTimeZone: 'UTC', catchUpHours: 12, rotation: 'learn' as const };
    const ref = { platform: 'shell' as const, workspaceId: 'W', conversationId: 'C' };
    // History elsewhere in the workspace: design prompts got replies, others did not.
    const other = { ...ref, conversationId: 'OLD' };
    for (const [i, p] of prompts.eligible('channel').slice(0, 60).entries()) {
      await store.posts.record({ ...other, messageId: `o${i}`, kind: 'prompt', promptId: p.id });
      if (p.theme === 'design') for (let r = 0; r < 3; r++) await store.posts.countEngagement(other, `o${i}`, 'replies');
    }
    clock.advance(3 * 86_400_000);
    const eligible = prompts.eligible('channel');
    const seen: string[] = [];
    for (let i = 0; i < eligible.length + 5; i++) seen.push((await choosePrompt({ store, prompts, settings, clock }, ref))!.id);
    const firstCycle = seen.slice(0, eligible.length);
    expect(new Set(firstCycle).size).toBe(eligible.length);
    const firstTen = firstCycle.slice(0, 10).map((id) => prompts.get(id)!.theme);
    expect(firstTen.filter((t) => t === 'design').length).toBeGreaterThanOrEqual(6);
    // The second cycle starts only after the first is complete.
    expect(new Set(seen.slice(eligible.length)).size).toBe(5);
    await store.close();
    tmp.cleanup();
  });

  it('gains replies over plain rotation in a simulated channel that answers some themes more', async () => {
    const prompts = await loadPrompts(PROMPTS_DIR);
    const plain = await simulateRotation(prompts, 'plain', { channels: 12 });
    const learn = await simulateRotation(prompts, 'learn', { channels: 12 });
    expect(plain.posts).toBe(learn.posts);
    expect(learn.repliedPosts / plain.repliedPosts).toBeGreaterThan(1.1);
  });
});
