import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { ConfigError } from '../../../src/errors.js';
import { MANIFEST_SCHEMA_SUBSET } from './manifest-schema.js';
import { pngInfo } from './png.js';

/**
 * Where the manifest template and icons live: next to this file in the source tree, or (when running
 * the build in dist/, which tsc does not copy them into) in the package's own adapters/teams/manifest.
 */
export const MANIFEST_DIR = [path.resolve(import.meta.dirname, '../manifest'), path.resolve(import.meta.dirname, '../../../../adapters/teams/manifest')].find(
  (dir) => existsSync(path.join(dir, 'manifest.json')),
) ?? path.resolve(import.meta.dirname, '../manifest');

export interface PackageOptions {
  /** The bot's Microsoft App ID (a GUID): becomes the app id and the bot id. */
  appId: string;
  /** App version (semver x.y.z), e.g. package.json's. */
  version: string;
  /** https page about the app (the developer website Teams requires). */
  websiteUrl: string;
  /** https privacy notice (default: websiteUrl); the bot serves one at /privacy. */
  privacyUrl?: string;
  /** https terms of use (default: websiteUrl); the bot serves them at /terms. */
  termsUrl?: string;
  /** Extra domains the app may open (the bot's own host, for instance). */
  domains?: string[];
  /** Folder with manifest.json, color.png and outline.png. */
  manifestDir?: string;
}

export interface TeamsPackage {
  manifest: Record<string, unknown>;
  zip: Uint8Array;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Validates a manifest against the committed v1.17 schema subset; returns readable problems. */
export async function manifestProblems(manifest: unknown): Promise<string[]> {
  // ajv is a dev dependency: packaging is a build-time step, so load it only here.
  const ajvModule = await import('ajv').catch(() => {
    throw new ConfigError('ajv is not installed: run `npm ci` (with dev dependencies) before `npm run teams:package`');
  });
  const ajv = new ajvModule.default.default({ allErrors: true, strict: false });
  const validate = ajv.compile(MANIFEST_SCHEMA_SUBSET);
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((e) => `manifest${e.instancePath || ''}: ${e.message ?? 'is invalid'}${e.params && 'allowedValues' in e.params ? ` (${String(e.params.allowedValues)})` : ''}`);
}

/** Problems with the icons: sizes Teams requires, RGBA for the transparent outline. */
export function iconProblems(color: Uint8Array, outline: Uint8Array): string[] {
  const problems: string[] = [];
  try {
    const c = pngInfo(color);
    if (c.width !== 192 || c.height !== 192) problems.push(`color.png must be 192x192, is ${c.width}x${c.height}`);
  } catch {
    problems.push('color.png is not a PNG');
  }
  try {
    const o = pngInfo(outline);
    if (o.width !== 32 || o.height !== 32) problems.push(`outline.png must be 32x32, is ${o.width}x${o.height}`);
    if (o.colorType !== 6) problems.push('outline.png must have an alpha channel (white on transparent)');
  } catch {
    problems.push('outline.png is not a PNG');
  }
  return problems;
}

/**
 * Builds the sideloading zip: manifest.json (app and bot id filled in) and the two icons at the root,
 * after checking the manifest against the schema subset and the icons' sizes. Throws `ConfigError`
 * listing every problem.
 */
export async function buildTeamsPackage(options: PackageOptions): Promise<TeamsPackage> {
  if (!GUID.test(options.appId)) {
    throw new ConfigError(`the app id "${options.appId}" is not a GUID: pass the Azure Bot's Microsoft App ID with --app-id or MicrosoftAppId`);
  }
  const dir = options.manifestDir ?? MANIFEST_DIR;
  const template = await readFile(path.join(dir, 'manifest.json'), 'utf8');
  const filled = template.replaceAll('{{MICROSOFT_APP_ID}}', options.appId).replaceAll('{{WEBSITE_URL}}', options.websiteUrl)
    .replaceAll('{{PRIVACY_URL}}', options.privacyUrl ?? options.websiteUrl)
    .replaceAll('{{TERMS_URL}}', options.termsUrl ?? options.websiteUrl);
  const manifest = JSON.parse(filled) as Record<string, unknown> & { validDomains?: string[] };
  manifest.version = options.version;
  manifest.validDomains = [...new Set([...(manifest.validDomains ?? []), ...(options.domains ?? [])])];

  const icons = manifest.icons as { color: string; outline: string };
  const [color, outline] = await Promise.all([readFile(path.join(dir, icons.color)), readFile(path.join(dir, icons.outline))]);
  const problems = [...(await manifestProblems(manifest)), ...iconProblems(color, outline)];
  if (problems.length) throw new ConfigError(`the Teams app package is not valid:\n${problems.join('\n')}`);

  const zip = zipSync(
    {
      'manifest.json': strToU8(`${JSON.stringify(manifest, null, 2)}\n`),
      [icons.color]: new Uint8Array(color),
      [icons.outline]: new Uint8Array(outline),
    },
    // Fixed timestamps keep the zip identical for identical input.
    { level: 9, mtime: new Date('2025-01-01T00:00:00Z') },
  );
  return { manifest, zip };
}
