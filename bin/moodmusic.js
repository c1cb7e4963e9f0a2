#!/usr/bin/env node
// Routes `start` (the bot with its adapters) and every other command (platform-free CLI) to the built code.
// CommonJS (bin/package.json): a cold `review FILE` on Node 20 runs the one-script bundle below without ever
// starting Node's ES module loader, which cost it about 10 ms. Everything else is imported as ES modules.
'use strict';
const { existsSync, statSync } = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const dist = path.join(__dirname, '..', 'dist');
const entry = path.join(dist, 'src/cli/main.js');
// The same CLI bundled into a few files by `npm run build` (scripts/bundle-cli.ts): a cold command loads
// faster. Used only while it is at least as new as the compiled CLI, so a bare `tsc` is never shadowed.
const bundle = path.join(dist, 'bundle/cli/main.js');
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

async function run() {
  const wantsHelp = process.argv.slice(3).some((a) => a === '--help' || a === '-h');
  if (command === undefined || (command === 'start' && !wantsHelp)) {
    const { start } = await import(pathToFileURL(path.join(dist, 'adapters/main.js')).href);
    await start();
    return;
  }
  // No V8 flags are set at run time (`v8.setFlagsFromString`): Node calls that undefined behaviour once code
  // has run, and a cold review with the regexp flags changed crashed (SIGSEGV) now and then on Node 22 and 24.
  // Node 22.1 and later keep V8's compiled code of the files loaded from here on in the OS temp folder
  // (node-compile-cache, keyed by Node version and each file's content), so the next run compiles less:
  // about 5 ms of a 100 ms `review FILE`. Node 20 has no such cache; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
  const { enableCompileCache } = require('node:module');
  enableCompileCache?.();
  // Node 20 has no such cache for modules: there a review runs the bundle built as one classic script, with
  // the V8 code cache the build made for it (src/cli/code-cache.ts, bundled as code-cache.cjs beside it),
  // when they are there and fresh.
  const script = path.join(dist, 'bundle/cli/cli.cjs');
  const runner = path.join(dist, 'bundle/cli/code-cache.cjs');
  if (!enableCompileCache && command === 'review' && fresh(script) && fresh(runner)) {
    if (await require(runner).runCached(script, process.argv.slice(2))) return;
  }
  const { main } = await import(pathToFileURL(fresh(bundle) ? bundle : entry).href);
  await main();
}

void run();
