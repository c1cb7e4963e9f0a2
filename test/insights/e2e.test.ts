import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, startBotUntil } from '../helpers/bot.js';
import { tempDir } from '../helpers/temp.js';
import { FakeSlackApi } from '../slack/fake-slack-api.js';
import { BOT, TEAM, eventEnvelope, mentionEvent, postSigned } from '../slack/harness.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('insights through the real Slack process', () => {
  it('answers insights privately with a link that the same server serves, and refuses a forged one', async () => {
    const fake = await new FakeSlackApi('xoxb-test', { userId: BOT, botId: 'BBOT', teamId: TEAM }).start();
    cleanups.push(() => fake.close());
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const port = await freePort();
    const bot = await startBotUntil(
      {
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: 's',
        SLACK_API_URL: fake.apiUrl,
        SLACK_PORT: String(port),
        ADAPTERS: 'slack',
        SQLITE_PATH: path.join(tmp.dir, 'slack.db'),
        INSIGHTS_SECRET: 'e2e-insights-secret-0123456789',
      },
      'slack adapter listening',
    );
    cleanups.push(() => void bot.child.kill('SIGKILL'));

    await postSigned(port, eventEnvelope(mentionEvent('insights'), 'EvI'), 'application/json', { secret: 's' });
    const answer = await fake.waitFor('chat.postEphemeral', (c) => c.args.channel === 'C1');
    const link = /<(http:\/\/127\.0\.0\.1:\d+\/insights\?t=[^|>]+)\|/.exec(JSON.stringify(answer.args.blocks))?.[1];
    expect(link).toBeDefined();
    const page = await fetch(link!.replace(/&amp;/g, '&'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<svg class="chart"');

    const forged = await fetch(`http://127.0.0.1:${port}/insights?t=${encodeURIComponent('e30.' + 'A'.repeat(43))}`);
    expect(forged.status).toBe(403);

    bot.child.kill('SIGTERM');
    expect(await bot.exit).toBe(0);
    // The bot never logs a link token (a token in a log file would be a working link for an hour).
    expect(bot.stderr()).not.toContain(new URL(link!).searchParams.get('t')!);
  }, 60_000);
});
