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

/** A word that must never reach the log, whatever body carries it. */
const MARKER = 'zebraquartz';

/** Every JSON shape that is not an Events API envelope or interaction payload. */
const JSON_BODIES = [
  'null',
  '5',
  '-1.5e3',
  'true',
  `"${MARKER}"`,
  '[]',
  `[null, "${MARKER}"]`,
  '{}',
  '{"type":null}',
  '{"type":5}',
  '{"type":""}',
  '{"type":"event_callback"}',
  '{"type":"event_callback","event":null}',
  '{"type":"event_callback","event":5}',
  `{"type":"event_callback","event":["${MARKER}"]}`,
  '{"type":"event_callback","event":{"type":null}}',
  '{"type":"event_callback","event":{"type":"app_mention"},"authorizations":[null]}',
  '{"type":"block_actions","user":null,"actions":5}',
  `{"type":"block_actions","user":"${MARKER}"}`,
  `not json ${MARKER}`,
  '',
];

/** Form bodies Slack never sends: interaction payloads of the wrong shape, and form garbage. */
const FORM_BODIES = [
  'payload=null',
  'payload=5',
  'payload=%5B%5D',
  'payload=%22x%22',
  'payload=%7B%7D',
  `payload=${MARKER}`,
  'payload=%7B%22type%22%3A%22block_actions%22%2C%22user%22%3A7%7D',
  'payload=%7B%7D&payload=%7B%7D',
  `a=${MARKER}`,
  '',
  '%%%',
  'command=%2Fmoodmusic',
];

describe('malformed but signed bodies of every shape get 400, and the process stays up', () => {
  it('Slack: every JSON and form shape is refused with 400, unsigned ones with 401, and a real mention is still answered', async () => {
    const fake = await new FakeSlackApi('xoxb-test', { userId: 'UBOT', botId: 'BBOT', teamId: 'T1' }).start();
    rig.defer(() => fake.close());
    const dir = rig.dir();
    const port = await freePort();
    const bot = rig.bot({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: fake.apiUrl, SLACK_PORT: String(port), SQLITE_PATH: path.join(dir, 'bot.db') });
    await bot.waitForLine('slack adapter listening');

    const statuses: Record<string, number> = {};
    for (const body of JSON_BODIES) statuses[`json ${body}`] = (await postSigned(port, body, 'application/json', { secret: 's' })).status;
    for (const body of FORM_BODIES) statuses[`form ${body}`] = (await postSigned(port, body, 'application/x-www-form-urlencoded', { secret: 's' })).status;
    expect(Object.entries(statuses).filter(([, status]) => status !== 400)).toEqual([]);
    // Without a valid signature the answer stays 401, whatever the body.
    expect((await postSigned(port, 'null', 'application/json', { secret: 'wrong' })).status).toBe(401);
    expect((await postSigned(port, 'payload=null', 'application/x-www-form-urlencoded', { secret: 'wrong' })).status).toBe(401);

    expect(bot.child.exitCode).toBeNull();
    expect((await postSigned(port, eventEnvelope(mentionEvent('help'), 'EvAlive'), 'application/json', { secret: 's' })).status).toBe(200);
    await fake.waitFor('chat.postMessage', (c) => c.args.channel === 'C1');

    bot.child.kill('SIGTERM');
    expect((await bot.exit).code).toBe(0);
    const lines = bot.lines();
    expect(nonJsonLines(lines)).toEqual([]);
    expect(lines.join('\n')).not.toContain(MARKER);
    // One warning per refused request, at most ten a minute, then one line counting the rest.
    const refused = lines.filter((l) => l.includes('slack request rejected'));
    expect(refused.length).toBeLessThanOrEqual(11);
    console.info(`slack: ${Object.keys(statuses).length} signed malformed bodies, all 400; ${refused.length} warning lines; process alive, exit 0`);
  }, 60_000);

  it('Teams: every JSON shape that is not an activity is refused with 400, and a real mention is still answered', async () => {
    const connector = await startFakeConnector();
    rig.defer(() => connector.close());
    const dir = rig.dir();
    const port = await freePort();
    const bot = rig.bot({ ADAPTERS: 'teams', TEAMS_PORT: String(port), SQLITE_PATH: path.join(dir, 'bot.db') });
    await bot.waitForLine('adapter started');
    const endpoint = `http://127.0.0.1:${port}/api/messages`;
    const post = async (body: string) => (await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status;

    const valid = channelMention(connector.url, 'help') as Record<string, unknown>;
    const broken = [
      // (A body with a string type is an activity, perhaps of a kind the bot ignores: 200 is right for it.)
      ...JSON_BODIES.filter((b) => !/"type":"[a-z]/.test(b)),
      JSON.stringify({ ...valid, conversation: null }),
      JSON.stringify({ ...valid, conversation: { id: 5 } }),
      JSON.stringify({ ...valid, from: MARKER }),
      JSON.stringify({ ...valid, entities: [null] }),
      JSON.stringify({ ...valid, membersAdded: 5 }),
      JSON.stringify({ ...valid, text: { [MARKER]: 1 } }),
      JSON.stringify({ ...valid, serviceUrl: 7 }),
      JSON.stringify({ ...valid, channelData: [] }),
    ];
    const statuses: Record<string, number> = {};
    for (const body of broken) statuses[body.slice(0, 80)] = await post(body);
    expect(Object.entries(statuses).filter(([, status]) => status !== 400)).toEqual([]);

    expect(bot.child.exitCode).toBeNull();
    expect(await post(JSON.stringify(valid))).toBe(200);
    expect(connector.activities()).toHaveLength(1);

    bot.child.kill('SIGTERM');
    expect((await bot.exit).code).toBe(0);
    const lines = bot.lines();
    expect(nonJsonLines(lines)).toEqual([]);
    expect(lines.join('\n')).not.toContain(MARKER);
    expect(lines.filter((l) => l.includes('teams request rejected')).length).toBeLessThanOrEqual(11);
    console.info(`teams: ${broken.length} malformed bodies, all 400; process alive, exit 0`);
  }, 60_000);

  it('Teams with an app id: 300 requests with missing or bogus tokens get 401 and a few JSON lines, no stack traces', async () => {
    const connector = await startFakeConnector();
    rig.defer(() => connector.close());
    const dir = rig.dir();
    const port = await freePort();
    const bot = rig.bot({
        MicrosoftAppId: '00000000-0000-4000-8000-000000000001',
        MicrosoftAppPassword: 'not-a-real-secret',
        TEAMS_PORT: String(port),
        SQLITE_PATH: path.join(dir, 'bot.db'),
      });
    await bot.waitForLine('adapter started');
    const endpoint = `http://127.0.0.1:${port}/api/messages`;
    const body = JSON.stringify(channelMention(connector.url, `help ${MARKER}`));
    const statuses = new Set<number>();
    for (let i = 0; i < 300; i += 1) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (i % 2) headers.authorization = `Bearer not.a.jwt${i}`;
      statuses.add((await fetch(endpoint, { method: 'POST', headers, body })).status);
    }
    expect([...statuses]).toEqual([401]);
    expect(connector.calls).toEqual([]);

    bot.child.kill('SIGTERM');
    expect((await bot.exit).code).toBe(0);
    const lines = bot.lines();
    expect(nonJsonLines(lines)).toEqual([]);
    expect(lines.join('\n')).not.toContain(MARKER);
    const bytes = lines.join('\n').length;
    expect(lines.length).toBeLessThan(30);
    console.info(`teams with app id: 300 refused requests, all 401; ${lines.length} log lines (${bytes} bytes) in all, every one JSON`);
  }, 60_000);
});
