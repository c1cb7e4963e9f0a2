import type { SqliteDatabase, SqliteStatement } from './sqlite-driver.js';

/**
 * Opens `file` with better-sqlite3 (the driver on Node 20 and 22). Its statements already have the
 * shape Kysely drives, so they are handed out as they are.
 */
export async function openBetterSqlite(file: string, readonly: boolean): Promise<SqliteDatabase> {
  const { default: BetterSqlite3 } = await import('better-sqlite3');
  const database = new BetterSqlite3(file, { readonly, fileMustExist: readonly });
  return {
    driver: 'better-sqlite3',
    get open() {
      return database.open;
    },
    get inTransaction() {
      return database.inTransaction;
    },
    prepare: (source) => database.prepare(source) as unknown as SqliteStatement,
    exec: (source) => void database.exec(source),
    async backup(target, pagesPerStep = 100) {
      const { totalPages } = await database.backup(target, { progress: () => pagesPerStep });
      return totalPages;
    },
    close: () => void database.close(),
  };
}
