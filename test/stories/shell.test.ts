import { userInfo } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/store/sqlite-driver.js';
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

/** The part of the transcript from `from` up to (not including) `to`. */
function between(out: string, from: string, to?: string): string {
  const start = out.indexOf(from);
  expect(start, `transcript has "${from}"`).toBeGreaterThanOrEqual(0);
  const end = to === undefined ? -1 : out.indexOf(to, start + from.length);
  return out.slice(start, end === -1 ? undefined : end);
}

describe('new-starter stories in the shell', () => {
  it('story → choose → answer → preview with the name marked → share without it → my stories → withdraw', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const db = path.join(tmp.dir, 'shell.db');
    const env = { SQLITE_PATH: db };
    const answer = 'Everyone told me to ask Morwenna before sending anything to finance';
    const result = await runBot(`story\nanonymous\n${answer}\nshare without them\ndigest now\nwithdraw\nmy stories\nwithdraw 1\nmy stories\n`, env);
    // Only the start-up notice: no credentials, so the shell (reading the piped input) is what runs.
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining('No Slack or Teams credentials found, so the terminal shell is starting')]);
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toMatch(/opened a private conversation with you/);
    // The consent words say where answers are kept and who can read them.
    expect(out).toMatch(/Anonymous: your answers are saved in this bot's database with your user id, and the people who run this bot can read that database/);
    expect(out).toMatch(/\[2\] Anonymous/);
    expect(out).toMatch(/Your choice: Share anonymously/);
    expect(out).toMatch(/Question 1 of 3/);

    const preview = between(out, 'Before it is shared', 'Shared without your name');
    expect(preview).toContain('  > Everyone told me to ask «Morwenna» before sending anything to finance');
    expect(preview).toMatch(/«Morwenna» \(a name\)/);
    expect(preview).toMatch(/\[1\] Share without them/);
    expect(out).toContain('  > Everyone told me to ask a colleague before sending anything to finance');

    // One person's story is not enough for an anonymous digest: it waits.
    expect(between(out, 'not yet enough stories')).toMatch(/without pointing at anyone/);

    const mine = between(out, 'Your stories (1)', 'Withdrawn: story 1');
    expect(mine).toMatch(/1\. [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4}, shared anonymously\. Asked:/);
    expect(mine).toContain('  > Everyone told me to ask a colleague before sending anything to finance');
    expect(mine).toMatch(/\[\d\] Withdraw/);
    expect(out).toMatch(/To withdraw one story, say "my stories" and press Withdraw under it, or say "withdraw N"/);
    expect(out).toMatch(/Withdrawn: story 1 \("Everyone told me to ask a colleague/);
    expect(out).toMatch(/You have no saved stories here/);
    expect(out).not.toMatch(/shell-user/);
    const name = shellName();
    const digestPart = between(out, 'not yet enough stories', 'To withdraw one story');
    if (name.length >= 3) expect(digestPart).not.toMatch(new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`));

    // Withdrawn means deleted: the row is gone from the table.
    const sqlite = await openSqlite(db, { readonly: true });
    try {
      expect(sqlite.prepare('select count(*) as n from stories').all()).toEqual([{ n: 0 }]);
      expect(sqlite.prepare('select sharing from story_people').all()).toEqual([{ sharing: 'anonymous' }]);
    } finally {
      sqlite.close();
    }

    // The state carries to the next run: the shell user's choice is remembered.
    const again = await runBot('story\n', env);
    expect(again.stdout).toMatch(/set to: Share anonymously/);
    expect(again.stdout).toMatch(/0 saved stories/);
  });
});
