import { describe, expect, it } from 'vitest';
import type { Feature } from '../../src/core/types.js';
import { allFeatures } from '../../src/features/index.js';
import { textReply } from '../../src/model/reply.js';
import { channelMention, startHarness } from './harness.js';
import { closedAfterEach } from '../helpers/opened.js';

const started = closedAfterEach(startHarness);

describe('Teams adapter shutdown', () => {
  it('finishes a turn in flight when stopped, then closes at once instead of waiting on keep-alive connections', async () => {
    let release!: () => void;
    let entered!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const slow: Feature = {
      name: 'slow',
      async intercept(message) {
        if (message.text !== 'slowpoke') return undefined;
        entered();
        await gate;
        return [textReply('done')];
      },
    };
    const h = await started({ features: [slow, ...allFeatures()] });
    // A kept-alive connection from an earlier request, as the Bot Framework service keeps them.
    await h.post(channelMention(h.connector.url, 'help'));
    const inFlight = h.post(channelMention(h.connector.url, 'slowpoke'));
    await inside;
    const stopped = h.adapter.stop();
    release();
    const released = performance.now();
    expect((await inFlight).status).toBe(200);
    await stopped;
    expect(performance.now() - released).toBeLessThan(1000);
    expect(h.connector.activities()).toHaveLength(2);
  });
});
