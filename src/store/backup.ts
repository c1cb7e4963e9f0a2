import { existsSync } from 'node:fs';
import path from 'node:path';
import { StoreError, UserInputError } from '../errors.js';
import { openSqlite } from './sqlite-driver.js';

/** What a finished backup reports. */
export interface BackupResult {
  /** Pages copied (SQLite pages, 4 KiB by default). */
  pages: number;
  /** `ok` from `PRAGMA integrity_check` on the copy. */
  integrity: string;
}

/**
 * Copies a live SQLite database to `target` with SQLite's online backup API (on either driver, see
 * `sqlite-driver.ts`): consistent while the bot keeps running and writing, WAL contents included. The
 * copy is then opened and checked with `PRAGMA integrity_check`. Never overwrites an existing file.
 */
export async function backupSqlite(source: string, target: string): Promise<BackupResult> {
  if (!existsSync(source)) {
    throw new UserInputError(`no database at ${source}: set SQLITE_PATH to where the bot keeps its data`);
  }
  if (existsSync(target)) throw new UserInputError(`${target} already exists: give a new file name (a backup never overwrites)`);
  if (!existsSync(path.dirname(path.resolve(target)))) throw new UserInputError(`the folder for ${target} does not exist`);
  const db = await openSqlite(source, { readonly: true });
  let pages: number;
  try {
    // Pages per step: between steps the bot may keep writing (SQLite restarts the copy if it does).
    pages = await db.backup(target, 100);
  } catch (error) {
    throw new StoreError(`backup of ${source} to ${target} failed: ${(error as Error).message}`, { cause: error });
  } finally {
    db.close();
  }
  const copy = await openSqlite(target, { readonly: true });
  try {
    const rows = copy.prepare('PRAGMA integrity_check').all() as Array<{ integrity_check: string }>;
    const integrity = rows.map((row) => row.integrity_check).join('; ');
    if (integrity !== 'ok') throw new StoreError(`the backup at ${target} failed its integrity check: ${integrity}`);
    return { pages, integrity };
  } finally {
    copy.close();
  }
}
