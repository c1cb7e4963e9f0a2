import { randomUUID } from 'node:crypto';
import type { CoreContext } from '../core/types.js';
import type { ConversationRef } from '../model/message.js';
import type { Reply } from '../model/reply.js';
import { choosePrompt } from '../prompts/choose.js';
import type { StoryJob } from '../store/story-jobs.js';
import type { StoryPerson } from '../store/stories.js';
import { questionReply } from './messages.js';
import { isAllowedTime, nextAllowedTime } from './quiet-hours.js';
import { deliver } from './send.js';

/** Default days after the sharing choice on which questions are asked. */
export const DEFAULT_STORY_DAYS: readonly number[] = [0, 7, 28];
const DAY_MS = 86_400_000;
/** A claim older than this belongs to an instance that stopped mid-send. */
const STALE_CLAIM_MS = 10 * 60_000;
const MAX_ATTEMPTS = 8;
/** How long one tick lets the delivery queue wait or retry a question before the job row takes over. */
const SEND_WITHIN_MS = 5_000;
const RETRY_BASE_MS = 60_000;

/** This process's name in claims, so a log can tell instances apart. */
export const INSTANCE_ID = randomUUID();

type Ctx = Pick<CoreContext, 'store' | 'prompts' | 'settings' | 'outbound' | 'logger' | 'clock'>;

export function storyDays(ctx: Pick<CoreContext, 'settings'>): readonly number[] {
  return ctx.settings.storyDays?.length ? ctx.settings.storyDays : DEFAULT_STORY_DAYS;
}

function dmRef(person: StoryPerson): ConversationRef {
  return { platform: person.platform, workspaceId: person.workspaceId, conversationId: person.dmConversationId };
}

/**
 * Picks the person's next onboarding question (rotated per DM, so no repeats). The caller makes it the
 * open question once it has reached the person, so an answer is never filed under an unseen question.
 */
export async function prepareQuestion(ctx: Ctx, person: StoryPerson, step: number, jobId?: string): Promise<{ reply: Reply; promptId: string } | undefined> {
  const prompt = await choosePrompt(ctx, dmRef(person), { themes: ['onboarding'], audience: 'newStarter' });
  if (!prompt) return undefined;
  return { reply: questionReply(prompt, person.sharing, { step, of: storyDays(ctx).length, ...(jobId ? { jobId } : {}) }), promptId: prompt.id };
}

/**
 * Creates the person's sequence (one durable row per step) right after their first choice. A day-0 step
 * is claimed here and its question returned for the reply: the person has just pressed a button, so it
 * is an answer, not an interruption, and quiet hours do not apply. Later steps are shifted into the
 * person's weekday working hours.
 */
export async function startSequence(ctx: Ctx, person: StoryPerson, now: Date): Promise<Reply | undefined> {
  const days = storyDays(ctx);
  await ctx.store.storyJobs.createSequence(
    person,
    person.dmConversationId,
    days.map((d, step) => ({ step, dueAt: d === 0 ? now : nextAllowedTime(new Date(now.getTime() + d * DAY_MS), person.timeZone) })),
  );
  if (days[0] !== 0) return undefined;
  const first = await ctx.store.storyJobs.step(person, 0);
  if (!first || !(await ctx.store.storyJobs.claim(first.id, INSTANCE_ID))) return undefined;
  const question = await prepareQuestion(ctx, person, 0);
  if (question) await ctx.store.stories.setPending(person, { kind: 'answer', promptId: question.promptId });
  await ctx.store.storyJobs.markSent(first.id, question?.promptId ?? null);
  return question?.reply;
}

/** What one run of the job tick did. */
export interface StoryJobRun {
  sent: number;
  postponed: number;
  retried: number;
  failed: number;
}

