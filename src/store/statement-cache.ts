import type { SqliteDatabase, SqliteStatement } from './sqlite-driver.js';

/** Most distinct SQL texts kept prepared (the store issues a few dozen shapes; `IN` lists add some). */
const STATEMENT_CACHE = 500;

/** What Kysely's SqliteDialect needs of a database. */
export interface PreparingDatabase {
  prepare(source: string): SqliteStatement;
  close(): void;
}

/**
 * The database with `prepare` answered from a cache keyed by SQL text: Kysely prepares every query it
 * runs, and SQLite would parse and plan the same SQL again each time. A cached statement that is still
 * being iterated is not shared (a fresh one is prepared instead). `limit` bounds the cache; the oldest
 * entry goes first.
 */
export function reusingStatements(database: SqliteDatabase, limit: number = STATEMENT_CACHE): PreparingDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    prepare(source) {
      const hit = cache.get(source);
      if (hit && !hit.busy) return hit;
      const statement = database.prepare(source);
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
