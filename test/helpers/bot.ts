import { spawn } from 'node:child_process';
import path from 'node:path';

/** The repository root; the built bot is `bin/moodmusic.js` (dist/ is built by test/setup/build.ts). */
export const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Runs the real bot as `printf INPUT | npm start` would: a child process with piped stdin and only the
 * environment given (plus PATH and HOME), resolving when it exits.
 */
export function runBot(input: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
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

/** A loopback port that was free a moment ago, for servers a test starts. */
export { freePort } from '../../scripts/bench/proc.js';

/**
 * Starts `node bin/moodmusic.js start` with only `env` (plus PATH and HOME) and resolves once its stderr
 * contains `ready` (e.g. "slack adapter listening"). Rejects if it exits first or takes over 15 s.
 */
export function startBotUntil(
  env: Record<string, string>,
  ready: string,
): Promise<{ child: import('node:child_process').ChildProcess; stderr: () => string; exit: Promise<number | null> }> {
  const child = spawn(process.execPath, ['bin/moodmusic.js', 'start'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bot did not start:\n${stderr}`)), 15_000);
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (stderr.includes(ready)) {
        clearTimeout(timer);
        resolve({ child, stderr: () => stderr, exit });
      }
    });
    void exit.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the bot exited with ${code} before it was ready:\n${stderr}`));
    });
  });
}
