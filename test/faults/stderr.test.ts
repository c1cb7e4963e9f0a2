import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../helpers/bot.js';
import { faultRig } from './rig.js';

const rig = faultRig();

describe('the reader of the log goes away', () => {
  it('keeps serving and still exits 0 on SIGTERM when its stderr pipe is closed (no EPIPE loop)', async () => {
    const port = await freePort();
    const bot = rig.bot({ ADAPTERS: 'teams', TEAMS_PORT: String(port), SQLITE_PATH: path.join(rig.dir(), 'bot.db'), LOG_LEVEL: 'debug' });
    await bot.waitForLine('adapter started');
    // Close our end of the bot's stderr: its next log line fails with EPIPE, as when a log shipper dies.
    bot.child.stderr!.destroy();
    for (let i = 0; i < 5; i += 1) {
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    }
    bot.child.kill('SIGTERM');
    expect((await bot.exit).code).toBe(0);
  }, 30_000);
});
