import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { createStoriesFeature } from '../../src/features/stories.js';
import { csvField, toCsv } from '../../src/stories/cli.js';
import { runDueDigests } from '../../src/stories/digest.js';
import { testCore } from '../helpers/core.js';
import { tempDir } from '../helpers/temp.js';
import { FakeOutbound, dm, inChannel, press, textOf } from './fakes.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function dbFile(): string {
  const tmp = tempDir();
  cleanups.push(tmp.cleanup);
  return path.join(tmp.dir, 'stories.db');
}

async function coreOn(file: string, start = '2026-11-23T10:00:00Z') {
  const t = await testCore({ dbPath: file, start, features: [createStoriesFeature()] });
  cleanups.push(t.close);
  const outbound = new FakeOutbound();
  t.core.attach(outbound);
  return { ...t, outbound };
}

type T = Awaited<ReturnType<typeof coreOn>>;

/** One person chooses `sharing`, answers with `text` and (when sharing) confirms it as it is on the preview. */
async function tell(t: T, who: { userId: string; userName: string; workspaceId?: string }, sharing: string, text: string): Promise<string> {
  const o = { userId: who.userId, userName: who.userName, workspaceId: who.workspaceId ?? 'W1' };
  await t.core.handle(press('story.consent', sharing, o));
  const replies = await t.core.handle(dm(text, o));
  const buttons = replies.flatMap((r) => r.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : [])));
  const share = buttons.find((b) => b.id === 'story.share');
  if (share) await t.core.handle(press('story.share', share.value!, o));
  t.clock.advance(1000);
  const stories = await t.store.stories.listFor({ platform: 'shell', workspaceId: o.workspaceId, userId: o.userId });
  return stories[stories.length - 1]!.id;
}

async function seed(t: T) {
  await tell(t, { userId: 'UPRIV', userName: 'Pat Private' }, 'private', 'PRIVATE: my manager never reads the forms.');
  await tell(t, { userId: 'UANON', userName: 'Ann Onymous' }, 'anonymous', 'ANON: the real decisions happen at the Thursday coffee.');
  await tell(t, { userId: 'UNAMED', userName: 'Nadia Named' }, 'named', 'NAMED: people ring each other instead of emailing.');
  await tell(t, { userId: 'UTHIRD', userName: 'Theo Third' }, 'anonymous', 'THIRD: the rota lives on the fridge door.');
  await tell(t, { userId: 'UOTHER', userName: 'Otto Other', workspaceId: 'W2' }, 'anonymous', 'OTHER WORKSPACE: we never use the shared drive.');
}

function run(argv: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  return runCli(argv, {
    stdin: new PassThrough(),
    stdout: { write: (c: string) => (stdout += c) },
    stderr: { write: (c: string) => (stderr += c) },
    cwd: process.cwd(),
    env,
  }).then((code) => ({ code, stdout, stderr }));
}

