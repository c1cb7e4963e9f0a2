import { parseCommand } from '../commands/grammar.js';
import type { Intent } from '../commands/intents.js';
import { MoodmusicError, UserInputError, describeError } from '../errors.js';
import type { IncomingMessage, PlatformName } from '../model/message.js';
import type { Outbound } from '../model/outbound.js';
import { reply, textReply, type Reply } from '../model/reply.js';
import { RUN_COMMAND_ACTION, shortHelp } from './help.js';
import type { ActionHandler, CoreContext, Feature } from './types.js';

type AnyCommand = (intent: Intent, message: IncomingMessage, ctx: CoreContext) => Promise<Reply[]>;

/** Longest text the grammar looks at; a bigger paste is cut here (review caps its own input too). */
export const MAX_MESSAGE_CHARS = 60_000;

/** The platform-free bot: one inbound `handle`, outbound through attached adapters. */
export interface Core {
  readonly ctx: CoreContext;
  /** Handles one normalised message and returns the replies for the adapter to render in context. */
  handle(message: IncomingMessage): Promise<Reply[]>;
  /** Makes a platform reachable for proactive sends (schedules, stories, welcome). */
  attach(outbound: Outbound): void;
  /** Starts background work (schedulers). */
  start(): Promise<void>;
  /**
   * Shutdown, first step: stops background work (schedulers, timers): no new claims, unsent proactive
   * posts cancelled and their claims given back; resolves when the posts already sent are recorded.
   * Messages are still handled meanwhile, so requests already received get their answers.
   */
  stopBackground(): Promise<void>;
  /** Stops background work (if not yet) and handling, and waits for in-flight handling to finish. */
  stop(): Promise<void>;
}

/** Builds the core from its context (without the outbound part) and the features to run. */
export function createCore(base: Omit<CoreContext, 'outbound' | 'platforms'>, features: Feature[]): Core {
  const outbounds = new Map<PlatformName, Outbound>();
  const ctx: CoreContext = {
    ...base,
    outbound: (platform) => outbounds.get(platform),
    platforms: () => [...outbounds.values()],
  };
  const commands = new Map<string, AnyCommand>();
  const actions = new Map<string, ActionHandler>();
  for (const feature of features) {
    for (const [verb, handler] of Object.entries(feature.commands ?? {})) commands.set(verb, handler as AnyCommand);
    for (const [id, handler] of Object.entries(feature.actions ?? {})) actions.set(id, handler);
  }
  const inFlight = new Set<Promise<unknown>>();
  let stopping = false;
  let background: Promise<void> | undefined;
  const stopBackground = () =>
    (background ??= (async () => {
      // Each feature's stop first cancels what it has not sent, then waits: stop them all together.
      const results = await Promise.allSettled([...features].reverse().map(async (feature) => feature.stop?.()));
      for (const r of results) if (r.status === 'rejected') ctx.logger.error('stopping background work failed', { error: r.reason });
    })());

  async function dispatch(message: IncomingMessage): Promise<Reply[]> {
    const conversation = { platform: message.platform, workspaceId: message.workspaceId, conversationId: message.conversationId, isDirect: message.isDirect };
    // Platforms redeliver (Slack retries, Teams resends): the first delivery to claim the id is handled,
    // on whichever instance; the store's unique key makes that hold across instances. The claim and the
    // conversation's record are one transaction, so a failure between them cannot swallow the retry.
    if (message.eventId) {
      if (!(await ctx.store.events.claimWith(message.eventId, conversation))) {
        ctx.logger.debug('duplicate delivery ignored', { platform: message.platform, workspaceId: message.workspaceId, eventId: message.eventId });
        return [];
      }
    } else {
      await ctx.store.conversations.upsert(conversation);
    }
    for (const feature of features) {
      const consumed = await feature.intercept?.(message, ctx);
      if (consumed) return consumed;
    }
    // A reply in a prompt's thread is a person talking to their colleagues, not to the bot; a join is
    // only for the welcome flow's intercept. Neither is ever parsed as a command.
    if (message.source === 'thread' || message.source === 'member-joined') return [];
    // A help button runs its command exactly as if it had been typed.
    const typed = message.source === 'action' && message.action?.id === RUN_COMMAND_ACTION ? (message.action.value ?? '') : undefined;
    if (message.source === 'action' && typed === undefined) {
      const handler = message.action ? actions.get(message.action.id) : undefined;
      if (!handler) return [textReply('That button is no longer active. Say `help` to see what I can do.', { visibility: 'private' })];
      return handler(message, ctx);
    }
    const intent: Intent = parseCommand((typed ?? message.text).slice(0, MAX_MESSAGE_CHARS));
    if (intent.verb === 'unknown') return [shortHelp(intent.text)];
    if (intent.verb === 'invalid') {
      // The message may quote what was typed; markdown platforms escape it (the bot's wording has nothing to escape).
      return [reply([{ type: 'text', text: `${intent.message}\nUsage: ${intent.usage}`, user: true }], { visibility: 'private' })];
    }
    const handler = commands.get(intent.verb);
    if (!handler) {
      return [textReply(`\`${intent.verb}\` is coming soon. Say \`help\` to see what works today.`, { visibility: 'private' })];
    }
    return handler(intent, message, ctx);
  }

  return {
    ctx,
    async handle(message) {
      if (stopping) return [];
      const work = dispatch(message).catch((error: unknown) => {
        // Input errors quote what was typed (a theme, a zone, an id): marked as the user's, so they are escaped.
        if (error instanceof UserInputError) return [reply([{ type: 'text', text: error.message, user: true }], { visibility: 'private' })];
        ctx.logger.error('message handling failed', {
          error,
          code: error instanceof MoodmusicError ? error.code : undefined,
          platform: message.platform,
          workspaceId: message.workspaceId,
        });
        return [textReply(`Sorry, something went wrong on my side (${describeError(error).slice(0, 120)}). It has been logged; please try again.`, { visibility: 'private' })];
      });
      inFlight.add(work);
      try {
        return await work;
      } finally {
        inFlight.delete(work);
      }
    },
    attach(outbound) {
      outbounds.set(outbound.platform, outbound);
    },
    async start() {
      for (const feature of features) await feature.start?.(ctx);
    },
    stopBackground,
    async stop() {
      await stopBackground();
      stopping = true;
      await Promise.allSettled([...inFlight]);
    },
  };
}
