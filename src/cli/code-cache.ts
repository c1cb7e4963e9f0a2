/**
 * A cold `moodmusic review FILE` on Node 20 through V8's code cache. Node 22.1 and later keep the compiled
 * code of the ES modules the bin loads (`module.enableCompileCache`); Node 20 has no such cache for modules,
 * so each run parsed and compiled the bundle's ~280 KB again. `npm run build` also bundles the CLI as one
 * classic script (scripts/bundle-cli.ts), runs a review with it once, and keeps V8's code for it (the
 * functions that review compiled included) in a file named for the Node version and platform. The bin runs
 * that script with that cache when both are there and fresh; otherwise it loads the ES module bundle as
 * before. V8 rejects a cache made by another V8 or with other flags, and then compiles the script as usual.
 */
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

/** The classic-script bundle of the CLI, in the bundle's folder (see scripts/bundle-cli.ts). */
export const SCRIPT_NAME = 'cli.cjs';
/** This module bundled as CommonJS, in the same folder: what the bin (CommonJS too) runs the script with. */
export const RUNNER_NAME = 'code-cache.cjs';

/** The code cache of `script` for this Node version and platform. */
export function cacheFile(script: string): string {
  return `${script.slice(0, -'.cjs'.length)}-${process.version}-${process.platform}-${process.arch}.cache`;
}

/** Whether `file` exists and is not older than `than`. */
function notOlder(file: string, than: string): boolean {
  try {
    return statSync(file).mtimeMs >= statSync(than).mtimeMs;
  } catch {
    return false;
  }
}

/**
 * Runs the CLI's `main` from the classic-script bundle `script` with its code cache, and returns true; or
 * returns false, having run nothing, when the cache is missing or older than the script. With `write`
 * (the build), runs it without a cache and writes one after.
 */
export async function runCached(script: string, argv: string[], write = false): Promise<boolean> {
  const cache = cacheFile(script);
  if (!write && !notOlder(cache, script)) return false;
  const code = readFileSync(script, 'utf8');
  // The module scope a bundled CommonJS file expects, and `import.meta.url` (the bundle is built with it
  // renamed so): paths the code finds from its own file resolve from the bundle's folder, as in the ES bundle.
  const wrapper = `(function (exports, require, module, __filename, __dirname, __import_meta_url) {${code}\n})`;
  const compiled = new vm.Script(wrapper, { filename: script, cachedData: write ? undefined : readFileSync(cache) });
  const module = { exports: {} as { main?: (argv: string[]) => Promise<void> } };
  (compiled.runInThisContext() as (...args: unknown[]) => void)(
    module.exports, createRequire(script), module, script, path.dirname(script), pathToFileURL(script).href,
  );
  await module.exports.main?.(argv);
  if (write) {
    // After the run, so the cache holds the functions the review compiled too. Renamed into place: a run
    // reading it meanwhile sees the old file or the new one, never part of one.
    const temp = `${cache}.${process.pid}`;
    writeFileSync(temp, compiled.createCachedData());
    renameSync(temp, cache);
  }
  return true;
}