describe('digest now', () => {
  it('shows shared stories only, anonymous ones without name or id, and only from this workspace', async () => {
    const t = await coreOn(dbFile());
    await seed(t);
    const replies = await t.core.handle(inChannel('digest now'));
    const text = textOf(replies);
    expect(replies[0]?.visibility).toBe('conversation');
    expect(text).toMatch(/How things really get done here/);
    expect(text).not.toMatch(/joined|new starter|newcomer/i);
    expect(text).toContain('ANON: the real decisions happen at the Thursday coffee.');
    expect(text).toContain('NAMED: people ring each other instead of emailing.');
    expect(text).toContain('Shared by Nadia Named');
    expect(text).not.toContain('PRIVATE');
    expect(text).not.toContain('Pat Private');
    expect(text).not.toContain('Ann Onymous');
    expect(text).not.toContain('UANON');
    expect(text).not.toContain('OTHER WORKSPACE');
    expect(text).not.toMatch(/2026/);
    expect(text).toMatch(/A question for all of us/);
    // Quote blocks carry the stories.
    const quotes = replies[0]!.blocks.filter((b) => b.type === 'quote');
    expect(quotes).toHaveLength(3);

    // Since the last digest: nothing new yet; then one new story is too few people to share, and waits.
    expect(textOf(await t.core.handle(inChannel('digest now')))).toMatch(/No stories have been shared since the last digest/);
    t.clock.advance(60_000);
    await tell(t, { userId: 'UNEW', userName: 'Neo' }, 'anonymous', 'NEW: lunch is where handovers happen.');
    const waiting = textOf(await t.core.handle(inChannel('digest now')));
    expect(waiting).toMatch(/not yet enough stories to share without pointing at anyone/);
    expect(waiting).not.toContain('NEW: lunch');
    await tell(t, { userId: 'UNEW2', userName: 'Nell' }, 'anonymous', 'NEW2: ask the caretaker.');
    await tell(t, { userId: 'UNEW3', userName: 'Ned' }, 'named', 'NEW3: the wiki is a museum.');
    const next = textOf(await t.core.handle(inChannel('digest now')));
    expect(next).toContain('NEW: lunch');
    expect(next).toContain('NEW2: ask the caretaker.');
    expect(next).not.toContain('ANON:');

    // The other workspace has one person's story: it waits there.
    const other = textOf(await t.core.handle(inChannel('digest now', { workspaceId: 'W2' })));
    expect(other).toMatch(/not yet enough stories/);
    expect(other).not.toContain('OTHER WORKSPACE');
    expect(other).not.toContain('ANON:');
  });

  it('caps a digest at 10 stories and carries the rest to the next one', async () => {
    const t = await coreOn(dbFile());
    for (let i = 1; i <= 13; i++) await tell(t, { userId: `U${i}`, userName: `N${i}` }, 'anonymous', `story number ${i}.`);
    const first = await t.core.handle(inChannel('digest now'));
    // Five in the post (about two phone screens), the other five in its thread.
    expect(first[0]!.blocks.filter((b) => b.type === 'quote')).toHaveLength(5);
    expect(textOf(first)).toMatch(/5 more in the thread/);
    expect(first[1]).toMatchObject({ inThread: true });
    expect(first[1]!.blocks.filter((b) => b.type === 'quote')).toHaveLength(5);
    expect(textOf(first)).toMatch(/3 more stories follow in the next digest/);
    expect(first[0]!.blocks.length).toBeLessThanOrEqual(50);
    const second = textOf(await t.core.handle(inChannel('digest now')));
    expect(second).toContain('story number 11.');
    expect(second).toContain('story number 12.');
    expect(second).toContain('story number 13.');
    expect(second).not.toContain('story number 10.');
  });

  it('a withdrawn story is not in the digest', async () => {
    const t = await coreOn(dbFile());
    const id = await tell(t, { userId: 'U1', userName: 'Una' }, 'anonymous', 'WITHDRAWN story');
    for (const n of [2, 3, 4]) await tell(t, { userId: `U${n}`, userName: `P${n}` }, 'anonymous', `kept story ${n}`);
    await t.core.handle(press('story.withdraw', id));
    const digest = textOf(await t.core.handle(inChannel('digest now')));
    expect(digest).toContain('kept story 4');
    expect(digest).not.toContain('WITHDRAWN');
  });
});

