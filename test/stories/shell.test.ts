import { userInfo } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBot } from '../helpers/bot.js';
import { tempDir } from '../helpers/temp.js';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));


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
    // Only the start-up notice: no credentials, so the shell (reading the piped input) is what runs.
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining('No Slack or Teams credentials found, so the terminal shell is starting')]);
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
