import { describe, expect, it } from 'vitest';
import type { PlatformName } from '../../src/model/message.js';
import { subscriptionPages } from '../../src/schedule/pages.js';
import type { Subscription, SubscriptionRepo } from '../../src/store/subscriptions.js';

/** A repository holding subscriptions by id, answering `list` as the store does, and recording each call. */
function repo(subs: Array<Pick<Subscription, 'id' | 'platform'>>) {
  const calls: Array<Parameters<SubscriptionRepo['list']>[0]> = [];
  const sorted = [...subs].sort((a, b) => (a.id < b.id ? -1 : 1)) as Subscription[];
  const list: SubscriptionRepo['list'] = async (options = {}) => {
    calls.push(options);
    const rows = sorted.filter((s) => (options.after === undefined || s.id > options.after) && (!options.platforms || options.platforms.includes(s.platform)));
    return rows.slice(0, options.limit ?? rows.length);
  };
  return { list, calls };
}

async function all(take: () => Promise<Subscription | undefined>): Promise<string[]> {
  const ids: string[] = [];
  for (let sub = await take(); sub; sub = await take()) ids.push(sub.id);
  return ids;
}

describe('subscription pages', () => {
  const subs = Array.from({ length: 11 }, (_, i) => ({ id: `s${String(i).padStart(2, '0')}`, platform: (i % 3 === 0 ? 'teams' : 'slack') as PlatformName }));

  it('hands out every subscription of the platforms asked for once, in id order, a page at a time', async () => {
    const r = repo(subs);
    expect(await all(subscriptionPages(r, ['slack'], 3))).toEqual(subs.filter((s) => s.platform === 'slack').map((s) => s.id));
    // Pages follow ids whatever their platform (the primary key's order), so no page is sorted afresh.
    expect(r.calls.map((c) => c?.after)).toEqual([undefined, 's02', 's05', 's08']);
    expect(r.calls.every((c) => c?.platforms === undefined && c?.limit === 3 && c?.kind === 'prompt')).toBe(true);
  });

  it('goes on past a page with none of the platforms in it, and hands out nothing for no platform', async () => {
    const r = repo([...subs.filter((s) => s.platform === 'teams'), { id: 's99', platform: 'slack' }]);
    expect(await all(subscriptionPages(r, ['slack'], 2))).toEqual(['s99']);
    expect(await all(subscriptionPages(r, ['slack', 'teams'], 2))).toEqual(['s00', 's03', 's06', 's09', 's99']);
    const none = repo(subs);
    expect(await all(subscriptionPages(none, []))).toEqual([]);
    expect(none.calls).toEqual([]);
  });
});
