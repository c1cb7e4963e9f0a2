import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { READING_PLAN } from '../../src/features/review.js';
import { mentionEvent, slackHarness, type SlackHarness } from './harness.js';

const PLAN = 'Away day for forty colleagues from the housing team to explore how tenants could shape the repairs service. 10:00-15:00.';
const FACTS = {
  genre: { value: 'invitation', forwardLooking: true, evidence: [] },
  purpose: { stated: 'yes', evidence: ['to explore how tenants could shape the repairs service'] },
  framing: { text: null, deficit: false, evidence: [] },
  invitees: { stated: true, evidence: ['forty colleagues from the housing team'] },
  attendance: { kind: 'stated', min: 40, max: 40, evidence: ['forty colleagues'] },
  session: { minutes: 300, evidence: ['10:00-15:00'] },
  format: {},
  outcome: { fixed: 'unknown', evidence: [] },
  followUp: { kind: 'unknown', evidence: [] },
  setting: { mode: 'unknown', roomDescribed: false, evidence: [] },
  representatives: { value: 'unknown', evidence: [] },
  words: 0,
};

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** A fake OpenAI-compatible endpoint on 127.0.0.1 that answers with the facts above. */
async function fakeModel(): Promise<string> {
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ choices: [{ message: { content: JSON.stringify(FACTS) } }] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

async function harness(url: string): Promise<SlackHarness> {
  const h = await slackHarness({ settings: { reviewLlm: { url, model: 'test-model', timeoutMs: 2_000 } } });
  cleanups.push(() => h.close());
  return h;
}

describe('review with a language model, in Slack', () => {
  it('answers at once with "Reading your plan..." in the thread, then updates that message with the review', async () => {
    const h = await harness(await fakeModel());
    expect((await h.event(mentionEvent(`review ${PLAN}`))).status).toBe(200);
    const placeholder = await h.fake.waitFor('chat.postMessage');
    expect(JSON.stringify(placeholder.args.blocks)).toContain(READING_PLAN);
    expect(placeholder.args.thread_ts).toBe('1700000100.000100');
    const update = await h.fake.waitFor('chat.update');
    expect(update.args.channel).toBe('C1');
    // The placeholder is the only message the bot posted in the thread, so the update edits that one.
    expect(typeof update.args.ts).toBe('string');
    expect(update.args.ts).not.toBe('1700000100.000100');
    expect(JSON.stringify(update.args.blocks)).toMatch(/40 people/);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(h.logs.join('')).not.toContain('housing team');
  });
  it('with the model unreachable, the update carries the rule review', async () => {
    const h = await harness('http://127.0.0.1:9/v1');
    await h.event(mentionEvent(`review ${PLAN}`));
    const update = await h.fake.waitFor('chat.update');
    expect(JSON.stringify(update.args.blocks)).toMatch(/Some thoughts on your meeting plan/);
    expect(h.logs.join('')).not.toContain('housing team');
  });
});
