import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createStoriesFeature } from '../../src/features/stories.js';
import { PlatformError } from '../../src/errors.js';
import { isAllowedTime, nextAllowedTime } from '../../src/stories/quiet-hours.js';
import { runDueStoryJobs } from '../../src/stories/sequence.js';
import { testCore } from '../helpers/core.js';
import { tempDir } from '../helpers/temp.js';
import { FakeOutbound, dm, press } from './fakes.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function coreOn(dbPath: string, start: string) {
  const t = await testCore({ dbPath, start, features: [createStoriesFeature()] });
  cleanups.push(t.close);
  const outbound = new FakeOutbound();
  t.core.attach(outbound);
  return { ...t, outbound };
}

function dbPath(): string {
  const tmp = tempDir();
  cleanups.push(tmp.cleanup);
  return path.join(tmp.dir, 'stories.db');
}

async function jobRows(store: Awaited<ReturnType<typeof coreOn>>['store']) {
  return store.db.selectFrom('story_jobs').select(['step', 'status', 'due_at']).orderBy('step').execute();
}

describe('quiet hours', () => {
  it('allows weekday working hours only, in the given zone', () => {
    // Monday 23 Nov 2026.
    expect(isAllowedTime(new Date('2026-11-23T09:00:00Z'), 'Europe/London')).toBe(true);
    expect(isAllowedTime(new Date('2026-11-23T08:59:00Z'), 'Europe/London')).toBe(false);
    expect(isAllowedTime(new Date('2026-11-23T17:29:00Z'), 'Europe/London')).toBe(true);
    expect(isAllowedTime(new Date('2026-11-23T17:30:00Z'), 'Europe/London')).toBe(false);
    expect(isAllowedTime(new Date('2026-11-28T12:00:00Z'), 'Europe/London')).toBe(false); // Saturday
    // 10:00 UTC is 05:00 in New York.
    expect(isAllowedTime(new Date('2026-11-23T10:00:00Z'), 'America/New_York')).toBe(false);
  });

  it('moves night and weekend times to the next weekday 09:00 local', () => {
    expect(nextAllowedTime(new Date('2026-11-27T18:00:00Z'), 'Europe/London').toISOString()).toBe('2026-11-30T09:00:00.000Z');
    expect(nextAllowedTime(new Date('2026-11-28T12:00:00Z'), 'America/New_York').toISOString()).toBe('2026-11-30T14:00:00.000Z');
    expect(nextAllowedTime(new Date('2026-11-24T03:00:00Z'), 'Europe/Berlin').toISOString()).toBe('2026-11-24T08:00:00.000Z');
    const ok = new Date('2026-11-24T11:00:00Z');
    expect(nextAllowedTime(ok, 'Europe/London')).toBe(ok);
  });

  it('schedules later steps inside the person\'s hours and postpones a step that comes due at night', async () => {
    // Friday 27 Nov 2026, 17:20 London: consent just before the end of the day.
    const t = await coreOn(dbPath(), '2026-11-27T17:20:00Z');
    await t.core.handle(dm('story', { userTimeZone: 'Europe/London' }));
    await t.core.handle(press('story.consent', 'private', { userTimeZone: 'Europe/London' }));
    const rows = await jobRows(t.store);
    expect(rows.map((r) => [r.step, r.status, r.due_at])).toEqual([
      [0, 'sent', '2026-11-27T17:20:00.000Z'],
      [1, 'pending', '2026-12-04T17:20:00.000Z'], // Friday 17:20, still inside the day
      [2, 'pending', '2026-12-25T17:20:00.000Z'],
    ]);
    // The bot was down; it comes back on Friday 4 Dec at 19:00, after hours: the step waits for Monday 09:00.
    t.clock.set('2026-12-04T19:00:00Z');
    expect(await runDueStoryJobs(t.core.ctx, t.clock.now())).toMatchObject({ sent: 0, postponed: 1 });
    expect((await jobRows(t.store))[1]?.due_at).toBe('2026-12-07T09:00:00.000Z');
    t.clock.set('2026-12-07T09:00:00Z');
    expect(await runDueStoryJobs(t.core.ctx, t.clock.now())).toMatchObject({ sent: 1 });
    expect(t.outbound.posts).toHaveLength(1);
    expect(t.outbound.posts[0]?.target.conversationId).toBe('dm-U1');
    expect(t.outbound.posts[0]?.text).toMatch(/Question 2 of 3/);
  });

  it('uses the person\'s own time zone when the platform reports it', async () => {
    // Monday 10:00 UTC = 05:00 in New York.
    const t = await coreOn(dbPath(), '2026-11-23T10:00:00Z');
    await t.core.handle(press('story.consent', 'anonymous', { userTimeZone: 'America/New_York' }));
    const rows = await jobRows(t.store);
    // Monday 30 Nov 05:00 New York → 09:00 New York (14:00 UTC).
    expect(rows[1]?.due_at).toBe('2026-11-30T14:00:00.000Z');
  });
});

