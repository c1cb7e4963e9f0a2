import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { startCheckpointer, type BackgroundCheckpointer } from '../../src/store/checkpointer.js';
import { BACKSTOP_CHECKPOINT_PAGES, openStore } from '../../src/store/index.js';
import { defaultSqliteDriver, openSqlite, type SqliteDatabase } from '../../src/store/sqlite-driver.js';
import { tempDir } from '../helpers/temp.js';

const driver = defaultSqliteDriver();
const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function scratch(): string {
  const tmp = tempDir();
  cleanups.push(tmp.cleanup);
  return tmp.dir;
}

/** The rows of `notes` found in the database file alone, as a copy without its write-ahead log would see them. */
async function rowsInFileAlone(file: string): Promise<number> {
  const copy = path.join(path.dirname(file), `copy-${Math.random().toString(36).slice(2)}.db`);
  copyFileSync(file, copy);
  const db = await openSqlite(copy, { driver, readonly: true });
  try {
    const tables = db.prepare("select count(*) as n from sqlite_master where name = 'notes'").all() as Array<{ n: number }>;
    if (!Number(tables[0]?.n)) return 0;
    return Number((db.prepare('select count(*) as n from notes').all() as Array<{ n: number }>)[0]?.n);
  } finally {
    db.close();
  }
}

/** A connection in WAL mode that never checkpoints by itself, with `count` rows committed one by one. */
async function writer(file: string, count: number): Promise<SqliteDatabase> {
  const db = await openSqlite(file, { driver });
  cleanups.push(() => db.close());
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA wal_autocheckpoint = 0');
  db.exec('create table notes (id integer primary key, body text not null)');
  const insert = db.prepare('insert into notes (body) values (?)');
  for (let i = 0; i < count; i += 1) insert.run([`note ${i}`]);
  return db;
}

function checkpointer(file: string, errors: Error[] = []): BackgroundCheckpointer {
  // A timer that never fires within a test: checkpoints happen when the test asks for one.
  const started = startCheckpointer(file, driver, { everyMs: 3_600_000, onError: (error) => errors.push(error) });
  cleanups.push(() => started.stop());
  return started;
}

describe('background checkpoints', () => {
  it('copy every committed row from the log into the database file, from their own thread and connection', async () => {
    const file = path.join(scratch(), 'bot.db');
    await writer(file, 300);
    // Committed, but only in the log: the bot's connection did not checkpoint.
    expect(await rowsInFileAlone(file)).toBe(0);
    const errors: Error[] = [];
    const result = await checkpointer(file, errors).now();
    expect(result.busy).toBe(false);
    expect(result.logFrames).toBeGreaterThan(0);
    expect(result.checkpointedFrames).toBe(result.logFrames);
    expect(await rowsInFileAlone(file)).toBe(300);
    expect(errors).toEqual([]);
  });

  it('never block the writer: it goes on committing between checkpoints, and the next one copies those rows too', async () => {
    const file = path.join(scratch(), 'bot.db');
    const db = await writer(file, 10);
    const thread = checkpointer(file);
    await thread.now();
    const insert = db.prepare('insert into notes (body) values (?)');
    for (let i = 0; i < 50; i += 1) insert.run([`later ${i}`]);
    expect(await rowsInFileAlone(file)).toBe(10);
    const result = await thread.now();
    expect(result.checkpointedFrames).toBe(result.logFrames);
    expect(await rowsInFileAlone(file)).toBe(60);
  });

  it('report a file that cannot be opened, and refuse checkpoints after that', async () => {
    const file = path.join(scratch(), 'no-such-folder', 'bot.db');
    let report: (error: Error) => void = () => undefined;
    const reported = new Promise<Error>((resolve) => (report = resolve));
    const started = startCheckpointer(file, driver, { everyMs: 3_600_000, onError: (error) => report(error) });
    cleanups.push(() => started.stop());
    const error = await reported;
    expect(error.message).toContain('background checkpoint thread');
    expect(error.message).toContain(file);
    await expect(started.now()).rejects.toThrow('background checkpoint thread');
  });

  it('leave the store connection only a backstop checkpoint, and stop with the store', async () => {
    const file = path.join(scratch(), 'bot.db');
    const errors: Error[] = [];
    const store = await openStore({ kind: 'sqlite', path: file }, undefined, { backgroundCheckpoint: { everyMs: 3_600_000, onError: (e) => errors.push(e) } });
    let closed = false;
    cleanups.push(async () => {
      if (!closed) await store.close();
    });
    const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(store.db);
    expect(Number(rows[0]?.wal_autocheckpoint)).toBe(BACKSTOP_CHECKPOINT_PAGES);
    expect(await store.events.claim('slack', 'T1', 'Ev1')).toBe(true);
    expect(await store.events.claim('slack', 'T1', 'Ev1')).toBe(false);
    await store.close();
    closed = true;
    expect(errors).toEqual([]);
  });

  it('are not started for one-shot use: the store connection checkpoints as SQLite does by default', async () => {
    const store = await openStore({ kind: 'sqlite', path: path.join(scratch(), 'cli.db') });
    cleanups.push(() => store.close());
    const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(store.db);
    expect(Number(rows[0]?.wal_autocheckpoint)).toBe(1000);
  });
});
