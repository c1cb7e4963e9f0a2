import { describe, expect, it } from 'vitest';
import type { ManualClock } from '../../src/clock.js';
import { createScheduleFeature } from '../../src/features/schedule.js';
import { promptsFeature } from '../../src/features/prompts.js';
import { allFeatures } from '../../src/features/index.js';
import { buttonPress, mentionEvent, slackHarness, type SlackHarness } from './harness.js';
import { closedAfterEach } from '../helpers/opened.js';

const started = closedAfterEach(slackHarness);

const C1 = { platform: 'slack' as const, workspaceId: 'T1', conversationId: 'C1' };
let seq = 0;

/** Mentions the bot in C1 as `user` and waits until the answer has gone out. */
async function say(h: SlackHarness, user: string, text: string): Promise<void> {
  seq += 1;
  await h.event(mentionEvent(text, { user, ts: `1700000300.${String(seq).padStart(6, '0')}` }));
  await h.adapter.idle();
}

/** The text of everything sent to one person privately (ephemeral) since `from`. */
const privateTo = (h: SlackHarness, user: string, from = 0) =>
  h.fake.calls.slice(from).filter((c) => c.method === 'chat.postEphemeral' && c.args.user === user).map((c) => JSON.stringify(c.args.blocks)).join('\n');

describe('who may change a channel\'s settings (Slack, through Bolt and the fake Web API)', () => {
  it('only the person who set a schedule, workspace admins/owners and ADMIN_USERS may change it; status says who set it', async () => {
    const h = await started({ features: allFeatures() });
    h.fake.users.set('U1', { profile: { display_name: 'Alex' } });
    h.fake.users.set('UADMIN', { is_admin: true, profile: { display_name: 'Ines' } });
    h.core.ctx.settings.adminUsers = ['UBOSS'];

    await say(h, 'U1', 'schedule weekly monday 09:30');
    expect((await h.store.subscriptions.forConversation(C1, 'prompt'))?.createdBy).toBe('U1');

    // Someone else: refused privately, with who can; nothing changes.
    let mark = h.fake.calls.length;
    await say(h, 'U2', 'schedule off');
    expect(privateTo(h, 'U2', mark)).toMatch(/Only Alex, who set this channel's prompt schedule here, workspace admins and owners, or the bot's administrators \(ADMIN_USERS\) can change it/);
    for (const verb of ['pause', 'skip', 'schedule weekdays 10:00']) await say(h, 'U2', verb);
    const sub = await h.store.subscriptions.forConversation(C1, 'prompt');
    expect(sub).toMatchObject({ createdBy: 'U1', ruleText: expect.stringMatching(/Monday/), paused: false });
    expect(sub?.skipSlot).toBeUndefined();
    // users.info was asked about the person trying (not an admin) and about the setter (for the name).
    expect(h.fake.callsTo('users.info').map((c) => c.args.user)).toEqual(expect.arrayContaining(['U2', 'U1']));

    // status names who set it and when.
    mark = h.fake.calls.length;
    await say(h, 'U2', 'status');
    const status = JSON.stringify(h.fake.calls.slice(mark).filter((c) => c.method === 'chat.postMessage').map((c) => c.args.blocks));
    expect(status).toMatch(/Alex, on Monday 23 November/);

    // A workspace admin may; so may someone in ADMIN_USERS.
    await say(h, 'UADMIN', 'pause');
    expect((await h.store.subscriptions.forConversation(C1, 'prompt'))?.paused).toBe(true);
    await say(h, 'UBOSS', 'schedule off');
    expect(await h.store.subscriptions.forConversation(C1, 'prompt')).toBeUndefined();

    // Digest and welcome: the same rule.
    await say(h, 'U1', 'digest weekly friday 15:00');
    await say(h, 'U1', 'welcome on');
    mark = h.fake.calls.length;
    await say(h, 'U2', 'digest off');
    await say(h, 'U2', 'welcome off');
    expect(privateTo(h, 'U2', mark)).toMatch(/who set this channel's story digest here/);
    expect(privateTo(h, 'U2', mark)).toMatch(/who set this channel's welcome here/);
    expect(await h.store.subscriptions.forConversation(C1, 'digest')).toMatchObject({ createdBy: 'U1' });
    expect(await h.store.storyChannels.get(C1)).toMatchObject({ welcome: true, welcomeSetBy: 'U1' });
  });

  it('in a channel a schedule fires at most once a day unless an admin sets it', async () => {
    const h = await started({ features: allFeatures() });
    h.fake.users.set('UADMIN', { is_owner: true });
    const mark = h.fake.calls.length;
    await say(h, 'U1', 'schedule cron "* * * * *"');
    await say(h, 'U1', 'schedule cron "0 9,17 * * 1-5"');
    expect(privateTo(h, 'U1', mark)).toMatch(/a schedule runs at most once a day; that rule runs more often/);
    expect(await h.store.subscriptions.forConversation(C1, 'prompt')).toBeUndefined();
    await say(h, 'U1', 'schedule cron "0 9 * * 1-5"');
    expect(await h.store.subscriptions.forConversation(C1, 'prompt')).toMatchObject({ cron: '0 9 * * 1-5' });
    await say(h, 'UADMIN', 'schedule cron "*/30 * * * *"');
    expect(await h.store.subscriptions.forConversation(C1, 'prompt')).toMatchObject({ cron: '*/30 * * * *', createdBy: 'UADMIN' });
  });
});

describe('"Another question" on a scheduled prompt (Slack)', () => {
  it('answers only the person who pressed it, ephemerally, and posts nothing to the channel', async () => {
    const schedule = createScheduleFeature({ tick: false });
    const h = await started({ features: [promptsFeature, schedule] });
    await h.core.start();
    await say(h, 'U1', 'schedule weekly monday 09:30');
    const clock = h.core.ctx.clock as ManualClock;
    clock.set('2026-11-23T09:30:20Z');
    await schedule.scheduler()!.runDue(clock.now());
    const scheduled = await h.fake.waitFor('chat.postMessage', (c) => (c.args.metadata as { event_type?: string } | undefined)?.event_type === 'moodmusic_prompt');
    const another = (scheduled.args.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value?: string }> }>)
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id?.endsWith(':prompt.another'))!;
    const posts = h.fake.callsTo('chat.postMessage').length;

    await h.interact(buttonPress('C1', { action_id: another.action_id, value: another.value, label: 'Another question' }, scheduled, { user: { id: 'U7', team_id: 'T1' } }));
    await h.adapter.idle();
    const ephemeral = await h.fake.waitFor('chat.postEphemeral');
    expect(ephemeral.args).toMatchObject({ channel: 'C1', user: 'U7' });
    expect(JSON.stringify(ephemeral.args.blocks)).toMatch(/Another question/);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(posts);
  });
});
