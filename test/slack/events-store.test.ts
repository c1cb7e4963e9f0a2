import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { EVENT_RETENTION_MS } from '../../src/store/events.js';
import { openStore, type Store } from '../../src/store/index.js';
import { tempDir } from '../helpers/temp.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function store(clock: ManualClock, dir?: string): Promise<Store> {
  const tmp = dir ? undefined : tempDir();
  const s = await openStore({ kind: 'sqlite', path: path.join(dir ?? tmp!.dir, 'events.db') }, clock);
  cleanups.push(async () => {
    await s.close();
    tmp?.cleanup();
  });
  return s;
}

describe('processed events (dedupe of retried deliveries)', () => {
  it('lets the first claim of an event id win, per platform and workspace', async () => {
    const s = await store(new ManualClock('2026-11-23T08:00:00Z'));
    expect(await s.events.claim('slack', 'T1', 'Ev1')).toBe(true);
    expect(await s.events.claim('slack', 'T1', 'Ev1')).toBe(false);
    expect(await s.events.claim('slack', 'T2', 'Ev1')).toBe(true);
    expect(await s.events.claim('teams', 'T1', 'Ev1')).toBe(true);
  });

  it('holds across two store instances on one database', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const clock = new ManualClock('2026-11-23T08:00:00Z');
    const a = await store(clock, tmp.dir);
    const b = await store(clock, tmp.dir);
    const results = await Promise.all([a.events.claim('slack', 'T1', 'Ev9'), b.events.claim('slack', 'T1', 'Ev9')]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('prunes ids older than the retention window on later claims', async () => {
    const clock = new ManualClock('2026-11-23T08:00:00Z');
    const s = await store(clock);
    await s.events.claim('slack', 'T1', 'Old');
    clock.advance(EVENT_RETENTION_MS + 2 * 60 * 60 * 1000);
    await s.events.claim('slack', 'T1', 'New');
    const rows = await s.db.selectFrom('processed_events').select('event_id').execute();
    expect(rows.map((r) => r.event_id)).toEqual(['New']);
  });
});
