import { describe, expect, it } from 'vitest';
import { DeliveryQueue } from '../../src/delivery/index.js';
import { PlatformError } from '../../src/errors.js';
import { createLogger } from '../../src/logger.js';
import type { ConversationRef } from '../../src/model/message.js';
import type { Outbound, PostedRef } from '../../src/model/outbound.js';
import { textReply } from '../../src/model/reply.js';
import { FakeTime } from './fake-time.js';

/** Records the instant of every post the queue makes. */
class Recorder implements Outbound {
  readonly platform = 'slack' as const;
  readonly posts: Array<{ at: number; to: string }> = [];
  constructor(private readonly time: FakeTime) {}
  async post(target: ConversationRef): Promise<PostedRef> {
    this.posts.push({ at: this.time.clock.now().getTime(), to: target.conversationId });
    return { messageId: `m${this.posts.length}` };
  }
  async openDirect(workspaceId: string, userId: string): Promise<ConversationRef> {
    return { platform: 'slack', workspaceId, conversationId: `D-${userId}` };
  }
}

function setup() {
  const time = new FakeTime();
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', stream: { write: (line: string) => lines.push(line) } });
  const queue = new DeliveryQueue({ clock: time.clock, logger, sleep: time.sleep, random: () => 0.5 });
  return { time, queue, lines, out: new Recorder(time) };
}

const throttled = (seconds: number) => new PlatformError('slack', 'ratelimited', 'Slack rate limited', { retryable: true, retryAfterMs: seconds * 1000 });
const at = (time: FakeTime) => time.clock.now().getTime();

describe('calls outside the queue (DeliveryQueue.pace)', () => {
  it('go ahead of sends booked before them, within the limit together; the sends alone stay at the paced rate', async () => {
    const { time, queue, out } = setup();
    const sends = Array.from({ length: 60 }, (_, i) => queue.send(out, { platform: 'slack', workspaceId: 'T1', conversationId: `C${i}` }, textReply('prompt')));
    while (out.posts.length < 10) await time.sleep(10);
    const before = out.posts.length;
    await queue.pace({ platform: 'slack', workspaceId: 'T1', conversationId: 'CR', method: 'chat.postMessage' }, 'chat.postMessage', async () => {
      out.posts.push({ at: at(time), to: 'reply' });
    });
    // None of the 50 sends waiting went before it: it used the margin between the paced rate and the limit.
    expect(out.posts.length - 1 - before).toBe(0);
    await Promise.all(sends);
    const inWindow = (times: number[]) => Math.max(...times.map((t) => times.filter((u) => u > t - 1000 && u <= t).length));
    expect(inWindow(out.posts.map((p) => p.at))).toBeLessThanOrEqual(20);
    expect(inWindow(out.posts.filter((p) => p.to !== 'reply').map((p) => p.at))).toBeLessThanOrEqual(19);
  });

  it('make a call refused with a 429 again after its Retry-After, once; other failures are thrown at once, never retried', async () => {
    const { time, queue } = setup();
    let tries = 0;
    const start = at(time);
    const made: number[] = [];
    await queue.pace({ platform: 'slack', workspaceId: 'T1', conversationId: 'C1' }, 'chat.postMessage', async () => {
      tries += 1;
      if (tries === 1) throw throttled(3);
      made.push(at(time));
    });
    expect(tries).toBe(2);
    expect(made[0]! - start).toBeGreaterThanOrEqual(3000);
    let failures = 0;
    const broken = new PlatformError('slack', 'request_failed', 'could not reach Slack', { retryable: true });
    await expect(
      queue.pace({ platform: 'slack', workspaceId: 'T1', conversationId: 'C2' }, 'chat.postMessage', async () => {
        failures += 1;
        throw broken;
      }),
    ).rejects.toBe(broken);
    expect(failures).toBe(1);
    expect(queue.callStats).toEqual({ made: 1, failed: 1, throttled: 1 });
  });

  it('pause only the method a 429 concerns: chat.update waits, posts to the workspace go on', async () => {
    const { time, queue, out } = setup();
    let updates = 0;
    let refusedAt = 0;
    const update = queue.pace({ platform: 'slack', workspaceId: 'T1', conversationId: 'C1', method: 'chat.update' }, 'chat.update', async () => {
      updates += 1;
      if (updates > 1) return;
      refusedAt = at(time);
      throw throttled(20);
    });
    while (updates === 0) await time.sleep(1);
    const start = at(time);
    const sent = await queue.send(out, { platform: 'slack', workspaceId: 'T1', conversationId: 'C2' }, textReply('prompt'));
    expect(sent.status).toBe('sent');
    expect(out.posts[0]!.at - start).toBeLessThan(1000);
    await update;
    expect(updates).toBe(2);
    expect(at(time) - refusedAt).toBeGreaterThanOrEqual(20_000);
  });

  it('give up a call whose Retry-After is past its time, and log it with its platform, method and code, never its content', async () => {
    const { queue, lines } = setup();
    const secret = 'our secret merger plan';
    const error = await queue
      .pace({ platform: 'slack', workspaceId: 'T1', conversationId: 'C1' }, 'chat.postMessage', async () => {
        throw new PlatformError('slack', 'ratelimited', `Slack rate limited (${secret.length} chars)`, { retryable: true, retryAfterMs: 120_000 });
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ platformCode: 'ratelimited' });
    const failed = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'platform call failed');
    expect(failed).toMatchObject({ platform: 'slack', method: 'chat.postMessage', code: 'ratelimited', attempts: 1 });
    expect(lines.join('\n')).not.toContain(secret);
  });
});
