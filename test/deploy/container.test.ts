import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, freePort } from '../helpers/bot.js';
import { tempDir } from '../helpers/temp.js';
import { freshPostgresUrl, postgresAvailable } from '../store/stores.js';

/*
 * No container runtime runs on the CI machine (the docker client has no engine, and hadolint is not in
 * Debian), so the Dockerfile is checked by reading it against the rules that matter, and the compose
 * file's bot command is run as a plain process with the compose environment.
 */

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

interface Stage {
  from: string;
  name?: string;
  lines: string[];
}

/** Dockerfile instructions (continuations joined, comments dropped), grouped by stage. */
function stages(dockerfile: string): { args: string[]; stages: Stage[] } {
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const out: Stage[] = [];
  const args: string[] = [];
  for (const line of instructions) {
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) out.push({ from: from[1] ?? '', ...(from[2] ? { name: from[2] } : {}), lines: [] });
    else if (out.length === 0) args.push(line);
    else out[out.length - 1]!.lines.push(line);
  }
  return { args, stages: out };
}

describe('Dockerfile', () => {
  const { args, stages: all } = stages(read('Dockerfile'));
  const final = all[all.length - 1]!;
  const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;

  it('is multi-stage on an LTS Node that CI tests and engines allows', () => {
    expect(all.length).toBeGreaterThanOrEqual(2);
    const version = /^ARG NODE_VERSION=(\d+)$/.exec(args.find((a) => a.startsWith('ARG NODE_VERSION')) ?? '')?.[1];
    // The current LTS (24; its SQLite goes through node:sqlite, see src/store/sqlite-driver.ts).
    expect(version).toBe('24');
    expect(engines).toContain(`^${version}`);
    for (const stage of all.filter((s) => !s.from.startsWith('build') && !all.some((o) => o.name === s.from))) {
      expect(stage.from).toBe('node:${NODE_VERSION}-bookworm-slim');
    }
    expect(read('.ci/run')).toMatch(new RegExp(`EXTRA_NODE_MAJORS:-22 ${version}\\}`));
  });

  it('runs as a non-root user, with production dependencies only', () => {
    const user = final.lines.filter((l) => /^USER\s/i.test(l)).pop();
    expect(user).toBeDefined();
    expect(user!.split(/\s+/)[1]).not.toMatch(/^(root|0)(:|$)/);
    // The node_modules the final stage copies come from a stage that installed with --omit=dev.
    const copied = final.lines.find((l) => /^COPY --from=(\S+).*node_modules/.test(l));
    const source = /--from=(\S+)/.exec(copied ?? '')?.[1];
    const deps = all.find((s) => s.name === source);
    expect(deps?.lines.some((l) => /npm ci\b.*--omit=dev/.test(l))).toBe(true);
    expect(final.lines.some((l) => /npm (ci|install)/.test(l))).toBe(false);
    expect(final.lines.some((l) => /apt-get install/.test(l))).toBe(false);
  });

  it('has a HEALTHCHECK that asks /healthz through bin/healthcheck.js', () => {
    const health = final.lines.find((l) => /^HEALTHCHECK\s/i.test(l));
    expect(health).toMatch(/CMD \["node", "bin\/healthcheck\.js"\]/);
    expect(read('bin/healthcheck.js')).toContain('/healthz');
    expect(final.lines.some((l) => /^CMD \["node", "bin\/moodmusic\.js", "start"\]$/.test(l))).toBe(true);
  });

  it('copies only files that exist, and the build context leaves out secrets and local state', () => {
    for (const stage of all) {
      for (const line of stage.lines.filter((l) => /^COPY\s/i.test(l) && !/--from=/.test(l))) {
        const parts = line.split(/\s+/).slice(1).filter((p) => !p.startsWith('--'));
        for (const source of parts.slice(0, -1)) expect(existsSync(path.join(ROOT, source)), `${source} in: ${line}`).toBe(true);
      }
    }
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['node_modules', '.env', 'data', '*.db', '.git']) expect(ignored).toContain(entry);
  });
});

/** Whether a container engine answers (the docker client alone is not enough: CI has no daemon). */
function engineRuns(): boolean {
  const info = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8', timeout: 10_000 });
  return info.status === 0 && info.stdout.trim() !== '';
}

