import { afterEach, expect, it } from 'vitest';
import { DeliveryQueue, StoreLease, type LeaseRecords } from '../../src/delivery/index.js';
import { silentLogger } from '../../src/logger.js';
import type { ConversationRef } from '../../src/model/message.js';
import type { Outbound, PostedRef } from '../../src/model/outbound.js';
import { textReply } from '../../src/model/reply.js';
import { openStore, type Store } from '../../src/store/index.js';
import { describePostgres, freshPostgresUrl } from '../store/stores.js';
import { FakeTime } from './fake-time.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Every post any instance makes, on the shared fake clock. */
interface Made {
  at: number;
  by: string;
  to: string;
}

/** The most posts in any one second, (t - 1000, t], as a platform counting arrivals sees them. */
function busiestSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let from = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    while ((sorted[from] as number) <= (sorted[i] as number) - 1000) from += 1;
    most = Math.max(most, i - from + 1);
  }
  return most;
}

/** Three instances on one real PostgreSQL database, each with its own store, lease and queue, on one fake clock. */
async function instances(names: string[]) {
  const url = await freshPostgresUrl();
  let statements = 0;
  const time = new FakeTime('2026-11-23T08:00:00Z', () => statements > 0);
  const made: Made[] = [];
  const counted =
    <A extends unknown[], R>(f: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      // Time stands still while the database answers: it takes no time on the fake clock.
      statements += 1;
      try {
        return await f(...args);
      } finally {
        statements -= 1;
      }
    };
  const all = await Promise.all(
    names.map(async (name) => {
      const store: Store = await openStore({ kind: 'postgres', url }, time.clock);
      const records: LeaseRecords = {
        acquire: counted((...a: Parameters<LeaseRecords['acquire']>) => store.leases.acquire(...a)),
        release: counted((...a: Parameters<LeaseRecords['release']>) => store.leases.release(...a)),
        takeReplyPlace: counted((...a: Parameters<NonNullable<LeaseRecords['takeReplyPlace']>>) => store.leases.takeReplyPlace(...a)),
      };
      const lease = new StoreLease({ records, holder: name, clock: time.clock, logger: silentLogger, sleep: time.sleep });
      const queue = new DeliveryQueue({ clock: time.clock, logger: silentLogger, sleep: time.sleep, lease });
      const outbound: Outbound = {
        platform: 'slack',
        async post(target: ConversationRef): Promise<PostedRef> {
          made.push({ at: time.clock.now().getTime(), by: name, to: target.conversationId });
          return { messageId: `${name}-${made.length}` };
        },
        async openDirect(workspaceId: string, userId: string) {
          return { platform: 'slack' as const, workspaceId, conversationId: `D-${userId}` };
        },
      };
      cleanups.push(async () => {
        await lease.close();
        await store.close();
      });
      return { name, queue, outbound };
    }),
  );
  return { time, made, all };
}

describePostgres('replies made by several instances on one PostgreSQL', () => {
  it('count against the workspace limit the lease holder paces its fan-out under: together at most the limit in any second, every send once', async () => {
    const { time, made, all } = await instances(['a', 'b', 'c']);
    const [a, b, c] = all as [(typeof all)[0], (typeof all)[0], (typeof all)[0]];
    const n = 200;
    // a holds the workspace's lease and fans out at Slack's default workspace rate (20 a second).
    const fanout = Promise.all(
      Array.from({ length: n }, (_, i) => a.queue.send(a.outbound, { platform: 'slack', workspaceId: 'T1', conversationId: `C${i}` }, textReply('This week: who is not in the room?'))),
    );
    while (made.length < 30) await time.sleep(50);
    // Meanwhile people mention the bot and each instance answers the ones it received, at once.
    const reply = (i: (typeof all)[0], k: number) =>
      i.queue.pace({ platform: 'slack', workspaceId: 'T1', conversationId: `R-${i.name}-${k}`, method: 'chat.postMessage' }, 'chat.postMessage', () =>
        i.outbound.post({ platform: 'slack', workspaceId: 'T1', conversationId: `R-${i.name}-${k}` }, textReply('Here is how I work.')),
      );
    const replies = Promise.all([a, b, c].flatMap((i) => Array.from({ length: 5 }, (_, k) => reply(i, k))));
    const outcomes = await fanout;
    await replies;
    expect(outcomes.every((o) => o.status === 'sent')).toBe(true);
    for (let i = 0; i < n; i += 1) expect(made.filter((m) => m.to === `C${i}`)).toHaveLength(1);
    for (const i of [a, b, c]) for (let k = 0; k < 5; k += 1) expect(made.filter((m) => m.to === `R-${i.name}-${k}`)).toHaveLength(1);
    expect(made.filter((m) => m.to.startsWith('C')).every((m) => m.by === 'a')).toBe(true);
    // The instances together: never more than the workspace's 20 in any one second.
    expect(busiestSecond(made.map((m) => m.at))).toBeLessThanOrEqual(20);
    // And the replies did not all wait for the end of the fan-out.
    const fanoutEnd = Math.max(...made.filter((m) => m.to.startsWith('C')).map((m) => m.at));
    expect(made.filter((m) => m.to.startsWith('R-') && m.at < fanoutEnd).length).toBeGreaterThan(5);
  });

  it('share the full rate between instances when none is fanning out', async () => {
    const { time, made, all } = await instances(['a', 'b', 'c']);
    const start = time.clock.now().getTime();
    const reply = (i: (typeof all)[0], k: number) =>
      i.queue.pace({ platform: 'slack', workspaceId: 'T1', conversationId: `R-${i.name}-${k}`, method: 'chat.postMessage' }, 'chat.postMessage', () =>
        i.outbound.post({ platform: 'slack', workspaceId: 'T1', conversationId: `R-${i.name}-${k}` }, textReply('Here is how I work.')),
      );
    // 60 replies at once, 20 from each instance: alone each would make its 20 within the same second.
    await Promise.all(all.flatMap((i) => Array.from({ length: 20 }, (_, k) => reply(i, k))));
    expect(made).toHaveLength(60);
    expect(busiestSecond(made.map((m) => m.at))).toBeLessThanOrEqual(20);
    // Paced just under the limit, about three seconds for the three instances' 60.
    expect(Math.max(...made.map((m) => m.at)) - start).toBeLessThan(4000);
  });
});
