import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/bot.js';
import { findPgBin, isCI, skipNotice, type PgSearch } from './pg-bin.js';

/** A machine described by the files it has. */
function machine(files: string[], env: NodeJS.ProcessEnv = {}, pgConfig?: string): PgSearch {
  const set = new Set(files);
  return {
    env,
    exists: (f) => set.has(f),
    list: (dir) => [...new Set(files.filter((f) => f.startsWith(`${dir}/`)).map((f) => f.slice(dir.length + 1).split('/')[0] ?? ''))],
    pgConfigBindir: () => pgConfig,
  };
}
const server = (dir: string) => [path.join(dir, 'initdb'), path.join(dir, 'pg_ctl')];

describe('finding the PostgreSQL server binaries', () => {
  it('prefers PG_BIN, then pg_config --bindir', () => {
    expect(findPgBin(machine([...server('/custom'), ...server('/usr/lib/postgresql/16/bin')], { PG_BIN: '/custom' })).bin).toBe('/custom');
    expect(findPgBin(machine([...server('/from/config'), ...server('/usr/lib/postgresql/16/bin')], {}, '/from/config')).bin).toBe('/from/config');
  });

  it('finds the newest Debian version', () => {
    expect(findPgBin(machine([...server('/usr/lib/postgresql/9/bin'), ...server('/usr/lib/postgresql/16/bin'), ...server('/usr/lib/postgresql/15/bin')])).bin).toBe('/usr/lib/postgresql/16/bin');
  });

  it('finds Homebrew on Apple silicon and Intel, versioned or not, and PGDG on RHEL', () => {
    expect(findPgBin(machine(server('/opt/homebrew/opt/postgresql@17/bin'))).bin).toBe('/opt/homebrew/opt/postgresql@17/bin');
    expect(findPgBin(machine([...server('/opt/homebrew/opt/postgresql@14/bin'), ...server('/opt/homebrew/opt/postgresql@16/bin')])).bin).toBe('/opt/homebrew/opt/postgresql@16/bin');
    expect(findPgBin(machine(server('/usr/local/bin'))).bin).toBe('/usr/local/bin');
    expect(findPgBin(machine(server('/usr/pgsql-16/bin'))).bin).toBe('/usr/pgsql-16/bin');
  });

  it('says where it looked when nothing is there, and PG_BIN=none skips on purpose', () => {
    const none = findPgBin(machine([]));
    expect(none.bin).toBeUndefined();
    expect(none.searched).toEqual(expect.arrayContaining(['pg_config --bindir (pg_config not found)', '/usr/lib/postgresql/*/bin', '/opt/homebrew/bin', '/usr/local/bin']));
    expect(skipNotice(none)).toContain('SKIPPING the PostgreSQL suites: no initdb/pg_ctl found');
    expect(findPgBin(machine(server('/usr/lib/postgresql/16/bin'), { PG_BIN: 'none' }))).toEqual({ searched: ['PG_BIN=none'], disabled: true });
  });

  it('knows CI when CI is true or 1', () => {
    expect([isCI({ CI: 'true' }), isCI({ CI: '1' }), isCI({ CI: 'false' }), isCI({})]).toEqual([true, true, false, false]);
  });
});

/** Runs vitest itself on one store suite, as `npm test` would on a machine without PostgreSQL. */
function nestedRun(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'test/setup/nested.config.ts', '--reporter=verbose', 'test/store/forget.test.ts', 'test/schedule/instances.test.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('a run without PostgreSQL', () => {
  it('locally: skips only the PostgreSQL suites, loudly, and passes the SQLite ones', { timeout: 240_000 }, async () => {
    const { code, out } = await nestedRun({ PG_BIN: 'none', CI: '' });
    expect(out).toContain('!! SKIPPING the PostgreSQL suites: PG_BIN=none.');
    expect(out).toMatch(/✓ .*forget me beyond stories on sqlite/);
    expect(out).toMatch(/↓ .*forget me beyond stories on postgres/);
    expect(out).toMatch(/↓ .*two bot instances on one PostgreSQL/);
    expect(out).toMatch(/Tests\s+\d+ passed \| \d+ skipped/);
    expect(out).not.toMatch(/failed/);
    expect(code).toBe(0);
  });

  it('under CI=true: fails instead of skipping', { timeout: 240_000 }, async () => {
    const { code, out } = await nestedRun({ PG_BIN: 'none', CI: 'true' });
    expect(code).not.toBe(0);
    expect(out).toContain('PostgreSQL server binaries not found and CI=true, so the run fails rather than skip the PostgreSQL suites');
  });
});
