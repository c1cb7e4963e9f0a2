import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/commands/grammar.js';
import type { PromptLibrary } from '../../src/prompts/library.js';
import { loadPrompts } from '../../src/prompts/load.js';
import { openStore, type Store } from '../../src/store/index.js';
import { PROMPTS_DIR } from '../helpers/core.js';
import { tempDir } from '../helpers/temp.js';
import { FakePlatform, FakeTime, startInstance, type Instance } from './harness.js';

let prompts: PromptLibrary;
beforeAll(async () => {
  prompts = await loadPrompts(PROMPTS_DIR);
});

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function bot(start: string): Promise<Instance & { store: Store; platform: FakePlatform }> {
  const tmp = tempDir();
  const time = new FakeTime(start);
  const store = await openStore({ kind: 'sqlite', path: path.join(tmp.dir, 'bot.db') }, time.clock);
  const platform = new FakePlatform(time.clock);
  const i = await startInstance({ store, prompts, time, outbound: platform.outbound() });
  cleanups.push(tmp.cleanup, () => store.close(), () => i.core.stop());
  return { ...i, store, platform };
}

describe('pause for a span across a clock change', () => {
  it('"pause for 1 week" covers seven local days across a clock change, so the eighth day\'s prompt still comes', async () => {
    // Monday 23 March 2026, 09:00 in London (GMT); clocks go forward on Sunday 29 March.
    const b = await bot('2026-03-23T09:00:00Z');
    await b.say('schedule weekly monday 09:30');
    const paused = await b.say('pause for 1 week');
    expect(paused).toContain('paused through Sunday 29 March (Europe/London)');
    expect(paused).toContain('Next prompt after the pause: Monday 30 March, 09:30 (Europe/London)');
    b.time.clock.set('2026-03-23T09:30:02Z');
    expect(await b.scheduler.runDue()).toMatchObject({ posted: 0 });
    // 09:30 BST on 30 March is 08:30 UTC.
    b.time.clock.set('2026-03-30T08:30:02Z');
    expect(await b.scheduler.runDue()).toMatchObject({ posted: 1 });
  });

  it('"pause for 3 days" on a Friday covers Friday to Sunday: Monday\'s 09:30 prompt comes, whatever the hour it was asked', async () => {
    // Friday 27 November 2026, 09:44 in London: the pause used to end on Monday at 09:44 and swallow 09:30.
    const b = await bot('2026-11-27T09:44:00Z');
    await b.say('schedule weekdays 09:30');
    const paused = await b.say('pause for 3 days');
    expect(paused).toContain('paused through Sunday 29 November (Europe/London)');
    expect(paused).toContain('Next prompt after the pause: Monday 30 November, 09:30 (Europe/London)');
    b.time.clock.set('2026-11-30T09:30:02Z');
    expect(await b.scheduler.runDue()).toMatchObject({ posted: 1 });
  });

  it('a pause ending at a slot\'s own instant posts that slot (a daily 00:00 prompt after "pause for 1 day")', async () => {
    const b = await bot('2026-11-27T10:00:00Z');
    await b.say('schedule daily 00:00 UTC');
    expect(await b.say('pause for 1 day')).toContain('Next prompt after the pause: Saturday 28 November, 00:00 (UTC)');
    b.time.clock.set('2026-11-28T00:00:02Z');
    expect(await b.scheduler.runDue()).toMatchObject({ posted: 1 });
  });

  it('"pause for 4 hours" is exact, not whole days', async () => {
    const b = await bot('2026-11-27T09:00:00Z');
    await b.say('schedule daily 12:00');
    expect(await b.say('pause for 4 hours')).toContain('paused until Friday 27 November, 13:00 (Europe/London)');
  });
});

describe('user text echoed in grammar errors', () => {
  it('a very long bad schedule or digest rule is not echoed whole', () => {
    const long = 'x'.repeat(5000);
    for (const text of [`schedule every ${long}`, `schedule ${long}`, `schedule weekly monday ${long}`, `schedule weekly monday 09:30 ${long}`, `digest weekly ${long}`]) {
      const intent = parseCommand(text);
      expect(intent.verb, text.slice(0, 30)).toBe('invalid');
      if (intent.verb === 'invalid') expect(intent.message.length, text.slice(0, 30)).toBeLessThan(300);
    }
  });

  it('a very long cron expression croner cannot read is not echoed whole', async () => {
    const b = await bot('2026-11-23T08:00:00Z');
    const answer = await b.say(`schedule cron "${'1'.repeat(5000)} * * * *"`);
    expect(answer).toMatch(/can't read the cron expression/);
    expect(answer.length).toBeLessThan(600);
  });
});
