import type { CoreContext, Feature } from '../core/types.js';
import { deliveryQueueFor } from '../delivery/index.js';
import type { DeliveryQueue } from '../delivery/queue.js';
import { UserInputError } from '../errors.js';
import type { ConversationRef, IncomingMessage } from '../model/message.js';
import { reply, textReply, type Block } from '../model/reply.js';
import { matchTheme } from '../prompts/library.js';
import type { Theme } from '../prompts/schema.js';
import { formatLocal } from '../schedule/format.js';
import { ruleOf } from '../schedule/plan.js';
import { describeRecurrence, ruleFor } from '../schedule/rule.js';
import { createScheduler, type Scheduler } from '../schedule/scheduler.js';
import { nextSlots } from '../schedule/slots.js';
import { pauseEnd, pausedText, upcoming } from '../schedule/upcoming.js';
import { startTicker, type Ticker } from '../schedule/ticker.js';
import type { Subscription } from '../store/subscriptions.js';
import { setByText, whoSet } from '../core/permissions.js';
import { guardSubscription } from './guard.js';
import { timeZoneFor } from '../schedule/zone.js';

const NO_SCHEDULE = 'There is no prompt schedule in this conversation. Start one with, for example: schedule weekly monday 09:30';

const refOf = (m: ConversationRef): ConversationRef => ({ platform: m.platform, workspaceId: m.workspaceId, conversationId: m.conversationId });

async function requireSubscription(message: IncomingMessage, ctx: CoreContext): Promise<Subscription> {
  const sub = await ctx.store.subscriptions.forConversation(refOf(message), 'prompt');
  if (!sub) throw new UserInputError(NO_SCHEDULE);
  return sub;
}

function themesFrom(words: string[], ctx: CoreContext): Theme[] {
  const themes: Theme[] = [];
  for (const word of words) {
    const theme = matchTheme(word);
    if (!theme) throw new UserInputError(`I don't have a theme called "${word.slice(0, 40)}". Themes: ${ctx.prompts.themes().join(', ')}.`);
    if (!themes.includes(theme)) themes.push(theme);
  }
  return themes;
}

function lines(...parts: Array<string | undefined>): string {
  return parts.filter(Boolean).join('\n');
}

/** The conversation's other settings `status` shows beside the prompt schedule: the story digest and welcome. */
async function otherSettings(message: IncomingMessage, ctx: CoreContext, now: Date): Promise<Array<{ label: string; value: string }>> {
  const digest = await ctx.store.subscriptions.forConversation(refOf(message), 'digest');
  const nextDigest = digest ? nextSlots(ruleOf(digest), now, 1)[0] : undefined;
  const channel = message.isDirect ? undefined : await ctx.store.storyChannels.get(refOf(message));
  return [
    {
      label: 'Story digest',
      value: digest
        ? `${digest.ruleText}, ${digest.timeZone} time${nextDigest ? `; next ${formatLocal(nextDigest, digest.timeZone, now)}` : ''}; ${await setByText(ctx, message, digest.createdBy, digest.createdAt)}`
        : 'off (digest weekly friday 15:00 starts one)',
    },
    ...(message.isDirect
      ? []
      : [
          {
            label: 'Welcome',
            value: `${channel?.welcome ? 'on: people who join are invited to share their first impressions' : 'off (welcome on starts it)'}${channel?.welcomeSetAt ? `; ${await setByText(ctx, message, channel.welcomeSetBy, channel.welcomeSetAt)}` : ''}`,
          },
        ]),
  ];
}

