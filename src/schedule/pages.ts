import type { PlatformName } from '../model/message.js';
import type { Subscription, SubscriptionRepo } from '../store/subscriptions.js';

/**
 * Subscriptions read per page in a run: a page is held until its last subscription is taken, so a small
 * one is garbage before the next young-generation collection instead of living on into the old one.
 */
export const PAGE = 200;

/**
 * The prompt subscriptions, handed out one at a time and read a page at a time: a run over tens of
 * thousands holds one page of them, not all. Undefined once all have been handed out.
 */
export function subscriptionPages(subscriptions: Pick<SubscriptionRepo, 'list'>, platforms: readonly PlatformName[], size = PAGE): () => Promise<Subscription | undefined> {
  let page: Subscription[] = [];
  let next = 0;
  let done = false;
  let loading: Promise<void> | undefined;
  const load = async () => {
    const after = page.length ? (page[page.length - 1] as Subscription).id : undefined;
    const rows = await subscriptions.list({ kind: 'prompt', platforms, limit: size, ...(after !== undefined ? { after } : {}) });
    page = rows;
    next = 0;
    if (rows.length < size) done = true;
  };
  return async () => {
    for (;;) {
      if (next < page.length) return page[next++];
      if (done) return undefined;
      loading ??= load().finally(() => (loading = undefined));
      await loading;
    }
  };
}