describe('scheduled digest', () => {
  it('a scheduled digest of more than five stories posts five and the rest in its own thread', async () => {
    const t = await coreOn(dbFile());
    await t.core.handle(inChannel('digest weekly friday 15:00'));
    for (let i = 1; i <= 8; i++) await tell(t, { userId: `U${i}`, userName: `N${i}` }, 'anonymous', `story number ${i}.`);
    t.clock.set('2026-11-27T15:00:30Z');
    expect(await runDueDigests(t.core.ctx, t.clock.now())).toMatchObject({ posted: 1 });
    const [digest, thread, ...rest] = t.outbound.posts;
    expect(rest).toEqual([]);
    expect(digest!.reply.blocks.filter((b) => b.type === 'quote')).toHaveLength(5);
    expect(digest!.text).toMatch(/3 more in the thread/);
    expect(thread!.target).toMatchObject({ conversationId: 'C1', threadId: 'm1' });
    expect(thread!.reply.blocks.filter((b) => b.type === 'quote')).toHaveLength(3);
  });

  it('`digest weekly friday 15:00` posts at the slot once, even with two cores on one database', async () => {
    const file = dbFile();
    const a = await coreOn(file);
    const b = await coreOn(file);
    const set = textOf(await a.core.handle(inChannel('digest weekly friday 15:00')));
    expect(set).toMatch(/every Friday at 15:00 \(Europe\/London\), next on Friday 27 November, 15:00 \(Europe\/London\)/);
    await seed(a);

    for (const t of [a, b]) t.clock.set('2026-11-27T14:59:00Z');
    expect(await runDueDigests(a.core.ctx, a.clock.now())).toEqual({ posted: 0, skipped: 0, failed: 0 });
    for (const t of [a, b]) t.clock.set('2026-11-27T15:00:30Z');
    const results = await Promise.all([runDueDigests(a.core.ctx, a.clock.now()), runDueDigests(b.core.ctx, b.clock.now())]);
    expect(results[0].posted + results[1].posted).toBe(1);
    const posts = [...a.outbound.posts, ...b.outbound.posts];
    expect(posts).toHaveLength(1);
    expect(posts[0]?.target).toEqual({ platform: 'shell', workspaceId: 'W1', conversationId: 'C1' });
    expect(posts[0]?.text).toContain('ANON:');
    expect(posts[0]?.text).not.toContain('PRIVATE');
    expect(posts[0]?.text).not.toContain('OTHER WORKSPACE');

    // Next Friday, nothing new: no post (and no noise).
    for (const t of [a, b]) t.clock.set('2026-12-04T15:00:00Z');
    expect(await runDueDigests(a.core.ctx, a.clock.now())).toEqual({ posted: 0, skipped: 1, failed: 0 });
    expect(a.outbound.posts.length + b.outbound.posts.length).toBe(1);
    const sub = await a.store.subscriptions.forConversation({ platform: 'shell', workspaceId: 'W1', conversationId: 'C1' }, 'digest');
    const slots = await a.store.slots.list(sub!.id);
    expect(slots.map((x) => [x.slot, x.status]).sort()).toEqual([
      ['2026-11-27T15:00:00.000Z', 'posted'],
      ['2026-12-04T15:00:00.000Z', 'skipped'],
    ]);
    // A prompt schedule in the same channel is a separate subscription, untouched by the digest.
    expect(await a.store.subscriptions.forConversation({ platform: 'shell', workspaceId: 'W1', conversationId: 'C1' })).toBeUndefined();
  });

  it('after downtime posts only the latest missed slot within the catch-up window', async () => {
    const t = await coreOn(dbFile());
    await t.core.handle(inChannel('digest weekly friday 15:00'));
    await seed(t);
    // Down for three weeks; back on Friday 11 Dec 17:00 (two hours after that slot).
    t.clock.set('2026-12-11T17:00:00Z');
    expect(await runDueDigests(t.core.ctx, t.clock.now())).toMatchObject({ posted: 1, failed: 0 });
    expect(t.outbound.posts).toHaveLength(1);
    const sub = await t.store.subscriptions.forConversation({ platform: 'shell', workspaceId: 'W1', conversationId: 'C1' }, 'digest');
    const slots = await t.store.slots.list(sub!.id);
    expect(slots.filter((x) => x.status === 'posted').map((x) => x.slot)).toEqual(['2026-12-11T15:00:00.000Z']);
    // Older slots are skipped (the schedules module looks back at most 14 days).
    expect(slots.filter((x) => x.status === 'skipped').map((x) => x.slot)).toContain('2026-12-04T15:00:00.000Z');
    expect(await runDueDigests(t.core.ctx, t.clock.now())).toEqual({ posted: 0, skipped: 0, failed: 0 });
  });

  it('`digest off` stops the scheduled digest, and says so when there is none', async () => {
    const t = await coreOn(dbFile());
    await t.core.handle(inChannel('digest weekly friday 15:00'));
    await seed(t);
    expect(textOf(await t.core.handle(inChannel('digest off')))).toMatch(/no more scheduled story digests here/);
    t.clock.set('2026-11-27T15:00:30Z');
    expect(await runDueDigests(t.core.ctx, t.clock.now())).toEqual({ posted: 0, skipped: 0, failed: 0 });
    expect(t.outbound.posts).toHaveLength(0);
    expect(textOf(await t.core.handle(inChannel('digest off')))).toMatch(/no scheduled digest here/);
  });

  it('runs in the same time zone a prompt schedule would: the one named, else the person\'s, else the default', async () => {
    const t = await coreOn(dbFile());
    expect(textOf(await t.core.handle(inChannel('digest weekly friday 15:00', { userTimeZone: 'America/New_York' })))).toMatch(/\(America\/New_York\)/);
    expect(textOf(await t.core.handle(inChannel('digest weekly friday 15:00 Asia/Kolkata')))).toMatch(/\(Asia\/Kolkata\)/);
    expect(textOf(await t.core.handle(inChannel('digest weekly friday 15:00 Mars/Olympus')))).toMatch(/not a time zone I know/);
  });

  it('refuses a digest rule in a DM', async () => {
    const t = await coreOn(dbFile());
    expect(textOf(await t.core.handle(dm('digest weekly friday 15:00')))).toMatch(/Digests are for channels/);
  });
});

