import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import nodeModule from 'node:module';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMAND_HELP } from '../../src/cli/help.js';
import { runCli } from '../../src/cli/main.js';
import { openStore } from '../../src/store/index.js';
import { ROOT } from '../helpers/bot.js';
import { tempDir } from '../helpers/temp.js';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function io(env: NodeJS.ProcessEnv = {}, stdin: NodeJS.ReadableStream = new PassThrough(), cwd = ROOT) {
  let out = '';
  let err = '';
  return {
    io: { stdin, stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, cwd, env },
    out: () => out,
    err: () => err,
  };
}

const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('moodmusic explains itself', () => {
  it.each([['--version'], ['-v'], ['version']])('%s prints the version', async (flag) => {
    const t = io();
    expect(await runCli([flag], t.io)).toBe(0);
    expect(t.out()).toBe(`moodmusic ${VERSION} (Node.js ${process.version})\n`);
  });

  it.each(Object.keys(COMMAND_HELP))('%s --help and help %s print that command\'s help', async (name) => {
    for (const argv of [[name, '--help'], [name, '-h'], ['help', name]]) {
      const t = io();
      expect(await runCli(argv, t.io), argv.join(' ')).toBe(0);
      expect(t.out()).toMatch(new RegExp(`^Usage: moodmusic ${name}`));
      expect(t.err()).toBe('');
    }
  });

  it('--help lists every command, backup included', async () => {
    const t = io();
    expect(await runCli(['--help'], t.io)).toBe(0);
    for (const name of ['start', 'review', 'reframe', 'prompts check', 'prompt', 'stories export', 'backup', '--version']) expect(t.out()).toContain(name);
  });

  it('the real bin answers --version and start --help without starting anything', () => {
    const version = spawnSync(process.execPath, ['bin/moodmusic.js', '--version'], { cwd: ROOT, encoding: 'utf8' });
    expect(version.status).toBe(0);
    expect(version.stdout).toContain(`moodmusic ${VERSION}`);
    const help = spawnSync(process.execPath, ['bin/moodmusic.js', 'start', '--help'], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: moodmusic start/);
    expect(help.stderr).toBe('');
  });

  it('the real bin reviews a short file, a long file and standard input exactly as the review does in process', async () => {
    // The bin compiles regexes differently for short files (a V8 flag): what the review says must not change.
    const dir = tempDir();
    cleanups.push(dir.cleanup);
    const plans = readFileSync(path.join(ROOT, 'test/review/cases.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => (JSON.parse(l) as { text: string }).text);
    const short = plans.slice(0, 3).join('\n\n');
    let long = '';
    for (const p of plans) if (long.length < 12_000) long += `${p}\n\n`;
    for (const [name, text] of [['short.txt', short], ['long.txt', long]] as const) {
      const file = path.join(dir.dir, name);
      writeFileSync(file, text);
      const inProcess = io();
      expect(await runCli(['review', '--json', file], inProcess.io)).toBe(0);
      const fromFile = spawnSync(process.execPath, ['bin/moodmusic.js', 'review', '--json', file], { cwd: ROOT, encoding: 'utf8' });
      expect(fromFile.status, fromFile.stderr).toBe(0);
      expect(fromFile.stdout).toBe(inProcess.out());
      const fromStdin = spawnSync(process.execPath, ['bin/moodmusic.js', 'review', '--json', '-'], { cwd: ROOT, encoding: 'utf8', input: text });
      expect(fromStdin.stdout).toBe(inProcess.out());
    }
    const question = 'How do we stop young people dropping out of school?';
    const reframed = io();
    expect(await runCli(['reframe', '--json', question], reframed.io)).toBe(0);
    expect(spawnSync(process.execPath, ['bin/moodmusic.js', 'reframe', '--json', question], { cwd: ROOT, encoding: 'utf8' }).stdout).toBe(reframed.out());
  });

  it('the bin runs the bundled CLI that npm run build makes, and the compiled one once the bundle is older', async () => {
    // A copy of the package's built files, so the test can take parts away without touching the real build.
    const dir = tempDir();
    cleanups.push(dir.cleanup);
    for (const part of ['bin', 'package.json', 'dist/src', 'dist/bundle/cli']) cpSync(path.join(ROOT, part), path.join(dir.dir, part), { recursive: true });
    const file = path.join(dir.dir, 'plan.txt');
    writeFileSync(file, 'Workshop for 20 people on how we welcome new starters, with small-group discussion.\n');
    const inProcess = io();
    expect(await runCli(['review', '--json', file], inProcess.io)).toBe(0);
    const bin = (args: string[]) => spawnSync(process.execPath, [path.join(dir.dir, 'bin/moodmusic.js'), ...args], { cwd: dir.dir, encoding: 'utf8' });
    // Without the compiled review the bin still reviews: the bundle holds it.
    rmSync(path.join(dir.dir, 'dist/src/review'), { recursive: true });
    const bundled = bin(['review', '--json', file]);
    expect(bundled.status, bundled.stderr).toBe(0);
    expect(bundled.stdout).toBe(inProcess.out());
    expect(bin(['--version']).stdout).toBe(`moodmusic ${VERSION} (Node.js ${process.version})\n`);
    // A compile newer than the bundle (a bare tsc) wins: the bin now looks for the compiled review.
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(dir.dir, 'dist/src/cli/main.js'), later, later);
    const compiled = bin(['review', '--json', file]);
    expect(compiled.status).toBe(1);
    expect(compiled.stderr).toMatch(/review/);
    cpSync(path.join(ROOT, 'dist/src/review'), path.join(dir.dir, 'dist/src/review'), { recursive: true });
    expect(bin(['review', '--json', file]).stdout).toBe(inProcess.out());
  });

  it.runIf(typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function')(
    'the bin keeps compiled code in the temp folder\'s node-compile-cache where Node has one, and answers the same from it',
    () => {
      const dir = tempDir();
      cleanups.push(dir.cleanup);
      const file = path.join(dir.dir, 'plan.txt');
      writeFileSync(file, 'Workshop for 20 people on how we welcome new starters.\n');
      const env = { PATH: process.env.PATH ?? '', TMPDIR: dir.dir };
      const first = spawnSync(process.execPath, ['bin/moodmusic.js', 'review', '--json', file], { cwd: ROOT, encoding: 'utf8', env });
      expect(first.status, first.stderr).toBe(0);
      expect(readdirSync(path.join(dir.dir, 'node-compile-cache'), { recursive: true }).length).toBeGreaterThan(1);
      const second = spawnSync(process.execPath, ['bin/moodmusic.js', 'review', '--json', file], { cwd: ROOT, encoding: 'utf8', env });
      expect(second.stdout).toBe(first.stdout);
    },
  );

  it('review on a terminal says to paste the plan, then Ctrl-D; piped input gets no hint', async () => {
    const tty = Object.assign(new PassThrough(), { isTTY: true });
    const t = io({}, tty);
    const running = runCli(['review'], t.io);
    tty.end('Workshop for 20 people on how we welcome new starters.\n');
    expect(await running).toBe(0);
    expect(t.err()).toBe('moodmusic review: paste the plan, then press Ctrl-D on an empty line (or give a file: moodmusic review plan.txt)\n');
    const piped = new PassThrough();
    const p = io({}, piped);
    const done = runCli(['review'], p.io);
    piped.end('Workshop for 20 people.\n');
    expect(await done).toBe(0);
    expect(p.err()).toBe('');
  });
});

describe('stories export with a workspace id the database does not know', () => {
  it('exits 1 naming the known workspaces and where to find an id', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const file = path.join(tmp.dir, 'bot.db');
    const store = await openStore({ kind: 'sqlite', path: file });
    await store.conversations.upsert({ platform: 'slack', workspaceId: 'T0123', conversationId: 'C1', isDirect: false });
    await store.close();
    const t = io({ SQLITE_PATH: file });
    expect(await runCli(['stories', 'export', '--workspace', 'T9999'], t.io)).toBe(1);
    expect(t.out()).toBe('');
    expect(t.err()).toContain('no workspace "T9999" in this database. Workspaces in this database: T0123 (slack, 0 shared stories).');
    expect(t.err()).toContain('app.slack.com/client/T');
    expect(t.err()).toContain('Microsoft Entra ID');
  });
});

