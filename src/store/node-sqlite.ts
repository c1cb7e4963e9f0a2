import type { RunResult, SqliteDatabase, SqliteStatement } from './sqlite-driver.js';

/** The part of `node:sqlite`'s StatementSync used here (typed locally: @types/node 20 has no node:sqlite). */
interface StatementSync {
  all(...parameters: unknown[]): unknown[];
  run(...parameters: unknown[]): RunResult;
  iterate(...parameters: unknown[]): IterableIterator<unknown>;
  columns(): unknown[];
}

/** The part of `node:sqlite`'s DatabaseSync used here. */
interface DatabaseSync {
  /** Node >= 22.15 (this driver runs on 24 and later). */
  readonly isOpen: boolean;
  /** Node >= 22.16: false in autocommit mode. */
  readonly isTransaction: boolean;
  prepare(source: string): StatementSync;
  exec(source: string): void;
  close(): void;
}

interface NodeSqliteModule {
  DatabaseSync: new (file: string, options: { readOnly: boolean }) => DatabaseSync;
  backup(
    source: DatabaseSync,
    target: string,
    options: { rate: number; progress?: (progress: { totalPages: number; remainingPages: number }) => void },
  ): Promise<number>;
}

/** The one warning dropped: Node 24 prints it when node:sqlite loads, and it means nothing to a bot operator. */
const SQLITE_EXPERIMENTAL = /^SQLite is an experimental feature/;

/**
 * Loads `node:sqlite` without its ExperimentalWarning. Node 24 marks the module experimental and prints
 * the warning on stderr when it loads; here it is the bot's storage, chosen on purpose and covered by
 * the store's contract tests, so the line would only alarm whoever reads the logs. Only that warning is
 * held back (while the module loads); any other warning is emitted as usual.
 */
async function loadNodeSqlite(): Promise<NodeSqliteModule> {
  const emitWarning = process.emitWarning;
  process.emitWarning = function (this: unknown, warning: string | Error, ...rest: unknown[]): void {
    const first = rest[0];
    const type = typeof first === 'string' ? first : (first as { type?: string } | undefined)?.type;
    const text = typeof warning === 'string' ? warning : warning.message;
    if (type === 'ExperimentalWarning' && SQLITE_EXPERIMENTAL.test(text)) return;
    return (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  } as typeof process.emitWarning;
  try {
    // A specifier in a variable: TypeScript's Node 20 types do not know this module.
    const specifier = 'node:sqlite';
    return (await import(specifier)) as NodeSqliteModule;
  } finally {
    process.emitWarning = emitWarning;
  }
}

/** A StatementSync in better-sqlite3's shape: one parameter array, `reader`, `busy` while iterated. */
function adaptStatement(statement: StatementSync): SqliteStatement {
  const reader = statement.columns().length > 0;
  let busy = false;
  return {
    reader,
    get busy() {
      return busy;
    },
    all: (parameters = []) => statement.all(...parameters),
    run: (parameters = []) => statement.run(...parameters),
    *iterate(parameters = []) {
      busy = true;
      try {
        yield* statement.iterate(...parameters);
      } finally {
        busy = false;
      }
    },
  };
}

/** Opens `file` with Node's built-in SQLite (the driver on Node 24 and later). */
export async function openNodeSqlite(file: string, readonly: boolean): Promise<SqliteDatabase> {
  const sqlite = await loadNodeSqlite();
  const database = new sqlite.DatabaseSync(file, { readOnly: readonly });
  return {
    driver: 'node:sqlite',
    get open() {
      return database.isOpen;
    },
    get inTransaction() {
      return database.isTransaction;
    },
    prepare: (source) => adaptStatement(database.prepare(source)),
    exec: (source) => database.exec(source),
    backup: (target, pagesPerStep = 100) => sqlite.backup(database, target, { rate: pagesPerStep }),
    close: () => database.close(),
  };
}
