import { afterEach, describe, expect, it } from 'vitest';
import { createStoriesFeature } from '../../src/features/stories.js';
import { helpFeature } from '../../src/features/help.js';
import type { Reply } from '../../src/model/reply.js';
import { testCore } from '../helpers/core.js';
import { FakeOutbound, counts, dm, inChannel, press, textOf } from './fakes.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

// Monday 23 Nov 2026, 10:00 in London (GMT): inside working hours.
async function setup(start = '2026-11-23T10:00:00Z') {
  const t = await testCore({ start, features: [createStoriesFeature(), helpFeature] });
  closers.push(t.close);
  const outbound = new FakeOutbound();
  t.core.attach(outbound);
  return { ...t, outbound };
}

const buttonsOf = (replies: Reply[]) =>
  replies.flatMap((r) => r.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : [])));

describe('welcome and consent', () => {
  it('`story` in a channel DMs the welcome with three sharing buttons, and stores nothing before a choice', async () => {
    const { core, store, outbound } = await setup();
    const replies = await core.handle(inChannel('story'));
    expect(textOf(replies)).toBe("I've sent you a direct message.");
    expect(replies[0]?.visibility).toBe('private');
    expect(outbound.posts).toHaveLength(1);
    expect(outbound.posts[0]?.target.conversationId).toBe('dm-U1');
    const welcome = outbound.posts[0]!;
    expect(welcome.text).toMatch(/Where to Begin/);
    expect(welcome.text).toMatch(/Nothing is saved until you choose/);
    expect(buttonsOf([welcome.reply]).map((b) => [b.id, b.label, b.value])).toEqual([
      ['story.consent', 'Private', 'private'],
      ['story.consent', 'Anonymous', 'anonymous'],
      ['story.consent', 'With my name', 'named'],
    ]);

    // Talking in the DM before choosing stores nothing.
    await core.handle(dm('People here always ask Sam first'));
    expect(await counts(store)).toEqual({ story_people: 0, stories: 0, story_jobs: 0 });
  });

  it('`story` in a DM answers there; the first choice asks the first question, the answer is stored with its details', async () => {
    const { core, store, outbound } = await setup();
    const welcome = await core.handle(dm('story'));
    expect(buttonsOf(welcome)).toHaveLength(3);
    expect(outbound.posts).toHaveLength(0);
    expect(await counts(store)).toEqual({ story_people: 0, stories: 0, story_jobs: 0 });

    const chosen = await core.handle(press('story.consent', 'anonymous'));
    expect(textOf(chosen)).toMatch(/Your choice: Share anonymously/);
    expect(textOf(chosen)).toMatch(/Question 1 of 3/);
    expect(await counts(store)).toEqual({ story_people: 1, stories: 0, story_jobs: 3 });

    const thanks = await core.handle(dm('Everyone said: ask Priya, she knows how the rota really works.'));
    expect(textOf(thanks)).toMatch(/I have saved your story \(privately, for now\)/);
    // The preview: the story as it will appear, the name marked, and one click to share without it.
    expect(textOf(thanks)).toMatch(/Before it is shared/);
    expect(textOf(thanks)).toContain('> Everyone said: ask «Priya», she knows how the rota really works.');
    expect(buttonsOf(thanks).map((b) => b.id)).toEqual(['story.redact', 'story.share', 'story.level', 'story.edit']);
    let rows = await store.db.selectFrom('stories').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      platform: 'shell',
      workspace_id: 'W1',
      user_id: 'U1',
      sharing: 'private',
      author_name: null,
      text: 'Everyone said: ask Priya, she knows how the rota really works.',
      created_at: '2026-11-23T10:00:00.000Z',
    });
    expect(rows[0]?.prompt_id).toMatch(/^onboarding-/);

    const redact = buttonsOf(thanks).find((b) => b.id === 'story.redact')!;
    expect(textOf(await core.handle(press(redact.id, redact.value!)))).toMatch(/Shared without your name/);
    rows = await store.db.selectFrom('stories').selectAll().execute();
    expect(rows[0]).toMatchObject({ sharing: 'anonymous', author_name: null, text: 'Everyone said: ask a colleague, she knows how the rota really works.' });

    // The question is answered: the next DM text is not a story.
    await core.handle(dm('something else entirely'));
    expect(await counts(store)).toMatchObject({ stories: 1 });
  });

  it('a person sharing with their name, whose button press carries no name, is named as the platform knows them', async () => {
    const { core, store, outbound } = await setup();
    outbound.names.set('U1', 'Grace');
    await core.handle(dm('story'));
    await core.handle(press('story.consent', 'named'));
    const preview = await core.handle(dm('Decisions happen at the Tuesday huddle, not in the minutes.'));
    expect(textOf(preview)).toMatch(/with your name/);
    expect(textOf(preview)).toMatch(/Shared by Grace/);
    const share = buttonsOf(preview).find((b) => b.id === 'story.share')!;
    await core.handle(press(share.id, share.value!));
    const row = await store.db.selectFrom('stories').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ sharing: 'named', author_name: 'Grace' });
  });

  it('`story` again shows the current choice and lets it change; a more private choice covers earlier stories', async () => {
    const { core, store } = await setup();
    await core.handle(dm('story', { userName: 'Ada' }));
    await core.handle(press('story.consent', 'named', { userName: 'Ada' }));
    const preview = await core.handle(dm('The handbook is wrong about expenses; ask the team admin.'));
    await core.handle(press('story.share', buttonsOf(preview).find((b) => b.id === 'story.share')!.value!));
    let row = await store.db.selectFrom('stories').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ sharing: 'named', author_name: 'Ada' });

    const current = await core.handle(dm('story'));
    expect(textOf(current)).toMatch(/set to: Share with my name/);
    expect(textOf(current)).toMatch(/1 saved story/);
    // The current choice is said in words, not shown as a filled button that looks like the one to press.
    expect(textOf(current)).toMatch(/Now: with my name/);
    expect(buttonsOf(current).some((b) => b.style === 'primary')).toBe(false);

    const changed = await core.handle(press('story.consent', 'private'));
    // The card the button was on is replaced, so its buttons do not stay live.
    expect(changed[0]?.replacesPressed).toBe(true);
    expect(textOf(changed)).toMatch(/now: Keep private\. One earlier story now follows/);
    row = await store.db.selectFrom('stories').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ sharing: 'private', author_name: null });
    // Changing the level does not restart the sequence.
    expect(await counts(store)).toMatchObject({ story_jobs: 3 });

    const opened = await core.handle(press('story.consent', 'anonymous'));
    expect(textOf(opened)).toMatch(/applies to answers from now on/);
    row = await store.db.selectFrom('stories').selectAll().executeTakeFirstOrThrow();
    expect(row.sharing).toBe('private');
  });

  it('while a question is open, short commands stay commands and `skip` skips the question', async () => {
    const { core, store } = await setup();
    await core.handle(dm('story'));
    await core.handle(press('story.consent', 'anonymous'));
    expect(textOf(await core.handle(dm('help')))).toMatch(/moodmusic: keeping whole system working/);
    expect(textOf(await core.handle(dm('digest now')))).toMatch(/No stories have been shared/);
    expect(textOf(await core.handle(dm('story')))).toMatch(/Your open question:/);
    expect(await counts(store)).toMatchObject({ stories: 0 });
    // A longer line that starts with a verb is still an answer.
    await core.handle(dm('Hello was the first thing anyone said; then they showed me the real sign-off route.'));
    expect(await counts(store)).toMatchObject({ stories: 1 });

    // Next question (day 7) arrives, then is skipped.
    const { runDueStoryJobs } = await import('../../src/stories/sequence.js');
    const t = core.ctx.clock as import('../../src/clock.js').ManualClock;
    t.advance(7 * 86_400_000);
    expect((await runDueStoryJobs(core.ctx, t.now())).sent).toBe(1);
    expect(textOf(await core.handle(dm('skip')))).toMatch(/Skipped/);
    await core.handle(dm('not an answer any more'));
    expect(await counts(store)).toMatchObject({ stories: 1 });
    const person = await store.stories.getPerson({ platform: 'shell', workspaceId: 'W1', userId: 'U1' });
    expect(person?.pending).toBeUndefined();
  });

  it('edit replaces the text with the next message; withdraw deletes the row', async () => {
    const { core, store } = await setup();
    await core.handle(dm('story'));
    await core.handle(press('story.consent', 'anonymous'));
    const thanks = await core.handle(dm('first version'));
    const id = buttonsOf(thanks).find((b) => b.id === 'story.edit')?.value ?? '';
    await core.handle(press('story.edit', id));
    const updated = await core.handle(dm('second, better version'));
    // New words are shown as they will appear before they can be shared.
    expect(textOf(updated)).toMatch(/Before it is shared/);
    expect(textOf(updated)).toContain('> second, better version');
    expect((await store.db.selectFrom('stories').select('text').executeTakeFirstOrThrow()).text).toBe('second, better version');

    expect(textOf(await core.handle(press('story.withdraw', id)))).toMatch(/Withdrawn/);
    expect(await counts(store)).toMatchObject({ stories: 0 });
  });

  it('a story id from another person is never touched', async () => {
    const { core, store } = await setup();
    await core.handle(dm('story'));
    await core.handle(press('story.consent', 'anonymous'));
    const thanks = await core.handle(dm('mine'));
    const id = buttonsOf(thanks).find((b) => b.id === 'story.edit')?.value ?? '';
    expect(textOf(await core.handle(press('story.withdraw', id, { userId: 'U2' })))).toMatch(/already withdrawn/);
    expect(textOf(await core.handle(press('story.share', `${id}:named`, { userId: 'U2' })))).toMatch(/no longer there/);
    expect(textOf(await core.handle(press('story.level', `${id}:named`, { userId: 'U2' })))).toMatch(/no longer there/);
    expect(textOf(await core.handle(press('story.edit', id, { userId: 'U2' })))).toMatch(/no longer there/);
    expect(await counts(store)).toMatchObject({ stories: 1 });
  });

  it('`forget me` deletes stories, jobs, the choice and DM state, and says how much', async () => {
    const { core, store } = await setup();
    await core.handle(dm('story'));
    await core.handle(press('story.consent', 'named', { userName: 'Ada' }));
    await core.handle(dm('one'));
    await core.handle(press('story.consent', 'anonymous', { userId: 'U2' }));
    await core.handle(dm('someone else', { userId: 'U2' }));

    const reply = await core.handle(inChannel('forget me'));
    expect(textOf(reply)).toMatch(/deleted 1 story, 3 scheduled questions and your sharing choice/);
    expect(await counts(store)).toEqual({ story_people: 1, stories: 1, story_jobs: 3 });
    const left = await store.db.selectFrom('stories').select('user_id').execute();
    expect(left.map((r) => r.user_id)).toEqual(['U2']);
    const uses = await store.db.selectFrom('prompt_uses').select('conversation_id').where('conversation_id', '=', 'dm-U1').execute();
    expect(uses).toHaveLength(0);
    expect(textOf(await core.handle(dm('forget me')))).toMatch(/I hold nothing about you/);
  });
});

