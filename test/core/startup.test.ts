import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { adapterStartedLine, noCredentialsLine } from '../../src/startup.js';
import { ROOT, freePort, runBot } from '../helpers/bot.js';
import { tempDir } from '../helpers/temp.js';
import { postgresAvailable } from '../store/stores.js';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function dbEnv(): Record<string, string> {
  const tmp = tempDir();
  cleanups.push(tmp.cleanup);
  return { SQLITE_PATH: path.join(tmp.dir, 'bot.db') };
}

describe('start-up with partial credentials stops with one line naming what is missing', () => {
  it.each([
    [{ SLACK_TOKEN: 'xoxb-typo', SLACK_APP_TOKEN: 'xapp-1' }, /^moodmusic: SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is missing \(SLACK_TOKEN is not a moodmusic variable\): copy the Bot User OAuth Token .*api\.slack\.com\/apps/],
    [{ SLACK_APP_TOKEN: 'xapp-1' }, /SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is missing: .*OAuth & Permissions/],
    [{ SLACK_SIGNING_SECRET: 'abc' }, /SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is missing/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, /SLACK_SIGNING_SECRET is missing: copy it from Basic Information .*SLACK_APP_TOKEN for Socket Mode/],
    [{ MicrosoftAppPassword: 'secret' }, /MicrosoftAppPassword is set but MicrosoftAppId is missing: copy the Microsoft App ID from your Azure Bot/],
    [{ MicrosoftAppId: 'id' }, /MicrosoftAppPassword is missing: create a client secret/],
  ])('%j -> exit 1', async (env, line) => {
    const result = await runBot('', { ...dbEnv(), ...env });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(line);
  });
});

describe('start-up against a PostgreSQL database that was never created', () => {
  it.skipIf(!postgresAvailable())('stops with one line saying to create it first', async () => {
    const url = new URL(inject('pgAdminUrl'));
    url.pathname = '/never_created';
    const result = await runBot('', { DATABASE_URL: url.toString() });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'moodmusic: cannot prepare the PostgreSQL at DATABASE_URL: database "never_created" does not exist (create the user and database first: createuser --pwprompt moodmusic; createdb --owner=moodmusic moodmusic; see Deploy in the README)',
    ]);
  });
});

describe('start-up with no credentials says so on stderr and starts the shell', () => {
  it('names the variables that would start Slack or Teams, and piped input still works', async () => {
    const result = await runBot('prompt purpose\n', dbEnv());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/A question on purpose/);
    const notice = JSON.parse(result.stderr.trim()) as { level: string; msg: string };
    expect(notice.level).toBe('warn');
    expect(notice.msg).toContain('No Slack or Teams credentials found, so the terminal shell is starting (reading commands from standard input; it ends when the input does).');
    for (const name of ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'MicrosoftAppId', 'MicrosoftAppPassword']) expect(notice.msg).toContain(name);
  });

  it('says it in plain words with LOG_FORMAT=pretty, and names stray variables', async () => {
    const result = await runBot('', { ...dbEnv(), LOG_FORMAT: 'pretty', MICROSOFT_APP_ID: 'x' });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^WARN {2}No Slack or Teams credentials found, so the terminal shell is starting/);
    expect(result.stderr).toContain('Not moodmusic variables, so ignored: MICROSOFT_APP_ID.');
  });

  it('on a terminal the line leaves out the standard-input remark', () => {
    expect(noCredentialsLine({}, true)).toBe(
      'No Slack or Teams credentials found, so the terminal shell is starting. For Slack set SLACK_BOT_TOKEN with SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP); for Teams set MicrosoftAppId with MicrosoftAppPassword (see .env.example).',
    );
  });
});

describe('one line per adapter started, with the variables that started it', () => {
  it('describes Slack in Socket Mode and over HTTP, and Teams with credentials', () => {
    const socket = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' };
    expect(adapterStartedLine('slack', readConfig(socket), socket)).toBe('Slack adapter started in Socket Mode (SLACK_BOT_TOKEN, SLACK_APP_TOKEN); /healthz on port 3000');
    const http = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_PORT: '3100' };
    expect(adapterStartedLine('slack', readConfig(http), http)).toBe('Slack adapter started over HTTP on port 3100 (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET): Slack posts to /slack/events');
    const teams = { MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw', MicrosoftAppType: 'MultiTenant' };
    expect(adapterStartedLine('teams', readConfig(teams), teams)).toBe('Teams adapter started on port 3978 (MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType=MultiTenant): Bot Framework posts to /api/messages');
  });

  it('the real process logs the Teams local-mode line, and bin/healthcheck.js finds its /healthz', async () => {
    const port = await freePort();
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...dbEnv(), ADAPTERS: 'teams', TEAMS_PORT: String(port), LOG_FORMAT: 'pretty' };
    const child = spawn(process.execPath, ['bin/moodmusic.js', 'start'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    cleanups.push(() => child.kill('SIGKILL'));
    let stderr = '';
    const started = new Promise<void>((resolve) =>
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (stderr.includes('Teams adapter started')) resolve();
      }),
    );
    await started;
    expect(stderr).toContain(`INFO  Teams adapter started in local mode on 127.0.0.1:${port} (ADAPTERS=teams, no MicrosoftAppId)`);
    const check = spawnSync(process.execPath, ['bin/healthcheck.js'], { cwd: ROOT, env, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    // The pages the Teams package points at by default: the README's privacy text, and the terms.
    const privacy = await fetch(`http://127.0.0.1:${port}/privacy`);
    expect(privacy.status).toBe(200);
    expect(privacy.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const privacyHtml = await privacy.text();
    expect(privacyHtml).toContain('<strong>Deleting.</strong>');
    expect(privacyHtml).toContain('<th>what</th><th>table</th><th>kept until</th>');
    expect(privacyHtml).toContain('<code>forget me</code>');
    const terms = await fetch(`http://127.0.0.1:${port}/terms`);
    expect(terms.status).toBe(200);
    expect(await terms.text()).toContain('Permission is hereby granted');
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const down = spawnSync(process.execPath, ['bin/healthcheck.js'], { cwd: ROOT, env, encoding: 'utf8' });
    expect(down.status).toBe(1);
    expect(down.stderr).toMatch(/teams \/healthz on port \d+ did not answer/);
  });

  it('bin/healthcheck.js fails, explained, when only the shell would run', () => {
    const check = spawnSync(process.execPath, ['bin/healthcheck.js'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('no HTTP adapter is configured');
  });
});
