import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freshPostgresUrl, postgresAvailable } from '../store/stores.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCHEDULED = /moodmusic in #shell \(scheduled\):/g;

interface Bot {
  child: ChildProcessWithoutNullStreams;
  out: () => string;
  err: () => string;
  exited: Promise<number | null>;
}

const bots: Bot[] = [];
afterEach(() => {
  for (const b of bots.splice(0)) if (b.child.exitCode === null) b.child.kill('SIGKILL');
});

/** The real bot process (shell adapter) on a shared PostgreSQL, its stdin kept open. */
function startBot(databaseUrl: string): Bot {
  const child = spawn(process.execPath, ['bin/moodmusic.js', 'start'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', DATABASE_URL: databaseUrl, ADAPTERS: 'shell' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const bot = { child, out: () => stdout, err: () => stderr, exited };
  bots.push(bot);
  return bot;
}

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('scheduled prompts through the real bot process', () => {
  // Real time: the ticker fires two seconds past each minute, so this takes up to a minute.
  it.skipIf(!postgresAvailable())('two shell bots on one PostgreSQL: `schedule cron "* * * * *"` shows one scheduled prompt, once', { timeout: 90_000 }, async () => {
    const url = await freshPostgresUrl();
    const a = startBot(url);
    const b = startBot(url);
    a.child.stdin.write('schedule cron "* * * * *" UTC\n');
    await waitFor(() => /Next prompt:/.test(a.out()), 15_000);
    expect(a.out()).toContain('Scheduled: a question here on the cron schedule "* * * * *", UTC time.');
    const count = () => (a.out().match(SCHEDULED)?.length ?? 0) + (b.out().match(SCHEDULED)?.length ?? 0);
    await waitFor(() => count() > 0, 75_000);
    // Both tickers fire at the same second; give the loser time to (wrongly) post too.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    expect(count()).toBe(1);
    a.child.stdin.end();
    b.child.stdin.end();
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);
    expect(a.err() + b.err()).toBe('');
  });
});
