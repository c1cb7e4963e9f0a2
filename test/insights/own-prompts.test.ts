import { afterEach, describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/commands/grammar.js';
import { allFeatures } from '../../src/features/index.js';
import { createOwnPromptsFeature } from '../../src/features/own-prompts.js';
import { textReply, type Reply } from '../../src/model/reply.js';
import { choosePrompt } from '../../src/prompts/choose.js';
import { mention, testCore } from '../helpers/core.js';

const text = (replies: Reply[]) => JSON.stringify(replies.map((r) => r.blocks));
const cores: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c();
});

async function core(guard = async () => undefined as Reply | undefined) {
  const env = await testCore({ features: [...allFeatures().filter((f) => f.name !== 'own-prompts'), createOwnPromptsFeature(guard)] });
  cores.push(env.close);
  return env;
}

describe('a channel’s own questions', () => {
  it('parses add, list and remove, and explains misuse', () => {
    expect(parseCommand('prompt add purpose "What is this team for?" why "Purpose first"')).toEqual({
      verb: 'prompt-add',
      theme: 'purpose',
      question: 'What is this team for?',
      why: 'Purpose first',
    });
    expect(parseCommand('prompt list mine')).toEqual({ verb: 'prompt-list', mine: true });
    expect(parseCommand('prompt list all')).toEqual({ verb: 'prompt-list', mine: false });
    expect(parseCommand('prompt remove C-ABCD')).toEqual({ verb: 'prompt-remove', id: 'c-abcd' });
    expect(parseCommand('prompt add purpose')).toMatchObject({ verb: 'invalid', of: 'prompt-add' });
    expect(parseCommand('prompt purpose')).toEqual({ verb: 'prompt', theme: 'purpose' });
  });

  it('adds a question, lists it, uses it in rotation, and removes it', async () => {
    const { core: c, store } = await core();
    const added = await c.handle(mention('prompt add people "Who would you most like to hear from at our next team meeting, and why?"'));
    expect(added[0]?.visibility).toBe('private');
    const id = /as (c-[a-z0-9]{4})/.exec(text(added))?.[1];
    expect(id).toBeDefined();
    expect(text(await c.handle(mention('prompt list mine')))).toContain('Who would you most like to hear from');
    expect(text(await c.handle(mention('prompt list mine', { userId: 'U2' })))).toContain('You have not added any questions');

    // The rotation reaches it: every people prompt, ours included, comes round before any repeats.
    const ctx = c.ctx;
    const ref = { platform: 'shell' as const, workspaceId: 'W1', conversationId: 'C1' };
    const people = ctx.prompts.eligible('channel', ['people']).length;
    const seen = new Set<string>();
    for (let i = 0; i <= people; i++) seen.add((await choosePrompt(ctx, ref, { themes: ['people'] }))!.id);
    expect(seen.has(id!)).toBe(true);
    expect(seen.size).toBe(people + 1);

    // Another workspace never sees it.
    const other = await c.handle(mention('prompt list all', { workspaceId: 'W2' }));
    expect(text(other)).toContain('no questions of its own');

    expect(text(await c.handle(mention(`prompt remove ${id}`)))).toContain(`Removed ${id}`);
    expect(await store.customPrompts.list('shell', 'W1')).toEqual([]);
    expect(text(await c.handle(mention(`prompt remove ${id}`)))).toContain('There is no question');
  });

  it('refuses a deficit-framed question with rewrites, and bad input, changing nothing', async () => {
    const { core: c, store } = await core();
    const deficit = text(await c.handle(mention('prompt add purpose "How do we reduce sickness absence in this team?"')));
    expect(deficit).toContain('I have not added it');
    expect(deficit).toContain('framed around a problem');
    expect(text(await c.handle(mention('prompt add nonsense "What is this team for, really?"')))).toContain('is not a theme');
    expect(text(await c.handle(mention('prompt add purpose "Why?"')))).toContain('too short');
    expect(text(await c.handle(mention(`prompt add purpose "${'x'.repeat(401)}"`)))).toContain('too long');
    expect(await store.customPrompts.list('shell', 'W1')).toEqual([]);
  });

  it('lets only people allowed to change the channel’s settings add or remove', async () => {
    const refusal = textReply('Only the person who set this channel’s schedule can change it.', { visibility: 'private' });
    const { core: c, store } = await core(async () => refusal);
    expect(text(await c.handle(mention('prompt add purpose "What is this team for, in one sentence?"')))).toContain('Only the person');
    expect(await store.customPrompts.list('shell', 'W1')).toEqual([]);
  });

  it('no longer names the author after forget me, but keeps the question', async () => {
    const { core: c, store } = await core();
    await c.handle(mention('prompt add design "What would make our next meeting worth the time?"'));
    await c.handle(mention('forget me'));
    const left = await store.customPrompts.list('shell', 'W1');
    expect(left).toHaveLength(1);
    expect(left[0]?.createdBy).toBeUndefined();
  });

  it('through the real guard: someone else cannot change a channel whose schedule another person set', async () => {
    const env = await testCore();
    cores.push(env.close);
    await env.core.handle(mention('schedule weekly monday 09:30', { userId: 'U1' }));
    const refused = text(await env.core.handle(mention('prompt add purpose "What is this team for, in one sentence?"', { userId: 'U2' })));
    expect(refused).toMatch(/Only .* can change it/);
    expect(await env.store.customPrompts.list('shell', 'W1')).toEqual([]);
    expect(text(await env.core.handle(mention('prompt add purpose "What is this team for, in one sentence?"', { userId: 'U1' })))).toContain('Added to the purpose questions');
    // From a direct message there is no channel: only admins.
    const dm = text(await env.core.handle(mention('prompt add people "Who would you invite to our next away day?"', { userId: 'U3', isDirect: true, source: 'direct', conversationId: 'D3' })));
    expect(dm).toContain('in the channel they are for');
  });
});
