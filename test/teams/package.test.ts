import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MANIFEST_DIR, buildTeamsPackage, iconProblems, manifestProblems } from '../../adapters/teams/packaging/package.js';
import { colorIcon, encodePng, outlineIcon, pngInfo } from '../../adapters/teams/packaging/png.js';
import { tempDir } from '../helpers/temp.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const APP_ID = '8d3c2b1a-0f9e-4d7c-8b6a-5f4e3d2c1b0a';
const run = promisify(execFile);

describe('Teams app package', () => {
  it('npm run teams:package writes a zip whose manifest passes the schema subset, with both icons at the root', async () => {
    const tmp = tempDir('moodmusic-teams-pkg-');
    try {
      const out = path.join(tmp.dir, 'app.zip');
      const { stdout } = await run(process.execPath, ['dist/scripts/teams-package.js', '--app-id', APP_ID, '--out', out, '--bot-url', 'https://moodmusic.contoso.org', '--domain', 'intranet.contoso.org'], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '' },
      });
      expect(stdout).toContain('wrote');
      const files = unzipSync(new Uint8Array(readFileSync(out)));
      expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
      const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as {
        $schema: string;
        manifestVersion: string;
        id: string;
        version: string;
        validDomains: string[];
        bots: Array<{ botId: string; scopes: string[]; commandLists: Array<{ commands: Array<{ title: string }> }> }>;
      };
      expect(await manifestProblems(manifest)).toEqual([]);
      expect(manifest.$schema).toBe('https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.schema.json');
      expect(manifest.manifestVersion).toBe('1.17');
      expect(manifest.id).toBe(APP_ID);
      expect(manifest.bots[0]!.botId).toBe(APP_ID);
      expect(manifest.bots[0]!.scopes).toEqual(['personal', 'team', 'groupChat']);
      expect(manifest.version).toBe((JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
      expect(manifest.validDomains).toEqual(['token.botframework.com', 'moodmusic.contoso.org', 'intranet.contoso.org']);
      // No placeholder: the bot's own pages, which it serves from the README's privacy text.
      expect((manifest as unknown as { developer: Record<string, string> }).developer).toMatchObject({
        websiteUrl: 'https://moodmusic.contoso.org',
        privacyUrl: 'https://moodmusic.contoso.org/privacy',
        termsOfUseUrl: 'https://moodmusic.contoso.org/terms',
      });
      expect(JSON.stringify(manifest)).not.toMatch(/github\.com\/moodmusic|example\.(org|com)/);
      const titles = manifest.bots[0]!.commandLists.flatMap((l) => l.commands.map((c) => c.title));
      for (const verb of ['help', 'prompt', 'review', 'reframe', 'schedule', 'status', 'story', 'welcome', 'digest', 'forget me']) expect(titles).toContain(verb);
      expect(JSON.stringify(manifest)).not.toContain('{{');
      expect(pngInfo(files['color.png']!)).toMatchObject({ width: 192, height: 192 });
      expect(pngInfo(files['outline.png']!)).toMatchObject({ width: 32, height: 32, colorType: 6 });
    } finally {
      tmp.cleanup();
    }
  });

  it('refuses a missing or non-GUID app id with a message that says what to pass', async () => {
    const missing = await run(process.execPath, ['dist/scripts/teams-package.js'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' } }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining('--app-id') });
    await expect(buildTeamsPackage({ appId: 'my-bot', version: '1.0.0', websiteUrl: 'https://example.org' })).rejects.toThrow(/not a GUID/);
  });

  it('--help explains every option; bad URLs, http, placeholders and bad domains are refused with a clear line', async () => {
    const pkg = (...args: string[]) =>
      run(process.execPath, ['dist/scripts/teams-package.js', ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' } }).then(
        (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
      );
    const help = await pkg('--help');
    expect(help.code).toBe(0);
    for (const option of ['--app-id', '--bot-url', '--website', '--privacy-url', '--terms-url', '--domain', '--out', 'https']) expect(help.stdout).toContain(option);
    const cases: Array<[string[], RegExp]> = [
      [['--bot-url', 'http://moodmusic.contoso.org'], /--bot-url "http:\/\/moodmusic\.contoso\.org" must start with https:\/\/ \(Teams refuses http addresses/],
      [['--bot-url', 'moodmusic.contoso.org'], /--bot-url "moodmusic\.contoso\.org" is not a URL: give a full address such as https:/],
      [['--bot-url', 'https://bot.example.org'], /placeholder or local address/],
      [['--bot-url', 'https://moodmusic.contoso.org', '--domain', 'https://bot.contoso.org/api'], /--domain "https:\/\/bot\.contoso\.org\/api" must be a host name only, like bot\.example\.org \(no https:\/\/, no path\)/],
      [['--bot-url', 'https://moodmusic.contoso.org', '--domain', 'bot_contoso'], /--domain "bot_contoso" is not a host name/],
      [['--bot-url', 'https://moodmusic.contoso.org', '--website', 'http://contoso.org'], /--website .* must start with https:\/\//],
      [[], /pass --bot-url https:\/\/YOUR-BOT-HOST \(the bot serves \/privacy and \/terms there\)/],
      [['--colour', 'red'], /^moodmusic teams:package: Unknown option '--colour'/],
    ];
    for (const [args, message] of cases) {
      const result = await pkg('--app-id', APP_ID, '--out', '/nonexistent/never.zip', ...args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.stderr, args.join(' ')).not.toMatch(/ {4}at |TypeError|SyntaxError/);
    }
  });

  it('reports what the schema subset finds wrong', async () => {
    const problems = await manifestProblems({
      manifestVersion: '1.16',
      id: 'nope',
      version: '1.0',
      developer: { name: 'x', websiteUrl: 'http:/bad', privacyUrl: 'https://x', termsOfUseUrl: 'https://x' },
      name: { short: 'a name that is far too long for the teams short name' },
      description: { short: 's', full: 'f' },
      icons: { color: 'color.png', outline: 'outline.png' },
      accentColor: 'green',
      bots: [{ botId: APP_ID, scopes: ['everywhere'], commandLists: [{ scopes: ['team'], commands: [{ title: 'x'.repeat(40), description: 'd' }] }] }],
    });
    const text = problems.join('\n');
    for (const where of ['/manifestVersion', '/id', '/version', '/developer/websiteUrl', '/name/short', '/accentColor', '/bots/0/scopes/0', '/bots/0/commandLists/0/commands/0/title']) {
      expect(text).toContain(`manifest${where}`);
    }
  });

  it('commits icons that match the generator: 192x192 colour, 32x32 white-on-transparent outline', () => {
    expect(readFileSync(path.join(MANIFEST_DIR, 'color.png')).equals(encodePng(colorIcon()))).toBe(true);
    expect(readFileSync(path.join(MANIFEST_DIR, 'outline.png')).equals(encodePng(outlineIcon()))).toBe(true);
    const outline = outlineIcon();
    for (let i = 0; i < outline.pixels.length; i += 4) {
      const [r, g, b, a] = outline.pixels.subarray(i, i + 4);
      expect(a === 0 || (r === 255 && g === 255 && b === 255)).toBe(true);
    }
    expect(iconProblems(encodePng(outlineIcon()), encodePng(colorIcon()))).toEqual(['color.png must be 192x192, is 32x32', 'outline.png must be 32x32, is 192x192']);
  });
});
