import { afterEach, describe, expect, it } from 'vitest';
import { allFeatures } from '../../src/features/index.js';
import { commandIn } from '../../src/stories/answers.js';
import { testCore } from '../helpers/core.js';
import { FakeOutbound, counts, dm, inChannel, press, textOf } from './fakes.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function setup(start = '2026-11-23T10:00:00Z') {
  const t = await testCore({ start, features: allFeatures() });
  closers.push(t.close);
  const outbound = new FakeOutbound();
  t.core.attach(outbound);
  return { ...t, outbound };
}

describe('story answers that start like a command', () => {
  it('"Welcome on board …" is a story, not `welcome on`', async () => {
    expect(commandIn('Welcome on board was a leaflet and a lanyard')).toBeUndefined();
    expect(commandIn('welcome on')).toBeDefined();

    const { core, store } = await setup();
    await core.handle(press('story.consent', 'anonymous'));
    const thanks = await core.handle(dm('Welcome on board was a leaflet and a lanyard'));
    expect(textOf(thanks)).toMatch(/I have saved your story/);
    expect(await counts(store)).toMatchObject({ stories: 1 });
  });
});

describe('welcome when someone joins several channels at once', () => {
  it('sends one welcome DM, not one per channel', async () => {
    const { core, outbound } = await setup();
    await core.handle(inChannel('welcome on', { conversationId: 'C1' }));
    await core.handle(inChannel('welcome on', { conversationId: 'C2' }));
    const joined = inChannel('', { source: 'member-joined', isMention: false, userId: 'N1' });
    await Promise.all([core.handle({ ...joined, conversationId: 'C1' }), core.handle({ ...joined, conversationId: 'C2' })]);
    expect(outbound.posts.map((p) => p.target.conversationId)).toEqual(['dm-N1']);
  });
});

describe('forget me and the schedules', () => {
  it('removes the person\'s id from schedules they set up, and a schedule in their DM', async () => {
    const { core, store } = await setup();
    await core.handle(inChannel('schedule weekly monday 09:30'));
    await core.handle(dm('schedule weekly friday 09:30'));
    await core.handle(inChannel('schedule weekly tuesday 09:30', { userId: 'U2', conversationId: 'C2' }));
    await core.handle(dm('forget me'));
    const subs = await store.db.selectFrom('subscriptions').select(['conversation_id', 'created_by']).orderBy('conversation_id').execute();
    expect(subs).toEqual([
      { conversation_id: 'C1', created_by: null },
      { conversation_id: 'C2', created_by: 'U2' },
    ]);
    expect(await store.conversations.get({ platform: 'shell', workspaceId: 'W1', conversationId: 'dm-U1' })).toBeUndefined();
  });
});
