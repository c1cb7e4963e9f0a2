import { afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { StoreLease, type LeaseRecords } from '../../src/delivery/index.js';
import { silentLogger } from '../../src/logger.js';
import type { Outbound } from '../../src/model/outbound.js';
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

/** A workspace rate the fake never makes anyone wait for, so only the lease decides who sends when. */
const LIMITS = { slack: { perWorkspace: [{ count: 1000, perMs: 1000 }], perConversation: [{ count: 1, perMs: 1000 }], throttleScope: 'workspace' as const } };

// Separate connection pools per instance, as separate processes would have; only PostgreSQL is shared.
describePostgres('workspace lease with several instances on one PostgreSQL', () => {
  const leases: StoreLease[] = [];
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
    for (const l of leases.splice(0)) await l.close();
    for (const i of running.splice(0)) await i.core.stop();
    for (const s of stores.splice(0)) await s.close();
  });

  /** Who the database gave the lease to, in order, with the fake instant. */
  const taken: Array<{ holder: string; at: number }> = [];

  async function instance(id: string, options: { outbound?: Outbound; dead?: { now: boolean } } = {}) {
    const store = await openStore({ kind: 'postgres', url }, time.clock);
    stores.push(store);
    const dead = options.dead;
    const records: LeaseRecords = {
      acquire: async (...args) => {
        // A process that died never asks (or gets an answer) again.
        if (dead?.now) return new Promise<boolean>(() => undefined);
        const ok = await store.leases.acquire(...args);
        if (ok && taken.at(-1)?.holder !== id) taken.push({ holder: id, at: time.clock.now().getTime() });
        return ok;
      },
      release: (...args) => store.leases.release(...args),
    };
    // The fake clock moves whenever any instance sleeps, so while the holder waits on PostgreSQL in real
    // time the waiters' polls push fake time on, a second per poll. A lease of 30 polls keeps a loaded
    // machine's slow query from looking like a dead holder; the product's 5 s lease is a real-time one.
    const lease = new StoreLease({ records, holder: id, clock: time.clock, logger: silentLogger, sleep: time.sleep, ttlMs: 30_000, renewMs: 1000, pollMs: 1000 });
    if (!dead) leases.push(lease);
    // Each instance's posts are tagged, to tell who sent what.
    const base = options.outbound ?? platform.outbound();
    const outbound: Outbound = { ...base, post: async (target, reply) => base.post(target, { ...reply, metadata: { type: reply.metadata?.type ?? '', payload: { ...reply.metadata?.payload, sender: id } } }) };
    const i = await startInstance({ store, prompts, time, outbound, instanceId: id, lease, limits: LIMITS });
    if (!dead) running.push(i);
    return { ...i, store };
  }

  const sender = (p: { reply: { metadata?: { payload: Record<string, unknown> } } }) => String(p.reply.metadata?.payload.sender);

  it('only the lease holder sends for the workspace; the others wait and leave every slot to it, each posted once', { timeout: 60_000 }, async () => {
    taken.length = 0;
    const [a, b, c] = [await instance('a'), await instance('b'), await instance('c')];
    const channels = Array.from({ length: 30 }, (_, i) => `C${i}`);
    for (const [i, ch] of channels.entries()) await [a, b, c][i % 3]!.say('schedule cron "*/10 * * * *" UTC', { conversationId: ch });
    for (const t of ['2026-11-23T08:10:02Z', '2026-11-23T08:20:02Z', '2026-11-23T08:30:02Z']) {
      time.clock.set(t);
      const reports = await Promise.all([a, b, c].map((x) => x.scheduler.runDue()));
      expect(reports.reduce((n, r) => n + r.posted, 0)).toBe(30);
      // One instance sent the whole tick: the one the database gave the lease to first.
      const tick = platform.posts.filter((p) => p.reply.metadata?.payload.slot === new Date(Date.parse(t) - 2000).toISOString());
      expect(new Set(tick.map(sender)).size).toBe(1);
      expect(reports.filter((r) => r.posted > 0)).toHaveLength(1);
    }
    const counts = platform.countsBySlot();
    expect(counts.size).toBe(90);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    // The others took the lease in turn after the sender let go (and found every slot claimed).
    expect(new Set(taken.map((t) => t.holder))).toEqual(new Set(['a', 'b', 'c']));
    const statuses = await a.store.db.selectFrom('slots').select('status').execute();
    expect(statuses.every((s) => s.status === 'posted')).toBe(true);
  });

  it('when the holder dies mid fan-out, another takes the workspace over once its lease expired; every slot posted once', { timeout: 60_000 }, async () => {
    taken.length = 0;
    const dead = { now: false };
    const hangs = platform.outbound({ lookup: true });
    // a sends 10, then its process dies: its sends never come back and its lease is never renewed.
    let aPosts = 0;
    const aOutbound: Outbound = {
      ...hangs,
      post: async (target, reply) => {
        if (aPosts++ < 10) return hangs.post(target, reply);
        dead.now = true;
        return new Promise(() => undefined);
      },
    };
    const a = await instance('a', { outbound: aOutbound, dead });
    const b = await instance('b', { outbound: platform.outbound({ lookup: true }) });
    const channels = Array.from({ length: 30 }, (_, i) => `C${i}`);
    for (const ch of channels) await b.say('schedule cron "*/10 * * * *" UTC', { conversationId: ch });
    time.clock.set('2026-11-23T08:10:02Z');
    void a.scheduler.runDue();
    // b starts once a holds the lease and is sending.
    while (!dead.now) await time.sleep(10);
    const aLease = await b.store.leases.holder('slack', 'T1');
    expect(aLease?.holder).toBe('a');
    await b.scheduler.runDue();
    // b got the workspace only after a's lease expired.
    expect(taken.map((t) => t.holder)).toEqual(['a', 'b']);
    expect(taken[1]!.at).toBeGreaterThanOrEqual(Date.parse(aLease!.expiresAt));
    // Every later post is b's; a's unconfirmed claims are re-sent by b once their claim lease is stale.
    for (const t of ['2026-11-23T08:20:02Z', '2026-11-23T08:30:02Z']) {
      time.clock.set(t);
      await b.scheduler.runDue();
    }
    const counts = platform.countsBySlot();
    expect(counts.size).toBe(90);
    expect([...counts.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect(platform.posts.filter((p) => sender(p) === 'a')).toHaveLength(10);
    const statuses = await b.store.db.selectFrom('slots').select('status').execute();
    expect(statuses.filter((s) => s.status === 'posted')).toHaveLength(90);
  });
});
