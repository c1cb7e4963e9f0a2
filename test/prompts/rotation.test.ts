import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { choosePrompt } from '../../src/prompts/choose.js';
import { loadPrompts } from '../../src/prompts/load.js';
import { pickNext } from '../../src/prompts/rotation.js';
import type { Prompt } from '../../src/prompts/schema.js';
import { openStore } from '../../src/store/index.js';
import { PROMPTS_DIR } from '../helpers/core.js';
import { tempDir } from '../helpers/temp.js';

const prompt = (id: string, theme: Prompt['theme'] = 'purpose'): Prompt => ({ id, theme, text: id, why: 'w', audience: ['channel'], followUps: [] });

describe('rotation', () => {
  const pool = ['a', 'b', 'c', 'd', 'e'].map((id) => prompt(id));

  function run(seed: string, n: number, conversation = 'c1'): string[] {
    const used = new Map<string, number>();
    const order: string[] = [];
    for (let i = 1; i <= n; i++) {
      const next = pickNext(pool, used, seed, conversation)!;
      used.set(next.id, i);
      order.push(next.id);
    }
    return order;
  }

  it('uses every prompt once before any repeats, then repeats in the same order', () => {
    const order = run('seed', 10);
    expect(new Set(order.slice(0, 5)).size).toBe(5);
    expect(order.slice(5)).toEqual(order.slice(0, 5));
  });

  it('is deterministic for a seed and differs between seeds and conversations', () => {
    expect(run('seed', 5)).toEqual(run('seed', 5));
    const others = [run('other', 5), run('seed', 5, 'c2'), run('third', 5)];
    expect(others.some((o) => o.join() !== run('seed', 5).join())).toBe(true);
  });

  it('keeps state in the store across a reopen, with a theme filter', async () => {
    const tmp = tempDir();
    const file = path.join(tmp.dir, 'rot.db');
    const prompts = await loadPrompts(PROMPTS_DIR);
    const ref = { platform: 'shell', workspaceId: 'W', conversationId: 'C' } as const;
    const settings = { rotationSeed: 's', defaultTimeZone: 'UTC', catchUpHours: 12 };
    const purpose = prompts.eligible('channel', ['purpose']);
    const seen: string[] = [];
    for (const round of [0, 1]) {
      const store = await openStore({ kind: 'sqlite', path: file });
      const half = round === 0 ? Math.floor(purpose.length / 2) : purpose.length - Math.floor(purpose.length / 2);
      for (let i = 0; i < half; i++) {
        const p = await choosePrompt({ store, prompts, settings, clock: systemClock }, ref, { themes: ['purpose'] });
        seen.push(p!.id);
      }
      await store.close();
    }
    expect(seen.every((id) => prompts.get(id)?.theme === 'purpose')).toBe(true);
    expect(new Set(seen).size).toBe(purpose.length);
    tmp.cleanup();
  });
});