describe('welcome on join', () => {
  it('a member-joined message is consumed silently unless welcome is on, then the newcomer gets a DM once', async () => {
    const { core, store, outbound } = await setup();
    const joined = inChannel('help', { source: 'member-joined', isMention: false, userId: 'N1' });
    expect(await core.handle(joined)).toEqual([]);
    expect(outbound.posts).toHaveLength(0);

    expect(textOf(await core.handle(inChannel('welcome on')))).toMatch(/Welcome is on/);
    expect(await core.handle(joined)).toEqual([]);
    expect(outbound.posts).toHaveLength(1);
    expect(outbound.posts[0]?.target.conversationId).toBe('dm-N1');
    expect(outbound.posts[0]?.text).toMatch(/How may I use your answers\?/);
    // Joining a second channel does not welcome twice, and nothing is stored about the newcomer.
    await core.handle(inChannel('welcome on', { conversationId: 'C2' }));
    await core.handle({ ...joined, conversationId: 'C2' });
    expect(outbound.posts).toHaveLength(1);
    expect(await counts(store)).toEqual({ story_people: 0, stories: 0, story_jobs: 0 });

    await core.handle(inChannel('welcome off'));
    await core.handle({ ...joined, userId: 'N2' });
    expect(outbound.posts).toHaveLength(1);
  });
});

describe('telling answers from commands while a question is open', () => {
  it('keeps commands with strict grammar or standing alone, and treats free text as the story', async () => {
    const { commandIn } = await import('../../src/stories/answers.js');
    for (const text of ['help', 'Hello', 'story', 'Skip.', 'digest now', 'forget me', 'status', 'prompt', 'prompt purpose', 'welcome off', 'digest weekly friday 15:00', 'schedule off', 'my stories', 'withdraw', 'withdraw 2']) {
      expect(commandIn(text), text).toBeDefined();
    }
    for (const text of ['Story time: nobody reads the wiki', 'story number 1.', 'Review meetings are where I learnt most', 'Hello Kitty mugs everywhere', 'Welcome was lovely', 'Prompt replies matter here', 'skip the forms, ring Jo', 'forget the handbook', 'my stories are about the canteen', 'withdraw from a meeting politely and nobody minds']) {
      expect(commandIn(text), text).toBeUndefined();
    }
  });
});
