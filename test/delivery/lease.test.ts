import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeliveryQueue, StoreLease, type LeaseRecords } from '../../src/delivery/index.js';
import { silentLogger } from '../../src/logger.js';
import { textReply } from '../../src/model/reply.js';
import { openStore, type Store } from '../../src/store/index.js';
import { tempDir } from '../helpers/temp.js';
import { FakeTime } from './fake-time.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Two instances' views of one database file (SQLite here; the same statements run on PostgreSQL). */
async function setup() {
  const time = new FakeTime('2026-11-23T08:00:00Z');
  const tmp = tempDir();
  cleanups.push(tmp.cleanup);
  const file = path.join(tmp.dir, 'leases.db');
  const stores: Store[] = [await openStore({ kind: 'sqlite', path: file }, time.clock), await openStore({ kind: 'sqlite', path: file }, time.clock)];
  cleanups.push(() => Promise.all(stores.map((s) => s.close())));
  /** Lease-holder changes seen by the database, in fake time. */
  const taken: Array<{ holder: string; at: number }> = [];
  const start = time.clock.now().getTime();
  const records = (store: Store, holder: string, dead = { now: false }): LeaseRecords => ({
    acquire: async (...args) => {
      // A dead process never gets an answer again.
      if (dead.now) return new Promise<boolean>(() => undefined);
      const ok = await store.leases.acquire(...args);
      if (ok && taken.at(-1)?.holder !== holder) taken.push({ holder, at: time.clock.now().getTime() - start });
      return ok;
    },
    release: (...args) => store.leases.release(...args),
  });
  const lease = (holder: string, store: Store, dead?: { now: boolean }) =>
    new StoreLease({ records: records(store, holder, dead), holder, clock: time.clock, logger: silentLogger, sleep: time.sleep, ttlMs: 5000, renewMs: 1000, pollMs: 500 });
  return { time, stores, taken, lease, start };
}

