import type { SubscriptionRepo } from '../store/subscriptions.js';

/** Subscriptions whose checkpoint a run moves to its instant, written in batches. */
export interface Checkpoints {
  add(id: string): Promise<void>;
  flush(): Promise<void>;
}

/** Checkpoints moved to `now`, written 200 at a time rather than one statement per subscription. */
export function checkpoints(subscriptions: Pick<SubscriptionRepo, 'advanceMany'>, now: Date): Checkpoints {
  let ids: string[] = [];
  const flush = async () => {
    const batch = ids;
    ids = [];
    if (batch.length) await subscriptions.advanceMany(batch, now);
  };
  return {
    async add(id) {
      ids.push(id);
      if (ids.length >= 200) await flush();
    },
    flush,
  };
}
