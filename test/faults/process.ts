import { spawn, type ChildProcess } from 'node:child_process';
import { ROOT } from '../helpers/bot.js';

/** A running `node bin/moodmusic.js start`, its stderr log lines, and when and how it ended. */
export interface BotProcess {
  child: ChildProcess;
  /** Every stderr line so far. */
  lines(): string[];
  /** Resolves with the first stderr line (past or future) that contains `text`; rejects if the bot exits first. */
  waitForLine(text: string, timeoutMs?: number): Promise<string>;
  /** Exit code (null when killed by a signal) and the time it exited (performance.now()). */
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** Kills it with SIGKILL if it is still running (for cleanup). */
  kill(): void;
}

/** Spawns the built bot with only `env` (plus PATH and HOME), JSON logs on stderr. */
export function spawnBot(env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, ['bin/moodmusic.js', 'start'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let partial = '';
  const waiters = new Set<() => void>();
  child.stderr!.on('data', (d: Buffer) => {
    partial += d.toString();
    const parts = partial.split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    for (const w of [...waiters]) w();
  });
  child.stdout!.resume();
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => {
    child.on('close', (code, signal) => {
      if (partial) lines.push(partial);
      resolve({ code, signal, at: performance.now() });
      for (const w of [...waiters]) w();
    });
  });
  let exited = false;
  void exit.then(() => (exited = true));
  return {
    child,
    lines: () => lines,
    exit,
    kill: () => {
      if (!exited) child.kill('SIGKILL');
    },
    waitForLine(text, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = lines.find((l) => l.includes(text));
          if (line !== undefined) {
            done();
            resolve(line);
          } else if (exited) {
            done();
            reject(new Error(`the bot exited before logging "${text}":\n${lines.join('\n')}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no "${text}" within ${timeoutMs} ms:\n${lines.slice(-30).join('\n')}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
  };
}

/** Polls `condition` every 20 ms until it holds, or fails after `timeoutMs` with `what`. */
export async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Lines that are not one JSON object each (every log line must be). */
export function nonJsonLines(lines: string[]): string[] {
  return lines.filter((line) => {
    if (line.trim() === '') return false;
    try {
      const parsed: unknown = JSON.parse(line);
      return typeof parsed !== 'object' || parsed === null;
    } catch {
      return true;
    }
  });
}
