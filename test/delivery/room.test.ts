import { describe, expect, it } from 'vitest';
import { DeliveryQueue } from '../../src/delivery/index.js';
import { RoomLimit } from '../../src/delivery/room-limit.js';
import { silentLogger } from '../../src/logger.js';
import type { ConversationRef } from '../../src/model/message.js';
import type { Outbound, PostedRef } from '../../src/model/outbound.js';
import { textReply } from '../../src/model/reply.js';
import { FakeTime } from './fake-time.js';

describe('room limit', () => {
  // 1,000/s: a send every ms; sends may queue 50 ms; a standing queue is judged over 100 ms.
  const bounds = { floor: 20, ceiling: 200, start: 50, queueMs: 50, sendMs: 1 };

  it('grows by the sends the rate went unused for, while all the room was used, and only then', () => {
    const limit = new RoomLimit(bounds);
    expect(limit.observe({ at: 0, unused: 1, waitedMs: 0 }, 50)).toBe(true);
    expect(limit.value).toBe(51);
    expect(limit.observe({ at: 1, unused: 30, waitedMs: 0 }, 51)).toBe(true);
    expect(limit.value).toBe(81);
    // Gaps shorter than a send add up.
    expect(limit.observe({ at: 2, unused: 0.6, waitedMs: 0 }, 81)).toBe(false);
    expect(limit.observe({ at: 3, unused: 0.6, waitedMs: 0 }, 81)).toBe(true);
    expect(limit.value).toBe(82);
    // Room nobody asked for says nothing about the rate.
    expect(limit.observe({ at: 4, unused: 5, waitedMs: 0 }, 30)).toBe(false);
    expect(limit.value).toBe(82);
  });

  it('shrinks by the length of a queue that stood for the whole window, below what is under way, down to the floor', () => {
    const limit = new RoomLimit({ ...bounds, start: 90 });
    // Every send of 100 ms (more than the room's 90 sends at the rate) waited at least 80 ms: 30 sends
    // stood in line for nothing.
    for (let at = 0; at <= 100; at += 1) limit.observe({ at, unused: 0, waitedMs: 80 + (at % 7) }, 100);
    expect(limit.value).toBe(90 - 30);
    // A floor of 20 whatever the queue.
    for (let at = 101; at <= 201; at += 1) limit.observe({ at, unused: 0, waitedMs: 500 }, 45);
    expect(limit.value).toBe(20);
  });

  it('keeps its room through a burst that queues and drains', () => {
    const limit = new RoomLimit(bounds);
    // A batch of 100 claims lands at once: the first goes at once, the last waits about 100 ms.
    for (let i = 0; i < 100; i += 1) limit.observe({ at: i, unused: 0, waitedMs: 100 - i }, 50);
    for (let i = 0; i < 100; i += 1) limit.observe({ at: 100 + i, unused: 0, waitedMs: 100 - i }, 50);
    expect(limit.value).toBe(50);
  });

  it('stays within its ceiling, and starts within its bounds', () => {
    const limit = new RoomLimit({ ...bounds, start: 500 });
    expect(limit.value).toBe(200);
    expect(limit.observe({ at: 0, unused: 3, waitedMs: 0 }, 200)).toBe(false);
    expect(limit.value).toBe(200);
    const near = new RoomLimit({ ...bounds, start: 190 });
    expect(near.observe({ at: 0, unused: 50, waitedMs: 0 }, 190)).toBe(true);
    expect(near.value).toBe(200);
    expect(new RoomLimit({ ...bounds, start: 2 }).value).toBe(20);
  });
});

/** An Outbound whose posts take `roundTrip` ms of fake time; it records when each reached it. */
class TimedOutbound implements Outbound {
  readonly platform = 'slack' as const;
  readonly at: number[] = [];
  constructor(
    private readonly time: FakeTime,
    public roundTrip: number,
  ) {}
  async post(): Promise<PostedRef> {
    this.at.push(this.time.clock.now().getTime());
    await this.time.sleep(this.roundTrip);
    return { messageId: `m${this.at.length}` };
  }
  async openDirect(workspaceId: string, userId: string): Promise<ConversationRef> {
    return { platform: 'slack', workspaceId, conversationId: `D-${userId}` };
  }
}

/**
 * What the scheduler does: `workers` claimers, each asking for room, then spending `pipelineMs` on the
 * claim (the batched statements), then sending; `n` conversations in all. Returns the most claims under
 * way at once (from room to the end of the send) and the rate from the first post to the last.
 */
async function fanOut(time: FakeTime, queue: DeliveryQueue, out: TimedOutbound, n: number, workers: number, pipelineMs: number) {
  let next = 0;
  let underway = 0;
  let most = 0;
  const worker = async () => {
    for (let i = next++; i < n; i = next++) {
      await queue.room('slack', 'T1', undefined);
      underway += 1;
      most = Math.max(most, underway);
      await time.sleep(pipelineMs);
      const outcome = await queue.send(out, { platform: 'slack', workspaceId: 'T1', conversationId: `C${i}` }, textReply('hi'));
      expect(outcome.status).toBe('sent');
      underway -= 1;
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  const rate = ((out.at.length - 1) * 1000) / (Math.max(...out.at) - Math.min(...out.at));
  return { most, rate };
}

describe('workspace room', () => {
  const limits = { slack: { perConversation: [{ count: 1, perMs: 1000 }], perWorkspace: [{ count: 200, perMs: 1000 }], throttleScope: 'workspace' as const } };

  it('lets only as many claims under way as the rate and round trip need, not every worker, and still fills the rate', async () => {
    const time = new FakeTime();
    const queue = new DeliveryQueue({ clock: time.clock, logger: silentLogger, sleep: time.sleep, limits });
    const out = new TimedOutbound(time, 100);
    // 300 workers against a backlog limit of 400 (two seconds at 200/s): before, all 300 were under way.
    const { most, rate } = await fanOut(time, queue, out, 1500, 300, 20);
    expect(out.at).toHaveLength(1500);
    // The round trip and the claim need about 24 at 190/s; a queue at the gate adds at most ~10 more.
    expect(most).toBeLessThan(80);
    expect(rate).toBeGreaterThan(0.9 * 190);
    expect(rate).toBeLessThanOrEqual(200);
  });

  it('makes more room when the round trip grows, so the rate stays filled', async () => {
    const time = new FakeTime();
    const queue = new DeliveryQueue({ clock: time.clock, logger: silentLogger, sleep: time.sleep, limits });
    const out = new TimedOutbound(time, 600);
    const { most, rate } = await fanOut(time, queue, out, 1500, 300, 20);
    // 600 ms at 190/s is about 114 posts in flight, past the room a workspace starts with (20).
    expect(most).toBeGreaterThan(114);
    expect(rate).toBeGreaterThan(0.9 * 190);
  });
});
