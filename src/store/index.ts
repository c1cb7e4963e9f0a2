import { CustomPromptRepo } from './custom-prompts.js';
import path from 'node:path';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type MigrationProvider } from 'kysely';
import { StoreError, describeError } from '../errors.js';
import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';
import { ConversationRepo } from './conversations.js';
import { startCheckpointer, type BackgroundCheckpointer } from './checkpointer.js';
import { SqliteDirect } from './direct.js';
import { EventRepo } from './events.js';
import { LeaseRepo } from './leases.js';
import { migrations } from './migrations/index.js';
import { defaultSqliteDriver, openSqlite, type SqliteDriverName } from './sqlite-driver.js';
import { reusingStatements } from './statement-cache.js';
import { PostRepo } from './posts.js';
import { RotationRepo } from './rotation.js';
import { SlotRepo } from './slots.js';
import { StoryChannelRepo } from './story-channels.js';
import { StoryJobRepo } from './story-jobs.js';
import { StoryRepo } from './stories.js';
import { SubscriptionRepo } from './subscriptions.js';
import type { Database } from './schema.js';

export type { ConversationRecord } from './conversations.js';
export type { LeaseRecord } from './leases.js';
export type { PostRecord } from './posts.js';
export type { SlotRecord, SlotStatus } from './slot-record.js';
export type { NewSubscription, Subscription, SubscriptionKind } from './subscriptions.js';

/**
 * Where the data lives: one SQLite file (the default) or a PostgreSQL server. `driver` picks the SQLite
 * driver; left out, the one for this Node (`defaultSqliteDriver`).
 */
export type StoreLocation = { kind: 'sqlite'; path: string; driver?: SqliteDriverName } | { kind: 'postgres'; url: string };

/**
 * The store: one implementation over Kysely for both SQLite and PostgreSQL, grouped into repositories.
 * Created by `openStore`, which migrates the schema before returning.
 */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  readonly db: Kysely<Database>;
  readonly conversations: ConversationRepo;
  readonly rotation: RotationRepo;
  readonly posts: PostRepo;
  /** New-starter stories and the sharing choices of the people who told them. */
  readonly stories: StoryRepo;
  /** The durable question sequence of new-starter stories. */
  readonly storyJobs: StoryJobRepo;
  /** Per-channel welcome and digest settings. */
  readonly storyChannels: StoryChannelRepo;
  /** Platform event ids already handled, for answering retried deliveries once. */
  readonly events: EventRepo;
  /** Schedules: one recurring delivery per conversation and kind. */
  readonly subscriptions: SubscriptionRepo;
  /** Due instants of subscriptions, each claimed exactly once before it is sent. */
  readonly slots: SlotRepo;
  /** A workspace's own prompts (`prompt add`). */
  readonly customPrompts: CustomPromptRepo;
  /** Which instance paces each workspace's sends (several instances on one PostgreSQL). */
  readonly leases: LeaseRepo;
  /** Resolves when the database answers; rejects with `StoreError` when not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

async function createDialect(location: StoreLocation, poolSize = 10) {
  if (location.kind === 'sqlite') {
    const database = await openSqlite(location.path, { driver: location.driver });
    try {
      database.exec('PRAGMA journal_mode = WAL');
      database.exec('PRAGMA busy_timeout = 5000');
      // Safe with WAL (no corruption on a crash); a power cut may lose the last commits, not the file.
      database.exec('PRAGMA synchronous = NORMAL');
      database.exec('PRAGMA foreign_keys = ON');
      // Deleted rows are overwritten with zeros, so `forget me` and withdraw leave no words in free pages.
      database.exec('PRAGMA secure_delete = ON');
    } catch (error) {
      database.close();
      throw error;
    }
    const direct = new SqliteDirect(database);
    return { dialect: new SqliteDialect({ database: reusingStatements(database, undefined, direct.wrote) }), direct, database };
  }
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: location.url, max: poolSize, connectionTimeoutMillis: 5000 });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  return { dialect: new PostgresDialect({ pool }), direct: undefined, database: undefined };
}

/**
 * Copies the write-ahead log into the database file and truncates it to nothing, so words just deleted
 * (zeroed in the file by secure_delete) are not left in older page images in the log. A reader holding
 * the log (another process mid-read) can keep it from completing; the next one then finishes the job.
 */
