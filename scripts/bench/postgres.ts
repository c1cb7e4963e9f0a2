/**
 * A throwaway PostgreSQL server for benchmarks, started the way the test set-up starts one: initdb and
 * pg_ctl from PG_BIN, `pg_config --bindir` or the newest /usr/lib/postgresql/N/bin; as root, run as the
 * `postgres` user; in a temp directory, on 127.0.0.1 and a free port; stopped and removed by `stop`.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort, onInterrupt } from './proc.js';

export interface BenchPostgres {
  /** Creates an empty database and returns its URL. */
  database(name: string): Promise<string>;
  stop(): void;
}

function pgBin(): string {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim());
  } catch {
    // No pg_config on PATH: look in the Debian/Ubuntu folders.
  }
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    candidates.push(...readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)).map((v) => path.join(debian, v, 'bin')));
  }
  const found = candidates.find((dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl')));
  if (!found) throw new Error(`no initdb/pg_ctl found (looked in ${candidates.join(', ') || 'nothing'}): install the PostgreSQL server or set PG_BIN`);
  return found;
}

export async function startPostgres(): Promise<BenchPostgres> {
  const bin = pgBin();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(tmpdir(), 'moodmusic-bench-pg-'));
  const data = path.join(dir, 'data');
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
    chownSync(dir, id('-u'), id('-g'));
  }
  const run = (tool: string, args: string[]) => {
    const command = path.join(bin, tool);
    execFileSync(asRoot ? 'runuser' : command, asRoot ? ['-u', 'postgres', '--', command, ...args] : args, { cwd: dir, stdio: 'pipe' });
  };
  const port = await freePort();
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-locale']);
  // Durable settings kept (fsync on), unlike the tests' server: commits cost what they cost in production.
  const options = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c max_connections=100`;
  run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  const admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    forget();
    try {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    } catch {
      // Already down (a Ctrl-C reaches the server too): only the folder is left to remove.
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  // An interrupted bench still stops its server and removes its folder.
  const forget = onInterrupt(() => stop());
  return {
    async database(name) {
      return createDatabase(admin, name);
    },
    stop,
  };
}

/**
 * Creates the empty database `name` (letters, digits and underscores only) on the server `adminUrl` points
 * at, and returns the URL of the new database with the same user.
 */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
