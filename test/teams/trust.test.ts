import { describe, expect, it } from 'vitest';
import type { Activity } from 'botbuilder';
import type { ManualClock } from '../../src/clock.js';
import { allFeatures } from '../../src/features/index.js';
import { promptsFeature } from '../../src/features/prompts.js';
import { createScheduleFeature } from '../../src/features/schedule.js';
import { CHANNEL, TENANT, USER, activity, cardText, channelMention, startHarness, type Harness } from './harness.js';
import { closedAfterEach } from '../helpers/opened.js';

const started = closedAfterEach(startHarness);

const C = { platform: 'teams' as const, workspaceId: TENANT, conversationId: CHANNEL };
const OTHER = { id: '29:user-2', name: 'Bo Other' };
const OWNER = { id: '29:owner', name: 'Olu Owner' };

async function say(h: Harness, from: { id: string; name: string }, text: string) {
  const mark = h.connector.calls.length;
  const res = await h.post({ ...channelMention(h.connector.url, text), from });
  expect(res.status).toBe(200);
  return h.connector.calls.slice(mark);
}

describe('who may change a channel\'s settings (Teams, through botbuilder and the fake connector)', () => {
  it('a non-owner cannot change another person\'s schedule; a team owner (from the roster) can', async () => {
    const h = await started({ features: allFeatures() });
    h.connector.members.set(USER.id, { name: USER.name, userRole: 'user' });
    h.connector.members.set(OTHER.id, { name: OTHER.name, userRole: 'user' });
    h.connector.members.set(OWNER.id, { name: OWNER.name, userRole: 'owner' });

    await say(h, USER, 'schedule weekly monday 09:30');
    expect((await h.store.subscriptions.forConversation(C, 'prompt'))?.createdBy).toBe(USER.id);

    const refused = await say(h, OTHER, 'schedule off');
    // The roster was asked about the person trying, in this conversation.
    expect(refused.filter((c) => c.kind === 'member').map((c) => c.path)).toContain(`/v3/conversations/${encodeURIComponent(CHANNEL)}/members/${encodeURIComponent(OTHER.id)}`);
    // The answer is private (their 1:1 chat), names who can, and nothing changed.
    const sent = refused.filter((c) => c.kind === 'send' || c.kind === 'reply');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.conversationId).toMatch(/^a:dm-/);
    expect(cardText(sent[0]!.body)).toMatch(/Only Ada Example, who set this channel's prompt schedule here, team owners, or the bot's administrators/);
    expect(await h.store.subscriptions.forConversation(C, 'prompt')).toMatchObject({ createdBy: USER.id });

    const status = await say(h, OTHER, 'status');
    expect(cardText(status.find((c) => c.kind === 'reply')!.body)).toMatch(/Ada Example, on Monday 23 November/);

    await say(h, OWNER, 'schedule off');
    expect(await h.store.subscriptions.forConversation(C, 'prompt')).toBeUndefined();
  });

  it('refuses a rule that fires more than once a day from a non-owner in a channel', async () => {
    const h = await started({ features: allFeatures() });
    h.connector.members.set(OWNER.id, { name: OWNER.name, userRole: 'owner' });
    const refused = await say(h, OTHER, 'schedule cron "* * * * *"');
    expect(cardText(refused.find((c) => c.kind === 'send')!.body)).toMatch(/at most once a day/);
    expect(await h.store.subscriptions.forConversation(C, 'prompt')).toBeUndefined();
    await say(h, OWNER, 'schedule cron "* * * * *"');
    expect(await h.store.subscriptions.forConversation(C, 'prompt')).toMatchObject({ createdBy: OWNER.id });
  });
});

describe('"Another question" on a scheduled prompt (Teams)', () => {
  it('answers the person who pressed it in their 1:1 chat, not in the channel', async () => {
    const schedule = createScheduleFeature({ tick: false });
    const h = await started({ features: [promptsFeature, schedule] });
    await h.core.start();
    await say(h, USER, 'schedule weekly monday 09:30');
    const clock = h.core.ctx.clock as ManualClock;
    clock.set('2026-11-23T09:30:20Z');
    await schedule.scheduler()!.runDue(clock.now());
    const scheduled = h.connector.calls.find((c) => c.kind === 'send' && c.conversationId === CHANNEL);
    expect(scheduled).toBeDefined();
    const mark = h.connector.calls.length;

    const press: Partial<Activity> = {
      ...activity(h.connector.url, {}),
      from: OTHER,
      conversation: { id: `${CHANNEL};messageid=msg-1`, conversationType: 'channel', tenantId: TENANT, isGroup: true, name: '' },
      channelData: { tenant: { id: TENANT }, team: { id: CHANNEL }, channel: { id: CHANNEL } },
      value: { moodmusicAction: 'prompt.another', value: 'purpose' },
    };
    expect((await h.post(press)).status).toBe(200);
    const after = h.connector.calls.slice(mark);
    expect(after.map((c) => c.kind)).toEqual(['create', 'send']);
    expect(after[1]!.conversationId).toMatch(/^a:dm-/);
    expect(cardText(after[1]!.body)).toMatch(/Another question/);
    expect(after.some((c) => c.conversationId?.startsWith(CHANNEL))).toBe(false);
  });
});
