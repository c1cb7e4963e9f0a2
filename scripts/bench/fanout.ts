/**
 * Fan-out: one slot due in 5,000 subscribed conversations, against a fake Slack that allows 1,000
 * messages per second in a sliding window and answers 429 with Retry-After beyond it. The queue is not
 * told that limit; it learns it from the 429s. Measured twice: the delivery queue alone, and end to end
 * through the scheduler (slot claims, prompt rotation and records in a SQLite store) and the queue.
 * Reports each time as a ratio to the ideal the limit allows, and counts of duplicates and losses
 * (both must be 0).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ManualClock, systemClock } from '../../src/clock.js';
import { createCore } from '../../src/core/core.js';
import { DeliveryQueue } from '../../src/delivery/index.js';
import { PlatformError } from '../../src/errors.js';
import { textReply } from '../../src/model/reply.js';
import { createScheduleFeature } from '../../src/features/schedule.js';
import { silentLogger } from '../../src/logger.js';
import type { ConversationRef } from '../../src/model/message.js';
import type { Outbound, PostedRef } from '../../src/model/outbound.js';
import { DEFAULT_PROMPTS_DIR, loadPrompts } from '../../src/prompts/load.js';
import { openStore } from '../../src/store/index.js';

const CONVERSATIONS = 5000;
const LIMIT = 1000;
const WINDOW_MS = 1000;
const LATENCY_MS = 1;

/** A fake chat API: accepts up to LIMIT posts per sliding WINDOW_MS, else 429 with Retry-After (whole seconds, as Slack sends). */
function rateLimitedPlatform() {
  const accepted: number[] = [];
  let head = 0;
  const perConversation = new Map<string, number>();
  let rejected = 0;
  const outbound: Outbound = {
    platform: 'slack',
    async post(target: ConversationRef): Promise<PostedRef> {
      await new Promise((resolve) => setTimeout(resolve, LATENCY_MS));
      const now = performance.now();
      while (head < accepted.length && (accepted[head] as number) <= now - WINDOW_MS) head += 1;
      if (accepted.length - head >= LIMIT) {
        rejected += 1;
        const wait = (accepted[head] as number) + WINDOW_MS - now;
        throw new PlatformError('slack', 'ratelimited', 'ratelimited', { retryable: true, retryAfterMs: Math.ceil(wait / 1000) * 1000 });
      }
      accepted.push(now);
      perConversation.set(target.conversationId, (perConversation.get(target.conversationId) ?? 0) + 1);
      return { messageId: `m${accepted.length}` };
    },
    async openDirect(workspaceId, userId) {
      return { platform: 'slack', workspaceId, conversationId: `D${userId}` };
    },
  };
  return { outbound, perConversation, rejected: () => rejected };
}

// The first LIMIT may go at once; each further LIMIT needs another window.
const IDEAL_S = (Math.ceil(CONVERSATIONS / LIMIT) - 1) * (WINDOW_MS / 1000);

function outcomeRows(label: string, seconds: number, platform: ReturnType<typeof rateLimitedPlatform>): Array<[string, string]> {
  const duplicates = [...platform.perConversation.values()].reduce((n, c) => n + (c - 1), 0);
  const losses = CONVERSATIONS - platform.perConversation.size;
  return [
    [`fanout.${label}.time_s`, seconds.toFixed(2)],
    [`fanout.${label}.ratio_to_ideal`, (seconds / IDEAL_S).toFixed(2)],
    [`fanout.${label}.responses_429`, String(platform.rejected())],
    [`fanout.${label}.duplicates`, String(duplicates)],
    [`fanout.${label}.losses`, String(losses)],
  ];
}

/** The delivery queue alone: 5,000 sends at once to distinct conversations. */
async function queueOnly(): Promise<Array<[string, string]>> {
  const platform = rateLimitedPlatform();
  const queue = new DeliveryQueue({ clock: systemClock, logger: silentLogger });
  const reply = textReply('What is this meeting for, for the people who will be in it?');
  const started = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: CONVERSATIONS }, (_, i) => queue.send(platform.outbound, { platform: 'slack', workspaceId: 'T1', conversationId: `C${i}` }, reply)),
  );
  const seconds = (performance.now() - started) / 1000;
  const failed = outcomes.filter((o) => o.status !== 'sent').length;
  return [...outcomeRows('queue', seconds, platform), ['fanout.queue.failed_outcomes', String(failed)]];
}

/** Runs both fan-outs and returns `[name, value]` rows for the bench report. */
export async function benchFanout(): Promise<Array<[string, string]>> {
  const rows: Array<[string, string]> = [
    ['fanout.conversations', String(CONVERSATIONS)],
    // The fake allows LIMIT posts per sliding window of WINDOW_MS, else answers 429 with Retry-After.
    ['fanout.limit_per_s', String((LIMIT * 1000) / WINDOW_MS)],
    ['fanout.ideal_s', IDEAL_S.toFixed(2)],
    ...(await queueOnly()),
  ];
  return [...rows, ...(await endToEnd())];
}

/** Through the scheduler: claims, prompt choice and records in SQLite, then the queue. */
async function endToEnd(): Promise<Array<[string, string]>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'moodmusic-bench-'));
  try {
    const dbPath = path.join(dir, 'fanout.db');
    const prompts = await loadPrompts(existsSync(DEFAULT_PROMPTS_DIR) ? DEFAULT_PROMPTS_DIR : path.resolve('prompts'));
    // Subscriptions made just before a minute boundary, so exactly one slot (that boundary) is due.
    const slot = Math.floor(Date.now() / 60_000) * 60_000;
    const setup = await openStore({ kind: 'sqlite', path: dbPath }, new ManualClock(slot - 1000));
    for (let i = 0; i < CONVERSATIONS; i += 1) {
      await setup.subscriptions.upsert({
        platform: 'slack',
        workspaceId: 'T1',
        conversationId: `C${i}`,
        kind: 'prompt',
        ruleText: 'every minute',
        recurrence: { kind: 'cron', expression: '* * * * *' },
        cron: '* * * * *',
        timeZone: 'UTC',
        everyWeeks: 1,
        themes: [],
      });
    }
    await setup.close();

    const store = await openStore({ kind: 'sqlite', path: dbPath }, systemClock);
    const platform = rateLimitedPlatform();
    const queue = new DeliveryQueue({ clock: systemClock, logger: silentLogger });
    const feature = createScheduleFeature({ queue, tick: false, instanceId: 'bench' });
    const core = createCore(
      { store, prompts, clock: systemClock, logger: silentLogger, settings: { rotationSeed: 'bench', defaultTimeZone: 'UTC', catchUpHours: 12 } },
      [feature],
    );
    core.attach(platform.outbound);
    await core.start();
    const started = performance.now();
    const report = await feature.scheduler()!.runDue(new Date(Math.max(Date.now(), slot)));
    const seconds = (performance.now() - started) / 1000;
    await core.stop();

    const slots = await store.db.selectFrom('slots').select(['status']).execute();
    await store.close();
    return [
      ...outcomeRows('scheduler_sqlite_queue', seconds, platform),
      ['fanout.scheduler_sqlite_queue.slots_posted', String(slots.filter((s) => s.status === 'posted').length)],
      ['fanout.scheduler_sqlite_queue.reported_posted', String(report.posted)],
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
