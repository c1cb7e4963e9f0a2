import type { ManualClock } from '../../src/clock.js';
import { createCore, type Core } from '../../src/core/core.js';
import { DeliveryQueue, type PlatformLimits, type WorkspaceLease } from '../../src/delivery/index.js';
import { createScheduleFeature } from '../../src/features/schedule.js';
import { silentLogger } from '../../src/logger.js';
import type { ConversationRef, IncomingMessage, PlatformName } from '../../src/model/message.js';
import type { Outbound, PostedRef } from '../../src/model/outbound.js';
import { fallbackText, type Reply } from '../../src/model/reply.js';
import type { PromptLibrary } from '../../src/prompts/library.js';
import type { Scheduler } from '../../src/schedule/scheduler.js';
import type { Store } from '../../src/store/index.js';
import { FakeTime } from '../delivery/fake-time.js';
import { mention } from '../helpers/core.js';

/** A message the platform accepted. */
export interface PlatformPost {
  target: ConversationRef;
  reply: Reply;
  at: string;
  messageId: string;
}

/**
 * A fake chat platform shared by any number of bot instances: what it accepted is the ground truth
 * for "posted once". `behaviour` can fail a call, or accept it and then never answer (the sender dies).
 */
export class FakePlatform {
  readonly posts: PlatformPost[] = [];
  calls = 0;
  behaviour: (call: number, target: ConversationRef) => 'ok' | 'accept-then-hang' | 'hang' | Error = () => 'ok';
  constructor(readonly clock: ManualClock, readonly platform: PlatformName = 'slack') {}

  /** An Outbound for one instance; `lookup` adds `findPosted` (Slack's message metadata search). */
  outbound(options: { lookup?: boolean } = {}): Outbound {
    const outbound: Outbound = {
      platform: this.platform,
      post: async (target, reply): Promise<PostedRef> => {
        this.calls += 1;
        const what = this.behaviour(this.calls, target);
        if (what instanceof Error) throw what;
        if (what === 'hang') return new Promise<PostedRef>(() => undefined);
        const messageId = `m${this.posts.length + 1}`;
        this.posts.push({ target, reply, at: this.clock.now().toISOString(), messageId });
        if (what === 'accept-then-hang') return new Promise<PostedRef>(() => undefined);
        return { messageId };
      },
      openDirect: async (workspaceId, userId) => ({ platform: this.platform, workspaceId, conversationId: `D-${userId}` }),
    };
    if (options.lookup) {
      outbound.findPosted = async (target, type, match) => {
        const hit = this.posts.find(
          (p) =>
            p.target.conversationId === target.conversationId &&
            p.reply.metadata?.type === type &&
            Object.entries(match).every(([k, v]) => p.reply.metadata?.payload[k] === v),
        );
        return hit ? { messageId: hit.messageId } : undefined;
      };
    }
    return outbound;
  }

  /** Posts per "subscription_id slot" key, to check exactly-once. */
  countsBySlot(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const p of this.posts) {
      const key = `${String(p.reply.metadata?.payload.subscription_id)} ${String(p.reply.metadata?.payload.slot)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  }
}

/** One bot instance: a core with the schedule feature (no timer), attached to a fake platform. */
export interface Instance {
  core: Core;
  scheduler: Scheduler;
  time: FakeTime;
  say(text: string, where?: Partial<IncomingMessage>): Promise<string>;
}

export async function startInstance(options: {
  store: Store;
  prompts: PromptLibrary;
  time: FakeTime;
  outbound: Outbound;
  instanceId?: string;
  catchUpHours?: number;
  /** Workspace leases shared through the database (several instances). */
  lease?: WorkspaceLease;
  limits?: Partial<Record<PlatformName, PlatformLimits>>;
}): Promise<Instance> {
  const queue = new DeliveryQueue({
    clock: options.time.clock,
    logger: silentLogger,
    sleep: options.time.sleep,
    random: () => 0.5,
    ...(options.lease ? { lease: options.lease } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const feature = createScheduleFeature({ queue, tick: false, ...(options.instanceId ? { instanceId: options.instanceId } : {}) });
  const core = createCore(
    {
      store: options.store,
      prompts: options.prompts,
      clock: options.time.clock,
      logger: silentLogger,
      // The test user administers the bot, so every rule (every 10 minutes, say) may be set in a channel.
      settings: { rotationSeed: 'test', defaultTimeZone: 'Europe/London', catchUpHours: options.catchUpHours ?? 12, adminUsers: ['U1'] },
    },
    [feature],
  );
  core.attach(options.outbound);
  await core.start();
  const scheduler = feature.scheduler();
  if (!scheduler) throw new Error('schedule feature did not start');
  return {
    core,
    scheduler,
    time: options.time,
    async say(text, where = {}) {
      const replies = await core.handle(mention(text, { platform: options.outbound.platform, workspaceId: 'T1', ...where }));
      return replies.map((r) => r.blocks.map((b) => ('text' in b ? b.text : b.type === 'list' ? b.items.join('\n') : b.type === 'fields' ? b.fields.map((f) => `${f.label}: ${f.value}`).join('\n') : fallbackText([b]))).join('\n')).join('\n---\n');
    },
  };
}

export { FakeTime };
