/**
 * `npm run teams:package`: writes the Teams app package (manifest.json + icons) to sideload or upload in
 * the Teams Developer Portal. The app and bot id come from `--app-id` or MicrosoftAppId.
 *
 *   npm run teams:package -- --app-id GUID --bot-url https://BOT-HOST [--website …] [--domain HOST] [--out FILE]
 *   npm run teams:package -- --write-icons   (regenerates adapters/teams/manifest/*.png)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, MoodmusicError, describeError } from '../src/errors.js';
import { MANIFEST_DIR, buildTeamsPackage } from '../adapters/teams/packaging/package.js';
import { colorIcon, encodePng, outlineIcon } from '../adapters/teams/packaging/png.js';

const ROOT = [path.resolve(import.meta.dirname, '..'), path.resolve(import.meta.dirname, '../..')].find((dir) => {
  try {
    return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'moodmusic';
  } catch {
    return false;
  }
}) ?? process.cwd();

const HELP = `Usage: npm run teams:package -- --app-id GUID --bot-url https://BOT-HOST [options]

Writes the Microsoft Teams app package (manifest.json and both icons in a zip) to sideload in Teams
or import in the Teams Developer Portal. The manifest is checked against the committed v1.17 schema
subset and the icons' sizes.

  --app-id GUID        the Azure Bot's Microsoft App ID (default: MicrosoftAppId)
  --bot-url URL        the bot's public https address (default: PUBLIC_URL). The bot serves its privacy
                       notice at URL/privacy and terms of use at URL/terms; the package points there,
                       and the bot's host is added to validDomains.
  --website URL        https page about the app for your organisation (default: --bot-url)
  --privacy-url URL    override the privacy page (default: BOT-URL/privacy)
  --terms-url URL      override the terms page (default: BOT-URL/terms)
  --domain HOST        another host the app may open, e.g. intranet.example.org (repeatable;
                       a host name only: no https://, no path)
  --out FILE           where to write the zip (default: dist/moodmusic-teams.zip)
  --write-icons        regenerate adapters/teams/manifest/*.png and stop
  --help               this text

Teams requires https for every URL. Example:
  npm run teams:package -- --app-id 8d3c2b1a-0f9e-4d7c-8b6a-5f4e3d2c1b0a --bot-url https://moodmusic.example.org
`;

/** An https URL from a flag, or a ConfigError saying what is wrong with it. */
export function httpsUrl(flag: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${flag} "${value.slice(0, 100)}" is not a URL: give a full address such as https://moodmusic.example.org`);
  }
  if (url.protocol !== 'https:') {
    throw new ConfigError(`${flag} "${value.slice(0, 100)}" must start with https:// (Teams refuses ${url.protocol.replace(':', '')} addresses in an app package)`);
  }
  if (url.username || url.password) throw new ConfigError(`${flag} must not carry a user name or password`);
  if (/(^|\.)example\.(com|org|net)$|^localhost$|^127\./i.test(url.hostname)) {
    throw new ConfigError(`${flag} "${url.hostname}" is a placeholder or local address: give the address Teams users can reach`);
  }
  return url.toString().replace(/\/$/, '');
}

/** A bare host name for validDomains (optionally with a leading "*."), or a ConfigError. */
export function domainName(value: string): string {
  const host = value.trim().toLowerCase();
  if (/^[a-z]+:\/\//.test(host) || host.includes('/')) {
    throw new ConfigError(`--domain "${value.slice(0, 100)}" must be a host name only, like bot.example.org (no https://, no path)`);
  }
  if (!/^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(host)) {
    throw new ConfigError(`--domain "${value.slice(0, 100)}" is not a host name: use letters, digits, hyphens and dots, like bot.example.org or *.example.org`);
  }
  return host;
}

/** Runs the packager with `argv` (without node and script); returns the exit code. */
export async function main(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    let values;
    try {
      ({ values } = parseArgs({
        args: argv,
        options: {
          'app-id': { type: 'string' },
          'bot-url': { type: 'string' },
          website: { type: 'string' },
          'privacy-url': { type: 'string' },
          'terms-url': { type: 'string' },
          domain: { type: 'string', multiple: true },
          out: { type: 'string' },
          'write-icons': { type: 'boolean' },
          help: { type: 'boolean', short: 'h' },
        },
      }));
    } catch (error) {
      process.stderr.write(`moodmusic teams:package: ${(error as Error).message.split('. ')[0]}\n\n${HELP}`);
      return 1;
    }
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (values['write-icons']) {
      writeFileSync(path.join(MANIFEST_DIR, 'color.png'), encodePng(colorIcon()));
      writeFileSync(path.join(MANIFEST_DIR, 'outline.png'), encodePng(outlineIcon()));
      process.stdout.write(`wrote color.png and outline.png in ${MANIFEST_DIR}\n`);
      return 0;
    }
    const appId = values['app-id'] ?? env.MicrosoftAppId?.trim();
    if (!appId) {
      process.stderr.write('moodmusic teams:package: no app id: pass --app-id GUID or set MicrosoftAppId (the Azure Bot\'s Microsoft App ID)\n');
      return 1;
    }
    const botFlag = values['bot-url'] ? '--bot-url' : 'PUBLIC_URL';
    const botRaw = values['bot-url'] ?? env.PUBLIC_URL?.trim();
    const botUrl = botRaw ? httpsUrl(botFlag, botRaw) : undefined;
    const privacyUrl = values['privacy-url'] ? httpsUrl('--privacy-url', values['privacy-url']) : botUrl && `${botUrl}/privacy`;
    const termsUrl = values['terms-url'] ? httpsUrl('--terms-url', values['terms-url']) : botUrl && `${botUrl}/terms`;
    const websiteUrl = values.website ? httpsUrl('--website', values.website) : botUrl;
    if (!websiteUrl || !privacyUrl || !termsUrl) {
      process.stderr.write(
        'moodmusic teams:package: Teams needs https addresses for the app\'s website, privacy notice and terms: pass --bot-url https://YOUR-BOT-HOST (the bot serves /privacy and /terms there) or set PUBLIC_URL; or give --website, --privacy-url and --terms-url\n',
      );
      return 1;
    }
    const domains = [...(botUrl ? [new URL(botUrl).hostname] : []), ...(values.domain ?? []).map(domainName)];
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const { zip } = await buildTeamsPackage({ appId, version, websiteUrl, privacyUrl, termsUrl, domains });
    const out = path.resolve(values.out ?? path.join(ROOT, 'dist', 'moodmusic-teams.zip'));
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, zip);
    process.stdout.write(`wrote ${out} (${zip.length} bytes): manifest v1.17 checked against the committed schema subset, icons checked\n`);
    process.stdout.write(`website ${websiteUrl}, privacy ${privacyUrl}, terms ${termsUrl}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`moodmusic teams:package: ${error instanceof MoodmusicError ? error.message : describeError(error)}\n`);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  process.exitCode = await main();
}