describe('moodmusic backup FILE', () => {
  it('copies the SQLite database with the online backup, checks it, and never overwrites', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const file = path.join(tmp.dir, 'bot.db');
    const store = await openStore({ kind: 'sqlite', path: file });
    await store.storyChannels.setWelcome({ platform: 'shell', workspaceId: 'shell', conversationId: 'shell' }, true);
    // The store stays open, as the running bot's would: the backup is online.
    const t = io({ SQLITE_PATH: file }, undefined, tmp.dir);
    expect(await runCli(['backup', 'copy.db'], t.io)).toBe(0);
    expect(t.out()).toMatch(/^backed up .*bot\.db to copy\.db \(\d+ pages, integrity ok\)\n$/);
    await store.close();
    const copy = await openStore({ kind: 'sqlite', path: path.join(tmp.dir, 'copy.db') });
    expect(await copy.storyChannels.get({ platform: 'shell', workspaceId: 'shell', conversationId: 'shell' })).toMatchObject({ welcome: true });
    await copy.close();
    const again = io({ SQLITE_PATH: file }, undefined, tmp.dir);
    expect(await runCli(['backup', 'copy.db'], again.io)).toBe(1);
    expect(again.err()).toContain('copy.db already exists');
  });

  it('points PostgreSQL users to pg_dump, and says when there is no database', async () => {
    const pg = io({ DATABASE_URL: 'postgres://u@127.0.0.1:1/x' });
    expect(await runCli(['backup', 'x.dump'], pg.io)).toBe(1);
    expect(pg.err()).toContain('pg_dump --format=custom');
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const none = io({ SQLITE_PATH: path.join(tmp.dir, 'missing.db') }, undefined, tmp.dir);
    expect(await runCli(['backup', 'copy.db'], none.io)).toBe(1);
    expect(none.err()).toContain('no database at');
    expect(existsSync(path.join(tmp.dir, 'copy.db'))).toBe(false);
  });
});
