import { mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * The SQLite driver behind the store, chosen per Node major:
 * - `better-sqlite3` on Node 20 and 22;
 * - `node:sqlite` (Node's built-in `DatabaseSync`) on Node 24 and later. better-sqlite3 12.x compiled
 *   against Node >= 24.19's headers aborts the process (`Assertion failed: (env) != nullptr` in
 *   `node::RemoveEnvironmentCleanupHook`) whenever the garbage collector frees one of its statements, and
 *   its 13.x line no longer runs on Node 20 (nodejs/node#65446 for the header change).
 */
export type SqliteDriverName = 'better-sqlite3' | 'node:sqlite';

/** The driver this Node runs (see {@link SqliteDriverName}). */
export function defaultSqliteDriver(nodeVersion: string = process.versions.node): SqliteDriverName {
  return Number(nodeVersion.split('.')[0]) >= 24 ? 'node:sqlite' : 'better-sqlite3';
}

/** What `run` reports, as Kysely's SqliteDialect reads it. */
export interface RunResult {
  changes: number | bigint;
  lastInsertRowid: number | bigint;
}

/**
 * A prepared statement in the shape Kysely's SqliteDialect drives (better-sqlite3's): positional
 * parameters as one array, `reader` when the statement returns rows, `busy` while it is being iterated.
 */
export interface SqliteStatement {
  readonly reader: boolean;
  readonly busy: boolean;
  all(parameters?: readonly unknown[]): unknown[];
  run(parameters?: readonly unknown[]): RunResult;
  iterate(parameters?: readonly unknown[]): IterableIterator<unknown>;
}

/** One open SQLite database, the same on either driver. */
export interface SqliteDatabase {
  readonly driver: SqliteDriverName;
  /** False once closed. */
  readonly open: boolean;
  /** True while a transaction is open on this connection (SQLite is not in autocommit mode). */
  readonly inTransaction: boolean;
  prepare(source: string): SqliteStatement;
  /** Runs SQL (one or more statements) and discards any rows, e.g. `PRAGMA foreign_keys = ON`. */
  exec(source: string): void;
  /**
   * Copies this database to the new file `target` with SQLite's online backup API, `pagesPerStep` pages
   * at a time (between steps writers may go on; SQLite restarts the copy if they do). Resolves with the
   * number of pages copied.
   */
  backup(target: string, pagesPerStep?: number): Promise<number>;
  close(): void;
}

/** How to open a file. */
export interface OpenSqliteOptions {
  /** Open read-only; the file must then exist. */
  readonly?: boolean;
  /** Defaults to {@link defaultSqliteDriver} for this Node. */
  driver?: SqliteDriverName;
}

/**
 * Opens the SQLite file at `file` (or `:memory:`) with the driver this Node runs. A writable file's
 * folder is created first.
 */
export async function openSqlite(file: string, options: OpenSqliteOptions = {}): Promise<SqliteDatabase> {
  const readonly = options.readonly ?? false;
  if (!readonly && file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const driver = options.driver ?? defaultSqliteDriver();
  if (driver === 'node:sqlite') {
    const { openNodeSqlite } = await import('./node-sqlite.js');
    return openNodeSqlite(file, readonly);
  }
  const { openBetterSqlite } = await import('./better-sqlite.js');
  return openBetterSqlite(file, readonly);
}
