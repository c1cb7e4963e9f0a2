#!/usr/bin/env node
// Routes `start` (the bot with its adapters) and every other command (platform-free CLI) to the built code.
import { existsSync, statSync } from 'node:fs';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
// The same CLI bundled into a few files by `npm run build` (scripts/bundle-cli.ts): a cold command loads
// faster. Used only while it is at least as new as the compiled CLI, so a bare `tsc` is never shadowed.
const bundle = new URL('../dist/bundle/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('moodmusic is not built yet: run `npm ci` (or `npm run build`) in the package folder first.');
  process.exit(1);
}
const command = process.argv[2];

/** True when the command's one FILE argument is a file of at most 10,000 bytes (standard input is unknown). */
function smallFile(args) {
  const files = args.filter((a) => !a.startsWith('-'));
  if (files.length !== 1) return false;
  try {
    return statSync(files[0]).size <= 10_000;
  } catch {
    return false;
  }
}
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
  if (command === 'review' || command === 'reframe') {
    // A one-shot run: each of the review's large regexes runs a few times on one text, so compiling it
    // to machine code at once beats interpreting it first (V8's tier-up pays off only in a long-lived bot).
    const { setFlagsFromString } = await import('node:v8');
    setFlagsFromString('--no-regexp-tier-up');
    // Compiling the ~160 regexes is most of a cold review. V8's regexp optimisation pass makes each compile
    // dearer and each scan cheaper: below about 10,000 characters of text the compile is the bigger cost.
    // Flags change only how V8 compiles a regex, never what it matches.
    if (command === 'reframe' || smallFile(process.argv.slice(3))) setFlagsFromString('--no-regexp-optimization');
  }
  // Node 22.1 and later keep V8's compiled code of the files loaded from here on in the OS temp folder
  // (node-compile-cache, keyed by Node version and each file's content), so the next run compiles less:
  // about 5 ms of a 100 ms `review FILE`. Node 20 has no such cache; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
  const { enableCompileCache } = await import('node:module');
  enableCompileCache?.();
  const { main } = await import(fresh(bundle) ? bundle.href : entry.href);
  await main();
}
