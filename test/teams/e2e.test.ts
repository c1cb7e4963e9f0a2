import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/bot.js';
import { tempDir } from '../helpers/temp.js';
import { startFakeConnector, type FakeConnector } from './fake-connector.js';
import { BOT, CHANNEL, TENANT, activity, cardText, channelMention } from './harness.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Resolves once `text` has appeared on the stream (the bot logs when its endpoint is listening). */
function waitForOutput(child: ChildProcess, text: string, output: { stderr: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (output.stderr.includes(text)) resolve();
    };
    child.stderr?.on('data', check);
    child.on('exit', (code) => reject(new Error(`bot exited (${code}) before "${text}":\n${output.stderr}`)));
    check();
  });
}

describe('Teams end to end: ADAPTERS=teams node bin/moodmusic.js start', () => {
  let child: ChildProcess | undefined;
  let connector: FakeConnector | undefined;
  const cleanups: Array<() => void> = [];

  afterEach(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await connector?.close();
    cleanups.splice(0).forEach((c) => c());
  });

  it('answers a mention of help and a bot-added update through the connector, then exits 0 on SIGTERM', async () => {
    connector = await startFakeConnector();
    const tmp = tempDir('moodmusic-teams-e2e-');
    cleanups.push(tmp.cleanup);
    const port = await freePort();
    const output = { stderr: '' };
    child = spawn(process.execPath, ['bin/moodmusic.js', 'start'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ADAPTERS: 'teams', TEAMS_PORT: String(port), SQLITE_PATH: path.join(tmp.dir, 'bot.db'), LOG_FORMAT: 'json' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr!.on('data', (d: Buffer) => (output.stderr += d.toString()));
    await waitForOutput(child, 'adapter started', output);
    expect(output.stderr).toContain(`http://127.0.0.1:${port}/api/messages`);

    const endpoint = `http://127.0.0.1:${port}/api/messages`;
    const post = (body: unknown) => fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

    const mention = channelMention(connector.url, 'help');
    expect((await post(mention)).status).toBe(200);
    const [reply] = connector.activities();
    expect(reply).toMatchObject({ kind: 'reply', conversationId: `${CHANNEL};messageid=${mention.id}` });
    expect(cardText(reply!)).toContain('reframe QUESTION');

    const added = activity(connector.url, {
      type: 'conversationUpdate',
      membersAdded: [BOT],
      conversation: { id: CHANNEL, conversationType: 'channel', tenantId: TENANT, isGroup: true, name: '' },
    });
    expect((await post(added)).status).toBe(200);
    expect(cardText(connector.activities()[1]!)).toContain("Hello, I'm moodmusic");

    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

    const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
