import { afterEach, describe, expect, it } from 'vitest';
import { READING_PLAN } from '../../src/features/review.js';
import { activity, cardText, startHarness, type Harness } from './harness.js';

const PLAN = 'Away day for forty colleagues from the housing team to explore how tenants could shape the repairs service. 10:00-15:00.';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('review with a language model, in Teams', () => {
  it('posts "Reading your plan..." at once and updates that activity with the review (model unreachable: the rule review)', async () => {
    h = await startHarness({ settings: { reviewLlm: { url: 'http://127.0.0.1:9/v1', model: 'test-model', timeoutMs: 2_000 } } });
    const res = await h.post(activity(h.connector.url, { text: `review ${PLAN}` }));
    expect(res.status).toBe(200);
    const posted = h.connector.activities();
    expect(posted).toHaveLength(1);
    expect(cardText(posted[0]!)).toContain(READING_PLAN);
    const updates = h.connector.calls.filter((c) => c.kind === 'update');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.replyToId).toMatch(/^msg-/);
    expect(cardText(updates[0]!.body as Record<string, unknown>)).toMatch(/Some thoughts on your meeting plan/);
  });
});
