import { describe, expect, it } from 'vitest';
import { DeliveryQueue } from '../../src/delivery/index.js';
import { WindowLine } from '../../src/delivery/window-line.js';
import { silentLogger } from '../../src/logger.js';
import type { ConversationRef } from '../../src/model/message.js';
import type { Outbound, PostedRef } from '../../src/model/outbound.js';
import { textReply } from '../../src/model/reply.js';
import { FakeTime } from './fake-time.js';

const never = new Promise<void>(() => undefined);
const turnOf = async () => {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
};

describe('window line', () => {
  it('lets the first sender in at once and the others one at a time, in the order they came', async () => {
    const line = new WindowLine();
    const order: string[] = [];
    const first = await line.enter('T1', never);
    expect(line.waiting('T1')).toBe(1);
    const rest = ['b', 'c', 'd'].map((name) =>
      line.enter('T1', never).then((leave) => {
        order.push(name);
        return leave;
      }),
    );
    await turnOf();
    expect(order).toEqual([]);
    expect(line.waiting('T1')).toBe(4);
    // Another workspace has a line of its own.
    expect(await line.enter('T2', never)).toBeTypeOf('function');
    first?.();
    // Handing over twice changes nothing.
    first?.();
    await turnOf();
    expect(order).toEqual(['b']);
    for (const next of rest) (await next)?.();
    expect(order).toEqual(['b', 'c', 'd']);
    expect(line.waiting('T1')).toBe(0);
  });

  it('takes a sender that is given up out of the line, so its turn goes to the next one', async () => {
    const line = new WindowLine();
    const head = await line.enter('T1', never);
    let giveUp!: () => void;
    const stop = new Promise<void>((resolve) => (giveUp = resolve));
    const quitter = line.enter('T1', stop);
    const next = line.enter('T1', never);
    giveUp();
    expect(await quitter).toBeUndefined();
    expect(line.waiting('T1')).toBe(2);
    head?.();
    const leave = await next;
    expect(leave).toBeTypeOf('function');
    leave?.();
    expect(line.waiting('T1')).toBe(0);
  });
});

class CountingOutbound implements Outbound {
  readonly platform = 'slack' as const;
  readonly posts: number[] = [];
  constructor(private readonly time: FakeTime) {}
  async post(): Promise<PostedRef> {
    this.posts.push(this.time.clock.now().getTime());
    return { messageId: `m${this.posts.length}` };
  }
  async openDirect(workspaceId: string, userId: string): Promise<ConversationRef> {
    return { platform: 'slack', workspaceId, conversationId: `D-${userId}` };
  }
}

describe('delivery queue window line', () => {
  it('wakes each sender woken late about once for the window, not every waiter at each free place', async () => {
    const time = new FakeTime();
    const start = time.clock.now().getTime();
    // Every wake-up due between 1.5 s and 1.8 s comes at 1.8 s, as if the process had been busy meanwhile:
    // then about a second's worth of senders find the window full at once.
    let sleeps = 0;
    const sleep = (ms: number) => {
      sleeps += 1;
      const at = time.clock.now().getTime() + ms - start;
      return at > 1500 && at < 1800 ? time.sleep(1800 - (at - ms)) : time.sleep(ms);
    };
    const limits = { slack: { perConversation: [{ count: 1, perMs: 1000 }], perWorkspace: [{ count: 100, perMs: 1000 }], throttleScope: 'workspace' as const } };
    const queue = new DeliveryQueue({ clock: time.clock, logger: silentLogger, sleep, random: () => 0.5, limits });
    const out = new CountingOutbound(time);
    const n = 400;
    const results = await Promise.all(Array.from({ length: n }, (_, i) => queue.send(out, { platform: 'slack', workspaceId: 'T1', conversationId: `C${i}` }, textReply('hi'))));
    expect(results.every((r) => r.status === 'sent')).toBe(true);
    const at = out.posts.map((t) => t - start).sort((a, b) => a - b);
    for (let i = 0; i + 95 < at.length; i++) expect(at[i + 95]! - at[i]!).toBeGreaterThanOrEqual(1000);
    // One sleep per send for its booked instant, and almost none for the window (each polling it: 1.17).
    expect(sleeps / n).toBeLessThan(1.05);
  });
});