/** The schedule commands: schedule, schedule off, pause, resume, skip, status. */
function commands(): NonNullable<Feature['commands']> {
  return {
    async schedule(intent, message, ctx) {
      const now = ctx.clock.now();
      const timeZone = await timeZoneFor(intent.timeZone, message, ctx);
      const themes = themesFrom(intent.themes, ctx);
      if (themes.length > 0 && ctx.prompts.eligible('channel', themes).length === 0) {
        throw new UserInputError(`There are no channel prompts for ${themes.join(', ')} yet. Themes with prompts: ${ctx.prompts.themes().join(', ')}.`);
      }
      const rule = ruleFor(intent.recurrence, timeZone, now);
      const next = nextSlots(rule, now, 1)[0];
      if (!next) throw new UserInputError('That rule never comes round. Try, for example: schedule weekly monday 09:30');
      const refused = await guardSubscription(ctx, message, 'prompt', { rule, now });
      if (refused) return [refused];
      const previous = await ctx.store.subscriptions.forConversation(refOf(message), 'prompt');
      const ruleText = describeRecurrence(intent.recurrence);
      await ctx.store.subscriptions.upsert({
        ...refOf(message),
        kind: 'prompt',
        ruleText,
        recurrence: intent.recurrence,
        cron: rule.cron,
        timeZone,
        everyWeeks: rule.everyWeeks,
        ...(rule.anchor ? { anchor: rule.anchor } : {}),
        themes,
        createdBy: message.userId,
      });
      return [
        textReply(
          lines(
            `Scheduled: a question here ${ruleText}, ${timeZone} time${themes.length ? ` (themes: ${themes.join(', ')})` : ''}.`,
            previous ? `This replaces the previous schedule (${previous.ruleText}, ${previous.timeZone}).` : undefined,
            `Next prompt: ${formatLocal(next, timeZone, now)}`,
            'Say pause, skip, status or schedule off to change it.',
          ),
        ),
      ];
    },

    async 'schedule-off'(_intent, message, ctx) {
      const refused = await guardSubscription(ctx, message, 'prompt');
      if (refused) return [refused];
      const removed = await ctx.store.subscriptions.remove(refOf(message), 'prompt');
      return [textReply(removed ? 'Scheduled prompts here are off. Say schedule weekly monday 09:30 (for example) to start again.' : NO_SCHEDULE)];
    },

    async pause(intent, message, ctx) {
      const sub = await requireSubscription(message, ctx);
      const refused = await guardSubscription(ctx, message, 'prompt');
      if (refused) return [refused];
      const now = ctx.clock.now();
      if (!intent.for) {
        await ctx.store.subscriptions.setPause(sub.id, { paused: true });
        return [textReply('Scheduled prompts here are paused. Say resume to start them again.')];
      }
      const until = pauseEnd(intent.for, now, sub.timeZone);
      await ctx.store.subscriptions.setPause(sub.id, { paused: true, until });
      const next = upcoming({ ...sub, paused: false, pausedUntil: until.toISOString() }, now, 1)[0];
      return [
        textReply(
          lines(
            `Scheduled prompts here are paused ${pausedText(until, sub.timeZone, now)}; they resume by themselves.`,
            next ? `Next prompt after the pause: ${formatLocal(next, sub.timeZone, now)}` : undefined,
            'Say resume to start sooner.',
          ),
        ),
      ];
    },

    async resume(_intent, message, ctx) {
      const sub = await requireSubscription(message, ctx);
      const refused = await guardSubscription(ctx, message, 'prompt');
      if (refused) return [refused];
      const now = ctx.clock.now();
      const was = sub.paused || (sub.pausedUntil !== undefined && Date.parse(sub.pausedUntil) > now.getTime());
      await ctx.store.subscriptions.setPause(sub.id, { paused: false });
      // Slots that fell during the pause are not owed: count from now. (Only then: a running schedule
      // may have a slot due a moment ago that the next tick has yet to post.)
      if (was) await ctx.store.subscriptions.advance(sub.id, now);
      const next = upcoming({ ...sub, paused: false, pausedUntil: undefined } as Subscription, now, 1)[0];
      return [
        textReply(
          lines(
            was ? 'Scheduled prompts here are running again.' : 'Scheduled prompts here were not paused.',
            next ? `Next prompt: ${formatLocal(next, sub.timeZone, now)}` : undefined,
          ),
        ),
      ];
    },

    async skip(_intent, message, ctx) {
      const sub = await requireSubscription(message, ctx);
      const refused = await guardSubscription(ctx, message, 'prompt');
      if (refused) return [refused];
      const now = ctx.clock.now();
      if (sub.paused) throw new UserInputError('Scheduled prompts here are paused, so nothing is coming to skip. Say resume first.');
      if (sub.skipSlot && Date.parse(sub.skipSlot) > now.getTime()) {
        const after = upcoming(sub, now, 1)[0];
        return [
          textReply(
            lines(
              `The prompt of ${formatLocal(new Date(sub.skipSlot), sub.timeZone, now)} is already skipped (skip drops only the next one).`,
              after ? `Next prompt: ${formatLocal(after, sub.timeZone, now)}` : undefined,
            ),
          ),
        ];
      }
      const [next, after] = upcoming({ ...sub, skipSlot: undefined } as Subscription, now, 2);
      if (!next) throw new UserInputError('There is no upcoming prompt to skip.');
      await ctx.store.subscriptions.setSkip(sub.id, next);
      return [
        textReply(
          lines(
            `Skipping the prompt of ${formatLocal(next, sub.timeZone, now)}.`,
            after ? `The one after stays: ${formatLocal(after, sub.timeZone, now)}` : undefined,
          ),
        ),
      ];
    },

    async status(_intent, message, ctx) {
      const sub = await ctx.store.subscriptions.forConversation(refOf(message), 'prompt');
      const now = ctx.clock.now();
      const others = await otherSettings(message, ctx, now);
      if (!sub) return [reply([{ type: 'text', text: NO_SCHEDULE }, { type: 'fields', fields: others }])];
      const pausedUntil = sub.pausedUntil && Date.parse(sub.pausedUntil) > now.getTime() ? new Date(sub.pausedUntil) : undefined;
      const state = sub.paused
        ? 'paused (say resume to start again)'
        : pausedUntil
          ? `paused ${pausedText(pausedUntil, sub.timeZone, now)}, then resumes by itself`
          : 'running';
      const next = upcoming(sub, now, 3).map((d) => formatLocal(d, sub.timeZone, now));
      const last = await ctx.store.posts.latest(refOf(message), 'prompt');
      const lastText = last
        ? `${formatLocal(new Date(last.postedAt), sub.timeZone, now)}${last.promptId ? `: ${ctx.prompts.get(last.promptId)?.text ?? last.promptId}` : ''}`
        : 'none yet';
      const skipped = sub.skipSlot && Date.parse(sub.skipSlot) > now.getTime() ? formatLocal(new Date(sub.skipSlot), sub.timeZone, now) : undefined;
      const blocks: Block[] = [
        { type: 'header', text: 'Scheduled prompts here' },
        {
          type: 'fields',
          fields: [
            { label: 'Rule', value: sub.ruleText },
            { label: 'Time zone', value: sub.timeZone },
            { label: 'Set by', value: await whoSet(ctx, message, sub.createdBy, sub.createdAt) },
            { label: 'Themes', value: sub.themes.length ? sub.themes.join(', ') : 'all' },
            { label: 'State', value: state },
            ...(skipped ? [{ label: 'Skipped', value: skipped }] : []),
            { label: 'Last prompt posted', value: lastText },
            ...others,
          ],
          // Values carry names, theme words and the last prompt (possibly a workspace's own): escaped as the user's.
          user: true,
        },
        next.length ? { type: 'label', text: 'Next prompts' } : { type: 'text', text: 'No upcoming prompts while paused.' },
        ...(next.length ? [{ type: 'list' as const, items: next }] : []),
      ];
      return [reply(blocks)];
    },
  };
}

