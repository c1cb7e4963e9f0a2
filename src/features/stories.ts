import { refuseChange } from '../core/permissions.js';
import type { CoreContext, Feature } from '../core/types.js';
import { SETTING_WORDS } from './guard.js';
import { describeError } from '../errors.js';
import { textReply } from '../model/reply.js';
import { editAction, forgetMe, keepAction, skipAction, withdrawAction } from '../stories/actions.js';
import { handleAnswer } from '../stories/answers.js';
import { digestNow, runDueDigests, subscribeDigest, unsubscribeDigest } from '../stories/digest.js';
import { consentAction, memberJoined, storyCommand } from '../stories/flow.js';
import { STORY_ACTIONS } from '../stories/messages.js';
import { levelAction, myStories, withdrawCommand } from '../stories/mine.js';
import { redactAction, shareAction } from '../stories/preview.js';
import { runDueStoryJobs } from '../stories/sequence.js';

/** How often due story questions and digests are looked for. */
export const STORY_TICK_MS = 30_000;

/**
 * New-starter stories: `story`, `welcome on|off`, `digest …`, `forget me`, the sharing and story buttons,
 * answers to open questions in DMs, the welcome when someone joins, and a timer that sends due questions
 * and digests. One instance per core (it owns a timer).
 */
export function createStoriesFeature(options: { tickMs?: number } = {}): Feature {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  // Aborted at stop: sends not yet on the wire are cancelled and their claims given back.
  let stopping = new AbortController();

  const tick = (ctx: CoreContext) => {
    if (running || stopping.signal.aborted) return;
    running = (async () => {
      try {
        const now = ctx.clock.now();
        await runDueStoryJobs(ctx, now, stopping.signal);
        await runDueDigests(ctx, now, stopping.signal);
      } catch (error) {
        ctx.logger.error('story tick failed', { error: describeError(error) });
      } finally {
        running = undefined;
      }
    })();
  };

  return {
    name: 'stories',
    async intercept(message, ctx) {
      if (message.source === 'member-joined') return memberJoined(message, ctx);
      return handleAnswer(message, ctx);
    },
    commands: {
      story: (_intent, message, ctx) => storyCommand(message, ctx),
      welcome: async (intent, message, ctx) => {
        if (message.isDirect) return [textReply('Say "welcome on" in the channel whose newcomers should be welcomed.', { visibility: 'private' })];
        const channel = await ctx.store.storyChannels.get(message);
        // Welcome off is the default: only a welcome that is on belongs to whoever turned it on.
        const refused = channel?.welcome ? await refuseChange(ctx, message, SETTING_WORDS.welcome, channel.welcomeSetBy) : undefined;
        if (refused) return [refused];
        await ctx.store.storyChannels.setWelcome(message, intent.on, message.userId);
        return [
          textReply(
            intent.on
              ? 'Welcome is on: when someone joins this channel I will message them privately, explain what I ask new starters and why, and let them choose how their answers may be used. Nothing is saved before they choose.'
              : 'Welcome is off: people who join this channel will not hear from me.',
          ),
        ];
      },
      digest: (intent, message, ctx) => subscribeDigest(intent, message, ctx),
      'digest-now': (_intent, message, ctx) => digestNow(message, ctx),
      'digest-off': (_intent, message, ctx) => unsubscribeDigest(message, ctx),
      'forget-me': (_intent, message, ctx) => forgetMe(message, ctx),
      'my-stories': (_intent, message, ctx) => myStories(message, ctx),
      withdraw: (intent, message, ctx) => withdrawCommand(intent, message, ctx),
    },
    actions: {
      [STORY_ACTIONS.consent]: consentAction,
      [STORY_ACTIONS.skip]: skipAction,
      [STORY_ACTIONS.edit]: editAction,
      [STORY_ACTIONS.withdraw]: withdrawAction,
      [STORY_ACTIONS.keep]: () => keepAction(),
      [STORY_ACTIONS.level]: levelAction,
      [STORY_ACTIONS.share]: shareAction,
      [STORY_ACTIONS.redact]: redactAction,
    },
    start(ctx) {
      stopping = new AbortController();
      tick(ctx);
      timer = setInterval(() => tick(ctx), options.tickMs ?? STORY_TICK_MS);
      timer.unref();
    },
    async stop() {
      stopping.abort();
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
