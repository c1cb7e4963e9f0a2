import { expect, it } from 'vitest';
import type { PersonKey } from '../../src/store/stories.js';
import { describeStores } from './stores.js';

const ADA: PersonKey = { platform: 'slack', workspaceId: 'T1', userId: 'UADA' };
const BEN: PersonKey = { platform: 'slack', workspaceId: 'T1', userId: 'UBEN' };
const OTHER: PersonKey = { platform: 'slack', workspaceId: 'T2', userId: 'UADA' };
const choice = (sharing: 'private' | 'anonymous' | 'named', dm = 'D1') => ({ sharing, dmConversationId: dm, timeZone: 'Europe/London', displayName: 'Ada' });
const story = (text: string) => ({ promptId: 'onboarding-x', promptText: 'How do things really get done?', text });

describeStores('stories store', (h) => {
  it('stores a choice, stories at its level, and returns only shared stories of one workspace', async () => {
    expect(await h.store.stories.getPerson(ADA)).toBeUndefined();
    await h.store.stories.choose(ADA, choice('named'));
    await h.store.stories.choose(BEN, { ...choice('private', 'D2'), displayName: 'Ben' });
    await h.store.stories.choose(OTHER, choice('anonymous', 'D9'));
    const ada = (await h.store.stories.getPerson(ADA))!;
    expect(ada).toMatchObject({ sharing: 'named', displayName: 'Ada', dmConversationId: 'D1', timeZone: 'Europe/London' });
    await h.store.stories.add(ada, story('ada one'));
    h.clock.advance(1000);
    await h.store.stories.add((await h.store.stories.getPerson(BEN))!, story('ben private'));
    await h.store.stories.add((await h.store.stories.getPerson(OTHER))!, story('other workspace'));
    const shared = await h.store.stories.shared({ platform: 'slack', workspaceId: 'T1' });
    expect(shared.map((s) => [s.text, s.sharing, s.authorName])).toEqual([['ada one', 'named', 'Ada']]);
    expect((await h.store.stories.shared({ workspaceId: 'T2' })).map((s) => s.text)).toEqual(['other workspace']);
    expect(await h.store.stories.shared({ workspaceId: 'T1' }, { since: shared[0]!.createdAt })).toEqual([]);
  });

  it('a more private choice covers earlier stories; a more open one does not', async () => {
    await h.store.stories.choose(ADA, choice('named'));
    await h.store.stories.add((await h.store.stories.getPerson(ADA))!, story('one'));
    expect(await h.store.stories.choose(ADA, choice('anonymous'))).toEqual({ previous: 'named', storiesMadeMorePrivate: 1 });
    let [row] = await h.store.stories.shared({ workspaceId: 'T1' });
    expect(row).toMatchObject({ sharing: 'anonymous' });
    expect(row?.authorName).toBeUndefined();
    expect(await h.store.stories.choose(ADA, choice('named'))).toEqual({ previous: 'anonymous', storiesMadeMorePrivate: 0 });
    [row] = await h.store.stories.shared({ workspaceId: 'T1' });
    expect(row?.sharing).toBe('anonymous');
  });

  it('edits and withdraws only the owner\'s story, and tracks the open question', async () => {
    await h.store.stories.choose(ADA, choice('anonymous'));
    await h.store.stories.setPending(ADA, { kind: 'answer', promptId: 'p1' });
    expect((await h.store.stories.getPerson(ADA))?.pending).toEqual({ kind: 'answer', promptId: 'p1', since: '2026-11-23T08:00:00.000Z' });
    const s = await h.store.stories.add((await h.store.stories.getPerson(ADA))!, story('first'));
    expect(await h.store.stories.edit(BEN, s.id, 'hijack')).toBe(false);
    expect(await h.store.stories.edit(ADA, s.id, 'second')).toBe(true);
    expect((await h.store.stories.get(ADA, s.id))?.text).toBe('second');
    expect(await h.store.stories.withdraw(OTHER, s.id)).toBe(false);
    expect(await h.store.stories.withdraw(ADA, s.id)).toBe(true);
    expect(await h.store.stories.countFor(ADA)).toBe(0);
  });

  it('creates a sequence once and lets exactly one of two instances claim each step', async () => {
    const second = await h.open();
    const steps = [{ step: 0, dueAt: new Date('2026-11-23T08:00:00Z') }, { step: 1, dueAt: new Date('2026-11-30T09:00:00Z') }];
    await h.store.storyJobs.createSequence(ADA, 'D1', steps);
    await second.storyJobs.createSequence(ADA, 'D1', steps);
    const due = await h.store.storyJobs.due(new Date('2026-12-01T00:00:00Z'));
    expect(due.map((j) => j.step)).toEqual([0, 1]);
    const claims = await Promise.all([h.store.storyJobs.claim(due[1]!.id, 'a'), second.storyJobs.claim(due[1]!.id, 'b')]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    await h.store.storyJobs.retryLater(due[1]!.id, new Date('2026-12-02T09:00:00Z'));
    expect((await h.store.storyJobs.step(ADA, 1))).toMatchObject({ status: 'pending', attempts: 1, dueAt: '2026-12-02T09:00:00.000Z' });
    expect(await h.store.storyJobs.claim(due[1]!.id, 'a')).toBe(true);
    h.clock.advance(20 * 60_000);
    const stale = await h.store.storyJobs.stale(new Date(h.clock.now().getTime() - 10 * 60_000));
    expect(stale.map((j) => j.id)).toEqual([due[1]!.id]);
    const takeovers = await Promise.all([h.store.storyJobs.reclaim(stale[0]!.id, 'c', stale[0]!.claimedAt!), second.storyJobs.reclaim(stale[0]!.id, 'd', stale[0]!.claimedAt!)]);
    expect(takeovers.filter(Boolean)).toHaveLength(1);
  });

  it('forget deletes the person\'s stories, jobs, choice and DM state, in their workspace only', async () => {
    await h.store.stories.choose(ADA, choice('named'));
    await h.store.stories.choose(OTHER, choice('named'));
    await h.store.stories.add((await h.store.stories.getPerson(ADA))!, story('a'));
    await h.store.stories.add((await h.store.stories.getPerson(ADA))!, story('b'));
    await h.store.stories.add((await h.store.stories.getPerson(OTHER))!, story('kept'));
    await h.store.storyJobs.createSequence(ADA, 'D1', [{ step: 0, dueAt: h.clock.now() }]);
    const dm = { platform: 'slack' as const, workspaceId: 'T1', conversationId: 'D1' };
    await h.store.conversations.upsert({ ...dm, isDirect: true });
    await h.store.rotation.markUsed(dm, 'onboarding-x');
    await h.store.posts.record({ ...dm, messageId: 'w1', kind: 'welcome' });
    expect(await h.store.stories.forget(ADA)).toEqual({ stories: 2, jobs: 1, choice: 1 });
    expect(await h.store.stories.getPerson(ADA)).toBeUndefined();
    expect(await h.store.conversations.get(dm)).toBeUndefined();
    expect((await h.store.rotation.lastUsed(dm)).size).toBe(0);
    expect(await h.store.posts.latest(dm, 'welcome')).toBeUndefined();
    expect((await h.store.stories.shared({ workspaceId: 'T2' })).map((s) => s.text)).toEqual(['kept']);
    expect(await h.store.stories.forget(ADA)).toEqual({ stories: 0, jobs: 0, choice: 0 });
  });

  it('keeps the welcome setting and digest mark per channel', async () => {
    const c1 = { platform: 'slack' as const, workspaceId: 'T1', conversationId: 'C1' };
    expect(await h.store.storyChannels.get(c1)).toBeUndefined();
    await h.store.storyChannels.setWelcome(c1, true, 'U1');
    await h.store.storyChannels.markDigested(c1, '2026-11-23T08:00:00.000Z');
    expect(await h.store.storyChannels.get(c1)).toEqual({ ...c1, welcome: true, lastDigestAt: '2026-11-23T08:00:00.000Z', welcomeSetBy: 'U1', welcomeSetAt: expect.any(String) });
    await h.store.storyChannels.setWelcome(c1, false);
    expect(await h.store.storyChannels.get(c1)).toMatchObject({ welcome: false, lastDigestAt: '2026-11-23T08:00:00.000Z' });
    expect(await h.store.storyChannels.get({ ...c1, workspaceId: 'T2' })).toBeUndefined();
  });
});
