import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { SqliteDriverName } from './sqlite-driver.js';

/** What one checkpoint did: SQLite's `PRAGMA wal_checkpoint` row. */
export interface CheckpointResult {
  /** True when another connection's checkpoint or a reader kept it from finishing. */
  busy: boolean;
  /** Frames in the write-ahead log. */
  logFrames: number;
  /** Of those, frames now copied into the database file. */
  checkpointedFrames: number;
}

/** A thread that moves a SQLite file's write-ahead log into the database file on its own connection. */
export interface BackgroundCheckpointer {
  /** Runs one checkpoint now (on the thread) and resolves with what it did. */
  now(): Promise<CheckpointResult>;
  /** Stops the timer, closes the thread's connection and ends the thread. */
  stop(): Promise<void>;
}

export interface CheckpointerOptions {
  /** How often a checkpoint runs, in ms. */
  everyMs: number;
  /** A failed checkpoint or a thread that died; the connection's own backstop checkpoint still runs. */
  onError(error: Error): void;
}

/**
 * The thread's code, as a CommonJS script (so it runs the same from the built files and from the
 * sources under test): it opens the file with the store's driver and runs a PASSIVE checkpoint every
 * `everyMs` and whenever asked. PASSIVE never waits for or blocks the bot's connection: it copies what
 * no reader still needs, and SQLite restarts the log from the top once everything is copied.
 */
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const { file, driver, betterSqlite, everyMs } = workerData;
let db;
if (driver === 'node:sqlite') {
  // Node 24 warns that node:sqlite is experimental when it loads; the store drops that one warning too.
  const emit = process.emitWarning;
  process.emitWarning = (w, ...rest) => (/^SQLite is an experimental feature/.test(String(w && w.message || w)) ? undefined : emit.call(process, w, ...rest));
  try { db = new (require('node:sqlite').DatabaseSync)(file); } finally { process.emitWarning = emit; }
} else {
  db = new (require(betterSqlite))(file);
}
const statement = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const checkpoint = () => {
  const row = statement.all()[0];
  return { busy: Number(row.busy) !== 0, logFrames: Number(row.log), checkpointedFrames: Number(row.checkpointed) };
};
const timer = setInterval(() => {
  try { checkpoint(); } catch (error) { parentPort.postMessage({ error: String(error && error.message || error) }); }
}, everyMs);
parentPort.on('message', (message) => {
  if (message.stop) {
    clearInterval(timer);
    db.close();
    parentPort.close();
    return;
  }
  try { parentPort.postMessage({ id: message.id, result: checkpoint() }); }
  catch (error) { parentPort.postMessage({ id: message.id, error: String(error && error.message || error) }); }
});
`;

/**
 * Starts checkpointing `file` from a worker thread. A checkpoint copies the log's pages into the
 * database file and syncs both to disk: done on the bot's own connection (SQLite's default, every 1,000
 * pages) it stalls the event loop for that copy and two fsyncs many times a second under load. Here the
 * bot's thread only appends to the log. With `synchronous = NORMAL` a commit reaches the disk at the
 * next checkpoint, so a timer also bounds what a power cut can take to about `everyMs` of commits at
 * any traffic (the page count alone let a quiet bot go hours between checkpoints).
 */
export function startCheckpointer(file: string, driver: SqliteDriverName, options: CheckpointerOptions): BackgroundCheckpointer {
  const betterSqlite = driver === 'better-sqlite3' ? createRequire(import.meta.url).resolve('better-sqlite3') : '';
  const worker = new Worker(THREAD, { eval: true, workerData: { file, driver, betterSqlite, everyMs: options.everyMs } });
  // The thread never keeps the process alive; `stop` ends it on a clean shutdown.
  worker.unref();
  const waiting = new Map<number, { resolve(result: CheckpointResult): void; reject(error: Error): void }>();
  let next = 0;
  let ended: Error | undefined;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const fail = (error: Error) => {
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.on('message', (message: { id?: number; result?: CheckpointResult; error?: string }) => {
    const pending = message.id === undefined ? undefined : waiting.get(message.id);
    if (message.id !== undefined) waiting.delete(message.id);
    if (message.error !== undefined) {
      const error = new Error(`background checkpoint of ${file} failed: ${message.error}`);
      if (pending) pending.reject(error);
      else options.onError(error);
      return;
    }
    if (pending && message.result) pending.resolve(message.result);
  });
  worker.on('error', (error) => {
    ended = new Error(`the background checkpoint thread for ${file} stopped: ${error.message}`, { cause: error });
    options.onError(ended);
    fail(ended);
  });
  worker.on('exit', () => {
    ended ??= new Error('the background checkpoint thread has stopped');
    fail(ended);
  });
  return {
    now() {
      if (ended) return Promise.reject(ended);
      next += 1;
      const id = next;
      return new Promise<CheckpointResult>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id });
      });
    },
    async stop() {
      // Held while it ends: an unreferenced thread would leave nothing keeping the event loop alive while
      // the caller waits, and Node would exit mid-shutdown (code 13 under a top-level await).
      worker.ref();
      if (!ended) worker.postMessage({ stop: true });
      await exited;
    },
  };
}