describe('the question sequence is durable', () => {
  it('survives a restart: a new core on the same database sends day 7 and day 28 once each', async () => {
    const file = dbPath();
    const first = await coreOn(file, '2026-11-23T10:00:00Z');
    await first.core.handle(dm('story'));
    await first.core.handle(press('story.consent', 'anonymous'));
    cleanups.pop();
    await first.close();

    const second = await coreOn(file, '2026-11-30T10:00:00Z');
    expect(await runDueStoryJobs(second.core.ctx, second.clock.now())).toMatchObject({ sent: 1 });
    expect(await runDueStoryJobs(second.core.ctx, second.clock.now())).toMatchObject({ sent: 0 });
    // The day-7 question is open: the next DM text becomes its story.
    await second.core.handle(dm('The real approval route goes through Jo, not the form.'));
    expect(await second.store.db.selectFrom('stories').select('prompt_id').execute()).toHaveLength(1);

    second.clock.set('2026-12-21T10:00:00Z');
    expect(await runDueStoryJobs(second.core.ctx, second.clock.now())).toMatchObject({ sent: 1 });
    expect(second.outbound.posts.map((p) => p.text.split('\n')[0])).toEqual(['** Question 2 of 3 **', '** Question 3 of 3 **']);
    // Three different questions across the sequence.
    const prompts = await second.store.db.selectFrom('story_jobs').select('prompt_id').execute();
    expect(new Set(prompts.map((p) => p.prompt_id)).size).toBe(3);
  });

  it('is not doubled by two cores on one database', async () => {
    const file = dbPath();
    const a = await coreOn(file, '2026-11-23T10:00:00Z');
    const b = await coreOn(file, '2026-11-23T10:00:00Z');
    await a.core.handle(dm('story'));
    await a.core.handle(press('story.consent', 'anonymous'));
    // The same button press handled again by the other instance (a retried delivery) adds no steps.
    await b.core.handle(press('story.consent', 'anonymous'));
    expect(await jobRows(a.store)).toHaveLength(3);

    for (const t of [a, b]) t.clock.set('2026-11-30T10:00:00Z');
    const runs = await Promise.all([runDueStoryJobs(a.core.ctx, a.clock.now()), runDueStoryJobs(b.core.ctx, b.clock.now())]);
    expect(runs[0].sent + runs[1].sent).toBe(1);
    expect(a.outbound.posts.length + b.outbound.posts.length).toBe(1);
  });

  it('retries a transient platform failure later and gives up on a permanent one', async () => {
    const t = await coreOn(dbPath(), '2026-11-23T10:00:00Z');
    await t.core.handle(press('story.consent', 'anonymous'));
    t.clock.set('2026-11-30T10:00:00Z');
    t.outbound.failNext = new PlatformError('shell', 'ratelimited', 'slow down', { retryable: true, retryAfterMs: 30_000 });
    expect(await runDueStoryJobs(t.core.ctx, t.clock.now())).toMatchObject({ sent: 0, retried: 1 });
    expect(await runDueStoryJobs(t.core.ctx, t.clock.now())).toMatchObject({ sent: 0 });
    t.clock.advance(60_000);
    expect(await runDueStoryJobs(t.core.ctx, t.clock.now())).toMatchObject({ sent: 1 });

    t.clock.set('2026-12-21T10:00:00Z');
    t.outbound.failNext = new PlatformError('shell', 'user_not_found', 'gone');
    expect(await runDueStoryJobs(t.core.ctx, t.clock.now())).toMatchObject({ failed: 1 });
    expect((await jobRows(t.store))[2]?.status).toBe('failed');
  });

  it('reads STORY_DAYS through the settings', async () => {
    const tmp = dbPath();
    const t = await testCore({ dbPath: tmp, start: '2026-11-23T10:00:00Z', features: [createStoriesFeature()] });
    cleanups.push(t.close);
    (t.core.ctx.settings as { storyDays?: number[] }).storyDays = [0, 14];
    await t.core.handle(press('story.consent', 'private'));
    const rows = await jobRows(t.store);
    expect(rows.map((r) => r.due_at)).toEqual(['2026-11-23T10:00:00.000Z', '2026-12-07T10:00:00.000Z']);
  });
});

describe('forget me', () => {
  it('removes pending jobs so nothing more is sent', async () => {
    const t = await coreOn(dbPath(), '2026-11-23T10:00:00Z');
    await t.core.handle(press('story.consent', 'anonymous'));
    await t.core.handle(dm('forget me'));
    t.clock.set('2026-12-30T10:00:00Z');
    expect(await runDueStoryJobs(t.core.ctx, t.clock.now())).toMatchObject({ sent: 0 });
    expect(t.outbound.posts).toHaveLength(0);
    expect(await t.store.db.selectFrom('story_jobs').selectAll().execute()).toHaveLength(0);
  });
});
