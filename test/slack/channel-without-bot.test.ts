import { describe, expect, it } from 'vitest';
import type { RecordedCall } from './fake-slack-api.js';
import { buttonPress, slackHarness } from './harness.js';
import { closedAfterEach } from '../helpers/opened.js';

const started = closedAfterEach(slackHarness);

function anotherButton(call: RecordedCall): { action_id: string; value?: string } {
  for (const block of call.args.blocks as Array<{ elements?: Array<{ action_id?: string; value?: string }> }>) {
    for (const el of block.elements ?? []) if (el.action_id && /^b\d+:prompt\.another$/.test(el.action_id)) return el as { action_id: string; value?: string };
  }
  throw new Error('no Another question button');
}

describe('a channel the bot is not a member of', () => {
  it('answers a button on a slash-command reply through its response_url when the Web API refuses the channel', async () => {
    const h = await started();
    // /moodmusic works in any channel; its answer goes through the response_url, not the Web API.
    await h.command({ text: 'prompt purpose', channel_id: 'C9', channel_name: 'elsewhere', response_url: h.fake.responseUrl('cmd') });
    const first = await h.fake.waitFor('response_url', (c) => c.args.id === 'cmd');
    expect(first.args.response_type).toBe('in_channel');
    const button = anotherButton(first);

    // "Another question" answers only the presser: ephemeral, which the Web API refuses in this channel.
    h.fake.failNext('chat.postEphemeral', { error: 'not_in_channel' });
    await h.interact(buttonPress('C9', { ...button, label: 'Another question' }, first, { response_url: h.fake.responseUrl('btn') }));
    const answered = await h.fake.waitFor('response_url', (c) => c.args.id === 'btn');
    await h.adapter.idle();
    expect(answered.args.response_type).toBe('ephemeral');
    expect(answered.args.replace_original).toBe(false);
    expect(JSON.stringify(answered.args.blocks)).toMatch(/A question on purpose/);
  });

  it('keeps a private answer private on that fallback (ephemeral, never in_channel)', async () => {
    const h = await started();
    h.fake.failNext('chat.postEphemeral', { error: 'channel_not_found' });
    // A button whose action the core no longer knows: the core answers privately.
    await h.interact(
      buttonPress('C9', { action_id: 'b0:retired.button', value: 'x', label: 'Old' }, undefined, {
        container: { type: 'message', message_ts: '1700000001.000001', channel_id: 'C9', is_ephemeral: true },
        response_url: h.fake.responseUrl('old'),
      }),
    );
    const answered = await h.fake.waitFor('response_url', (c) => c.args.id === 'old');
    await h.adapter.idle();
    expect(answered.args.response_type).toBe('ephemeral');
    expect(JSON.stringify(answered.args.blocks)).toMatch(/no longer active/);
  });
});
