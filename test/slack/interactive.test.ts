import { describe, expect, it } from 'vitest';
import type { Feature } from '../../src/core/types.js';
import { allFeatures } from '../../src/features/index.js';
import { reply, type Reply } from '../../src/model/reply.js';
import type { RecordedCall } from './fake-slack-api.js';
import { TEAM, buttonPress, mentionEvent, slackHarness, type SlackHarness } from './harness.js';
import { closedAfterEach } from '../helpers/opened.js';

const started = closedAfterEach(slackHarness);
const harness = (features?: Feature[]): Promise<SlackHarness> => started(features ? { features } : {});

/**
 * A stand-in for the review feature with the same contract: bare `review` answers with the plan form,
 * submitting it answers privately with the review.
 */
const reviewStandIn: Feature = {
  name: 'review-stand-in',
  commands: {
    review: async (intent) =>
      intent.plan.trim()
        ? [reply([{ type: 'text', text: `Reviewed: ${intent.plan}` }])]
        : [
            reply([
              {
                type: 'form',
                id: 'review.form',
                title: 'Tell me about your meeting plan',
                submitLabel: 'Review my plan',
                fields: [
                  { id: 'question', label: 'What is the question or purpose?', multiline: true },
                  { id: 'who', label: 'Who is coming?', multiline: true },
                  { id: 'count', label: 'How many people?' },
                  { id: 'duration', label: 'How long?' },
                  { id: 'agenda', label: 'The agenda or format', multiline: true, optional: true },
                  { id: 'after', label: 'What happens after?', multiline: true, optional: true },
                ],
              },
            ]),
          ],
  },
  actions: {
    'review.form': async (message): Promise<Reply[]> => [
      reply(
        [
          { type: 'header', text: 'Your meeting plan' },
          { type: 'text', text: `Purpose: ${message.action?.values?.question ?? ''}` },
          { type: 'list', items: ['Who else is affected by this and not yet invited?'] },
        ],
        { visibility: 'private' },
      ),
    ],
  },
};

const blocksOf = (call: RecordedCall) => call.args.blocks as Array<Record<string, unknown>>;

function buttonIn(call: RecordedCall, actionIdPattern: RegExp): { action_id: string; value?: string } {
  for (const block of [...blocksOf(call)]) {
    const elements = (block.elements as Array<Record<string, unknown>> | undefined) ?? (block.accessory ? [block.accessory as Record<string, unknown>] : []);
    for (const el of elements) if (typeof el.action_id === 'string' && actionIdPattern.test(el.action_id)) return el as { action_id: string; value?: string };
  }
  throw new Error(`no button matching ${actionIdPattern} in ${JSON.stringify(call.args.blocks)}`);
}