async function sendJob(ctx: Ctx, job: StoryJob, now: Date, run: StoryJobRun, signal?: AbortSignal): Promise<void> {
  const person = await ctx.store.stories.getPerson(job);
  if (!person) {
    await ctx.store.storyJobs.markFailed(job.id);
    run.failed += 1;
    return;
  }
  const question = await prepareQuestion(ctx, person, job.step, job.id);
  if (!question) {
    ctx.logger.warn('no new-starter onboarding prompts in the library; story question not sent', { step: job.step });
    await ctx.store.storyJobs.markFailed(job.id);
    run.failed += 1;
    return;
  }
  const outcome = await deliver(ctx, dmRef(person), question.reply, { key: `story:${job.id}`, withinMs: SEND_WITHIN_MS, ...(signal ? { signal } : {}) });
  if (outcome.status === 'failed' && outcome.code === 'stopped') {
    // Not sent because the bot is stopping: pending again, for the restart or another instance.
    await ctx.store.storyJobs.release(job.id, INSTANCE_ID);
    return;
  }
  if (outcome.status === 'sent') {
    await ctx.store.stories.setPending(person, { kind: 'answer', promptId: question.promptId });
    await ctx.store.storyJobs.markSent(job.id, question.promptId);
    run.sent += 1;
    return;
  }
  // The queue fails fast on permanent errors; running out of time or attempts is worth another go later.
  const transient = outcome.code === 'deadline' || outcome.code === 'not_attached' || outcome.reason.startsWith('gave up');
  if (transient && job.attempts + 1 < MAX_ATTEMPTS) {
    await ctx.store.storyJobs.retryLater(job.id, nextAllowedTime(new Date(now.getTime() + RETRY_BASE_MS * 2 ** job.attempts), person.timeZone));
    run.retried += 1;
  } else {
    await ctx.store.storyJobs.markFailed(job.id);
    run.failed += 1;
  }
  ctx.logger.warn('story question not delivered', { platform: job.platform, workspaceId: job.workspaceId, step: job.step, transient, reason: outcome.reason });
}

/**
 * Sends every story question due at `now`, once across instances: each step is claimed in the store
 * before it is sent. Steps that come due outside the person's working hours (after downtime, say) move
 * to the next allowed time. Called from the feature's timer; tests call it with a ManualClock's time.
 */
export async function runDueStoryJobs(ctx: Ctx, now: Date, signal?: AbortSignal): Promise<StoryJobRun> {
  const run: StoryJobRun = { sent: 0, postponed: 0, retried: 0, failed: 0 };
  // Claims left behind by a crash mid-send: resend (a repeated question is better than a lost one),
  // unless the platform can tell us it already went out.
  for (const job of await ctx.store.storyJobs.stale(new Date(now.getTime() - STALE_CLAIM_MS))) {
    if (signal?.aborted) return run;
    if (!job.claimedAt || !(await ctx.store.storyJobs.reclaim(job.id, INSTANCE_ID, job.claimedAt))) continue;
    const outbound = ctx.outbound(job.platform);
    const target = { platform: job.platform, workspaceId: job.workspaceId, conversationId: job.conversationId };
    const found = await outbound?.findPosted?.(target, 'moodmusic_story_question', { job_id: job.id }, new Date(job.claimedAt)).catch(() => undefined);
    if (found) await ctx.store.storyJobs.markSent(job.id, null);
    else await sendJob(ctx, job, now, run, signal);
  }
  for (const job of await ctx.store.storyJobs.due(now)) {
    if (signal?.aborted) return run;
    const person = await ctx.store.stories.getPerson(job);
    const zone = person?.timeZone ?? ctx.settings.defaultTimeZone;
    if (person && !isAllowedTime(now, zone)) {
      await ctx.store.storyJobs.postpone(job.id, nextAllowedTime(now, zone));
      run.postponed += 1;
      continue;
    }
    if (!(await ctx.store.storyJobs.claim(job.id, INSTANCE_ID))) continue;
    await sendJob(ctx, job, now, run, signal);
  }
  return run;
}
