import { expect, it } from 'vitest';
import type { ConversationRef } from '../../src/model/message.js';
import type { NewSubscription } from '../../src/store/index.js';
import { upsertUses } from '../../src/store/rotation.js';
import { describeStores } from './stores.js';

const C1: ConversationRef = { platform: 'slack', workspaceId: 'T1', conversationId: 'C1' };
const C2: ConversationRef = { platform: 'slack', workspaceId: 'T2', conversationId: 'C1' };

const weekly = (ref: ConversationRef, time = '09:30'): NewSubscription => ({
  ...ref,
  kind: 'prompt',
  ruleText: `every Monday at ${time}`,
  recurrence: { kind: 'weekly', day: 'monday', time, everyWeeks: 1 },
  cron: `${Number(time.slice(3))} ${Number(time.slice(0, 2))} * * 1`,
  timeZone: 'Europe/London',
  everyWeeks: 1,
  themes: ['purpose', 'people'],
  createdBy: 'U1',
});

describeStores('store contract', (h) => {
  it('upserts and reads conversations, keeping fields an update leaves out', async () => {
    await h.store.conversations.upsert({ ...C1, isDirect: false, ref: { serviceUrl: 'x' }, timeZone: 'Europe/London' });
    await h.store.conversations.upsert({ ...C1, isDirect: false });
    expect(await h.store.conversations.get(C1)).toEqual({ ...C1, isDirect: false, ref: { serviceUrl: 'x' }, timeZone: 'Europe/London' });
    expect(await h.store.conversations.get(C2)).toBeUndefined();
  });

  it('tracks prompt rotation per conversation', async () => {
    await h.store.rotation.markUsed(C1, 'p1');
    await h.store.rotation.markUsed(C1, 'p2');
    await h.store.rotation.markUsed(C1, 'p1');
    await h.store.rotation.markUsed(C2, 'p3');
    expect(await h.store.rotation.lastUsed(C1)).toEqual(new Map([['p1', 3], ['p2', 2]]));
    expect(await h.store.rotation.lastUsed(C2)).toEqual(new Map([['p3', 1]]));
  });

  it('records posts once, finds the latest of a kind, and counts engagement', async () => {
    await h.store.posts.record({ ...C1, messageId: 'm1', kind: 'prompt', promptId: 'p1' });
    await h.store.posts.record({ ...C1, messageId: 'm1', kind: 'prompt', promptId: 'p1' });
    h.clock.advance(60_000);
    await h.store.posts.record({ ...C1, messageId: 'm2', kind: 'prompt', promptId: 'p2' });
    await h.store.posts.record({ ...C1, messageId: 'm3', kind: 'digest' });
    expect(await h.store.posts.countEngagement(C1, 'm1', 'replies')).toBe(true);
    expect(await h.store.posts.countEngagement(C1, 'm1', 'replies')).toBe(true);
    expect(await h.store.posts.countEngagement(C1, 'nope', 'reactions')).toBe(false);
    expect(await h.store.posts.find(C1, 'm1')).toMatchObject({ messageId: 'm1', replies: 2, reactions: 0, promptId: 'p1' });
    expect(await h.store.posts.find(C2, 'm1')).toBeUndefined();
    expect(await h.store.posts.latest(C1, 'prompt')).toMatchObject({ messageId: 'm2', promptId: 'p2', postedAt: '2026-11-23T08:01:00.000Z' });
  });

  it('keeps one prompt subscription per conversation; replacing gives a new id', async () => {
    const first = await h.store.subscriptions.upsert(weekly(C1));
    expect(first).toMatchObject({ ...C1, kind: 'prompt', themes: ['purpose', 'people'], paused: false, checkedThrough: '2026-11-23T08:00:00.000Z' });
    expect(first.recurrence).toEqual({ kind: 'weekly', day: 'monday', time: '09:30', everyWeeks: 1 });
    const second = await h.store.subscriptions.upsert(weekly(C1, '10:00'));
    expect(second.id).not.toBe(first.id);
    expect(second.ruleText).toBe('every Monday at 10:00');
    await h.store.subscriptions.upsert(weekly(C2));
    expect((await h.store.subscriptions.list()).length).toBe(2);
    expect(await h.store.subscriptions.list({ platforms: ['teams'] })).toEqual([]);
    expect(await h.store.subscriptions.get(first.id)).toBeUndefined();
  });

  it('pauses, resumes, skips, advances only forward, and removes', async () => {
    const sub = await h.store.subscriptions.upsert(weekly(C1));
    await h.store.subscriptions.setPause(sub.id, { paused: true, until: new Date('2026-12-07T08:00:00Z') });
    expect(await h.store.subscriptions.get(sub.id)).toMatchObject({ paused: false, pausedUntil: '2026-12-07T08:00:00.000Z' });
    await h.store.subscriptions.setPause(sub.id, { paused: true });
    expect(await h.store.subscriptions.get(sub.id)).toMatchObject({ paused: true });
    expect((await h.store.subscriptions.get(sub.id))?.pausedUntil).toBeUndefined();
    await h.store.subscriptions.setPause(sub.id, { paused: false });
    await h.store.subscriptions.setSkip(sub.id, new Date('2026-11-30T09:30:00Z'));
    await h.store.subscriptions.advance(sub.id, new Date('2026-11-24T00:00:00Z'));
    await h.store.subscriptions.advance(sub.id, new Date('2026-11-23T12:00:00Z'));
    expect(await h.store.subscriptions.get(sub.id)).toMatchObject({
      paused: false,
      skipSlot: '2026-11-30T09:30:00.000Z',
      checkedThrough: '2026-11-24T00:00:00.000Z',
    });
    expect(await h.store.subscriptions.remove(C1)).toBe(true);
    expect(await h.store.subscriptions.remove(C1)).toBe(false);
    expect(await h.store.subscriptions.forConversation(C1)).toBeUndefined();
  });

  it('lets exactly one of many concurrent claims win a slot, across connections', async () => {
    const sub = await h.store.subscriptions.upsert(weekly(C1));
    const other = await h.open();
    const slot = '2026-11-30T09:30:00.000Z';
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 ? other : h.store).slots.claim(C1, sub.id, slot, `instance-${i}`)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = `instance-${results.indexOf(true)}`;
    expect(await h.store.slots.get(sub.id, slot)).toMatchObject({ status: 'claimed', claimedBy: winner, attempts: 1 });
    // A skip never overwrites a claim.
    expect(await h.store.slots.skip(C1, sub.id, slot, 'late')).toBe(false);
  });

  it('records slot outcomes and takes over a stale claim exactly once', async () => {
    const sub = await h.store.subscriptions.upsert(weekly(C1));
    const a = '2026-11-30T09:30:00.000Z';
    const b = '2026-12-07T09:30:00.000Z';
    expect(await h.store.slots.claim(C1, sub.id, a, 'one')).toBe(true);
    await h.store.slots.setPrompt(sub.id, a, 'p1');
    await h.store.slots.markPosted(sub.id, a, { messageId: 'm1', threadId: 't1' });
    expect(await h.store.slots.get(sub.id, a)).toMatchObject({ status: 'posted', messageId: 'm1', threadId: 't1', promptId: 'p1' });
    expect(await h.store.slots.claim(C1, sub.id, b, 'one')).toBe(true);
    h.clock.advance(30 * 60_000);
    const stale = await h.store.slots.staleClaims(new Date(h.clock.now().getTime() - 15 * 60_000), ['slack']);
    expect(stale.map((s) => s.slot)).toEqual([b]);
    expect(await h.store.slots.staleClaims(h.clock.now(), ['teams'])).toEqual([]);
    const other = await h.open();
    const seen = stale[0]!;
    const wins = await Promise.all([h.store.slots.takeOver(seen, 'two'), other.slots.takeOver(seen, 'three')]);
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await h.store.slots.get(sub.id, b)).toMatchObject({ status: 'claimed', attempts: 2 });
    await h.store.slots.markEnded(sub.id, b, 'failed', 'channel_not_found');
    expect(await h.store.slots.list(sub.id)).toMatchObject([
      { slot: b, status: 'failed', reason: 'channel_not_found' },
      { slot: a, status: 'posted' },
    ]);
    expect(await h.store.slots.skip(C1, sub.id, '2026-12-14T09:30:00.000Z', 'paused')).toBe(true);
  });

  it('gives a workspace lease to one holder at a time until it expires or is released', async () => {
    const leases = h.store.leases;
    expect(await leases.acquire('slack', 'T1', 'a', 5000)).toBe(true);
    expect(await leases.acquire('slack', 'T1', 'b', 5000)).toBe(false);
    // Other workspaces, and the same id on another platform, are separate leases.
    expect(await leases.acquire('slack', 'T2', 'b', 5000)).toBe(true);
    expect(await leases.acquire('teams', 'T1', 'b', 5000)).toBe(true);
    h.clock.advance(4000);
    // Renewing extends a's lease: b still cannot take it when the first expiry has passed.
    expect(await leases.acquire('slack', 'T1', 'a', 5000)).toBe(true);
    h.clock.advance(4000);
    expect(await leases.acquire('slack', 'T1', 'b', 5000)).toBe(false);
    expect(await leases.holder('slack', 'T1')).toEqual({ holder: 'a', expiresAt: '2026-11-23T08:00:09.000Z' });
    // a stops renewing (it died): once expired, b takes it, and a cannot renew it back.
    h.clock.advance(1000);
    expect(await leases.holder('slack', 'T1')).toBeUndefined();
    expect(await leases.acquire('slack', 'T1', 'b', 5000)).toBe(true);
    expect(await leases.acquire('slack', 'T1', 'a', 5000)).toBe(false);
    // Only the holder can release; then anyone takes it at once.
    expect(await leases.release('slack', 'T1', 'a')).toBe(false);
    expect(await leases.release('slack', 'T1', 'b')).toBe(true);
    expect(await leases.holder('slack', 'T1')).toBeUndefined();
    expect(await leases.acquire('slack', 'T1', 'c', 5000)).toBe(true);
    expect(await leases.holder('slack', 'T1')).toMatchObject({ holder: 'c' });
  });

  it('lets exactly one of several instances racing for a free workspace lease win it', async () => {
    const others = [h.store, await h.open(), await h.open(), await h.open()];
    const wins = await Promise.all(others.map((s, i) => s.leases.acquire('slack', 'T1', `i${i}`, 5000)));
    expect(wins.filter(Boolean)).toHaveLength(1);
    const winner = `i${wins.indexOf(true)}`;
    expect(await h.store.leases.holder('slack', 'T1')).toMatchObject({ holder: winner });
    // Racing again (the winner renewing, the others trying) changes nothing.
    const again = await Promise.all(others.map((s, i) => s.leases.acquire('slack', 'T1', `i${i}`, 5000)));
    expect(again).toEqual(wins);
  });

  it('claims a batch of slots in one transaction: each slot won exactly once across connections, prompt uses only for wins', async () => {
    const refs = Array.from({ length: 30 }, (_, i): ConversationRef => ({ platform: 'slack', workspaceId: 'T1', conversationId: `CB${i}` }));
    const subs = await Promise.all(refs.map((ref) => h.store.subscriptions.upsert(weekly(ref))));
    const slot = '2026-11-30T09:30:00.000Z';
    const other = await h.open();
    const batch = (from: number, to: number) =>
      subs.slice(from, to).map((sub, i) => ({ target: refs[from + i]!, subscriptionId: sub.id, slot, promptId: 'p1', use: { promptId: 'p1', seq: 1 } }));
    // Overlapping batches from two connections, in opposite orders: every slot has one winner. (SQLite's
    // driver is synchronous: a second connection in this same process would block the first's commit,
    // so there the two run one after the other; separate processes wait for each other's commit.)
    const first = h.store.slots.claimMany(batch(0, 20), 'one');
    if (h.store.dialect === 'sqlite') await first;
    const [one, two] = await Promise.all([first, other.slots.claimMany(batch(10, 30).reverse(), 'two')]);
    expect(one).toHaveLength(20);
    expect(two).toHaveLength(20);
    const winners = new Map<string, string>();
    one.forEach((won, i) => won && winners.set(subs[i]!.id, 'one'));
    two.forEach((won, i) => won && winners.set(subs[29 - i]!.id, winners.has(subs[29 - i]!.id) ? 'both' : 'two'));
    expect(winners.size).toBe(30);
    expect([...winners.values()]).not.toContain('both');
    for (const [i, sub] of subs.entries()) {
      expect(await h.store.slots.get(sub.id, slot)).toMatchObject({ status: 'claimed', claimedBy: winners.get(sub.id), promptId: 'p1', attempts: 1 });
      // Exactly one use per conversation, from the winner only.
      expect(await h.store.rotation.state(refs[i]!)).toEqual({ lastUsed: new Map([['p1', 1]]), uses: new Map([['p1', 1]]) });
    }
    // Claimed again: nobody wins, nothing more is recorded; a skip never overwrites a claim.
    expect(await h.store.slots.claimMany(batch(0, 30), 'three')).toEqual(Array.from({ length: 30 }, () => false));
    expect((await h.store.rotation.state(refs[0]!)).uses.get('p1')).toBe(1);
    expect(await h.store.slots.skip(refs[0]!, subs[0]!.id, slot, 'late')).toBe(false);
    expect(await h.store.slots.claimMany([], 'one')).toEqual([]);
    // The same slot twice in one batch: one win, one use.
    const twice = { target: C1, subscriptionId: (await h.store.subscriptions.upsert(weekly(C1))).id, slot, promptId: 'p2', use: { promptId: 'p2', seq: 1 } };
    expect(await h.store.slots.claimMany([twice, twice], 'one')).toEqual([true, false]);
    expect((await h.store.rotation.state(C1)).uses.get('p2')).toBe(1);
  });

  it('records a batch of delivered slots and their posts in one transaction', async () => {
    const refs = [C1, C2];
    const subs = await Promise.all(refs.map((ref) => h.store.subscriptions.upsert(weekly(ref))));
    const slot = '2026-11-30T09:30:00.000Z';
    await h.store.slots.claimMany(subs.map((sub, i) => ({ target: refs[i]!, subscriptionId: sub.id, slot, promptId: `p${i}` })), 'one');
    await h.store.slots.markPostedMany(
      subs.map((sub, i) => ({
        subscriptionId: sub.id,
        slot,
        posted: i === 0 ? { messageId: 'm0', threadId: 't0' } : { messageId: 'm1' },
        post: { ...refs[i]!, messageId: `m${i}`, kind: 'prompt' as const, promptId: `p${i}` },
      })),
    );
    expect(await h.store.slots.get(subs[0]!.id, slot)).toMatchObject({ status: 'posted', messageId: 'm0', threadId: 't0', promptId: 'p0' });
    const second = await h.store.slots.get(subs[1]!.id, slot);
    expect(second).toMatchObject({ status: 'posted', messageId: 'm1', promptId: 'p1' });
    expect(second?.threadId).toBeUndefined();
    expect(await h.store.posts.latest(C1, 'prompt')).toMatchObject({ messageId: 'm0', promptId: 'p0' });
    expect(await h.store.posts.latest(C2, 'prompt')).toMatchObject({ messageId: 'm1', promptId: 'p1' });
    // A confirmation recorded twice (a retried batch) changes nothing.
    await h.store.slots.markPostedMany([{ subscriptionId: subs[1]!.id, slot, posted: { messageId: 'm1' }, post: { ...C2, messageId: 'm1', kind: 'prompt' } }]);
    expect(await h.store.posts.find(C2, 'm1')).toMatchObject({ replies: 0, reactions: 0 });
  });

  it('reads the rotation of many conversations at once, in the order asked, across workspaces', async () => {
    const C3: ConversationRef = { platform: 'slack', workspaceId: 'T1', conversationId: 'C3' };
    await h.store.rotation.markUsed(C1, 'p1');
    await h.store.rotation.markUsed(C1, 'p2');
    await h.store.rotation.markUsed(C2, 'p3');
    const states = await h.store.rotation.stateMany([C2, C3, C1, C2]);
    expect(states).toEqual([await h.store.rotation.state(C2), { lastUsed: new Map(), uses: new Map() }, await h.store.rotation.state(C1), await h.store.rotation.state(C2)]);
    expect(states[2]).toEqual({ lastUsed: new Map([['p1', 1], ['p2', 2]]), uses: new Map([['p1', 1], ['p2', 1]]) });
    expect(await h.store.rotation.stateMany([])).toEqual([]);
  });

  it('records prompt uses in a batch, the same conversation and prompt twice included', async () => {
    await upsertUses(h.store.db, [
      { ref: C1, promptId: 'p1', seq: 1 },
      { ref: C2, promptId: 'p1', seq: 1 },
      { ref: C1, promptId: 'p1', seq: 2 },
    ]);
    expect(await h.store.rotation.state(C1)).toEqual({ lastUsed: new Map([['p1', 2]]), uses: new Map([['p1', 2]]) });
    expect(await h.store.rotation.state(C2)).toEqual({ lastUsed: new Map([['p1', 1]]), uses: new Map([['p1', 1]]) });
  });

  it('keeps data when reopened, and migrating again changes nothing', async () => {
    await h.store.conversations.upsert({ ...C1, isDirect: true });
    const sub = await h.store.subscriptions.upsert(weekly(C1));
    await h.store.slots.claim(C1, sub.id, '2026-11-30T09:30:00.000Z', 'one');
    await h.store.close();
    const again = await h.open();
    h.store = again;
    expect(await again.conversations.get(C1)).toMatchObject({ isDirect: true });
    expect(await again.subscriptions.forConversation(C1)).toMatchObject({ id: sub.id });
    expect(await again.slots.list(sub.id)).toHaveLength(1);
    const third = await h.open();
    await third.ping();
  });
});
