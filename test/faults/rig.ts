import { afterEach } from 'vitest';
import { tempDir } from '../helpers/temp.js';
import { spawnBot, type BotProcess } from './process.js';

/** What a fault test starts; all of it is stopped after each test, newest first (a bot before its fakes). */
export interface Rig {
  /** Runs `cleanup` after the current test. */
  defer(cleanup: () => unknown): void;
  /** Spawns the real bot process with `env`, killed after the test if it is still running. */
  bot(env: Record<string, string>): BotProcess;
  /** A scratch directory removed after the test. */
  dir(): string;
}

/** Registers the after-each teardown for the calling test file and returns the rig that feeds it. */
export function faultRig(): Rig {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  return {
    defer: (cleanup) => void cleanups.push(cleanup),
    bot: (env) => {
      const bot = spawnBot(env);
      cleanups.push(() => bot.kill());
      return bot;
    },
    dir: () => {
      const tmp = tempDir();
      cleanups.push(tmp.cleanup);
      return tmp.dir;
    },
  };
}
