import { afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { loadPrompts } from '../../src/prompts/load.js';
import type { PromptLibrary } from '../../src/prompts/library.js';
import { openStore, type Store } from '../../src/store/index.js';
import { PROMPTS_DIR } from '../helpers/core.js';
import { describePostgres, freshPostgresUrl } from '../store/stores.js';
import { FakePlatform, FakeTime, startInstance, type Instance } from './harness.js';

let prompts: PromptLibrary;
beforeAll(async () => {
  prompts = await loadPrompts(PROMPTS_DIR);
});

// Several instances means PostgreSQL (DATABASE_URL). Each instance has its own connection pool, as
// separate processes would; only the database is shared.
describePostgres('two bot instances on one PostgreSQL', () => {
  const running: Instance[] = [];
  const stores: Store[] = [];
  let time: FakeTime;
  let platform: FakePlatform;
  let url: string;

  beforeEach(async () => {
    time = new FakeTime('2026-11-23T08:00:00Z');
    platform = new FakePlatform(time.clock);
    url = await freshPostgresUrl();
  });
  afterEach(async () => {
    for (const i of running.splice(0)) await i.core.stop();
    for (const s of stores.splice(0)) await s.close();
  });

  async function instance(id: string): Promise<Instance & { store: Store }> {
    const store = await openStore({ kind: 'postgres', url }, time.clock);
    stores.push(store);
    const i = await startInstance({ store, prompts, time, outbound: platform.outbound(), instanceId: id });
    running.push(i);
    return { ...i, store };
  }

  it('posts every slot exactly once when both fire the same slots', { timeout: 60_000 }, async () => {
    const [a, b] = [await instance('a'), await instance('b')];
    const channels = Array.from({ length: 20 }, (_, i) => `C${i}`);
    // Half the channels subscribe through one instance, half through the other; the same rule for all.
    for (const [i, c] of channels.entries()) await (i % 2 ? a : b).say('schedule cron "*/10 * * * *" UTC', { conversationId: c });
    // Two hours of both tickers firing at the same moment.
    for (let t = Date.parse('2026-11-23T08:00:02Z'); t <= Date.parse('2026-11-23T10:00:02Z'); t += 60_000) {
      time.clock.set(t);
      await Promise.all([a.scheduler.runDue(), b.scheduler.runDue()]);
    }
    const counts = platform.countsBySlot();
    expect(counts.size).toBe(20 * 12);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const slots = await a.store.db.selectFrom('slots').select(['claimed_by', 'status']).execute();
    expect(slots).toHaveLength(20 * 12);
    expect(slots.every((s) => s.status === 'posted')).toBe(true);
    // Both instances won some claims: the claim, not luck, kept every slot single.
    expect(new Set(slots.map((s) => s.claimed_by))).toEqual(new Set(['a', 'b']));
  });

  it('after both were down, catch-up on both posts the latest missed slot once per channel', async () => {
    const [a, b] = [await instance('a'), await instance('b')];
    for (const c of ['C1', 'C2', 'C3']) await a.say('schedule weekdays 09:00', { conversationId: c });
    time.clock.set('2026-11-25T11:00:00Z');
    const reports = await Promise.all([a.scheduler.catchUp(), b.scheduler.catchUp(), a.scheduler.catchUp()]);
    expect(reports.reduce((n, r) => n + r.posted, 0)).toBe(3);
    expect(reports.reduce((n, r) => n + r.skipped, 0)).toBe(6);
    expect(platform.posts.map((p) => p.reply.metadata?.payload.slot)).toEqual(Array(3).fill('2026-11-25T09:00:00.000Z'));
  });
});
