import { ManualClock } from '../../src/clock.js';
import { openStore, type Store, type StoreLocation } from '../../src/store/index.js';

/**
 * Subscribes `channels` (Slack, workspace T1) to a daily prompt whose slot was ten minutes ago, created
 * twenty minutes ago: the bot's catch-up run at start-up finds exactly one due slot per channel.
 */
export async function seedDueSlots(location: StoreLocation, channels: string[]): Promise<void> {
  const now = Date.now();
  const slot = new Date(Math.floor((now - 10 * 60_000) / 60_000) * 60_000);
  const clock = new ManualClock(new Date(now - 20 * 60_000).toISOString());
  const store = await openStore(location, clock);
  try {
    const expression = `${slot.getUTCMinutes()} ${slot.getUTCHours()} * * *`;
    for (const conversationId of channels) {
      await store.subscriptions.upsert({
        platform: 'slack',
        workspaceId: 'T1',
        conversationId,
        kind: 'prompt',
        ruleText: `cron "${expression}"`,
        recurrence: { kind: 'cron', expression },
        cron: expression,
        timeZone: 'UTC',
        everyWeeks: 1,
        themes: [],
        createdBy: 'U1',
      });
    }
  } finally {
    await store.close();
  }
}

/** Opens the store briefly to read something, then closes it. */
export async function withStore<T>(location: StoreLocation, read: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(location);
  try {
    return await read(store);
  } finally {
    await store.close();
  }
}
