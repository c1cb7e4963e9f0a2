import path from 'node:path';
import { ManualClock } from '../../src/clock.js';
import { createCore, type Core } from '../../src/core/core.js';
import { deliveryQueueFor } from '../../src/delivery/index.js';
import { FakeTime } from '../delivery/fake-time.js';
import type { CoreSettings, Feature } from '../../src/core/types.js';
import { allFeatures } from '../../src/features/index.js';
import { silentLogger } from '../../src/logger.js';
import type { IncomingMessage } from '../../src/model/message.js';
import { loadPrompts } from '../../src/prompts/load.js';
import { openStore, type Store } from '../../src/store/index.js';
import { tempDir } from './temp.js';

export const PROMPTS_DIR = path.resolve(import.meta.dirname, '../../prompts');

/** A core on a real SQLite file in a temp dir, with a manual clock. */
export async function testCore(options: { start?: string; features?: Feature[]; dbPath?: string; settings?: Partial<CoreSettings> } = {}): Promise<{
  core: Core;
  store: Store;
  clock: ManualClock;
  close: () => Promise<void>;
}> {
  const tmp = options.dbPath ? undefined : tempDir();
  const clock = new ManualClock(options.start ?? '2026-11-23T08:00:00Z');
  const store = await openStore({ kind: 'sqlite', path: options.dbPath ?? path.join(tmp!.dir, 'test.db') }, clock);
  const prompts = await loadPrompts(PROMPTS_DIR);
  const core = createCore(
    { store, prompts, clock, logger: silentLogger, settings: { rotationSeed: 'test', defaultTimeZone: 'Europe/London', catchUpHours: 12, ...options.settings } },
    options.features ?? allFeatures(),
  );
  return {
    core,
    store,
    clock,
    close: async () => {
      await core.stop();
      await store.close();
      tmp?.cleanup();
    },
  };
}

/** A channel mention in the shell-like test workspace. */
export function mention(text: string, overrides: Partial<IncomingMessage> = {}): IncomingMessage {
  return {
    platform: 'shell',
    workspaceId: 'W1',
    conversationId: 'C1',
    userId: 'U1',
    text,
    source: 'mention',
    isMention: true,
    isDirect: false,
    ...overrides,
  };
}

/**
 * Makes the core's delivery queue (the rate buckets every platform call waits for) sleep on `clock`
 * as fake time: a wait moves the clock once nothing else can run and no request is on the wire, so
 * tests never sleep and a local fake sees requests at the instants the buckets chose. Call it before
 * anything uses the queue.
 */
export function pacedTime(core: Core, clock: ManualClock): FakeTime {
  const time: FakeTime = new FakeTime(clock, () => deliveryQueueFor(core.ctx).inFlight() > 0);
  deliveryQueueFor(core.ctx, { sleep: time.sleep });
  return time;
}
