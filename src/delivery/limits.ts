import type { PlatformName } from '../model/message.js';

/** At most `count` sends per `perMs` milliseconds, with bursts up to `count`. */
export interface Rate {
  count: number;
  perMs: number;
}

/** A platform's published limits, as the queue enforces them. */
export interface PlatformLimits {
  /** Across the whole app on this platform, every workspace together (paced by a token bucket, just under the rate). */
  global?: Rate[];
  /** Per workspace (Slack) or tenant (Teams), paced by a token bucket per workspace just under the rate. */
  perWorkspace?: Rate[];
  /** Per conversation (Slack channel, Teams conversation/thread), enforced exactly. */
  perConversation?: Rate[];
  /**
   * Calls of these methods (Slack: a Web API method's tier) are counted per workspace against their own
   * rates instead: not the workspace's post bucket, nor a conversation's windows. A method not listed
   * is counted as a post (the workspace's bucket and, with a conversation, its windows).
   */
  methods?: Record<string, Rate[]>;
  /**
   * Optional cap on sends in flight at once. Off by default: the rate decides throughput, and as many
   * requests fly as the round trip needs to fill it.
   */
  maxInFlight?: number;
  /**
   * Which bucket a 429's Retry-After pauses besides the conversation's own: the app's (every send on
   * this platform) or the workspace's (Slack rate-limits each workspace separately, so one busy
   * workspace must not stall the others).
   */
  throttleScope?: 'app' | 'workspace';
}

/**
 * What a call to a platform counts against: its workspace's (tenant's) buckets and, for a post, its
 * conversation's windows; a call of a method the limits list (`PlatformLimits.methods`) counts against
 * that method's rates in the workspace instead. A scheduled send's `ConversationRef` is one.
 */
export interface CallTarget {
  workspaceId: string;
  conversationId?: string;
  /** The platform's name for the call (`chat.update`, `views.publish`); a post when absent or unlisted. */
  method?: string;
}

/**
 * Slack's published tiers, per method per app per workspace: Tier 3 allows 50+ calls a minute, Tier 4
 * 100+ (https://api.slack.com/docs/rate-limits). Each method's tier as its page gives it (checked 28 Nov
 * 2026): chat.update Tier 3 (https://api.slack.com/methods/chat.update), conversations.open Tier 3
 * (https://api.slack.com/methods/conversations.open), conversations.history and conversations.replies
 * Tier 3 for internal and Marketplace apps, but 1 a minute for new commercially distributed apps outside
 * the Marketplace (https://docs.slack.dev/reference/methods/conversations.history, .../conversations.replies;
 * the bot reads history only after a crash), views.open and views.publish Tier 4
 * (https://api.slack.com/methods/views.open, .../views.publish), users.info Tier 4 (Slack's method
 * description as mirrored by a client library); users.conversations Tier 3 was not found on its page.
 */
const TIER_3: Rate[] = [{ count: 50, perMs: 60_000 }];
const TIER_4: Rate[] = [{ count: 100, perMs: 60_000 }];

/** Slack's workspace-wide rate for chat.postMessage when SLACK_WORKSPACE_RATE does not say (Slack publishes none). */
export const DEFAULT_SLACK_WORKSPACE_RATE = 20;

/**
 * Defaults from the platforms' documentation. Slack: chat.postMessage allows about one message per
 * second per channel (short bursts tolerated) and keeps a workspace-wide limit it does not publish
 * (`DEFAULT_SLACK_WORKSPACE_RATE`, set with SLACK_WORKSPACE_RATE; its 429s and Retry-After still
 * govern); other methods by their tier (Slack's "Rate limits" page). Teams ("Optimize your bot with rate
 * limiting"): 50 requests per second per app per tenant, every call counted (sends, updates, rosters),
 * so a tenant's 429 holds only that tenant, and per bot per conversation 7 a second, 8 in 2 s, 60 in
 * 30 s and 1,800 an hour. The shell is a terminal.
 */
export const DEFAULT_LIMITS: Record<PlatformName, PlatformLimits> = {
  slack: {
    perConversation: [{ count: 1, perMs: 1000 }],
    perWorkspace: [{ count: DEFAULT_SLACK_WORKSPACE_RATE, perMs: 1000 }],
    // chat.postMessage and chat.postEphemeral are posts (the channel's and the workspace's limits);
    // every other method the bot calls has its own tier per workspace.
    methods: {
      'chat.update': TIER_3,
      'conversations.open': TIER_3,
      'conversations.history': TIER_3,
      'conversations.replies': TIER_3,
      'users.conversations': TIER_3,
      'users.info': TIER_4,
      'views.open': TIER_4,
      'views.publish': TIER_4,
    },
    throttleScope: 'workspace',
  },
  teams: {
    perWorkspace: [{ count: 50, perMs: 1000 }],
    perConversation: [
      { count: 7, perMs: 1000 },
      { count: 8, perMs: 2000 },
      { count: 60, perMs: 30_000 },
      { count: 1800, perMs: 3_600_000 },
    ],
    throttleScope: 'workspace',
  },
  shell: {},
};

/** The most sends a second any of `rates` allows (0 when none is finite). */
export function perSecond(rates: Rate[] | undefined): number {
  let most = 0;
  for (const r of rates ?? []) if (Number.isFinite(r.count)) most = Math.max(most, (r.count * 1000) / r.perMs);
  return most;
}

/**
 * One rate as a sliding-window log: a send at `t` is allowed when fewer than `count` sends were booked
 * in (t - perMs, t]. Exact (a token bucket would let nearly twice `count` through in one window after a
 * burst), and cheap because bookings are only ever made at "now", so the log stays in order.
 */
export class RateGate {
  private readonly times: number[] = [];

  constructor(private readonly rate: Rate) {}

  /** The earliest instant (ms) at or after `now` a send conforms. */
  earliest(now: number): number {
    if (this.times.length < this.rate.count) return now;
    return Math.max(now, (this.times[0] as number) + this.rate.perMs);
  }

  /** Books a send at `at`, which must not be before an earlier booking. */
  commit(at: number): void {
    this.times.push(at);
    if (this.times.length > this.rate.count) this.times.shift();
  }

  /** True when no booking still counts at `now` (safe to forget). */
  idle(now: number): boolean {
    const last = this.times[this.times.length - 1];
    return last === undefined || last + this.rate.perMs <= now;
  }
}
