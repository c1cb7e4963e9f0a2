import { afterEach, describe, expect, it } from 'vitest';
import { createStoriesFeature } from '../../src/features/stories.js';
import type { Reply } from '../../src/model/reply.js';
import { exportShape } from '../../src/stories/cli.js';
import { sharingMeaning } from '../../src/stories/consent.js';
import { SHARING_BUTTONS } from '../../src/stories/messages.js';
import type { Sharing } from '../../src/store/stories.js';
import { testCore } from '../helpers/core.js';
import { FakeOutbound, dm, inChannel, press, textOf } from './fakes.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function setup(minPeople?: number) {
  const t = await testCore({ start: '2026-11-23T10:00:00Z', features: [createStoriesFeature()] });
  closers.push(t.close);
  if (minPeople !== undefined) t.core.ctx.settings.digestMinPeople = minPeople;
  t.core.attach(new FakeOutbound());
  return t;
}
type T = Awaited<ReturnType<typeof setup>>;

const buttons = (replies: Reply[]) => replies.flatMap((r) => r.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : [])));

/** A person chooses `level` and answers; `confirm` presses "Share it"/"Share as it is" on the preview. */
async function tell(t: T, userId: string, level: Sharing, text: string, confirm = true): Promise<Reply[]> {
  const who = { userId, userName: `Name of ${userId}` };
  await t.core.handle(press('story.consent', level, who));
  const replies = await t.core.handle(dm(text, who));
  const share = buttons(replies).find((b) => b.id === 'story.share');
  if (confirm && share) await t.core.handle(press(share.id, share.value!, who));
  t.clock.advance(1000);
  return replies;
}

describe('each sharing level\'s words are what the store and the digest do', () => {
  it('the welcome says, for each level, where answers are kept, who can read them, what is posted and when, and how to change', async () => {
    const t = await setup();
    const welcome = textOf(await t.core.handle(dm('story')));
    for (const level of ['private', 'anonymous', 'named'] as const) {
      expect(welcome).toContain(`${SHARING_BUTTONS[level]}: your answers are ${sharingMeaning(level, 3)}.`);
      expect(sharingMeaning(level, 3)).toMatch(/saved in this bot's database with your user id, and the people who run this bot can read that database/);
      expect(sharingMeaning(level, 3)).toMatch(/"my stories"/);
    }
    expect(sharingMeaning('private', 3)).toMatch(/never posted in any channel and never exported/);
    expect(sharingMeaning('anonymous', 3)).toMatch(/posted without your name in a channel's story digest .* once stories from at least 3 different people are waiting/);
    expect(sharingMeaning('named', 3)).toMatch(/posted with your name/);
    // The promise it replaces, which was not true (the database keeps the user id), is gone.
    expect(welcome).not.toMatch(/nobody else sees them/);
  });

  it('Keep private: kept in the table with the user id; never in a digest or an export', async () => {
    const t = await setup(2);
    const replies = await tell(t, 'UP', 'private', 'PRIVATE words');
    expect(buttons(replies).map((b) => b.id)).not.toContain('story.share');
    for (const u of ['UA', 'UB']) await tell(t, u, 'anonymous', `shared by ${u}`);
    const rows = await t.store.db.selectFrom('stories').selectAll().where('user_id', '=', 'UP').execute();
    expect(rows).toMatchObject([{ user_id: 'UP', sharing: 'private', text: 'PRIVATE words' }]);
    const digest = textOf(await t.core.handle(inChannel('digest now')));
    expect(digest).toContain('shared by UA');
    expect(digest).not.toContain('PRIVATE');
    expect(exportShape(await t.store.stories.shared({ workspaceId: 'W1' })).map((s) => s.text)).not.toContain('PRIVATE words');
  });

  it('Share anonymously: nothing is shared before the author confirms the preview; then no name, and only with enough people', async () => {
    const t = await setup(3);
    await tell(t, 'UA', 'anonymous', 'ANON unconfirmed', false);
    for (const u of ['UB', 'UC']) await tell(t, u, 'anonymous', `ANON from ${u}`);
    // Two confirmed people, one unconfirmed: fewer than 3 people, so no story is posted.
    let digest = textOf(await t.core.handle(inChannel('digest now')));
    expect(digest).toMatch(/not yet enough stories to share without pointing at anyone/);
    expect(digest).not.toMatch(/ANON/);
    await tell(t, 'UD', 'anonymous', 'ANON from UD');
    digest = textOf(await t.core.handle(inChannel('digest now')));
    expect(digest).toContain('ANON from UB');
    expect(digest).toContain('ANON from UD');
    expect(digest).not.toContain('ANON unconfirmed');
    expect(digest).not.toMatch(/Name of U|2026/);
    const exported = exportShape(await t.store.stories.shared({ workspaceId: 'W1' }));
    expect(exported.find((s) => s.text === 'ANON from UB')).toEqual({ sharing: 'anonymous', promptId: expect.any(String), prompt: expect.any(String), text: 'ANON from UB' });
  });

  it('Share with my name: posted with the name once enough people have shared; "my stories" changes and withdraws', async () => {
    const t = await setup(2);
    await tell(t, 'UN', 'named', 'NAMED story');
    await tell(t, 'UM', 'named', 'OTHER story');
    const mine = await t.core.handle(dm('my stories', { userId: 'UN' }));
    expect(textOf(mine)).toMatch(/1\. (\w+ )?23 Nov(ember)? 2026, shared with your name/);
    const withdraw = buttons(mine).find((b) => b.id === 'story.withdraw')!;
    const makeAnonymous = buttons(mine).find((b) => b.label === 'Share anonymously')!;
    await t.core.handle(press(makeAnonymous.id, makeAnonymous.value!, { userId: 'UN' }));
    expect(await t.store.db.selectFrom('stories').select(['sharing', 'author_name']).where('user_id', '=', 'UN').executeTakeFirst()).toEqual({ sharing: 'anonymous', author_name: null });

    const digest = textOf(await t.core.handle(inChannel('digest now')));
    expect(digest).toContain('Shared by Name of UM');
    expect(digest).toContain('NAMED story');
    expect(digest).not.toContain('Name of UN');

    await t.core.handle(press(withdraw.id, withdraw.value!, { userId: 'UN' }));
    expect(await t.store.db.selectFrom('stories').selectAll().where('user_id', '=', 'UN').execute()).toEqual([]);
  });

  it('a withdrawn story is gone from a scheduled digest that has not been posted yet', async () => {
    const t = await setup(2);
    await t.core.handle(inChannel('digest weekly friday 15:00'));
    await tell(t, 'UA', 'anonymous', 'WITHDRAWN before the digest');
    await tell(t, 'UB', 'anonymous', 'STAYS one');
    await tell(t, 'UC', 'anonymous', 'STAYS two');
    expect(textOf(await t.core.handle(dm('withdraw 1', { userId: 'UA' })))).toMatch(/Withdrawn: story 1/);
    const { runDueDigests } = await import('../../src/stories/digest.js');
    t.clock.set('2026-11-27T15:00:30Z');
    expect(await runDueDigests(t.core.ctx, t.clock.now())).toMatchObject({ posted: 1 });
    const outbound = t.core.ctx.outbound('shell') as FakeOutbound;
    const posted = outbound.posts.map((p) => p.text).join('\n');
    expect(posted).toContain('STAYS two');
    expect(posted).not.toContain('WITHDRAWN');
  });
});
