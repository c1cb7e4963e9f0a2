import { spawn } from 'node:child_process';
import { userInfo } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';

// Runs the built bot (dist/, built by test/setup/build.ts before the suite).
const ROOT = path.resolve(import.meta.dirname, '../..');
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function runBot(input: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/moodmusic.js', 'start'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

function shellName(): string {
  try {
    return userInfo().username || 'you';
  } catch {
    return 'you';
  }
}

describe('new-starter stories in the shell', () => {
  it('story → share anonymously → answer → digest now shows the story without the person\'s name', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const env = { SQLITE_PATH: path.join(tmp.dir, 'shell.db') };
    const answer = 'Everyone told me to ask Morwenna before sending anything to finance';
    const result = await runBot(`story\nshare anonymously\n${answer}\ndigest now\n`, env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toMatch(/opened a private conversation with you/);
    expect(out).toMatch(/\[2\] Share anonymously/);
    expect(out).toMatch(/Your choice: Share anonymously/);
    expect(out).toMatch(/Question 1 of 3/);
    expect(out).toMatch(/I have saved your story/);

    const digest = out.slice(out.indexOf('What new starters have noticed'));
    expect(out.indexOf('What new starters have noticed')).toBeGreaterThan(out.indexOf('I have saved your story'));
    expect(digest).toContain(`  > ${answer}`);
    expect(digest).not.toMatch(/shell-user/);
    const name = shellName();
    if (name.length >= 3) expect(digest).not.toMatch(new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`));
    expect(digest).not.toMatch(/Shared by/);

    // The state carries to the next run: the shell user's choice is remembered.
    const again = await runBot('story\n', env);
    expect(again.stdout).toMatch(/set to: Share anonymously/);
    expect(again.stdout).toMatch(/1 saved story/);
  });
});
