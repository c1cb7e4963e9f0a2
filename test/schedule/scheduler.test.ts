import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PlatformError } from '../../src/errors.js';
import { loadPrompts } from '../../src/prompts/load.js';
import type { PromptLibrary } from '../../src/prompts/library.js';
import { openStore, type Store } from '../../src/store/index.js';
import { PROMPTS_DIR } from '../helpers/core.js';
import { tempDir } from '../helpers/temp.js';
import { FakePlatform, FakeTime, startInstance, type Instance } from './harness.js';

let prompts: PromptLibrary;
beforeAll(async () => {
  prompts = await loadPrompts(PROMPTS_DIR);
});

const C1 = { platform: 'slack' as const, workspaceId: 'T1', conversationId: 'C1' };

describe('scheduled prompts (one instance, SQLite)', () => {
  let tmp: ReturnType<typeof tempDir>;
  let dbPath: string;
  let time: FakeTime;
  let platform: FakePlatform;
  const stores: Store[] = [];
  const instances: Instance[] = [];

  async function instance(options: { lookup?: boolean; catchUpHours?: number; instanceId?: string } = {}): Promise<Instance & { store: Store }> {
    const store = await openStore({ kind: 'sqlite', path: dbPath }, time.clock);
    stores.push(store);
    const i = await startInstance({ store, prompts, time, outbound: platform.outbound({ lookup: options.lookup ?? false }), ...options });
    instances.push(i);
    return { ...i, store };
  }

  /** Runs the ticker's job every minute (at second 2) from now until `until`. */
  async function tickUntil(i: Instance, until: string): Promise<void> {
    const end = Date.parse(until);
    for (let t = Math.ceil(time.clock.now().getTime() / 60_000) * 60_000 + 2000; t <= end; t += 60_000) {
      time.clock.set(t);
      await i.scheduler.runDue();
    }
  }

  /** Waits (a turn of the event loop at a time, 5 s at most) until the platform has been asked to post. */
  async function untilPostAttempted(): Promise<void> {
    for (let i = 0; platform.calls === 0; i++) {
      if (i > 5000) throw new Error('the scheduler never tried to post');
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }

  beforeEach(() => {
    tmp = tempDir();
    dbPath = path.join(tmp.dir, 'bot.db');
    // A Monday, 08:00 in London (GMT).
    time = new FakeTime('2026-11-23T08:00:00Z');
    platform = new FakePlatform(time.clock);
  });
  afterEach(async () => {
    for (const i of instances.splice(0)) await i.core.stop();
    for (const s of stores.splice(0)) await s.close();
    tmp.cleanup();
  });

  it('confirms a schedule with the next slot in local time, and shows it in status', async () => {
    const bot = await instance();
    const confirm = await bot.say('schedule weekly monday 09:30 Europe/London themes purpose,people');
    expect(confirm).toContain('Scheduled: a question here every Monday at 09:30, Europe/London time (themes: purpose, people).');
    expect(confirm).toContain('Next prompt: Monday 23 November, 09:30 (Europe/London)');
    const status = await bot.say('status');
    expect(status).toContain('Rule: every Monday at 09:30');
    expect(status).toContain('Time zone: Europe/London');
    expect(status).toContain('State: running');
    expect(status).toContain('Last prompt posted: none yet');
    expect(status).toContain('Monday 23 November, 09:30 (Europe/London)\nMonday 30 November, 09:30 (Europe/London)\nMonday 7 December, 09:30 (Europe/London)');

    const ny = await bot.say('schedule every 2 weeks tuesday 14:00 America/New_York');
    expect(ny).toContain('This replaces the previous schedule (every Monday at 09:30, Europe/London).');
    expect(ny).toContain('Next prompt: Tuesday 24 November, 14:00 (America/New_York)');
    expect(await bot.store.subscriptions.list()).toHaveLength(1);

    expect(await bot.say('schedule weekly monday 09:30 Mars/Olympus')).toMatch(/not a time zone I know/);
    expect(await bot.say('schedule weekly monday 09:30 themes astrology')).toMatch(/don't have a theme called "astrology"/);
    expect(await bot.say('schedule off')).toMatch(/Scheduled prompts here are off/);
    expect(await bot.say('status')).toMatch(/no prompt schedule in this conversation/);
    expect(await bot.say('pause')).toMatch(/no prompt schedule in this conversation/);
  });

  it('posts a due slot once, with slot metadata, and records it', async () => {
    const bot = await instance();
    await bot.say('schedule weekly monday 09:30');
    time.clock.set('2026-11-23T09:29:02Z');
    expect(await bot.scheduler.runDue()).toMatchObject({ posted: 0 });
    time.clock.set('2026-11-23T09:30:02Z');
    expect(await bot.scheduler.runDue()).toMatchObject({ posted: 1 });
    expect(await bot.scheduler.runDue()).toMatchObject({ posted: 0 });
    const sub = (await bot.store.subscriptions.forConversation(C1))!;
    expect(platform.posts).toHaveLength(1);
    const meta = platform.posts[0]!.reply.metadata!;
    expect(meta.type).toBe('moodmusic_prompt');
    expect(meta.payload).toMatchObject({ subscription_id: sub.id, slot: '2026-11-23T09:30:00.000Z' });
    expect(await bot.store.slots.get(sub.id, '2026-11-23T09:30:00.000Z')).toMatchObject({ status: 'posted', messageId: 'm1', promptId: meta.payload.prompt_id });
    expect(await bot.store.posts.latest(C1, 'prompt')).toMatchObject({ messageId: 'm1', promptId: meta.payload.prompt_id });
    expect(await bot.say('status')).toContain('Last prompt posted: Monday 23 November, 09:30 (Europe/London)');
  });

  it('after downtime posts the most recent missed slot once, within CATCH_UP_HOURS, and records older ones skipped', async () => {
    const first = await instance();
    await first.say('schedule weekdays 10:00');
    await first.core.stop();
    // Down from Monday 08:00 until Wednesday 15:00: Monday's and Tuesday's slots are older, Wednesday's is 5 h late.
    time.clock.set('2026-11-25T15:00:00Z');
    const second = await instance();
    expect(await second.scheduler.catchUp()).toMatchObject({ posted: 1, skipped: 2 });
    expect(await second.scheduler.runDue()).toMatchObject({ posted: 0, skipped: 0 });
    const sub = (await second.store.subscriptions.forConversation(C1))!;
    const slots = await second.store.slots.list(sub.id);
    expect(slots.map((s) => [s.slot, s.status])).toEqual([
      ['2026-11-25T10:00:00.000Z', 'posted'],
      ['2026-11-24T10:00:00.000Z', 'skipped'],
      ['2026-11-23T10:00:00.000Z', 'skipped'],
    ]);
    expect(slots[1]!.reason).toMatch(/missed while the bot was not running/);
    expect(platform.posts).toHaveLength(1);
  });

  it('skips (and records) a missed slot older than CATCH_UP_HOURS', async () => {
    const bot = await instance({ catchUpHours: 2 });
    await bot.say('schedule weekly monday 09:30');
    time.clock.set('2026-11-23T12:00:00Z');
    expect(await bot.scheduler.catchUp()).toMatchObject({ posted: 0, skipped: 1 });
    const sub = (await bot.store.subscriptions.forConversation(C1))!;
    expect(await bot.store.slots.get(sub.id, '2026-11-23T09:30:00.000Z')).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/CATCH_UP_HOURS/) });
    expect(platform.posts).toHaveLength(0);
  });

  it('pauses for two weeks and resumes by itself', async () => {
    const bot = await instance();
    await bot.say('schedule weekly monday 09:30');
    const paused = await bot.say('pause for 2 weeks');
    expect(paused).toContain('paused through Sunday 6 December (Europe/London); they resume by themselves');
    expect(paused).toContain('Next prompt after the pause: Monday 7 December, 09:30 (Europe/London)');
    expect(await bot.say('status')).toContain('State: paused through Sunday 6 December (Europe/London), then resumes by itself');
    for (const at of ['2026-11-23T09:30:02Z', '2026-11-30T09:30:02Z']) {
      time.clock.set(at);
      expect(await bot.scheduler.runDue()).toMatchObject({ posted: 0 });
    }
    time.clock.set('2026-12-07T09:30:02Z');
    expect(await bot.scheduler.runDue()).toMatchObject({ posted: 1 });
    expect(platform.posts.map((p) => p.reply.metadata?.payload.slot)).toEqual(['2026-12-07T09:30:00.000Z']);
    expect(await bot.say('status')).toContain('State: running');
  });

  it('pauses until resumed; slots during the pause are not owed afterwards', async () => {
    const bot = await instance();
    await bot.say('schedule weekly monday 09:30');
    expect(await bot.say('pause')).toContain('paused. Say resume');
    expect(await bot.say('status')).toContain('No upcoming prompts while paused.');
    await tickUntil(bot, '2026-11-23T10:00:00Z');
    time.clock.set('2026-11-23T11:00:00Z');
    const resumed = await bot.say('resume');
    expect(resumed).toContain('running again');
    expect(resumed).toContain('Next prompt: Monday 30 November, 09:30 (Europe/London)');
    await bot.scheduler.runDue();
    expect(platform.posts).toHaveLength(0);
    time.clock.set('2026-11-30T09:30:02Z');
    expect(await bot.scheduler.runDue()).toMatchObject({ posted: 1 });
  });

  it('skip drops only the next slot', async () => {
    const bot = await instance();
    await bot.say('schedule weekly monday 09:30');
    const skipped = await bot.say('skip');
    expect(skipped).toContain('Skipping the prompt of Monday 23 November, 09:30 (Europe/London).');
    expect(skipped).toContain('The one after stays: Monday 30 November, 09:30 (Europe/London)');
    expect(await bot.say('skip')).toContain('already skipped');
    expect(await bot.say('status')).toContain('Skipped: Monday 23 November, 09:30 (Europe/London)');
    time.clock.set('2026-11-23T09:30:02Z');
    expect(await bot.scheduler.runDue()).toMatchObject({ posted: 0, skipped: 1 });
    time.clock.set('2026-11-30T09:30:02Z');
    expect(await bot.scheduler.runDue()).toMatchObject({ posted: 1 });
    const sub = (await bot.store.subscriptions.forConversation(C1))!;
    expect(await bot.store.slots.get(sub.id, '2026-11-23T09:30:00.000Z')).toMatchObject({ status: 'skipped', reason: 'skipped on request (skip)' });
  });

  describe('across DST nights, ticking every minute', () => {
    const cases = [
      ['Europe/London', 'spring forward', '2026-03-28T23:00:00Z', '2026-03-29T04:00:00Z', '01:30', '2026-03-29T01:30:00.000Z'],
      ['Europe/London', 'fall back', '2026-10-24T22:00:00Z', '2026-10-25T04:00:00Z', '01:30', '2026-10-25T01:30:00.000Z'],
      ['America/New_York', 'spring forward', '2026-03-08T05:00:00Z', '2026-03-08T09:00:00Z', '02:30', '2026-03-08T07:30:00.000Z'],
      ['America/New_York', 'fall back', '2026-11-01T04:00:00Z', '2026-11-01T08:00:00Z', '01:30', '2026-11-01T05:30:00.000Z'],
    ] as const;
    for (const [zone, night, from, to, at, expected] of cases) {
      it(`${zone} ${night}: a daily ${at} slot is posted exactly once`, async () => {
        time.clock.set(from);
        platform = new FakePlatform(time.clock);
        const bot = await instance();
        await bot.say(`schedule daily ${at} ${zone}`);
        await tickUntil(bot, to);
        expect(platform.posts.map((p) => p.reply.metadata?.payload.slot)).toEqual([expected]);
      });
    }
  });

  it('recovers a slot whose sender died between claim and send: re-sent once, within the window', async () => {
    const dying = await instance({ instanceId: 'dying' });
    await dying.say('schedule weekly monday 09:30');
    platform.behaviour = () => 'hang'; // the request never reaches the platform; the process is gone
    time.clock.set('2026-11-23T09:30:02Z');
    void dying.scheduler.runDue();
    await untilPostAttempted();
    const sub = (await dying.store.subscriptions.forConversation(C1))!;
    const claimed = await dying.store.slots.get(sub.id, '2026-11-23T09:30:00.000Z');
    expect(claimed).toMatchObject({ status: 'claimed', claimedBy: 'dying', promptId: expect.any(String) });

    platform.behaviour = () => 'ok';
    const restarted = await instance({ instanceId: 'restarted' });
    time.clock.set('2026-11-23T09:40:02Z');
    expect(await restarted.scheduler.runDue()).toMatchObject({ posted: 0, recovered: 0 }); // claim not stale yet
    time.clock.set('2026-11-23T09:46:02Z');
    expect(await restarted.scheduler.runDue()).toMatchObject({ posted: 1, recovered: 1 });
    expect(platform.posts).toHaveLength(1);
    // The same prompt the dead instance had chosen.
    expect(platform.posts[0]!.reply.metadata?.payload.prompt_id).toBe(claimed!.promptId);
    expect(await restarted.store.slots.get(sub.id, '2026-11-23T09:30:00.000Z')).toMatchObject({ status: 'posted', attempts: 2, claimedBy: 'restarted' });
    time.clock.set('2026-11-23T11:00:02Z');
    await restarted.scheduler.runDue();
    expect(platform.posts).toHaveLength(1);
  });

  it('recovers a slot the platform accepted just before the sender died, without posting it twice (findPosted)', async () => {
    const dying = await instance({ instanceId: 'dying', lookup: true });
    await dying.say('schedule weekly monday 09:30');
    platform.behaviour = () => 'accept-then-hang';
    time.clock.set('2026-11-23T09:30:02Z');
    void dying.scheduler.runDue();
    await untilPostAttempted();
    expect(platform.posts).toHaveLength(1);

    platform.behaviour = () => 'ok';
    const restarted = await instance({ instanceId: 'restarted', lookup: true });
    time.clock.set('2026-11-23T09:46:02Z');
    expect(await restarted.scheduler.runDue()).toMatchObject({ posted: 0, recovered: 1 });
    expect(platform.posts).toHaveLength(1);
    const sub = (await restarted.store.subscriptions.forConversation(C1))!;
    expect(await restarted.store.slots.get(sub.id, '2026-11-23T09:30:00.000Z')).toMatchObject({ status: 'posted', messageId: 'm1' });
    expect(await restarted.store.posts.latest(C1, 'prompt')).toMatchObject({ messageId: 'm1' });
  });

  it('never re-sends an abandoned digest claim as a prompt', async () => {
    const bot = await instance({ instanceId: 'restarted' });
    const digest = await bot.store.subscriptions.upsert({
      kind: 'digest', ...C1, ruleText: 'every Friday at 15:00', recurrence: { kind: 'weekly', day: 'friday', time: '15:00', everyWeeks: 1 },
      cron: '0 15 * * 5', timeZone: 'Europe/London', everyWeeks: 1, themes: [],
    });
    expect(await bot.store.slots.claim(C1, digest.id, '2026-11-23T09:00:00.000Z', 'dead-instance')).toBe(true);
    time.clock.set('2026-11-23T09:30:02Z');
    expect(await bot.scheduler.runDue()).toMatchObject({ posted: 0, failed: 1 });
    expect(platform.posts).toHaveLength(0);
    expect(await bot.store.slots.get(digest.id, '2026-11-23T09:00:00.000Z')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/digest/) });
  });

  it('does not re-send an abandoned claim once it is older than the catch-up window', async () => {
    const dying = await instance({ instanceId: 'dying' });
    await dying.say('schedule weekly monday 09:30');
    platform.behaviour = () => 'hang';
    time.clock.set('2026-11-23T09:30:02Z');
    void dying.scheduler.runDue();
    await untilPostAttempted();
    platform.behaviour = () => 'ok';
    time.clock.set('2026-11-24T09:30:02Z');
    const restarted = await instance();
    expect(await restarted.scheduler.runDue()).toMatchObject({ posted: 0, failed: 1 });
    const sub = (await restarted.store.subscriptions.forConversation(C1))!;
    expect(await restarted.store.slots.get(sub.id, '2026-11-23T09:30:00.000Z')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/never confirmed/) });
    expect(platform.posts).toHaveLength(0);
  });

  it('respects 429 Retry-After from the platform, then posts', async () => {
    const bot = await instance();
    await bot.say('schedule weekly monday 09:30');
    platform.behaviour = (call) => (call === 1 ? new PlatformError('slack', 'ratelimited', 'rate limited', { retryable: true, retryAfterMs: 45_000 }) : 'ok');
    time.clock.set('2026-11-23T09:30:02Z');
    expect(await bot.scheduler.runDue()).toMatchObject({ posted: 1 });
    expect(platform.calls).toBe(2);
    expect(platform.posts.map((p) => p.at)).toEqual(['2026-11-23T09:30:47.000Z']);
  });

  it('records why a slot failed when the platform refuses it', async () => {
    const bot = await instance();
    await bot.say('schedule weekly monday 09:30');
    platform.behaviour = () => new PlatformError('slack', 'channel_not_found', 'channel_not_found: invite the bot to the channel');
    time.clock.set('2026-11-23T09:30:02Z');
    expect(await bot.scheduler.runDue()).toMatchObject({ posted: 0, failed: 1 });
    const sub = (await bot.store.subscriptions.forConversation(C1))!;
    expect(await bot.store.slots.get(sub.id, '2026-11-23T09:30:00.000Z')).toMatchObject({ status: 'failed', reason: 'channel_not_found: invite the bot to the channel' });
  });
});
