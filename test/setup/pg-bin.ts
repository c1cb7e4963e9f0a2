import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** What the finder may look at; injected so tests can describe machines without PostgreSQL. */
export interface PgSearch {
  env: NodeJS.ProcessEnv;
  exists(file: string): boolean;
  list(dir: string): string[];
  /** `pg_config --bindir`, or undefined when pg_config is not on PATH. */
  pgConfigBindir(): string | undefined;
}

export const realSearch: PgSearch = {
  env: process.env,
  exists: existsSync,
  list: (dir) => {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  },
  pgConfigBindir: () => {
    try {
      return execFileSync('pg_config', ['--bindir'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() || undefined;
    } catch {
      return undefined;
    }
  },
};

/** Versioned install folders (postgresql@17, 16, …), newest first. */
function versioned(dirs: string[], prefix: string): string[] {
  const version = (d: string) => Number(d.slice(prefix.length).replace(/^@/, '')) || 0;
  return dirs.filter((d) => d.startsWith(prefix)).sort((a, b) => version(b) - version(a));
}

/**
 * Where initdb and pg_ctl are, in order: PG_BIN, `pg_config --bindir`, Debian/Ubuntu
 * (/usr/lib/postgresql/N/bin, newest first), Homebrew (/opt/homebrew and /usr/local: opt/postgresql@N/bin
 * and bin), RHEL/PGDG (/usr/pgsql-N/bin). `searched` lists every place looked in, for the notice.
 * PG_BIN=none skips the search (run without the PostgreSQL suites on purpose).
 */
export function findPgBin(search: PgSearch = realSearch): { bin?: string; searched: string[]; disabled?: boolean } {
  const searched: string[] = [];
  const explicit = search.env.PG_BIN?.trim();
  if (explicit === 'none') return { searched: ['PG_BIN=none'], disabled: true };
  const candidates: string[] = [];
  if (explicit) candidates.push(explicit);
  const fromConfig = search.pgConfigBindir();
  if (fromConfig) candidates.push(fromConfig);
  else searched.push('pg_config --bindir (pg_config not found)');
  const debian = '/usr/lib/postgresql';
  candidates.push(...search.list(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)).map((v) => path.join(debian, v, 'bin')));
  if (!candidates.some((c) => c.startsWith(debian))) searched.push(`${debian}/*/bin`);
  for (const brew of ['/opt/homebrew', '/usr/local']) {
    const opt = path.join(brew, 'opt');
    candidates.push(...versioned(search.list(opt), 'postgresql').map((d) => path.join(opt, d, 'bin')), path.join(brew, 'bin'));
  }
  candidates.push(...versioned(search.list('/usr'), 'pgsql-').map((d) => path.join('/usr', d, 'bin')));
  for (const dir of candidates) {
    if (search.exists(path.join(dir, 'initdb')) && search.exists(path.join(dir, 'pg_ctl'))) return { bin: dir, searched };
    searched.push(dir);
  }
  return { searched };
}

/** Whether this run is CI (CI=true or 1, as CI services and .ci/run set it). */
export function isCI(env: NodeJS.ProcessEnv): boolean {
  return /^(true|1)$/i.test(env.CI?.trim() ?? '');
}

export const INSTALL_HINT =
  'Install the server: Debian/Ubuntu `sudo apt-get install postgresql`, macOS `brew install postgresql@17`, Fedora/RHEL `sudo dnf install postgresql-server`; or point PG_BIN at the folder holding initdb and pg_ctl.';

/** The loud notice a local run prints when it skips the PostgreSQL suites. */
export function skipNotice(found: ReturnType<typeof findPgBin>): string {
  const why = found.disabled ? 'PG_BIN=none' : `no initdb/pg_ctl found (looked in: ${found.searched.join(', ')})`;
  const bar = '!'.repeat(78);
  return [
    bar,
    `!! SKIPPING the PostgreSQL suites: ${why}.`,
    '!! SQLite and every other suite still run; the PostgreSQL store is NOT tested by this run.',
    `!! ${INSTALL_HINT}`,
    '!! Under CI=true a missing server fails the run instead.',
    bar,
  ].join('\n');
}
