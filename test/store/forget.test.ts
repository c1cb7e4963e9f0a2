import { expect, it } from 'vitest';
import type { NewSubscription } from '../../src/store/index.js';
import type { PersonKey } from '../../src/store/stories.js';
import { describeStores } from './stores.js';

const ADA: PersonKey = { platform: 'slack', workspaceId: 'T1', userId: 'UADA' };
const sub = (conversationId: string, createdBy: string, workspaceId = 'T1'): NewSubscription => ({
  platform: 'slack',
  workspaceId,
  conversationId,
  kind: 'prompt',
  ruleText: 'every Monday at 09:30',
  recurrence: { kind: 'weekly', day: 'monday', time: '09:30', everyWeeks: 1 },
  cron: '30 9 * * 1',
  timeZone: 'Europe/London',
  everyWeeks: 1,
  themes: [],
  createdBy,
});

describeStores('forget me beyond stories', (h) => {
  it('unnames channel schedules, removes a schedule and its slots in the DM, and the welcome claim, in one workspace only', async () => {
    await h.store.subscriptions.upsert(sub('C1', 'UADA'));
    await h.store.subscriptions.upsert(sub('C2', 'UBEN'));
    await h.store.subscriptions.upsert(sub('C1', 'UADA', 'T2'));
    const inDm = await h.store.subscriptions.upsert(sub('D1', 'UADA'));
    const dm = { platform: 'slack' as const, workspaceId: 'T1', conversationId: 'D1' };
    await h.store.slots.claim(dm, inDm.id, '2026-11-23T09:30:00.000Z', 'i1');
    await h.store.conversations.upsert({ ...dm, isDirect: true });
    expect(await h.store.events.claim('slack', 'T1', 'welcome:UADA')).toBe(true);

    await h.store.stories.forget(ADA, { dmConversationId: 'D1' });

    const rows = await h.store.db.selectFrom('subscriptions').select(['workspace_id', 'conversation_id', 'created_by']).orderBy('workspace_id').orderBy('conversation_id').execute();
    expect(rows).toEqual([
      { workspace_id: 'T1', conversation_id: 'C1', created_by: null },
      { workspace_id: 'T1', conversation_id: 'C2', created_by: 'UBEN' },
      { workspace_id: 'T2', conversation_id: 'C1', created_by: 'UADA' },
    ]);
    expect(await h.store.slots.list(inDm.id)).toEqual([]);
    expect(await h.store.conversations.get(dm)).toBeUndefined();
    expect(await h.store.events.claim('slack', 'T1', 'welcome:UADA')).toBe(true);
  });
});

describeStores('forget me and who set a channel\'s welcome', (h) => {
  it('keeps the welcome as it is but no longer names who set it, in that workspace only', async () => {
    const c1 = { platform: 'slack' as const, workspaceId: 'T1', conversationId: 'C1' };
    const other = { ...c1, workspaceId: 'T2' };
    await h.store.storyChannels.setWelcome(c1, true, 'UADA');
    await h.store.storyChannels.setWelcome(other, true, 'UADA');
    await h.store.stories.forget(ADA);
    const after = await h.store.storyChannels.get(c1);
    expect(after).toMatchObject({ welcome: true, welcomeSetAt: expect.any(String) });
    expect(after?.welcomeSetBy).toBeUndefined();
    expect((await h.store.storyChannels.get(other))?.welcomeSetBy).toBe('UADA');
  });
});
