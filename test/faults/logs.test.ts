import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../helpers/bot.js';
import { FakeSlackApi } from '../slack/fake-slack-api.js';
import { eventEnvelope, mentionEvent, postSigned } from '../slack/harness.js';
import { startFakeConnector } from '../teams/fake-connector.js';
import { channelMention } from '../teams/harness.js';
import { nonJsonLines } from './process.js';
import { faultRig } from './rig.js';

const rig = faultRig();

/** Words that are only ever in what people wrote, and in the bot's answers echoing them. */
const MARKER = 'zebraquartz';

describe('LOG_LEVEL=debug logs what happened, never what anybody wrote', () => {
  it('Slack over HTTP: the Web API bodies (which echo the message) are withheld, every line is JSON', async () => {
    const fake = await new FakeSlackApi('xoxb-test', { userId: 'UBOT', botId: 'BBOT', teamId: 'T1' }).start();
    rig.defer(() => fake.close());
    const dir = rig.dir();
    const port = await freePort();
    const bot = rig.bot({
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: 's',
        SLACK_API_URL: fake.apiUrl,
        SLACK_PORT: String(port),
        SQLITE_PATH: path.join(dir, 'bot.db'),
        LOG_LEVEL: 'debug',
      });
    await bot.waitForLine('slack adapter listening');
    // Unknown words are echoed in the short help; a review reads a whole plan.
    const sent = [`${MARKER} what to do about crime`, `review A two-hour ${MARKER} workshop for 40 people with a keynote`];
    for (const [i, text] of sent.entries()) {
      expect((await postSigned(port, eventEnvelope(mentionEvent(text, { channel: `C${i}` }), `Ev${i}`), 'application/json', { secret: 's' })).status).toBe(200);
    }
    const answers = await Promise.all(sent.map((_, i) => fake.waitFor('chat.postEphemeral', (c) => c.args.channel === `C${i}`).catch(() => fake.waitFor('chat.postMessage', (c) => c.args.channel === `C${i}`))));
    expect(JSON.stringify(answers[0]?.args)).toContain(MARKER);

    bot.child.kill('SIGTERM');
    expect((await bot.exit).code).toBe(0);
    const lines = bot.lines();
    expect(lines.filter((l) => l.includes('"level":"debug"')).length).toBeGreaterThan(5);
    expect(nonJsonLines(lines)).toEqual([]);
    expect(lines.filter((l) => l.includes(MARKER))).toEqual([]);
    expect(lines.some((l) => /http request body: \[\d+ characters withheld\]/.test(l))).toBe(true);
  }, 60_000);

  it('Teams: a turn at debug level logs no message text', async () => {
    const connector = await startFakeConnector();
    rig.defer(() => connector.close());
    const dir = rig.dir();
    const port = await freePort();
    const bot = rig.bot({ ADAPTERS: 'teams', TEAMS_PORT: String(port), SQLITE_PATH: path.join(dir, 'bot.db'), LOG_LEVEL: 'debug' });
    await bot.waitForLine('adapter started');
    const endpoint = `http://127.0.0.1:${port}/api/messages`;
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(channelMention(connector.url, `${MARKER} what to do about crime`)),
    });
    expect(res.status).toBe(200);
    expect(JSON.stringify(connector.activities())).toContain(MARKER);

    bot.child.kill('SIGTERM');
    expect((await bot.exit).code).toBe(0);
    expect(nonJsonLines(bot.lines())).toEqual([]);
    expect(bot.lines().filter((l) => l.includes(MARKER))).toEqual([]);
  }, 60_000);
});
