import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { defaultSqliteDriver, openSqlite, type SqliteDatabase, type SqliteDriverName } from '../../src/store/sqlite-driver.js';
import { reusingStatements } from '../../src/store/statement-cache.js';
import { tempDir } from '../helpers/temp.js';

/**
 * The drivers this Node can run: its default always; on Node 22 node:sqlite as well (Node 20 has none,
 * and better-sqlite3 12.x is not loaded on Node 24, where a collected statement aborts the process).
 */
async function driversHere(): Promise<SqliteDriverName[]> {
  const drivers: SqliteDriverName[] = [defaultSqliteDriver()];
  if (drivers[0] === 'better-sqlite3') {
    const builtin = await openSqlite(':memory:', { driver: 'node:sqlite' }).catch(() => undefined);
    if (builtin) drivers.push('node:sqlite');
    builtin?.close();
  }
  return drivers;
}

const drivers = await driversHere();
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).reverse().forEach((c) => c()));

function scratch(): string {
  const tmp = tempDir();
  cleanups.push(tmp.cleanup);
  return tmp.dir;
}

async function open(file: string, driver: SqliteDriverName, readonly = false): Promise<SqliteDatabase> {
  const db = await openSqlite(file, { driver, readonly });
  cleanups.push(() => db.close());
  return db;
}

describe('which SQLite driver runs', () => {
  it('better-sqlite3 on Node 20 and 22, node:sqlite from Node 24 on', () => {
    expect(defaultSqliteDriver('20.20.2')).toBe('better-sqlite3');
    expect(defaultSqliteDriver('22.23.3')).toBe('better-sqlite3');
    expect(defaultSqliteDriver('24.0.0')).toBe('node:sqlite');
    expect(defaultSqliteDriver('24.21.0')).toBe('node:sqlite');
    expect(defaultSqliteDriver('26.1.0')).toBe('node:sqlite');
  });
});

describe.each(drivers)('SQLite through %s', (driver) => {
  it('answers prepare/reader/all/run/iterate as Kysely drives them', async () => {
    const db = await open(path.join(scratch(), 'a.db'), driver);
    expect(db.driver).toBe(driver);
    const create = db.prepare('create table t (id integer primary key, name text not null)');
    expect(create.reader).toBe(false);
    create.run([]);
    const insert = db.prepare('insert into t (name) values (?)');
    expect(insert.reader).toBe(false);
    expect(insert.run(['ada'])).toMatchObject({ changes: 1, lastInsertRowid: 1 });
    expect(insert.run(['grace'])).toMatchObject({ changes: 1, lastInsertRowid: 2 });
    // RETURNING makes a write a reader: Kysely then reads its rows with all().
    const returning = db.prepare('insert into t (name) values (?) returning id, name');
    expect(returning.reader).toBe(true);
    expect(returning.all(['linus'])).toEqual([{ id: 3, name: 'linus' }]);
    const select = db.prepare('select id, name from t where id >= ? order by id');
    expect(select.reader).toBe(true);
    expect(select.all([2])).toEqual([{ id: 2, name: 'grace' }, { id: 3, name: 'linus' }]);
    expect(db.prepare('update t set name = upper(name) where id < ?').run([3])).toMatchObject({ changes: 2 });

    const seen: unknown[] = [];
    for (const row of select.iterate([1])) {
      expect(select.busy).toBe(true);
      seen.push(row);
    }
    expect(seen).toEqual([{ id: 1, name: 'ADA' }, { id: 2, name: 'GRACE' }, { id: 3, name: 'linus' }]);
    expect(select.busy).toBe(false);
    // A loop left early frees the statement too.
    for (const _row of select.iterate([1])) break;
    expect(select.busy).toBe(false);
  });

  it('shares a cached statement only when it is not being iterated', async () => {
    const db = reusingStatements(await openSqlite(path.join(scratch(), 'c.db'), { driver }), 2);
    cleanups.push(() => db.close());
    const source = 'select 1 as one union all select 2';
    const first = db.prepare(source);
    expect(db.prepare(source)).toBe(first);
    const rows = first.iterate([]);
    rows.next();
    const during = db.prepare(source);
    expect(during).not.toBe(first);
    expect(during.all([])).toEqual([{ one: 1 }, { one: 2 }]);
    rows.return?.();
    expect(db.prepare(source)).toBe(first);
  });

  it('backs up a live WAL database to a new file that reads back', async () => {
    const dir = scratch();
    const db = await open(path.join(dir, 'live.db'), driver);
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('create table notes (body text)');
    const insert = db.prepare('insert into notes (body) values (?)');
    for (let i = 0; i < 300; i++) insert.run([`note ${i} `.repeat(20)]);
    const target = path.join(dir, 'copy.db');
    const pages = await db.backup(target, 5);
    expect(pages).toBeGreaterThan(5);
    const copy = await open(target, driver, true);
    expect(copy.prepare('select count(*) as n from notes').all([])).toEqual([{ n: 300 }]);
    expect(copy.prepare('PRAGMA integrity_check').all([])).toEqual([{ integrity_check: 'ok' }]);
  });

  it('opens read-only only a file that exists, and refuses writes to it', async () => {
    const dir = scratch();
    await expect(openSqlite(path.join(dir, 'missing.db'), { driver, readonly: true })).rejects.toThrow();
    expect(existsSync(path.join(dir, 'missing.db'))).toBe(false);
    const file = path.join(dir, 'ro.db');
    (await open(file, driver)).exec('create table t (x)');
    const ro = await open(file, driver, true);
    expect(() => ro.prepare('insert into t values (1)').run([])).toThrow(/readonly/);
  });

  it('runs the whole store: migrations, a write and a read back after reopening', async () => {
    const file = path.join(scratch(), 'store.db');
    const ref = { platform: 'slack', workspaceId: 'T1', conversationId: 'C1' } as const;
    const first = await openStore({ kind: 'sqlite', path: file, driver });
    await first.conversations.upsert({ ...ref, isDirect: false, timeZone: 'Europe/London' });
    await first.close();
    const second = await openStore({ kind: 'sqlite', path: file, driver });
    try {
      expect(await second.conversations.get(ref)).toMatchObject({ timeZone: 'Europe/London', isDirect: false });
      await second.ping();
    } finally {
      await second.close();
    }
  });
});
