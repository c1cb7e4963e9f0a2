import { describe, expect, it } from 'vitest';
import { DeliveryQueue } from '../../src/delivery/index.js';
import { PlatformError } from '../../src/errors.js';
import { createLogger } from '../../src/logger.js';
import { FakeTime } from './fake-time.js';

function setup() {
  const time = new FakeTime();
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', stream: { write: (line: string) => lines.push(line) } });
  const queue = new DeliveryQueue({ clock: time.clock, logger, sleep: time.sleep });
  const logged = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { time, queue, logged };
}

const throttled = (seconds: number) => new PlatformError('teams', 'throttled', 'Teams rate limited', { retryable: true, retryAfterMs: seconds * 1000 });
const target = { platform: 'teams' as const, workspaceId: 'tenant', conversationId: '19:c' };

describe('replies in an inbound turn (DeliveryQueue.inTurn)', () => {
  it('hands a refused reply on without waiting, makes it once after Retry-After, and keeps the conversation\'s later replies behind it', async () => {
    const { time, queue } = setup();
    const made: Array<{ what: string; at: number; how: string }> = [];
    const start = time.clock.now().getTime();
    const release = time.hold();
    const first = await queue.inTurn(
      target,
      'reply',
      async () => {
        throw throttled(5);
      },
      async () => void made.push({ what: 'first', at: time.clock.now().getTime(), how: 'later' }),
    );
    // Nothing else in the conversation may overtake it: the next reply is handed on too, behind it.
    const second = await queue.inTurn(
      target,
      'reply',
      async () => void made.push({ what: 'second', at: time.clock.now().getTime(), how: 'in turn' }),
      async () => void made.push({ what: 'second', at: time.clock.now().getTime(), how: 'later' }),
    );
    // Another conversation keeps no order with it, but the 429 paused the tenant: far past a turn's wait, so handed on too.
    const other = await queue.inTurn(
      { ...target, conversationId: '19:d' },
      'reply',
      async () => void made.push({ what: 'other', at: time.clock.now().getTime(), how: 'in turn' }),
      async () => void made.push({ what: 'other', at: time.clock.now().getTime(), how: 'later' }),
    );
    expect([first, second, other]).toEqual(['later', 'later', 'later']);
    expect(time.clock.now().getTime()).toBe(start);
    expect(made).toEqual([]);
    release();
    await queue.repliesSettled();
    expect(made.map((m) => `${m.what} ${m.how}`).sort()).toEqual(['first later', 'other later', 'second later']);
    expect(made.findIndex((m) => m.what === 'first')).toBeLessThan(made.findIndex((m) => m.what === 'second'));
    for (const m of made) expect(m.at - start).toBeGreaterThanOrEqual(5000);
    expect(queue.callStats).toMatchObject({ made: 3, throttled: 1, failed: 0 });
    // With nothing waiting any more, a reply is made in its turn again.
    expect(await queue.inTurn(target, 'reply', async () => undefined, async () => undefined)).toBe('made');
  });

  it('throws a failure other than a 429 at once and hands nothing on (the caller\'s fallback decides)', async () => {
    const { queue } = setup();
    let later = 0;
    const refused = new PlatformError('teams', 'forbidden', 'Teams refused');
    await expect(
      queue.inTurn(
        target,
        'reply',
        async () => {
          throw refused;
        },
        async () => void (later += 1),
      ),
    ).rejects.toBe(refused);
    await queue.repliesSettled();
    expect(later).toBe(0);
    expect(queue.callStats).toMatchObject({ made: 0, failed: 1 });
  });

  it('at shutdown waits for replies handed on until its time is up, then gives up the rest, logged as stopped', async () => {
    const { time, queue, logged } = setup();
    let later = 0;
    await queue.inTurn(
      target,
      'reply',
      async () => {
        throw throttled(25);
      },
      async () => void (later += 1),
    );
    expect(queue.waitingReplies()).toBe(1);
    await queue.settle(10_000);
    expect(later).toBe(0);
    expect(queue.waitingReplies()).toBe(0);
    expect(time.clock.now().getTime()).toBeLessThan(Date.parse('2026-11-23T08:00:25Z'));
    expect(logged().find((l) => l.msg === 'platform call failed')).toMatchObject({ platform: 'teams', method: 'reply', code: 'stopped' });
  });
});
