import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, inject } from 'vitest';
import { createDatabase } from '../../scripts/bench/postgres.js';
import { ManualClock } from '../../src/clock.js';
import { openStore, type Store, type StoreLocation } from '../../src/store/index.js';
import { tempDir } from '../helpers/temp.js';

/**
 * Whether the test run started a PostgreSQL server. False only on a local run without server binaries
 * (test/setup/postgres.ts printed a notice); under CI=true the run fails before getting here.
 */
export function postgresAvailable(): boolean {
  return inject('pgAdminUrl') !== '';
}

/** `describe` for a PostgreSQL-only suite: skipped (and counted as skipped) when no server runs. */
export function describePostgres(name: string, fn: () => void): void {
  (postgresAvailable() ? describe : describe.skip)(name, fn);
}

/** Creates an empty PostgreSQL database on the test run's server and returns its URL. */
export async function freshPostgresUrl(): Promise<string> {
  const admin = inject('pgAdminUrl');
  if (!admin) throw new Error('no PostgreSQL server in this run (see the notice at the start of the run); use describePostgres');
  const name = `mm_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
  return createDatabase(admin, name);
}

/** What each contract case gets: a fresh, migrated store plus ways to open more connections to it. */
export interface StoreHarness {
  readonly kind: 'sqlite' | 'postgres';
  /** The store for this test (fresh database each test). */
  store: Store;
  clock: ManualClock;
  location: StoreLocation;
  /** Opens another store on the same database (a second instance, or a reopen); closed after the test. */
  open(): Promise<Store>;
}

/**
 * Runs `fn`'s cases once against SQLite (a temp file) and once against the real PostgreSQL the test
 * set-up started, each test on a fresh database. Add store cases here so both dialects stay equal:
 *
 *   describeStores('stories', (h) => { it('…', async () => { await h.store.stories… }) });
 */
export function describeStores(name: string, fn: (h: StoreHarness) => void): void {
  // Without a server (a local run, announced loudly) the PostgreSQL half is skipped, never silently passed.
  const kinds = postgresAvailable() ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);
  if (!postgresAvailable()) describe.skip(`${name} on postgres`, () => fn({ kind: 'postgres' } as StoreHarness));
  describe.each(kinds)(`${name} on %s`, (kind) => {
    const opened: Store[] = [];
    let cleanup: (() => void) | undefined;
    const h = { kind } as StoreHarness;
    beforeEach(async () => {
      h.clock = new ManualClock('2026-11-23T08:00:00Z');
      if (kind === 'sqlite') {
        const tmp = tempDir();
        cleanup = tmp.cleanup;
        h.location = { kind: 'sqlite', path: path.join(tmp.dir, 'store.db') };
      } else {
        h.location = { kind: 'postgres', url: await freshPostgresUrl() };
      }
      h.open = async () => {
        const store = await openStore(h.location, h.clock);
        opened.push(store);
        return store;
      };
      h.store = await h.open();
    });
    afterEach(async () => {
      await Promise.allSettled(opened.splice(0).map((s) => s.close()));
      cleanup?.();
      cleanup = undefined;
    });
    fn(h);
  });
}
