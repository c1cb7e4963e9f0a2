import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/bot.js';
import { until } from './process.js';
import { faultRig } from './rig.js';

const rig = faultRig();

/** The shell's person (adapters/shell: the same id on every run). */
const USER_ID = 'shell-user';
const WORDS = ['zebraquartz', 'kettleritual'];

/** How often each needle occurs in the database file and its write-ahead log, as bytes (UTF-8 and UTF-16). */
function occurrences(db: string, needles: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const file of [db, `${db}-wal`]) {
    const bytes = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
    for (const needle of needles) {
      for (const encoded of [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')]) {
        let n = 0;
        for (let at = bytes.indexOf(encoded); at !== -1; at = bytes.indexOf(encoded, at + 1)) n += 1;
        const key = `${path.basename(file)}:${needle}`;
        counts[key] = (counts[key] ?? 0) + n;
      }
    }
  }
  return counts;
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

describe('forget me reaches the disk (SQLite)', () => {
  it('after a story is told and `forget me` answered, neither the database file nor its WAL holds the words or the id', async () => {
    const dir = rig.dir();
    const db = path.join(dir, 'bot.db');
    const child = spawn(process.execPath, ['bin/moodmusic.js', 'start'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', SQLITE_PATH: db },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    rig.defer(() => child.exitCode === null && child.kill('SIGKILL'));
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.resume();
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const say = async (line: string, expectOut: RegExp) => {
      const from = out.length;
      child.stdin.write(`${line}\n`);
      await until(() => expectOut.test(out.slice(from)), `the shell's answer to "${line.slice(0, 20)}"`);
    };

    await say('story', /\[\d\] (Share anonymously|Anonymous)\b/);
    // Choose by the number the shell shows for the anonymous option, whatever its label.
    const choice = /\[(\d)\] (?:Share anonymously|Anonymous)\b/.exec(out)?.[1] ?? '2';
    await say(choice, /Question 1 of/);
    await say(`the quiet ${WORDS[0]} ${WORDS[1]} on tuesdays decides everything here`, /saved/i);
    // Positive control: while it is kept, the search finds the words (file or WAL) and the id.
    const kept = occurrences(db, [...WORDS, USER_ID]);
    expect(Object.entries(kept).filter(([k, n]) => k.includes(WORDS[0]!) && n > 0).length).toBeGreaterThan(0);
    expect(Object.entries(kept).filter(([k, n]) => k.includes(USER_ID) && n > 0).length).toBeGreaterThan(0);

    await say('forget me', /Done\. I deleted 1 story/);
    // Searched while the bot still runs (its WAL open): nothing waits for a close to be deleted.
    const after = occurrences(db, [...WORDS, USER_ID]);
    const walBytes = existsSync(`${db}-wal`) ? readFileSync(`${db}-wal`).length : 0;
    child.stdin.end();
    expect(await exited).toBe(0);

    expect(after).toEqual(Object.fromEntries(Object.keys(after).map((k) => [k, 0])));
    console.info(`forget me: before ${total(kept)} occurrences of the words and the id in file + WAL; after ${total(after)} (WAL ${walBytes} bytes)`);
  }, 60_000);
});