describe('stories export', () => {
  it('prints shared stories of one workspace only, as JSON or properly quoted CSV', async () => {
    const file = dbFile();
    const t = await coreOn(file);
    await seed(t);
    await tell(t, { userId: 'UQ', userName: 'Q "Quote" Person' }, 'named', '=SUM(A1) "quoted", with commas\nand a new line');
    cleanups.pop();
    await t.close();

    const env = { SQLITE_PATH: file };
    const json = await run(['stories', 'export', '--workspace', 'W1'], env);
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
    expect(rows.map((r) => r.sharing)).toEqual(['anonymous', 'named', 'anonymous', 'named']);
    expect(rows[0]).toEqual({ sharing: 'anonymous', promptId: expect.stringMatching(/^onboarding-/), prompt: expect.any(String), text: 'ANON: the real decisions happen at the Thursday coffee.' });
    expect(rows[1]).toMatchObject({ name: 'Nadia Named', createdAt: expect.any(String) });
    expect(json.stdout).not.toContain('PRIVATE');
    expect(json.stdout).not.toContain('OTHER WORKSPACE');
    expect(json.stdout).not.toContain('Ann Onymous');

    const csv = await run(['stories', 'export', '--workspace', 'W1', '--format', 'csv'], env);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]).toBe('sharing,name,created_at,prompt_id,prompt,text');
    expect(lines[1]).toMatch(/^"anonymous","","",/);
    expect(csv.stdout).toContain('"Q ""Quote"" Person"');
    expect(csv.stdout).toContain(`"'=SUM(A1) ""quoted"", with commas\nand a new line"`);
    expect(csv.stdout).not.toContain('OTHER WORKSPACE');

    const w2 = await run(['stories', 'export', '--workspace', 'W2', '--format', 'csv'], env);
    expect(w2.stdout).toContain('OTHER WORKSPACE');
    expect(w2.stdout).not.toContain('ANON:');
  });

  it('explains bad usage and a missing database', async () => {
    const missing = await run(['stories', 'export', '--workspace', 'W1'], { SQLITE_PATH: path.join(dbFile(), 'nope.db') });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no database at .*SQLITE_PATH/);
    expect((await run(['stories', 'export'], {})).stderr).toMatch(/--workspace is required/);
    expect((await run(['stories', 'export', '--workspace', 'W1', '--format', 'xml'], {})).stderr).toMatch(/--format must be json or csv/);
    expect((await run(['stories'], {})).stderr).toMatch(/Usage: moodmusic stories export/);
  });

  it('quotes every CSV field', () => {
    expect(csvField('plain')).toBe('"plain"');
    expect(csvField('+1')).toBe(`"'+1"`);
    expect(toCsv([])).toBe('sharing,name,created_at,prompt_id,prompt,text\r\n');
  });
});
