import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, utimesSync, writeFileSync } from 'node:fs';
import nodeModule from 'node:module';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { cacheFile, SCRIPT_NAME } from '../../src/cli/code-cache.js';
import { ROOT } from '../helpers/bot.js';
import { tempDir } from '../helpers/temp.js';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const PLAN = 'Town hall: what would make the high street somewhere people want to be?\n\nAbout 40 residents, traders and council officers, 6-8pm at the library, round tables. Why has footfall dropped? We will agree three things to try and meet again in March.';

/** What the review prints in process (the unbundled build) for `file`. */
async function inProcess(file: string): Promise<string> {
  let out = '';
  const io = { stdin: new PassThrough(), stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (out += s) }, cwd: ROOT, env: {} };
  expect(await runCli(['review', file], io)).toBe(0);
  return out;
}

/** `runCached` in a fresh process on a copy of the built script; prints `not run` when it ran nothing. */
function runCached(script: string, plan: string, write = false) {
  const code = `import { runCached } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist/src/cli/code-cache.js')).href)};
    if (!(await runCached(${JSON.stringify(script)}, ['review', ${JSON.stringify(plan)}], ${write}))) process.stdout.write('not run');`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' });
}

describe('the CLI as one script with a V8 code cache (Node 20)', () => {
  it('runs only with a cache no older than the script, reviews as the review does in process, and compiles afresh from a cache V8 rejects', async () => {
    const dir = tempDir();
    cleanups.push(dir.cleanup);
    const script = path.join(dir.dir, SCRIPT_NAME);
    for (const f of [SCRIPT_NAME, 'cold-gates.json']) copyFileSync(path.join(ROOT, 'dist/bundle/cli', f), path.join(dir.dir, f));
    const plan = path.join(dir.dir, 'plan.txt');
    writeFileSync(plan, PLAN);
    const expected = await inProcess(plan);

    expect(runCached(script, plan).stdout).toBe('not run');
    const made = runCached(script, plan, true);
    expect(made.stderr).toBe('');
    expect(made.stdout).toBe(expected);
    expect(existsSync(cacheFile(script))).toBe(true);

    const cached = runCached(script, plan);
    expect(cached.stderr).toBe('');
    expect(cached.stdout).toBe(expected);

    // Bytes V8 does not recognise (as a cache from another V8 would be): it compiles the script instead.
    writeFileSync(cacheFile(script), Buffer.from('not a code cache, only some bytes '.repeat(20)));
    const rejected = runCached(script, plan);
    expect(rejected.stderr).toBe('');
    expect(rejected.stdout).toBe(expected);

    // A script newer than its cache (rebuilt since) is not run with it.
    const later = new Date(Date.now() + 60_000);
    utimesSync(script, later, later);
    expect(runCached(script, plan).stdout).toBe('not run');
  });

  it('is what the bin runs for a review on a Node without a module compile cache, and the review is the same', async () => {
    const dir = tempDir();
    cleanups.push(dir.cleanup);
    const plan = path.join(dir.dir, 'plan.txt');
    writeFileSync(plan, PLAN);
    const script = path.join(ROOT, 'dist/bundle/cli', SCRIPT_NAME);
    // npm run build makes the cache with the Node that builds, when the bin would use it.
    const usesScript = !(nodeModule as { enableCompileCache?: unknown }).enableCompileCache;
    expect(existsSync(cacheFile(script))).toBe(usesScript);
    const bin = spawnSync(process.execPath, ['bin/moodmusic.js', 'review', plan], { cwd: ROOT, encoding: 'utf8' });
    expect(bin.stderr).toBe('');
    expect(bin.stdout).toBe(await inProcess(plan));
  });
});
