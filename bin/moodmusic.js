#!/usr/bin/env node
// Routes `start` (the bot with its adapters) and every other command (platform-free CLI) to the built code.
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
// The same CLI bundled into a few files by `npm run build` (scripts/bundle-cli.ts): a cold command loads
// faster. Used only while it is at least as new as the compiled CLI, so a bare `tsc` is never shadowed.
const bundle = new URL('../dist/bundle/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('moodmusic is not built yet: run `npm ci` (or `npm run build`) in the package folder first.');
  process.exit(1);
}
const command = process.argv[2];

/** True when `file` exists and is not older than the compiled CLI it was made from. */
function fresh(file) {
  try {
    return statSync(file).mtimeMs >= statSync(entry).mtimeMs;
  } catch {
    return false;
  }
}
const wantsHelp = process.argv.slice(3).some((a) => a === '--help' || a === '-h');
if (command === undefined || (command === 'start' && !wantsHelp)) {
  const { start } = await import('../dist/adapters/main.js');
  await start();
} else {
  // No V8 flags are set at run time (`v8.setFlagsFromString`): Node calls that undefined behaviour once code
  // has run, and a cold review with the regexp flags changed crashed (SIGSEGV) now and then on Node 22 and 24.
  // Node 22.1 and later keep V8's compiled code of the files loaded from here on in the OS temp folder
  // (node-compile-cache, keyed by Node version and each file's content), so the next run compiles less:
  // about 5 ms of a 100 ms `review FILE`. Node 20 has no such cache; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
  const { enableCompileCache } = await import('node:module');
  enableCompileCache?.();
  // Node 20 has no such cache for modules: there a review runs the bundle built as one classic script, with
  // the V8 code cache the build made for it (dist/src/cli/code-cache.js), when both are there and fresh.
  const script = new URL('../dist/bundle/cli/cli.cjs', import.meta.url);
  let done = false;
  if (!enableCompileCache && command === 'review' && fresh(script)) {
    const { runCached } = await import('../dist/src/cli/code-cache.js');
    done = await runCached(fileURLToPath(script), process.argv.slice(2));
  }
  if (!done) {
    const { main } = await import(fresh(bundle) ? bundle.href : entry.href);
    await main();
  }
}