describe('workspace leases in the store', () => {
  it('lets one instance hold a workspace while it sends; the other gets it once the first lets go', async () => {
    const { time, stores, taken, lease, start } = await setup();
    const a = lease('a', stores[0]!);
    const b = lease('b', stores[1]!);
    cleanups.push(() => a.close(), () => b.close());
    expect(await a.hold('slack', 'T1', Number.POSITIVE_INFINITY)).toBe(true);
    let bAt: number | undefined;
    const bHeld = b.hold('slack', 'T1', Number.POSITIVE_INFINITY).then((ok) => ((bAt = time.clock.now().getTime() - start), ok));
    // a keeps sending for 10 s (renewing as it goes), then says it has nothing left there.
    await time.sleep(10_000);
    expect(a.holds('slack', 'T1')).toBe(true);
    expect(b.holds('slack', 'T1')).toBe(false);
    expect(bAt).toBeUndefined();
    a.release('slack', 'T1');
    expect(await bHeld).toBe(true);
    // Let go at a's next renewal (within a second), taken at b's next poll (within half a second).
    expect(bAt).toBeGreaterThanOrEqual(10_000);
    expect(bAt).toBeLessThanOrEqual(11_500);
    expect(taken.map((t) => t.holder)).toEqual(['a', 'b']);
    expect(a.holds('slack', 'T1')).toBe(false);
    expect(await stores[0]!.leases.holder('slack', 'T1')).toMatchObject({ holder: 'b' });
    // Another workspace is a lease of its own.
    expect(await a.hold('slack', 'T2', Number.POSITIVE_INFINITY)).toBe(true);
  });

  it('hands over when the holder dies: the other takes it only after it expired, and the dead one stopped first', async () => {
    const { time, stores, taken, lease, start } = await setup();
    const dead = { now: false };
    const a = lease('a', stores[0]!, dead);
    const b = lease('b', stores[1]!);
    cleanups.push(() => b.close());
    expect(await a.hold('slack', 'T1', Number.POSITIVE_INFINITY)).toBe(true);
    await time.sleep(3000);
    const last = await stores[1]!.leases.holder('slack', 'T1');
    dead.now = true;
    const bHeld = b.hold('slack', 'T1', Number.POSITIVE_INFINITY);
    // a's own view ends a renewal before the row's expiry: it sends nothing from there on.
    while (a.holds('slack', 'T1')) await time.sleep(100);
    const aStopped = time.clock.now().getTime();
    expect(await bHeld).toBe(true);
    const bTook = start + taken.at(-1)!.at;
    expect(taken.map((t) => t.holder)).toEqual(['a', 'b']);
    expect(bTook).toBeGreaterThanOrEqual(Date.parse(last!.expiresAt));
    expect(aStopped).toBeLessThanOrEqual(Date.parse(last!.expiresAt) - 1000);
    // Within half a second (b's poll) of the expiry.
    expect(bTook - Date.parse(last!.expiresAt)).toBeLessThanOrEqual(500);
  });

  it('gives every lease back on close, so another instance takes over at once', async () => {
    const { time, stores, lease, start } = await setup();
    const a = lease('a', stores[0]!);
    const b = lease('b', stores[1]!);
    cleanups.push(() => b.close());
    expect(await a.hold('slack', 'T1', Number.POSITIVE_INFINITY)).toBe(true);
    const bHeld = b.hold('slack', 'T1', Number.POSITIVE_INFINITY);
    await time.sleep(2000);
    await a.close();
    expect(await stores[1]!.leases.holder('slack', 'T1')).toBeUndefined();
    expect(await bHeld).toBe(true);
    expect(time.clock.now().getTime() - start).toBeLessThanOrEqual(2500);
    // Closed: it holds nothing and takes nothing.
    expect(await a.hold('slack', 'T1', Number.POSITIVE_INFINITY)).toBe(false);
  });

  it('gives up waiting at the deadline or when cancelled, and a queued send waits for the lease', async () => {
    const { time, stores, lease, start } = await setup();
    const a = lease('a', stores[0]!);
    const b = lease('b', stores[1]!);
    cleanups.push(() => a.close(), () => b.close());
    expect(await a.hold('slack', 'T1', Number.POSITIVE_INFINITY)).toBe(true);
    expect(await b.hold('slack', 'T1', start + 2000)).toBe(false);
    expect(time.clock.now().getTime() - start).toBeGreaterThanOrEqual(2000);
    const stop = new AbortController();
    const cancelled = b.hold('slack', 'T1', Number.POSITIVE_INFINITY, stop.signal);
    stop.abort();
    expect(await cancelled).toBe(false);

    // Through the queue: b's send waits for a's lease, goes out once a lets go, and fails at its deadline if never.
    const queue = new DeliveryQueue({ clock: time.clock, logger: silentLogger, sleep: time.sleep, lease: b });
    const sent: number[] = [];
    const outbound = { platform: 'slack' as const, post: async () => (sent.push(time.clock.now().getTime() - start), { messageId: 'm' }), openDirect: async () => ({ platform: 'slack' as const, workspaceId: 'T1', conversationId: 'D' }) };
    const target = { platform: 'slack' as const, workspaceId: 'T1', conversationId: 'C1' };
    const late = await queue.send(outbound, target, textReply('hi'), { deadline: new Date(start + 6000) });
    expect(late).toMatchObject({ status: 'failed', code: 'deadline' });
    // The bot stopping while a send waits for the lease: `stopped` (its claim is given back), not a failure.
    const stopping = new AbortController();
    const waitingAtStop = queue.send(outbound, target, textReply('hi'), { signal: stopping.signal });
    await time.sleep(1000);
    stopping.abort();
    expect(await waitingAtStop).toMatchObject({ status: 'failed', code: 'stopped', attempts: 0 });
    const waiting = queue.send(outbound, target, textReply('hi'));
    await time.sleep(3000);
    a.release('slack', 'T1');
    expect(await waiting).toMatchObject({ status: 'sent' });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toBeGreaterThanOrEqual(10_000);
  });
});
