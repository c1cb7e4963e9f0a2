import { expect, it } from 'vitest';
import type { ConversationRef } from '../../src/model/message.js';
import { upsertUses } from '../../src/store/rotation.js';
import { describeStores } from './stores.js';

const C1: ConversationRef = { platform: 'slack', workspaceId: 'T1', conversationId: 'C1' };
const C2: ConversationRef = { platform: 'slack', workspaceId: 'T1', conversationId: 'C2' };

const tick = () => new Promise((resolve) => setImmediate(resolve));

describeStores('inbound claim and rotation', (h) => {
  it('claims an event id and records its conversation together; a repeat writes nothing', async () => {
    await h.store.conversations.upsert({ ...C1, isDirect: false, ref: { serviceUrl: 'x' }, timeZone: 'Europe/London' });
    h.clock.advance(60_000);
    expect(await h.store.events.claimWith('Ev1', { ...C1, isDirect: true })).toBe(true);
    // Fields the message does not carry (the reference, the time zone) are kept.
    expect(await h.store.conversations.get(C1)).toEqual({ ...C1, isDirect: true, ref: { serviceUrl: 'x' }, timeZone: 'Europe/London' });
    const first = await h.store.db.selectFrom('conversations').select('updated_at').where('conversation_id', '=', 'C1').executeTakeFirstOrThrow();

    h.clock.advance(60_000);
    expect(await h.store.events.claimWith('Ev1', { ...C1, isDirect: false })).toBe(false);
    expect(await h.store.events.claimWith('Ev1', { ...C2, isDirect: false })).toBe(false);
    expect(await h.store.conversations.get(C1)).toMatchObject({ isDirect: true });
    expect(await h.store.conversations.get(C2)).toBeUndefined();
    const after = await h.store.db.selectFrom('conversations').select('updated_at').where('conversation_id', '=', 'C1').executeTakeFirstOrThrow();
    expect(after.updated_at).toBe(first.updated_at);

    // The plain claim and the combined one share the key: either one's id is the other's repeat.
    expect(await h.store.events.claim('slack', 'T1', 'Ev1')).toBe(false);
    expect(await h.store.events.claim('slack', 'T1', 'Ev2')).toBe(true);
    expect(await h.store.events.claimWith('Ev2', { ...C2, isDirect: false })).toBe(false);
    expect(await h.store.events.claimWith('Ev1', { platform: 'slack', workspaceId: 'T2', conversationId: 'C1', isDirect: false })).toBe(true);
  });

  it('lets exactly one of two instances claim a redelivered event', async () => {
    const other = await h.open();
    for (let i = 0; i < 20; i += 1) {
      const results = await Promise.all([
        h.store.events.claimWith(`Ev${i}`, { ...C1, isDirect: false }),
        other.events.claimWith(`Ev${i}`, { ...C1, isDirect: false }),
        h.store.events.claimWith(`Ev${i}`, { ...C1, isDirect: false }),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
    }
  });

  it('never joins a transaction another caller has open: its claim survives that rollback', async () => {
    // The first claim prunes old ids; this one is about the claim itself.
    await h.store.events.claim('slack', 'T1', 'Ev0');
    let claimed: Promise<boolean> | undefined;
    let marked: Promise<void> | undefined;
    const rolledBack = h.store.db.transaction().execute(async (trx) => {
      await trx.insertInto('conversations').values({ platform: 'slack', workspace_id: 'T1', conversation_id: 'C2', is_direct: 0, ref: null, time_zone: null, created_at: 'x', updated_at: 'x' }).execute();
      claimed = h.store.events.claimWith('Ev1', { ...C1, isDirect: false });
      marked = h.store.rotation.markUsed(C1, 'p1', new Map());
      await tick();
      await tick();
      await trx.selectFrom('conversations').selectAll().execute();
      throw new Error('rolled back on purpose');
    });
    await expect(rolledBack).rejects.toThrow('rolled back on purpose');
    expect(await claimed).toBe(true);
    await marked;
    expect(await h.store.conversations.get(C1)).toMatchObject({ isDirect: false });
    expect(await h.store.conversations.get(C2)).toBeUndefined();
    expect(await h.store.events.claimWith('Ev1', { ...C1, isDirect: false })).toBe(false);
    expect((await h.store.rotation.state(C1)).uses).toEqual(new Map([['p1', 1]]));
  });

  it('never lets a fan-out batch join a transaction another caller has open: its claims, reads and confirmations survive that rollback', async () => {
    const sub = await h.store.subscriptions.upsert({
      ...C1, kind: 'prompt', ruleText: 'every Monday at 09:30', recurrence: { kind: 'weekly', day: 'monday', time: '09:30', everyWeeks: 1 },
      cron: '30 9 * * 1', timeZone: 'UTC', everyWeeks: 1, themes: [], createdBy: 'U1',
    });
    const slot = '2026-11-30T09:30:00.000Z';
    let claimed: Promise<boolean[]> | undefined;
    let states: Promise<Array<{ uses: Map<string, number> }>> | undefined;
    const rolledBack = h.store.db.transaction().execute(async (trx) => {
      await trx.insertInto('conversations').values({ platform: 'slack', workspace_id: 'T1', conversation_id: 'C2', is_direct: 0, ref: null, time_zone: null, created_at: 'x', updated_at: 'x' }).execute();
      claimed = h.store.slots.claimMany([{ target: C1, subscriptionId: sub.id, slot, promptId: 'p1', use: { promptId: 'p1', seq: 1 } }], 'one');
      states = h.store.rotation.stateMany([C1, C2]);
      await tick();
      await tick();
      throw new Error('rolled back on purpose');
    });
    await expect(rolledBack).rejects.toThrow('rolled back on purpose');
    expect(await claimed).toEqual([true]);
    // The read waited for the rollback like the claim; it may have run before the claim's use or after it.
    const read = (await states) ?? [];
    expect(read).toHaveLength(2);
    expect([undefined, 1]).toContain(read[0]?.uses.get('p1'));
    expect(read[1]?.uses).toEqual(new Map());
    let confirmed: Promise<void> | undefined;
    const again = h.store.db.transaction().execute(async () => {
      confirmed = h.store.slots.markPostedMany([{ subscriptionId: sub.id, slot, posted: { messageId: 'm1' }, post: { ...C1, messageId: 'm1', kind: 'prompt', promptId: 'p1' } }]);
      await tick();
      throw new Error('rolled back on purpose');
    });
    await expect(again).rejects.toThrow('rolled back on purpose');
    await confirmed;
    expect(await h.store.slots.get(sub.id, slot)).toMatchObject({ status: 'posted', messageId: 'm1', claimedBy: 'one', promptId: 'p1' });
    expect(await h.store.posts.find(C1, 'm1')).toMatchObject({ promptId: 'p1' });
    expect(await h.store.conversations.get(C2)).toBeUndefined();
    expect(await h.store.rotation.stateMany([C1])).toEqual([{ lastUsed: new Map([['p1', 1]]), uses: new Map([['p1', 1]]) }]);
  });

  it('reads a rotation again after a fan-out claim batch recorded a use in it', async () => {
    const sub = await h.store.subscriptions.upsert({
      ...C1, kind: 'prompt', ruleText: 'every Monday at 09:30', recurrence: { kind: 'weekly', day: 'monday', time: '09:30', everyWeeks: 1 },
      cron: '30 9 * * 1', timeZone: 'UTC', everyWeeks: 1, themes: [], createdBy: 'U1',
    });
    await h.store.rotation.markUsed(C1, 'p1', new Map());
    expect((await h.store.rotation.state(C1)).uses).toEqual(new Map([['p1', 1]]));
    expect(await h.store.slots.claimMany([{ target: C1, subscriptionId: sub.id, slot: '2026-11-30T09:30:00.000Z', promptId: 'p2', use: { promptId: 'p2', seq: 2 } }], 'one')).toEqual([true]);
    expect(await h.store.rotation.state(C1)).toEqual({ lastUsed: new Map([['p1', 1], ['p2', 2]]), uses: new Map([['p1', 1], ['p2', 1]]) });
  });

  it('reads rotation state and records a use from the state just read', async () => {
    await h.store.rotation.markUsed(C1, 'p1');
    let state = await h.store.rotation.state(C1);
    await h.store.rotation.markUsed(C1, 'p2', state.lastUsed);
    state = await h.store.rotation.state(C1);
    await h.store.rotation.markUsed(C1, 'p1', state.lastUsed);
    state = await h.store.rotation.state(C1);
    expect(state.lastUsed).toEqual(new Map([['p1', 3], ['p2', 2]]));
    expect(state.uses).toEqual(new Map([['p1', 2], ['p2', 1]]));
    expect(await h.store.rotation.state(C2)).toEqual({ lastUsed: new Map(), uses: new Map() });
  });

  it('reads a rotation as written, whoever wrote it: this store, another instance, a fan-out batch, a deletion', async () => {
    await h.store.rotation.markUsed(C1, 'p1', new Map());
    const state = await h.store.rotation.state(C1);
    await h.store.rotation.markUsed(C1, 'p2', state.lastUsed);
    expect(await h.store.rotation.state(C1)).toEqual({ lastUsed: new Map([['p1', 1], ['p2', 2]]), uses: new Map([['p1', 1], ['p2', 1]]) });

    const other = await h.open();
    await other.rotation.markUsed(C1, 'p3', new Map([['p1', 1], ['p2', 2]]));
    expect((await h.store.rotation.state(C1)).lastUsed).toEqual(new Map([['p1', 1], ['p2', 2], ['p3', 3]]));

    await upsertUses(h.store.db, [{ ref: C1, promptId: 'p1', seq: 4 }]);
    expect(await h.store.rotation.state(C1)).toEqual({ lastUsed: new Map([['p1', 4], ['p2', 2], ['p3', 3]]), uses: new Map([['p1', 2], ['p2', 1], ['p3', 1]]) });

    await h.store.db.deleteFrom('prompt_uses').where('conversation_id', '=', 'C1').execute();
    expect(await h.store.rotation.state(C1)).toEqual({ lastUsed: new Map(), uses: new Map() });
  });

  it('hands out a rotation of its own each time: changing one read leaves the next as stored', async () => {
    await h.store.rotation.markUsed(C1, 'p1', new Map());
    const first = await h.store.rotation.state(C1);
    first.lastUsed.set('p9', 99);
    first.uses.clear();
    expect(await h.store.rotation.state(C1)).toEqual({ lastUsed: new Map([['p1', 1]]), uses: new Map([['p1', 1]]) });
  });
});
