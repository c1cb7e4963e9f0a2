import { describe, expect, it } from 'vitest';
import { DeliveryQueue } from '../../src/delivery/index.js';
import { PlatformError } from '../../src/errors.js';
import { silentLogger } from '../../src/logger.js';
import type { ConversationRef, PlatformName } from '../../src/model/message.js';
import type { Outbound, PostedRef } from '../../src/model/outbound.js';
import { textReply, type Reply } from '../../src/model/reply.js';
import { FakeTime } from './fake-time.js';

/** An Outbound that records when each post happened and can be told to fail. */
class RecordingOutbound implements Outbound {
  readonly posts: Array<{ at: number; target: ConversationRef; reply: Reply }> = [];
  calls = 0;
  constructor(
    readonly platform: PlatformName,
    private readonly time: FakeTime,
    private readonly failWith: (call: number, target: ConversationRef) => Error | undefined = () => undefined,
  ) {}
  async post(target: ConversationRef, reply: Reply): Promise<PostedRef> {
    this.calls += 1;
    const error = this.failWith(this.calls, target);
    if (error) throw error;
    this.posts.push({ at: this.time.clock.now().getTime(), target, reply });
    return { messageId: `m${this.posts.length}` };
  }
  async openDirect(workspaceId: string, userId: string): Promise<ConversationRef> {
    return { platform: this.platform, workspaceId, conversationId: `D-${userId}` };
  }
}

const channel = (id: string, platform: PlatformName = 'slack'): ConversationRef => ({ platform, workspaceId: 'T1', conversationId: id });

function setup(time = new FakeTime(), overrides: Partial<ConstructorParameters<typeof DeliveryQueue>[0]> = {}) {
  const queue = new DeliveryQueue({ clock: time.clock, logger: silentLogger, sleep: time.sleep, random: () => 0.5, ...overrides });
  return { time, queue, start: time.clock.now().getTime() };
}

