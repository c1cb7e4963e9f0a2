import { describe, expect, it } from 'vitest';
import { TEAM, slackHarness } from '../slack/harness.js';
import { closedAfterEach } from '../helpers/opened.js';

const started = closedAfterEach(slackHarness);

describe('the Slack App Home summary', () => {
  it("shows only the person's own channels, with counts and small counts hidden", async () => {
    const h = await started();
    h.fake.memberChannels = [
      { id: 'C1', name: 'general' },
      { id: 'C2', name: 'quiet-room' },
    ];
    const prompts = h.core.ctx.prompts.eligible('channel');
    const seed = async (channel: string, n: number, replies: number) => {
      const ref = { platform: 'slack' as const, workspaceId: TEAM, conversationId: channel };
      for (let i = 0; i < n; i++) {
        await h.store.posts.record({ ...ref, messageId: `${channel}-${i}`, kind: 'prompt', promptId: prompts[i]!.id });
        for (let r = 0; r < replies; r++) await h.store.posts.countEngagement(ref, `${channel}-${i}`, 'replies');
      }
    };
    await seed('C1', 4, 2); // 8 replies
    await seed('C2', 2, 0); // none
    await seed('C9', 5, 5); // a channel this person is not in
    await h.event({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home' });
    const publish = await h.fake.waitFor('views.publish');
    const conversationsCall = h.fake.callsTo('users.conversations')[0];
    expect(conversationsCall?.args.user).toBe('U1');
    const text = JSON.stringify(publish.args.view);
    expect(text).toContain('#general: 4 prompts, 8 replies');
    expect(text).toContain('#quiet-room: 2 prompts, fewer than 3 replies');
    expect(text).not.toContain('C9');
    expect(text).toMatch(/prompt \[theme\]/); // the help is still there
  });
});
