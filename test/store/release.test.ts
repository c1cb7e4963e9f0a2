import { expect, it } from 'vitest';
import { RELEASED_AT } from '../../src/store/slots.js';
import { describeStores } from './stores.js';

const ref = { platform: 'slack' as const, workspaceId: 'T1', conversationId: 'C1' };
const SLOT = '2026-11-23T09:30:00.000Z';

describeStores('giving back an unsent slot claim at shutdown', (h) => {
  it('only the owner can release; the slot is then stale at once, unowned, its attempt not counted', async () => {
    expect(await h.store.slots.claim(ref, 'sub-1', SLOT, 'a')).toBe(true);
    expect(await h.store.slots.release('sub-1', SLOT, 'b')).toBe(false);
    expect(await h.store.slots.release('sub-1', SLOT, 'a')).toBe(true);
    const slot = await h.store.slots.get('sub-1', SLOT);
    expect(slot).toMatchObject({ status: 'claimed', attempts: 0, claimedAt: RELEASED_AT });
    expect(slot?.claimedBy).toBeUndefined();
    // Stale for any lease: the next run of any instance sees it now.
    const stale = await h.store.slots.staleClaims(h.clock.now(), ['slack']);
    expect(stale.map((s) => s.slot)).toEqual([SLOT]);
    expect(await h.store.slots.takeOver(stale[0]!, 'b')).toBe(true);
    expect(await h.store.slots.takeOver(stale[0]!, 'c')).toBe(false);
    expect(await h.store.slots.get('sub-1', SLOT)).toMatchObject({ claimedBy: 'b', attempts: 1 });
  });

  it('does not touch a slot that was posted', async () => {
    await h.store.slots.claim(ref, 'sub-1', SLOT, 'a');
    await h.store.slots.markPosted('sub-1', SLOT, { messageId: 'm1' });
    expect(await h.store.slots.release('sub-1', SLOT, 'a')).toBe(false);
    expect(await h.store.slots.get('sub-1', SLOT)).toMatchObject({ status: 'posted', claimedBy: 'a', attempts: 1 });
  });
});