describe('the image, where a container engine runs', () => {
  it.skipIf(!engineRuns())('builds, and its HEALTHCHECK reports healthy with the Teams adapter in local mode', { timeout: 900_000 }, async () => {
    const tag = `moodmusic-test:${process.pid}`;
    const build = spawnSync('docker', ['build', '-t', tag, '.'], { cwd: ROOT, encoding: 'utf8', timeout: 840_000 });
    expect(build.status, build.stderr).toBe(0);
    const name = `moodmusic-test-${process.pid}`;
    const run = spawnSync('docker', ['run', '-d', '--name', name, '-e', 'ADAPTERS=teams', tag], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    try {
      let status = '';
      for (let i = 0; i < 90 && status !== 'healthy' && status !== 'unhealthy'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        status = spawnSync('docker', ['inspect', '--format', '{{.State.Health.Status}}', name], { encoding: 'utf8' }).stdout.trim();
      }
      expect(status).toBe('healthy');
      expect(spawnSync('docker', ['exec', name, 'id', '-u'], { encoding: 'utf8' }).stdout.trim()).not.toBe('0');
    } finally {
      spawnSync('docker', ['rm', '-f', name]);
      spawnSync('docker', ['rmi', '-f', tag]);
    }
  });
});

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml')) as {
    services: Record<string, { image?: string; build?: string; command?: string[]; environment?: Record<string, string>; depends_on?: Record<string, { condition: string }>; healthcheck?: unknown }>;
  };
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));

  it('has the bot, built here, and PostgreSQL with a health check the bot waits for', () => {
    const { bot, db } = compose.services;
    expect(bot?.build).toBe('.');
    expect(db?.image).toMatch(/^postgres:\d+/);
    expect(db?.healthcheck).toBeDefined();
    expect(bot?.depends_on?.db?.condition).toBe('service_healthy');
    expect(bot?.environment?.DATABASE_URL).toMatch(/^postgres:\/\/moodmusic:.*@db:5432\/moodmusic$/);
  });

  it("runs the bot service's command outside a container: it migrates the database, answers /healthz, and stops on SIGTERM", { timeout: 60_000 }, async () => {
    const bot = compose.services.bot!;
    const [program, ...argv] = bot.command ?? [];
    expect(program).toBe('node');
    const port = await freePort();
    // The compose environment, with what only exists inside compose replaced: the database host `db`
    // (a fresh database on the test run's server, or SQLite on a machine without one) and the ports.
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const database = postgresAvailable() ? { DATABASE_URL: await freshPostgresUrl() } : { SQLITE_PATH: path.join(tmp.dir, 'bot.db') };
    const { DATABASE_URL: _composeUrl, ...environment } = bot.environment ?? {};
    const env = { PATH: process.env.PATH ?? '', HOME: tmp.dir, ...environment, ...database, ADAPTERS: 'teams', TEAMS_PORT: String(port), LOG_FORMAT: 'json' };
    const child = spawn(process.execPath, argv, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    cleanups.push(() => child.kill('SIGKILL'));
    let log = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        log += d.toString();
        if (log.includes('Teams adapter started')) resolve();
      });
      child.on('close', (code) => reject(new Error(`bot exited ${code}: ${log}`)));
    });
    const health = spawnSync(process.execPath, ['bin/healthcheck.js'], { cwd: ROOT, env, encoding: 'utf8' });
    expect(health.stderr).toBe('');
    expect(health.status).toBe(0);
    if ('DATABASE_URL' in database) {
      const client = new pg.Client({ connectionString: database.DATABASE_URL });
      await client.connect();
      const tables = await client.query<{ table_name: string }>("select table_name from information_schema.tables where table_schema = 'public'");
      await client.end();
      expect(tables.rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(['subscriptions', 'slots', 'stories', 'kysely_migration']));
    }
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

describe('.env.example', () => {
  it('lists every variable the bot reads, and the ones being added', () => {
    const example = read('.env.example');
    const listed = new Set([...example.matchAll(/^#?([A-Za-z_]+)=/gm)].map((m) => m[1]));
    const schema = read('src/config.ts');
    const body = schema.slice(schema.indexOf('const envSchema = z.object({'), schema.indexOf('\n});', schema.indexOf('const envSchema')));
    const read_ = [...body.matchAll(/^ {2}([A-Za-z_]+):/gm)].map((m) => m[1]);
    expect(read_.length).toBeGreaterThan(20);
    const adding = ['REVIEW_LLM_URL', 'REVIEW_LLM_MODEL', 'REVIEW_LLM_API_KEY', 'DIGEST_MIN_PEOPLE', 'ADMIN_USERS', 'PUBLIC_URL', 'SHUTDOWN_GRACE_S', 'ROTATION', 'INSIGHTS_SECRET'];
    for (const name of [...read_, ...adding]) expect(listed.has(name), name).toBe(true);
    // Nothing is set by default: every line is commented, so copying it changes no behaviour.
    expect(example).not.toMatch(/^[A-Za-z_]+=/m);
  });
  it('lists the password compose.yaml builds the database URL from', () => {
    expect(read('compose.yaml')).toContain('${POSTGRES_PASSWORD');
    expect(read('.env.example')).toMatch(/^#POSTGRES_PASSWORD=/m);
  });
});
