import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../scripts/bench/proc.js';
import { INSTALL_HINT, findPgBin, isCI, skipNotice } from './pg-bin.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the PostgreSQL server the test run started (database `postgres`); '' when skipped. */
    pgAdminUrl: string;
  }
}

/**
 * Starts a throwaway PostgreSQL on loopback for the whole test run and provides its URL as
 * `pgAdminUrl`. initdb refuses to run as root, so as root the server runs as the `postgres` user in a
 * temp directory it owns. Without server binaries a local run skips only the PostgreSQL suites, with a
 * loud notice (pgAdminUrl is ''); under CI=true it fails instead. A server that is found but cannot
 * start always fails the run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const found = findPgBin();
  if (!found.bin) {
    if (isCI(process.env)) {
      throw new Error(`PostgreSQL server binaries not found and CI=true, so the run fails rather than skip the PostgreSQL suites. Looked in: ${found.searched.join(', ')}. ${INSTALL_HINT}`);
    }
    process.stderr.write(`\n${skipNotice(found)}\n\n`);
    project.provide('pgAdminUrl', '');
    return async () => undefined;
  }
  const bin = found.bin;
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(tmpdir(), 'moodmusic-pg-'));
  const data = path.join(dir, 'data');
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[]) => {
    const command = path.join(bin, tool);
    try {
      return asRoot
        ? execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { cwd: dir, stdio: 'pipe' })
        : execFileSync(command, args, { cwd: dir, stdio: 'pipe' });
    } catch (error) {
      const e = error as { stderr?: Buffer; stdout?: Buffer; message: string };
      throw new Error(`${tool} failed: ${e.stderr?.toString() || e.stdout?.toString() || e.message}`, { cause: error });
    }
  };
  const port = await freePort();
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-locale']);
  const options = `-c listen_addresses=127.0.0.1 -c port=${port} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c unix_socket_directories=${dir} -c max_connections=300`;
  run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  project.provide('pgAdminUrl', `postgres://postgres@127.0.0.1:${port}/postgres`);
  return async () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
