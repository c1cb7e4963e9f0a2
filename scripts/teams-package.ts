/**
 * `npm run teams:package`: writes the Teams app package (manifest.json + icons) to sideload or upload in
 * the Teams Developer Portal. The app and bot id come from `--app-id` or MicrosoftAppId.
 *
 *   npm run teams:package -- --app-id GUID [--website https://…] [--domain bot.example.org] [--out FILE]
 *   npm run teams:package -- --write-icons   (regenerates adapters/teams/manifest/*.png)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MoodmusicError, describeError } from '../src/errors.js';
import { MANIFEST_DIR, buildTeamsPackage } from '../adapters/teams/packaging/package.js';
import { colorIcon, encodePng, outlineIcon } from '../adapters/teams/packaging/png.js';

const ROOT = [path.resolve(import.meta.dirname, '..'), path.resolve(import.meta.dirname, '../..')].find((dir) => {
  try {
    return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'moodmusic';
  } catch {
    return false;
  }
}) ?? process.cwd();

/** Runs the packager with `argv` (without node and script); returns the exit code. */
export async function main(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        'app-id': { type: 'string' },
        website: { type: 'string' },
        domain: { type: 'string', multiple: true },
        out: { type: 'string' },
        'write-icons': { type: 'boolean' },
      },
    });
    if (values['write-icons']) {
      writeFileSync(path.join(MANIFEST_DIR, 'color.png'), encodePng(colorIcon()));
      writeFileSync(path.join(MANIFEST_DIR, 'outline.png'), encodePng(outlineIcon()));
      process.stdout.write(`wrote color.png and outline.png in ${MANIFEST_DIR}\n`);
      return 0;
    }
    const appId = values['app-id'] ?? env.MicrosoftAppId?.trim();
    if (!appId) {
      process.stderr.write('moodmusic: no app id: pass --app-id GUID or set MicrosoftAppId (the Azure Bot\'s Microsoft App ID)\n');
      return 1;
    }
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const websiteUrl = values.website ?? 'https://github.com/moodmusic/moodmusic';
    const { zip } = await buildTeamsPackage({ appId, version, websiteUrl, ...(values.domain ? { domains: values.domain } : {}) });
    const out = path.resolve(values.out ?? path.join(ROOT, 'dist', 'moodmusic-teams.zip'));
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, zip);
    process.stdout.write(`wrote ${out} (${zip.length} bytes): manifest v1.17 checked against the committed schema subset, icons checked\n`);
    if (!values.website) process.stdout.write('note: developer URLs default to the project page; pass --website with your organisation\'s support page\n');
    return 0;
  } catch (error) {
    process.stderr.write(`moodmusic: ${error instanceof MoodmusicError ? error.message : describeError(error)}\n`);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  process.exitCode = await main();
}
