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

/**
 * Makes each post reach the platform at `arriveAt(sent, earlierArrivals)` ms after `start` and answer 50 ms
 * later; returns the arrival times, which is what the platform counts against its limit.
 */
function delayArrivals(out: RecordingOutbound, time: FakeTime, start: number, arriveAt: (sent: number, earlier: number) => number): number[] {
  const post = out.post.bind(out);
  const arrived: number[] = [];
  out.post = async (target, reply) => {
    const sent = time.clock.now().getTime() - start;
    const at = arriveAt(sent, arrived.length);
    arrived.push(at);
    await time.sleep(at - sent + 50);
    return post(target, reply);
  };
  return arrived;
}

describe('delivery queue', () => {
  it('spaces Slack posts to one channel a second apart; other channels go at the workspace pace, not a second apart', async () => {
    const { time, queue, start } = setup();
    const out = new RecordingOutbound('slack', time);
    const results = await Promise.all([
      ...[1, 2, 3].map(() => queue.send(out, channel('C1'), textReply('hi'))),
      ...['C2', 'C3'].map((c) => queue.send(out, channel(c), textReply('hi'))),
    ]);
    expect(results.every((r) => r.status === 'sent')).toBe(true);
    const c1 = out.posts.filter((p) => p.target.conversationId === 'C1').map((p) => p.at - start);
    expect(c1).toEqual([0, 1000, 2000]);
    const others = out.posts.filter((p) => p.target.conversationId !== 'C1').map((p) => p.at - start);
    expect(others).toHaveLength(2);
    expect(Math.max(...others)).toBeLessThan(200);
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

  it('paces a Teams tenant just under 50 requests per second, one send at a time', async () => {
    const { time, queue, start } = setup();
    const out = new RecordingOutbound('teams', time);
    await Promise.all(Array.from({ length: 120 }, (_, i) => queue.send(out, channel(`c${i}`, 'teams'), textReply('hi'))));
    const at = out.posts.map((p) => p.at - start);
    // No second holds more than 50, and no more than a burst of 2 goes at one instant.
    for (let i = 0; i + 50 < at.length; i++) expect(at[i + 50]! - at[i]!).toBeGreaterThanOrEqual(1000);
    expect(at.filter((t) => t === 0)).toHaveLength(2);
    // 0.95 of the limit: 120 sends (2 at once, then one per 1/47.5 s) end after 118/47.5 s.
    expect(Math.max(...at)).toBeCloseTo((118 * 1000) / 47.5, -1);
  });

  it('paces each Teams tenant on its own (50 per second per app per tenant): two tenants go side by side', async () => {
    const { time, queue, start } = setup();
    const out = new RecordingOutbound('teams', time);
    const tenants = ['tenant-a', 'tenant-b'];
    await Promise.all(tenants.flatMap((t) => Array.from({ length: 120 }, (_, i) => queue.send(out, { platform: 'teams', workspaceId: t, conversationId: `c${i}` }, textReply('hi')))));
    for (const t of tenants) {
      const at = out.posts.filter((p) => p.target.workspaceId === t).map((p) => p.at - start);
      expect(at).toHaveLength(120);
      for (let i = 0; i + 50 < at.length; i++) expect(at[i + 50]! - at[i]!).toBeGreaterThanOrEqual(1000);
      // Each at 0.95 of its own limit, at the same time as the other.
      expect(Math.max(...at)).toBeCloseTo((118 * 1000) / 47.5, -1);
    }
  });

  it('keeps a Teams 429 to the tenant that got it, for its Retry-After: other tenants go on at their pace', async () => {
    const time = new FakeTime();
    const { queue, start } = setup(time);
    let aCalls = 0;
    const out = new RecordingOutbound('teams', time, (_call, target) =>
      target.workspaceId === 'tenant-a' && ++aCalls === 20 ? new PlatformError('teams', 'throttled', 'rate limited', { retryable: true, retryAfterMs: 1000 }) : undefined,
    );
    const results = await Promise.all([
      ...Array.from({ length: 100 }, (_, i) => queue.send(out, { platform: 'teams', workspaceId: 'tenant-a', conversationId: `a${i}` }, textReply('hi'))),
      ...Array.from({ length: 50 }, (_, i) => queue.send(out, { platform: 'teams', workspaceId: 'tenant-b', conversationId: `b${i}` }, textReply('hi'))),
    ]);
    expect(results.every((r) => r.status === 'sent')).toBe(true);
    const a = out.posts.filter((p) => p.target.workspaceId === 'tenant-a').map((p) => p.at - start);
    const b = out.posts.filter((p) => p.target.workspaceId === 'tenant-b').map((p) => p.at - start);
    const pausedAt = a[18]!;
    // The throttled tenant: nothing inside the pause; the other kept its own pace through it.
    expect(a.filter((t) => t > pausedAt && t < pausedAt + 1000)).toEqual([]);
    expect(b.filter((t) => t > pausedAt && t < pausedAt + 1000).length).toBeGreaterThan(10);
    expect(Math.max(...b)).toBeLessThan(1100);
    expect(queue.stats.throttled).toBe(1);
  });

  it('holds a Teams conversation to 8 messages in 2 seconds and 60 in 30 seconds', async () => {
    const { time, queue, start } = setup();
    const out = new RecordingOutbound('teams', time);
    await Promise.all(Array.from({ length: 61 }, () => queue.send(out, channel('busy', 'teams'), textReply('hi'))));
    const at = out.posts.map((p) => p.at - start);
    for (let i = 0; i + 7 < at.length; i++) expect(at[i + 7]! - at[i]!).toBeGreaterThanOrEqual(1000);
    for (let i = 0; i + 8 < at.length; i++) expect(at[i + 8]! - at[i]!).toBeGreaterThanOrEqual(2000);
    expect(at[60]! - at[0]!).toBeGreaterThanOrEqual(30_000);
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
    // Nothing reached the platform before Retry-After ran out, on any channel; then the workspace's pace.
    const at = out.posts.map((p) => p.at - start);
    expect(at[0]).toBe(30_000);
    expect(at[1]).toBeGreaterThanOrEqual(30_000);
    expect(at[1]).toBeLessThan(30_100);
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

describe('delivery queue pacing', () => {
  const slackAt = (perSecond: number) => ({ slack: { perConversation: [{ count: 1, perMs: 1000 }], perWorkspace: [{ count: perSecond, perMs: 1000 }], throttleScope: 'workspace' as const } });

  it('fills the rate whatever the round trip: as many requests fly as it takes', async () => {
    for (const roundTrip of [50, 100, 400]) {
      const time = new FakeTime();
      const { queue, start } = setup(time, { limits: slackAt(100) });
      const out = new RecordingOutbound('slack', time);
      let open = 0;
      let most = 0;
      const post = out.post.bind(out);
      out.post = async (target, reply) => {
        open += 1;
        most = Math.max(most, open);
        const posted = await post(target, reply);
        await time.sleep(roundTrip);
        open -= 1;
        return posted;
      };
      const results = await Promise.all(Array.from({ length: 500 }, (_, i) => queue.send(out, channel(`C${i}`), textReply('hi'))));
      expect(results.every((r) => r.status === 'sent')).toBe(true);
      const at = out.posts.map((p) => p.at - start);
      // 95 a second, from the first post to the last, at every round trip.
      const rate = ((at.length - 1) * 1000) / (Math.max(...at) - Math.min(...at));
      expect(rate).toBeGreaterThan(94);
      expect(rate).toBeLessThanOrEqual(100);
      // Enough in flight to cover the round trip at that rate.
      expect(most).toBeGreaterThanOrEqual(Math.floor((95 * roundTrip) / 1000));
    }
  });

  it('lets no one-second window of a workspace hold more than its limit', async () => {
    const { time, queue, start } = setup(undefined, { limits: slackAt(100) });
    const out = new RecordingOutbound('slack', time);
    await Promise.all(Array.from({ length: 400 }, (_, i) => queue.send(out, channel(`C${i}`), textReply('hi'))));
    const at = out.posts.map((p) => p.at - start).sort((a, b) => a - b);
    for (let i = 0; i + 100 < at.length; i++) expect(at[i + 100]! - at[i]!).toBeGreaterThan(1000);
  });

  it('keeps every one-second window under the limit when waiters wake late (a busy event loop), not letting the backlog out at once', async () => {
    const time = new FakeTime();
    const start = time.clock.now().getTime();
    // Every wake-up due between 1.5 s and 1.8 s comes at 1.8 s, as if the process had been busy meanwhile.
    const sleep = (ms: number) => {
      const at = time.clock.now().getTime() + ms - start;
      return at > 1500 && at < 1800 ? time.sleep(1800 - (at - ms)) : time.sleep(ms);
    };
    const { queue } = setup(time, { limits: slackAt(100), sleep });
    const out = new RecordingOutbound('slack', time);
    const results = await Promise.all(Array.from({ length: 400 }, (_, i) => queue.send(out, channel(`C${i}`), textReply('hi'))));
    expect(results.every((r) => r.status === 'sent')).toBe(true);
    const at = out.posts.map((p) => p.at - start).sort((a, b) => a - b);
    // The late ones went together at 1.8 s, but only as many as the last second's sends left room for.
    expect(at.filter((t) => t === 1800).length).toBeGreaterThan(1);
    for (let i = 0; i + 95 < at.length; i++) expect(at[i + 95]! - at[i]!).toBeGreaterThanOrEqual(1000);
    // And still at the paced rate overall.
    expect(((at.length - 1) * 1000) / (at[at.length - 1]! - at[0]!)).toBeGreaterThan(90);
  });

  it('counts a send from when the platform got it: sends held up on the way keep later sends back, so no second at the platform holds more than its limit', async () => {
    const time = new FakeTime();
    const { queue, start } = setup(time, { limits: slackAt(100) });
    const out = new RecordingOutbound('slack', time);
    // Each answer takes 50 ms; what is sent between 1.0 s and 1.1 s reaches the platform only at 1.1 s
    // (the network or the platform held it up), and its answer comes 50 ms after that.
    const arrived = delayArrivals(out, time, start, (sent) => (sent >= 1000 && sent < 1100 ? 1100 : sent));
    const results = await Promise.all(Array.from({ length: 400 }, (_, i) => queue.send(out, channel(`C${i}`), textReply('hi'))));
    expect(results.every((r) => r.status === 'sent')).toBe(true);
    expect(arrived.filter((t) => t === 1100).length).toBeGreaterThan(5);
    // The platform counts arrivals: no 101 of them within one second (it would have answered 429).
    const at = [...arrived].sort((a, b) => a - b);
    for (let i = 0; i + 100 < at.length; i++) expect(at[i + 100]! - at[i]!).toBeGreaterThanOrEqual(1000);
    // At the paced rate otherwise.
    expect(((at.length - 1) * 1000) / (at[at.length - 1]! - at[0]!)).toBeGreaterThan(90);
  });

  it('counts the first sends late too when later answers show the round trip is shorter (new connections are slow to open)', async () => {
    const time = new FakeTime();
    const { queue, start } = setup(time, { limits: slackAt(100) });
    const out = new RecordingOutbound('slack', time);
    // The first 20 sends wait 80 ms for their connections before they reach the platform; answers take 50 ms.
    const arrived = delayArrivals(out, time, start, (sent, earlier) => sent + (earlier < 20 ? 80 : 0));
    const results = await Promise.all(Array.from({ length: 300 }, (_, i) => queue.send(out, channel(`C${i}`), textReply('hi'))));
    expect(results.every((r) => r.status === 'sent')).toBe(true);
    const at = [...arrived].sort((a, b) => a - b);
    for (let i = 0; i + 100 < at.length; i++) expect(at[i + 100]! - at[i]!).toBeGreaterThanOrEqual(1000);
  });

  it('pauses only the throttled workspace for its Retry-After, then resumes one by one at the rate (no herd)', async () => {
    const time = new FakeTime();
    const { queue, start } = setup(time, { limits: slackAt(100) });
    let t1Calls = 0;
    const out = new RecordingOutbound('slack', time, (_call, target) =>
      target.workspaceId === 'T1' && ++t1Calls === 20 ? new PlatformError('slack', 'ratelimited', 'rate limited', { retryable: true, retryAfterMs: 2000 }) : undefined,
    );
    const sends = [
      ...Array.from({ length: 200 }, (_, i) => queue.send(out, channel(`C${i}`), textReply('hi'))),
      ...Array.from({ length: 50 }, (_, i) => queue.send(out, { platform: 'slack', workspaceId: 'T2', conversationId: `D${i}` }, textReply('hi'))),
    ];
    const results = await Promise.all(sends);
    expect(results.every((r) => r.status === 'sent')).toBe(true);
    const t1 = out.posts.filter((p) => p.target.workspaceId === 'T1').map((p) => p.at - start);
    const t2 = out.posts.filter((p) => p.target.workspaceId === 'T2').map((p) => p.at - start);
    const pausedAt = t1[18]!;
    // T1: nothing inside the pause; after it, sends one at a time (at most a burst of 5 together).
    expect(t1.filter((t) => t > pausedAt && t < pausedAt + 2000)).toEqual([]);
    const after = t1.filter((t) => t >= pausedAt + 2000);
    const together = new Map<number, number>();
    for (const t of after) together.set(t, (together.get(t) ?? 0) + 1);
    expect(Math.max(...together.values())).toBeLessThanOrEqual(5);
    // T2 never waited for T1's pause: its 50 went at its own pace.
    expect(Math.max(...t2)).toBeLessThan(600);
    expect(queue.stats.throttled).toBe(1);
  });

  it('holds a workspace lease while sending there and lets it go when nothing is left', async () => {
    const time = new FakeTime();
    const events: string[] = [];
    let holding: Promise<boolean> | undefined;
    const lease = {
      hold(_platform: PlatformName, workspaceId: string) {
        // Another instance has it for 5 s: every sender waits for the same hand-over.
        holding ??= (events.push(`hold ${workspaceId}`), time.sleep(5000).then(() => true));
        return holding;
      },
      release(_platform: PlatformName, workspaceId: string) {
        events.push(`release ${workspaceId}`);
        holding = undefined;
      },
    };
    const { queue, start } = setup(time, { lease });
    const out = new RecordingOutbound('slack', time);
    await Promise.all(Array.from({ length: 5 }, (_, i) => queue.send(out, channel(`C${i}`), textReply('hi'))));
    expect(events).toEqual(['hold T1', 'release T1']);
    expect(Math.min(...out.posts.map((p) => p.at - start))).toBeGreaterThanOrEqual(5000);

    // A Teams tenant has its own rate (50/s per app per tenant), so its sends wait for its lease too.
    events.length = 0;
    const teams = new RecordingOutbound('teams', time);
    const from = time.clock.now().getTime();
    await Promise.all(Array.from({ length: 5 }, (_, i) => queue.send(teams, { platform: 'teams', workspaceId: 'tenant-1', conversationId: `c${i}` }, textReply('hi'))));
    expect(events).toEqual(['hold tenant-1', 'release tenant-1']);
    expect(Math.min(...teams.posts.map((p) => p.at - from))).toBeGreaterThanOrEqual(5000);
  });

  it('fails a send whose lease does not come before its deadline, saying why', async () => {
    const time = new FakeTime();
    const lease = { hold: async () => false, release: () => undefined };
    const { queue } = setup(time, { lease });
    const out = new RecordingOutbound('slack', time);
    const result = await queue.send(out, channel('C1'), textReply('hi'));
    expect(result).toMatchObject({ status: 'failed', code: 'deadline', attempts: 0 });
    expect(out.posts).toEqual([]);
  });
});