describe('slash command, buttons and modals', () => {
  it('acks /moodmusic help within 3 s and answers through the response_url', async () => {
    const h = await harness();
    const res = await h.command({ text: 'help', response_url: h.fake.responseUrl('help') });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    const answer = await h.fake.waitFor('response_url', (c) => c.args.id === 'help');
    expect(JSON.stringify(answer.args.blocks)).toMatch(/prompt \[theme\]/);
    expect(['in_channel', 'ephemeral']).toContain(answer.args.response_type);
  });

  it('acks before the work is done, even when the work is slow', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: Feature = { name: 'slow', commands: { status: async () => (await gate, [reply([{ type: 'text', text: 'done' }])]) } };
    const h = await harness([...allFeatures(), slow]);
    const res = await h.command({ text: 'status', response_url: h.fake.responseUrl('slow') });
    expect(res.status).toBe(200);
    expect(h.fake.callsTo('response_url')).toHaveLength(0);
    release();
    await h.fake.waitFor('response_url', (c) => c.args.id === 'slow');
  });

  it('runs the modal round trip: bare review opens the form, the result comes privately, share posts it', async () => {
    const h = await harness([...allFeatures(), reviewStandIn]);
    await h.command({ text: 'review', trigger_id: 'trig-9', response_url: h.fake.responseUrl('rv') });
    const opened = await h.fake.waitFor('views.open');
    expect(opened.args.trigger_id).toBe('trig-9');
    const view = opened.args.view as { type: string; callback_id: string; private_metadata: string; title: { text: string }; blocks: Array<{ block_id: string; element: { action_id: string } }> };
    expect(view.type).toBe('modal');
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(view.blocks.map((b) => b.block_id)).toEqual(['field:question', 'field:who', 'field:count', 'field:duration', 'field:agenda', 'field:after']);

    const values = Object.fromEntries(
      view.blocks.map((b) => [b.block_id, { [b.element.action_id]: { type: 'plain_text_input', value: b.block_id === 'field:question' ? 'What to do about youth <!channel> crime?' : 'x' } }]),
    );
    const submitted = await h.interact({
      type: 'view_submission',
      team: { id: TEAM, domain: 'fake' },
      user: { id: 'U1', team_id: TEAM },
      api_app_id: 'A1',
      trigger_id: 'trig-10',
      view: { ...view, id: 'V1', state: { values } },
    });
    expect(submitted.status).toBe(200);
    const dm = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'D1');
    expect(h.fake.callsTo('conversations.open')[0]?.args.users).toBe('U1');
    expect(JSON.stringify(dm.args.blocks)).toContain('What to do about youth &lt;!channel&gt; crime?');
    const shareButton = buttonIn(dm, /^mm-share$/);
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C1')).toHaveLength(0);

    await h.interact({
      type: 'block_actions',
      team: { id: TEAM, domain: 'fake' },
      user: { id: 'U1', team_id: TEAM },
      api_app_id: 'A1',
      trigger_id: 'trig-11',
      container: { type: 'message', message_ts: '1700000001.000001', channel_id: 'D1', is_ephemeral: false },
      channel: { id: 'D1', name: 'directmessage' },
      message: { type: 'message', ts: '1700000001.000001', text: dm.args.text, blocks: dm.args.blocks },
      actions: [{ type: 'button', block_id: 'mm-share', action_id: shareButton.action_id, value: shareButton.value, text: { type: 'plain_text', text: 'Share in channel' } }],
      response_url: h.fake.responseUrl('share'),
    });
    const shared = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'C1');
    expect(JSON.stringify(shared.args.blocks)).toContain('Your meeting plan');
    expect(JSON.stringify(shared.args.blocks)).not.toContain('mm-share');
    await h.fake.waitFor('chat.update', (c) => c.args.channel === 'D1');
  });

  it('renders a form in a reply to a mention as a button that opens the modal', async () => {
    const h = await harness([...allFeatures(), reviewStandIn]);
    await h.event(mentionEvent('review'));
    const post = await h.fake.waitFor('chat.postMessage');
    const open = buttonIn(post, /^form\d+$/);
    await h.interact(buttonPress('C1', open, post, { trigger_id: 'trig-20' }));
    const opened = await h.fake.waitFor('views.open');
    expect(opened.args.trigger_id).toBe('trig-20');
    expect(JSON.parse((opened.args.view as { private_metadata: string }).private_metadata)).toMatchObject({ formId: 'review.form', channel: 'C1' });
  });

  it('turns a core button press into the core action and posts the answer', async () => {
    const h = await harness();
    await h.event(mentionEvent('prompt purpose'));
    const first = await h.fake.waitFor('chat.postMessage');
    const another = buttonIn(first, /^b\d+:prompt\.another$/);
    await h.interact(buttonPress('C1', { ...another, label: 'Another question' }, first));
    // The next question goes to the person who pressed, not to the whole channel.
    const answer = await h.fake.waitFor('chat.postEphemeral');
    await h.adapter.idle();
    expect(answer.args).toMatchObject({ channel: 'C1', user: 'U1' });
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(answer.args.text).not.toBe(first.args.text);
  });

  it('replaces the message whose choice button was pressed (chat.update), then posts what follows', async () => {
    const h = await harness();
    await h.event({ type: 'message', channel: 'D1', channel_type: 'im', user: 'U1', text: 'story', ts: '1700000200.000200' });
    const welcome = await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'D1');
    const anonymous = buttonIn(welcome, /^b\d+:story\.consent$/);
    expect(JSON.stringify(welcome.args.blocks)).toContain('With my name');
    await h.interact(buttonPress('D1', { ...anonymous, value: 'anonymous', label: 'Anonymous' }, welcome));
    const update = await h.fake.waitFor('chat.update', (c) => c.args.channel === 'D1');
    await h.adapter.idle();
    expect(update.args.ts).toBe('1700000001.000001');
    expect(String(update.args.text)).toMatch(/Your choice: Share anonymously/);
    expect(JSON.stringify(update.args.blocks)).not.toContain('story.consent');
    const after = h.fake.callsTo('chat.postMessage').filter((c) => c !== welcome);
    expect(after.map((c) => String(c.args.text)).join('\n')).not.toMatch(/Your choice/);
    expect(after).toHaveLength(1);
  });
});
