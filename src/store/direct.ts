import type { SqliteDatabase, SqliteStatement } from './sqlite-driver.js';

/** A value SQLite binds: what the store's hot statements pass. */
export type SqlValue = string | number | bigint | null;

/**
 * The SQLite connection used directly, for the few statements every inbound message runs (event claim,
 * conversation upsert, rotation read and write). Through Kysely each of those is built, compiled and run
 * behind a chain of promises; here it is one prepared statement, run synchronously.
 *
 * Kysely's SQLite driver shares this one connection and keeps a transaction open across awaits, so a
 * statement run here while one is open would join that transaction and vanish with its rollback. Every
 * method therefore answers `undefined` when a transaction is open, and the caller goes through Kysely,
 * which waits for it. Run synchronously, nothing else can start in between.
 */
export class SqliteDirect {
  private readonly statements = new Map<string, SqliteStatement>();
  private writes = 0;

  constructor(private readonly database: SqliteDatabase) {}

  /** Called before every statement Kysely runs on this connection that may write (see `reusingStatements`). */
  readonly wrote = (): void => {
    this.writes += 1;
  };

  /**
   * Changes a cache of rows would have missed since the last call with the same answer: a count of the
   * statements Kysely ran here that may write, and SQLite's `data_version`, which moves when another
   * connection (another process, a backup restore) commits. Equal stamps mean nothing was written to the
   * file since, except by this class's own statements. Undefined while a transaction is open.
   */
  stamp(): string | undefined {
    if (!this.free) return undefined;
    const row = this.statement('PRAGMA data_version').all([])[0] as { data_version?: number } | undefined;
    return `${this.writes}:${row?.data_version ?? ''}`;
  }

  /** Prepared once per SQL text (the callers use a handful of fixed texts). */
  private statement(sql: string): SqliteStatement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.database.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Whether a statement run now runs on its own (no Kysely transaction is open on the connection). */
  get free(): boolean {
    return this.database.open && !this.database.inTransaction;
  }

  /** Runs a write; the number of rows changed, or undefined when a transaction is open. */
  run(sql: string, params: readonly SqlValue[]): number | undefined {
    if (!this.free) return undefined;
    return Number(this.statement(sql).run(params).changes);
  }

  /** Runs a read; its rows, or undefined when a transaction is open. */
  all<Row>(sql: string, params: readonly SqlValue[]): Row[] | undefined {
    if (!this.free) return undefined;
    return this.statement(sql).all(params) as Row[];
  }

  /**
   * Runs `work` in one immediate transaction (the write lock taken at BEGIN, so two processes on one
   * file wait for each other instead of failing to upgrade a read lock); undefined when a transaction
   * is open. A throw from `work` rolls back and is rethrown.
   */
  transaction<T>(work: (tx: DirectTransaction) => T): { value: T } | undefined {
    if (!this.free) return undefined;
    this.statement('BEGIN IMMEDIATE').run([]);
    try {
      const value = work(this.tx);
      this.statement('COMMIT').run([]);
      return { value };
    } catch (error) {
      if (this.database.inTransaction) this.statement('ROLLBACK').run([]);
      throw error;
    }
  }

  private readonly tx: DirectTransaction = {
    run: (sql, params) => Number(this.statement(sql).run(params).changes),
  };
}

/** Statements inside `SqliteDirect.transaction`. */
export interface DirectTransaction {
  run(sql: string, params: readonly SqlValue[]): number;
}
