import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { bundleCli } from '../../scripts/bundle-cli.js';

/**
 * End-to-end tests spawn the built bot (`node bin/moodmusic.js`), so build once before any test file runs.
 * Type errors are reported by `npm run typecheck`, which `npm test` runs first; tsc still emits on them, so
 * the build here only has to produce dist/. Then the CLI is bundled as `npm run build` does, so the tests
 * that run the bin run the bundle users get.
 */
export default async function setup(): Promise<void> {
  const root = path.resolve(import.meta.dirname, '../..');
  try {
    execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], {
      cwd: root,
      stdio: 'ignore',
    });
  } catch (error) {
    if ((error as { status?: number }).status !== 2) throw error; // 2 = emitted with type errors
  }
  await bundleCli(root);
}
