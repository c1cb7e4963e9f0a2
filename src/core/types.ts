import type { Clock } from '../clock.js';
import type { PlatformLimits } from '../delivery/limits.js';
import type { WorkspaceLease } from '../delivery/queue.js';
import type { Intent, Verb } from '../commands/intents.js';
import type { LlmSettings } from '../llm/chat-json.js';
import type { Logger } from '../logger.js';
import type { IncomingMessage, PlatformName } from '../model/message.js';
import type { Outbound } from '../model/outbound.js';
import type { Reply } from '../model/reply.js';
import type { PromptLibrary } from '../prompts/library.js';
import type { Store } from '../store/index.js';

/** Values the core needs from config, passed in rather than read from the environment. */
export interface CoreSettings {
  rotationSeed: string;
  defaultTimeZone: string;
  catchUpHours: number;
  /** Days after consent on which new-starter story questions are asked; default [0, 7, 28]. */
  storyDays?: number[];
  /** Key that signs links to the insights page (INSIGHTS_SECRET, else random per process). */
  insightsSecret?: string;
  /** The bot's web address for links it hands out (PUBLIC_URL, else a local one), once known. */
  webBase?: () => string | undefined;
  /** How prompts are ordered within a rotation cycle: by what starts conversation here, or plainly. */
  rotation?: 'learn' | 'plain';
  /** DIGEST_MIN_PEOPLE: different people whose stories a digest needs before it posts any; default 3, never below 2. */
  digestMinPeople?: number;
  /** ADMIN_USERS: platform user ids who may change any channel's schedule, digest or welcome. */
  adminUsers?: string[];
  /** REVIEW_LLM_*: the language model that reads plans and framings, when an operator set one. */
  reviewLlm?: LlmSettings;
  /** Overrides of the platforms' send limits (e.g. a Slack workspace rate from SLACK_WORKSPACE_RATE). */
  deliveryLimits?: Partial<Record<PlatformName, PlatformLimits>>;
}

/** Everything a feature may use. Built once by `createCore`. */
export interface CoreContext {
  store: Store;
  prompts: PromptLibrary;
  clock: Clock;
  logger: Logger;
  settings: CoreSettings;
  /** The attached outbound side of a platform, if that adapter is running. */
  outbound(platform: PlatformName): Outbound | undefined;
  /** Every attached platform. */
  platforms(): Outbound[];
  /**
   * With several instances on one PostgreSQL: the workspace leases that let one instance at a time pace
   * a workspace's sends. Absent with SQLite (one process holds every workspace).
   */
  workspaceLease?: WorkspaceLease;
}

export type CommandHandler<V extends Verb> = (
  intent: Extract<Intent, { verb: V }>,
  message: IncomingMessage,
  ctx: CoreContext,
) => Promise<Reply[]>;

export type ActionHandler = (message: IncomingMessage, ctx: CoreContext) => Promise<Reply[]>;

/**
 * A slice of behaviour (prompts, review, schedules, stories…). Features plug into the core without the
 * core knowing them: commands by verb, actions by button/form id, an optional look at every message
 * first, and background work started and stopped with the bot.
 */
export interface Feature {
  name: string;
  commands?: { [V in Verb]?: CommandHandler<V> };
  actions?: Record<string, ActionHandler>;
  /**
   * Sees each message before the grammar (e.g. an answer to a story question in a DM, a reply in a
   * prompt's thread). Returns replies when it consumed the message, `undefined` to pass it on.
   */
  intercept?: (message: IncomingMessage, ctx: CoreContext) => Promise<Reply[] | undefined>;
  start?: (ctx: CoreContext) => Promise<void> | void;
  stop?: () => Promise<void> | void;
}