export interface ScheduleFeatureOptions {
  /** The queue to send through; by default the core's shared one. */
  queue?: DeliveryQueue;
  /** Set false to run no timer (tests drive `scheduler().runDue` themselves). */
  tick?: boolean;
  /** Names this instance in slot claims (default: pid and a random suffix). */
  instanceId?: string;
}

/** A schedule feature with its scheduler, for tests that drive slots by hand. */
export interface ScheduleFeature extends Feature {
  /** The scheduler made by `start`. */
  scheduler(): Scheduler | undefined;
}

/**
 * Schedules: the chat commands, and in the background a ticker that posts each due slot once (claimed
 * in the store) through the delivery queue.
 */
export function createScheduleFeature(options: ScheduleFeatureOptions = {}): ScheduleFeature {
  let scheduler: Scheduler | undefined;
  let ticker: Ticker | undefined;
  return {
    name: 'schedule',
    commands: commands(),
    start(ctx) {
      scheduler = createScheduler(ctx, {
        queue: options.queue ?? deliveryQueueFor(ctx),
        ...(options.instanceId ? { instanceId: options.instanceId } : {}),
      });
      const run = scheduler.runDue;
      if (options.tick !== false) ticker = startTicker(() => run(ctx.clock.now()), ctx.logger.child({ part: 'schedule' }));
    },
    async stop() {
      // First no new claims and no unsent posts (their claims given back), then wait for the tick.
      scheduler?.stop();
      await ticker?.stop();
      ticker = undefined;
    },
    scheduler: () => scheduler,
  };
}