describe('delivery queue', () => {
  it('spaces Slack posts to one channel a second apart but sends to different channels at once', async () => {
    const { time, queue, start } = setup();
    const out = new RecordingOutbound('slack', time);
    const results = await Promise.all([
      ...[1, 2, 3].map(() => queue.send(out, channel('C1'), textReply('hi'))),
      ...['C2', 'C3'].map((c) => queue.send(out, channel(c), textReply('hi'))),
    ]);
    expect(results.every((r) => r.status === 'sent')).toBe(true);
    const c1 = out.posts.filter((p) => p.target.conversationId === 'C1').map((p) => p.at - start);
    expect(c1).toEqual([0, 1000, 2000]);
    expect(out.posts.filter((p) => p.target.conversationId !== 'C1').map((p) => p.at - start)).toEqual([0, 0]);
  });

  it('cancels sends not yet on the wire when their signal aborts (shutdown), without posting them', async () => {
    const { time, queue } = setup();
    const out = new RecordingOutbound('slack', time);
    const stop = new AbortController();
    const sends = [1, 2, 3].map(() => queue.send(out, channel('C1'), textReply('hi'), { signal: stop.signal }));
    expect((await sends[0])?.status).toBe('sent');
    // The second waits a second for the channel's rate limit, the third behind it: cancel both.
    stop.abort();
    const rest = await Promise.all(sends.slice(1));
    expect(rest.map((r) => r.status === 'failed' && r.code)).toEqual(['stopped', 'stopped']);
    expect(out.posts).toHaveLength(1);
    const late = await queue.send(out, channel('C2'), textReply('hi'), { signal: stop.signal });
    expect(late).toMatchObject({ status: 'failed', code: 'stopped', attempts: 0 });
    expect(out.calls).toBe(1);
    // Other senders are not held up by the cancelled ones.
    expect((await queue.send(out, channel('C3'), textReply('hi'))).status).toBe('sent');
  });

  it('holds Teams to 50 requests per second across the app', async () => {
    const { time, queue, start } = setup();
    const out = new RecordingOutbound('teams', time);
    await Promise.all(Array.from({ length: 120 }, (_, i) => queue.send(out, channel(`c${i}`, 'teams'), textReply('hi'))));
    const at = out.posts.map((p) => p.at - start);
    for (let i = 0; i + 50 < at.length; i++) expect(at[i + 50]! - at[i]!).toBeGreaterThanOrEqual(1000);
    expect(at.filter((t) => t === 0)).toHaveLength(50);
    expect(Math.max(...at)).toBe(2000);
  });

  it('holds a Teams thread to 1,800 messages an hour', async () => {
    const { time, queue, start } = setup();
    const out = new RecordingOutbound('teams', time);
    const sends = Array.from({ length: 1801 }, () => queue.send(out, channel('busy', 'teams'), textReply('hi'), { deadline: new Date(start + 2 * 3_600_000) }));
    await Promise.all(sends);
    const at = out.posts.map((p) => p.at - start);
    expect(at[1800]! - at[0]!).toBeGreaterThanOrEqual(3_600_000);
  });

  it('respects a 429 Retry-After with one shared pause for every conversation', async () => {
    const time = new FakeTime();
    const { queue, start } = setup(time);
    const out = new RecordingOutbound('slack', time, (call) =>
      call === 1 ? new PlatformError('slack', 'ratelimited', 'rate limited', { retryable: true, retryAfterMs: 30_000 }) : undefined,
    );
    const first = await queue.send(out, channel('C1'), textReply('hi'));
    const second = await queue.send(out, channel('C2'), textReply('hi'));
    expect(first).toMatchObject({ status: 'sent', attempts: 2 });
    expect(second).toMatchObject({ status: 'sent', attempts: 1 });
    // Nothing reached the platform before Retry-After ran out, on any channel.
    expect(out.posts.map((p) => p.at - start)).toEqual([30_000, 30_000]);
    expect(queue.stats.throttled).toBe(1);
  });

  it('keeps a Slack 429 to the workspace that got it: other workspaces go on', async () => {
    const time = new FakeTime();
    const { queue, start } = setup(time);
    const out = new RecordingOutbound('slack', time, (call) =>
      call === 1 ? new PlatformError('slack', 'ratelimited', 'rate limited', { retryable: true, retryAfterMs: 30_000 }) : undefined,
    );
    const busy = queue.send(out, channel('C1'), textReply('hi'));
    const other = await queue.send(out, { platform: 'slack', workspaceId: 'T2', conversationId: 'C9' }, textReply('hi'));
    expect(other).toMatchObject({ status: 'sent', attempts: 1 });
    expect(await busy).toMatchObject({ status: 'sent', attempts: 2 });
    expect(out.posts.map((p) => [p.target.workspaceId, p.at - start])).toEqual([['T2', 0], ['T1', 30_000]]);
  });

  it('retries transient errors with growing, jittered backoff', async () => {
    const time = new FakeTime();
    const { queue } = setup(time);
    const out = new RecordingOutbound('slack', time, (call) => (call <= 3 ? new PlatformError('slack', 'internal_error', 'boom', { retryable: true }) : undefined));
    const result = await queue.send(out, channel('C1'), textReply('hi'));
    expect(result).toMatchObject({ status: 'sent', attempts: 4 });
    // random() = 0.5 → 3/4 of 1 s, 2 s, 4 s; after the first backoff the channel's 1/s limit (failed
    // attempts reached Slack too) holds the retry another 250 ms.
    expect(time.slept).toEqual([750, 250, 1500, 3000]);
  });

  it('fails fast on a permanent error, with the reason', async () => {
    const time = new FakeTime();
    const { queue } = setup(time);
    const out = new RecordingOutbound('slack', time, () => new PlatformError('slack', 'channel_not_found', 'channel_not_found: the bot is not in that channel'));
    const result = await queue.send(out, channel('C1'), textReply('hi'));
    expect(result).toEqual({ status: 'failed', code: 'channel_not_found', reason: 'channel_not_found: the bot is not in that channel', attempts: 1 });
    expect(time.slept).toEqual([]);
  });

  it('gives up at the deadline and says why', async () => {
    const time = new FakeTime();
    const { queue, start } = setup(time);
    const out = new RecordingOutbound('slack', time, () => new PlatformError('slack', 'service_unavailable', 'Slack is down', { retryable: true }));
    const result = await queue.send(out, channel('C1'), textReply('hi'), { deadline: new Date(start + 10_000) });
    expect(result.status).toBe('failed');
    if (result.status === 'failed') {
      expect(result.code).toBe('service_unavailable');
      expect(result.reason).toMatch(/deadline.*Slack is down/);
    }
    expect(time.clock.now().getTime() - start).toBeLessThanOrEqual(10_000);
  });

  it('fails a send whose turn under the rate limit would come after its deadline', async () => {
    const time = new FakeTime();
    const { queue, start } = setup(time);
    const out = new RecordingOutbound('slack', time);
    const results = await Promise.all([1, 2, 3].map(() => queue.send(out, channel('C1'), textReply('hi'), { deadline: new Date(start + 1500) })));
    expect(results.map((r) => r.status)).toEqual(['sent', 'sent', 'failed']);
  });

  it('does not limit the shell', async () => {
    const time = new FakeTime();
    const { queue } = setup(time);
    const out = new RecordingOutbound('shell', time);
    await Promise.all(Array.from({ length: 50 }, () => queue.send(out, channel('shell', 'shell'), textReply('hi'))));
    expect(time.slept).toEqual([]);
    expect(out.posts).toHaveLength(50);
  });
});

describe('delivery queue in-flight limit', () => {
  it('never has more than maxInFlight sends open, and a waiter that gives up lets the next one through', async () => {
    const time = new FakeTime();
    const { queue, start } = setup(time, { limits: { slack: { maxInFlight: 2, perConversation: [] } } });
    let open = 0;
    let most = 0;
    const out = new RecordingOutbound('slack', time);
    const slowPost = out.post.bind(out);
    out.post = async (target, reply) => {
      open += 1;
      most = Math.max(most, open);
      await time.sleep(100);
      open -= 1;
      return slowPost(target, reply);
    };
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        // Every third send has a deadline it cannot meet while waiting for a place.
        queue.send(out, channel(`C${i}`), textReply('hi'), i % 3 === 2 ? { deadline: new Date(start + 50) } : {}),
      ),
    );
    expect(most).toBe(2);
    expect(results.filter((r) => r.status === 'sent')).toHaveLength(7);
    expect(out.posts).toHaveLength(7);
  });
});