async function checkpoint(db: Kysely<Database>): Promise<void> {
  // The background checkpointer (when running) holds SQLite's checkpoint lock for a moment now and
  // then, and a checkpoint that finds it taken reports busy at once: try again a few times.
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const { rows } = await sql<{ busy: number }>`pragma wal_checkpoint(TRUNCATE)`.execute(db);
    if (!Number(rows[0]?.busy ?? 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** How a long-running process opens the store. */
export interface OpenStoreOptions {
  /**
   * SQLite file: checkpoint from a worker thread every `everyMs` (see `startCheckpointer`) instead of on
   * the store's own connection, reporting failures to `onError`. For the bot; one-shot commands keep
   * SQLite's default.
   */
  backgroundCheckpoint?: { everyMs: number; onError(error: Error): void };
}

/**
 * The SQLite connection's own checkpoint, once a thread does them: only a backstop for when that thread
 * falls behind or has died (about 40 MB of log), so the log never grows without bound.
 */
export const BACKSTOP_CHECKPOINT_PAGES = 10_000;

/** Opens the store at `location` and applies pending migrations. Throws `StoreError` with the cause. */
export async function openStore(location: StoreLocation, clock: Clock = systemClock, options: OpenStoreOptions = {}): Promise<Store> {
  const where = location.kind === 'sqlite' ? `SQLite file ${location.path}` : 'PostgreSQL at DATABASE_URL';
  let db: Kysely<Database>;
  // SQLite's connection used directly for the inbound path's hot statements (see SqliteDirect).
  let direct: SqliteDirect | undefined;
  let created: Awaited<ReturnType<typeof createDialect>>;
  try {
    created = await createDialect(location);
    direct = created.direct;
    db = new Kysely<Database>({ dialect: created.dialect });
  } catch (error) {
    throw new StoreError(`cannot open the ${where}: ${describeError(error)}`, { cause: error });
  }
  try {
    const { error } = await new Migrator({ db, provider }).migrateToLatest();
    if (error) throw error;
  } catch (error) {
    await db.destroy().catch(() => undefined);
    // PostgreSQL's role and database are the operator's to create; say how rather than only what failed.
    const hint = location.kind === 'postgres' && /(role|database) ".*" does not exist/.test(describeError(error))
      ? ' (create the user and database first: createuser --pwprompt moodmusic; createdb --owner=moodmusic moodmusic; see Deploy in the README)'
      : '';
    throw new StoreError(`cannot prepare the ${where}: ${describeError(error)}${hint}`, { cause: error });
  }
  let checkpointer: BackgroundCheckpointer | undefined;
  if (location.kind === 'sqlite' && location.path !== ':memory:' && options.backgroundCheckpoint && created.database) {
    const { everyMs, onError } = options.backgroundCheckpoint;
    try {
      checkpointer = startCheckpointer(path.resolve(location.path), location.driver ?? defaultSqliteDriver(), { everyMs, onError });
      created.database.exec(`PRAGMA wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
    } catch (error) {
      await checkpointer?.stop();
      await db.destroy().catch(() => undefined);
      throw new StoreError(`cannot start checkpointing the ${where}: ${describeError(error)}`, { cause: error });
    }
  }
  const now = () => clock.now();
  // Leases get a connection of their own on PostgreSQL: behind hundreds of fan-out queries in the shared
  // pool, a renewal could otherwise wait past the lease's expiry and hand the workspace over mid-send.
  let leaseDb = db;
  if (location.kind === 'postgres') {
    try {
      leaseDb = new Kysely<Database>({ dialect: (await createDialect(location, 1)).dialect });
    } catch (error) {
      await db.destroy().catch(() => undefined);
      throw new StoreError(`cannot open the ${where}: ${describeError(error)}`, { cause: error });
    }
  }
  return {
    dialect: location.kind,
    db,
    conversations: new ConversationRepo(db, now, direct),
    rotation: new RotationRepo(db, direct),
    posts: new PostRepo(db, now),
    stories: new StoryRepo(db, now, location.kind === 'sqlite' ? () => checkpoint(db) : undefined),
    storyJobs: new StoryJobRepo(db, now),
    storyChannels: new StoryChannelRepo(db, now),
    events: new EventRepo(db, now, direct),
    subscriptions: new SubscriptionRepo(db, now),
    slots: new SlotRepo(db, now, direct),
    customPrompts: new CustomPromptRepo(db, now),
    leases: new LeaseRepo(leaseDb, now),
    async ping() {
      try {
        await sql`select 1`.execute(db);
      } catch (error) {
        throw new StoreError(`the ${where} is not answering: ${describeError(error)}`, { cause: error });
      }
    },
    close: async () => {
      await checkpointer?.stop();
      if (leaseDb !== db) await leaseDb.destroy();
      await db.destroy();
    },
  };
}
