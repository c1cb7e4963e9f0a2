import type { SqliteDatabase, SqliteStatement } from './sqlite-driver.js';

/** Most distinct SQL texts kept prepared (the store issues a few dozen shapes; `IN` lists add some). */
const STATEMENT_CACHE = 500;

/** SQL that only reads (anything else may write, including `insert … returning`, which is a reader). */
const READ_ONLY = /^\s*select\b/i;

/** `statement`, calling `onWrite` before each run (so a cache of what it may change can be dropped first). */
function reportingRuns(statement: SqliteStatement, onWrite: () => void): SqliteStatement {
  return {
    get reader() {
      return statement.reader;
    },
    get busy() {
      return statement.busy;
    },
    all(parameters) {
      onWrite();
      return statement.all(parameters);
    },
    run(parameters) {
      onWrite();
      return statement.run(parameters);
    },
    iterate(parameters) {
      onWrite();
      return statement.iterate(parameters);
    },
  };
}

/** What Kysely's SqliteDialect needs of a database. */
export interface PreparingDatabase {
  prepare(source: string): SqliteStatement;
  close(): void;
}

/**
 * The database with `prepare` answered from a cache keyed by SQL text: Kysely prepares every query it
 * runs, and SQLite would parse and plan the same SQL again each time. A cached statement that is still
 * being iterated is not shared (a fresh one is prepared instead). `limit` bounds the cache; the oldest
 * entry goes first. `onWrite`, when given, is called before every statement that is not a plain select.
 */
export function reusingStatements(database: SqliteDatabase, limit: number = STATEMENT_CACHE, onWrite?: () => void): PreparingDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    prepare(source) {
      const hit = cache.get(source);
      if (hit && !hit.busy) return hit;
      const prepared = database.prepare(source);
      const statement = onWrite && !READ_ONLY.test(source) ? reportingRuns(prepared, onWrite) : prepared;
      if (!hit) {
        if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
        cache.set(source, statement);
      }
      return statement;
    },
    close() {
      cache.clear();
      database.close();
    },
  };
}
