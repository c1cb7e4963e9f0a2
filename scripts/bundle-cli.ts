/**
 * Part of `npm run build`, after tsc: bundles the compiled CLI (every command but `start`) from
 * dist/src/cli/main.js into dist/bundle/cli/. A cold `moodmusic review FILE` then loads 7 files instead
 * of about 30 (about 10 ms less CPU of a 100 ms run). Packages stay outside the bundle, and each lazily
 * imported command stays its own chunk, so `review` still loads nothing it does not use.
 *
 * The bundle sits as deep as dist/src/cli/, so paths the code finds from its own file (package.json,
 * prompts/) resolve the same. bin/moodmusic.js runs it only while it is at least as new as
 * dist/src/cli/main.js: after a bare `tsc` the bin uses the fresh unbundled build instead.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** Where the bundle goes, relative to the package root (the bin reads the same path). */
export const BUNDLE_DIR = 'dist/bundle/cli';

/** Bundles `root`'s compiled CLI into `root/dist/bundle/cli/` (replacing any earlier bundle). */
export async function bundleCli(root: string): Promise<void> {
  const outdir = path.join(root, BUNDLE_DIR);
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: [path.join(root, 'dist/src/cli/main.js')],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await bundleCli(path.resolve(import.meta.dirname, '../..'));
}
