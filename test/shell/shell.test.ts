import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, runBot } from '../helpers/bot.js';
import { tempDir } from '../helpers/temp.js';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));


function dbEnv(): Record<string, string> {
  const tmp = tempDir();
  cleanups.push(tmp.cleanup);
  return { SQLITE_PATH: path.join(tmp.dir, 'shell.db') };
}

describe('shell adapter, end to end through the real process', () => {
  it('prints the help and one purpose prompt for piped input, then exits 0', async () => {
    const result = await runBot('help\nprompt purpose\n', dbEnv());
    // Only the start-up notice: no credentials, so the shell (reading the piped input) is what runs.
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining('No Slack or Teams credentials found, so the terminal shell is starting')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/prompt \[theme\]/);
    expect(result.stdout).toMatch(/A question on purpose/);
    expect(result.stdout).toMatch(/Why this question:/);
  });

  it('chooses a button by number or label, and answers nonsense with a short help', async () => {
    const result = await runBot('prompt design\n1\nanother question\nwibble\n', dbEnv());
    expect(result.code).toBe(0);
    expect(result.stdout.match(/A question on meeting design/g)).toHaveLength(3);
    expect(result.stdout).toMatch(/didn't understand "wibble"/);
  });

  it('button numbers belong to the last reply that had buttons: after an unrelated reply an old number fires nothing', async () => {
    const result = await runBot('prompt design\nstatus\n1\nanother question\nprompt design\n3\n', dbEnv());
    expect(result.code).toBe(0);
    // Only the two asked-for prompts: neither "1" nor the old label after `status` asked for another.
    expect(result.stdout.match(/A question on meeting design/g)).toHaveLength(2);
    expect(result.stdout).toMatch(/didn't understand "1"/);
    expect(result.stdout).toContain('(choose 1 to 1: numbers belong to the last reply that had options)');
  });

  // Four bot processes one after another: on a loaded CI machine that is more than the default 20 s.
  it('keeps rotation state in SQLITE_PATH from one run to the next', { timeout: 90_000 }, async () => {
    const env = dbEnv();
    const questions = async () => {
      const { stdout } = await runBot('prompt people\n', env);
      return stdout.split('\n')[2];
    };
    const seen = new Set<string | undefined>();
    for (let i = 0; i < 4; i++) seen.add(await questions());
    expect(seen.size).toBe(4);
  });

  it('labels private answers as private to you, as Slack and Teams would show them only to you', async () => {
    const result = await runBot('review\nHow do we help young people thrive?\n\n\n\n\n\nwibble\nprompt purpose\n', dbEnv());
    expect(result.code).toBe(0);
    const answers = result.stdout.split(/\n(?=moodmusic)/);
    // The form (private), the review of the submitted form (private), the short help (private).
    expect(answers.find((a) => a.includes('Review a meeting plan'))).toMatch(/^moodmusic \(private to you\):/);
    expect(answers.find((a) => a.includes('Some thoughts on your meeting plan'))).toMatch(/^moodmusic \(private to you\):/);
    expect(answers.find((a) => a.includes("didn't understand"))).toMatch(/^moodmusic \(private to you\):/);
    // A prompt asked for in the channel is for everyone there.
    expect(answers.find((a) => a.includes('A question on purpose'))).toMatch(/^moodmusic:/);
  });

  it('reads a plan pasted over several lines after review, up to an empty line', async () => {
    const plan = 'review Annual conference for 300 delegates\nKeynote, then three panels and Q&A.\nOne representative from each agency.\n\nprompt purpose\n';
    const result = await runBot(plan, dbEnv());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Some thoughts on your meeting plan/);
    // The lines after the first were part of the plan, not commands of their own.
    expect(result.stdout).not.toMatch(/didn't understand/);
    expect(result.stdout).toMatch(/representatives/i);
    expect(result.stdout).toMatch(/A question on purpose/);
  });

  it('fills the review form line by line: the question is required, /cancel leaves the form', async () => {
    const filled = await runBot('review\n\nHow do we help young people thrive?\n12 young people and 4 youth workers\n\nhalf a day\n\nwe meet monthly\n', dbEnv());
    expect(filled.code).toBe(0);
    expect(filled.stdout).toMatch(/The question or purpose is needed \(or type \/cancel\)/);
    expect(filled.stdout).toMatch(/Some thoughts on your meeting plan/);
    const cancelled = await runBot('review\n/cancel\nprompt purpose\n', dbEnv());
    expect(cancelled.stdout).toMatch(/\(form cancelled\)/);
    expect(cancelled.stdout).not.toMatch(/Some thoughts on your meeting plan/);
    expect(cancelled.stdout).toMatch(/A question on purpose/);
  });

  it('stops cleanly on SIGTERM while waiting for input: exit 0', async () => {
    const child = spawn(process.execPath, ['bin/moodmusic.js', 'start'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...dbEnv() },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    const answered = new Promise<void>((resolve) =>
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        if (stdout.includes('Why this question')) resolve();
      }),
    );
    child.stdin.write('prompt\n');
    await answered;
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('refuses bad config with one line naming the variable and exit 1', async () => {
    const result = await runBot('help\n', { ...dbEnv(), CATCH_UP_HOURS: 'soon' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('moodmusic: CATCH_UP_HOURS must be a number of hours');
    expect(result.stdout).toBe('');
  });

  it('refuses a broken prompt library with FILE:LINE and exit 1', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(tmp.dir, 'design.yaml'), 'theme: design\nprompts:\n  - id: Bad Id\n    text: "x"\n    why: "y"\n    audience: channel\n');
    const result = await runBot('help\n', { ...dbEnv(), PROMPTS_DIR: tmp.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/design\.yaml:3: id must be lowercase words/);
  });
});
