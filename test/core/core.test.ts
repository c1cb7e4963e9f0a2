import { afterEach, describe, expect, it } from 'vitest';
import type { Feature } from '../../src/core/types.js';
import { allFeatures } from '../../src/features/index.js';
import { fallbackText } from '../../src/model/reply.js';
import { mention, testCore } from '../helpers/core.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function core(features?: Feature[]) {
  const t = await testCore(features ? { features } : {});
  closers.push(t.close);
  return t;
}

describe('core.handle', () => {
  it('answers help and a bare mention with a prompt and a button for another', async () => {
    const { core: c } = await core();
    const [help] = await c.handle(mention('help'));
    expect(help!.fallback).toMatch(/moodmusic/);
    const [prompt] = await c.handle(mention(''));
    expect(prompt!.blocks.some((b) => b.type === 'actions')).toBe(true);
    expect(prompt!.metadata?.payload.prompt_id).toBeTypeOf('string');
  });

  it('offers the common actions as buttons under help, each running its command as if typed', async () => {
    const { core: c } = await core();
    const [help] = await c.handle(mention('help'));
    const buttons = help!.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []));
    expect(buttons.map((b) => b.label)).toEqual(['Question now', 'Review a plan', 'Status', 'My story']);
    const press = (value: string) => c.handle(mention('', { source: 'action', isMention: false, action: { id: 'run', value } }));
    const [status] = await press(buttons.find((b) => b.label === 'Status')!.value!);
    expect(fallbackText(status!.blocks)).toMatch(/no prompt schedule|Scheduled prompts/i);
    const [form] = await press('review');
    expect(form!.blocks.some((b) => b.type === 'form')).toBe(true);
    const [prompt] = await press('prompt');
    expect(prompt!.metadata?.payload.prompt_id).toBeTypeOf('string');
  });

  it('gives a prompt of the asked theme, and a clear answer for an unknown theme', async () => {
    const { core: c, store } = await core();
    const [r] = await c.handle(mention('prompt language'));
    const id = r!.metadata!.payload.prompt_id as string;
    expect(id.startsWith('language')).toBe(true);
    expect((await store.rotation.lastUsed(mention('')).then((m) => m.has(id)))).toBe(true);
    const [bad] = await c.handle(mention('prompt astrology'));
    expect(fallbackText(bad!.blocks)).toMatch(/don't have a theme called "astrology"/);
  });

  it('handles a redelivered event once, and the same event id in another workspace separately', async () => {
    const { core: c } = await core();
    expect(await c.handle(mention('help', { eventId: 'Ev1' }))).toHaveLength(1);
    expect(await c.handle(mention('help', { eventId: 'Ev1' }))).toEqual([]);
    expect(await c.handle(mention('help', { eventId: 'Ev1', workspaceId: 'W2' }))).toHaveLength(1);
    expect(await c.handle(mention('help'))).toHaveLength(1); // no id: nothing to de-duplicate on
  });

  it('answers unknown input with a short help, never an error', async () => {
    const { core: c } = await core();
    const [r] = await c.handle(mention('what is the meaning of life'));
    expect(r!.fallback).toMatch(/didn't understand/);
    expect(r!.visibility).toBe('private');
  });

  it('turns a thrown error into a short apology and keeps going', async () => {
    // Registered last, so its `status` replaces the real one.
    const broken: Feature = { name: 'broken', commands: { status: async () => { throw new Error('boom'); } } };
    const { core: c } = await core([...allFeatures(), broken]);
    const [r] = await c.handle(mention('status'));
    expect(r!.fallback).toMatch(/something went wrong on my side/);
    expect((await c.handle(mention('help')))[0]!.fallback).toMatch(/moodmusic/);
  });

  it('says a verb without a handler is coming, not an error', async () => {
    const { core: c } = await core([]);
    const [r] = await c.handle(mention('status'));
    expect(r!.fallback).toMatch(/coming soon/);
  });

  it('stays quiet on a thread reply that nobody consumed, and handles an expired button', async () => {
    const { core: c } = await core();
    expect(await c.handle(mention('nice question', { source: 'thread', isMention: false }))).toEqual([]);
    const [r] = await c.handle(mention('', { source: 'action', action: { id: 'gone' } }));
    expect(r!.fallback).toMatch(/no longer active/);
  });
});
