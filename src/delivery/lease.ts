import type { Clock } from '../clock.js';
import { describeError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { PlatformName } from '../model/message.js';

/**
 * Waits for a lease before sending for a workspace (several instances pacing one workspace's limit):
 * only the holder claims and sends for it. Used for platforms with a per-workspace rate (Slack workspaces, Teams tenants).
 */
export interface WorkspaceLease {
  /** Resolves once this instance may send for the workspace; false when not before `deadline` (or aborted). */
  hold(platform: PlatformName, workspaceId: string, deadline: number, signal?: AbortSignal): Promise<boolean>;
  /** This instance has nothing more to send there for now. */
  release(platform: PlatformName, workspaceId: string): void;
  /** True while this instance holds it: a send already queued checks again just before it goes out. */
  holds?(platform: PlatformName, workspaceId: string): boolean;
  /**
   * Takes a place for one reply in the workspace's limit, shared by every instance (see
   * `LeaseRecords.takeReplyPlace`): 0 when taken, else ms until the next place is free.
   */
  takeReplyPlace?(platform: PlatformName, workspaceId: string, spacing: PlaceSpacing): Promise<number>;
}

/** How far apart reply places are (ms): while some instance holds the workspace's lease (it paces a fan-out there), and while none does. */
export interface PlaceSpacing {
  leasedMs: number;
  freeMs: number;
}

/** The lease rows in the database (the store's `leases`): one atomic statement each. */
export interface LeaseRecords {
  acquire(platform: PlatformName, workspaceId: string, holder: string, ttlMs: number): Promise<boolean>;
  release(platform: PlatformName, workspaceId: string, holder: string): Promise<boolean>;
  /**
   * Takes a place for one reply in the workspace, for all instances together, one atomic statement: 0
   * when taken, else ms until the next place is free. Places are `spacing.leasedMs` apart while a live
   * lease says some instance paces a fan-out there (which keeps the rest of the limit), else `freeMs`.
   */
  takeReplyPlace?(platform: PlatformName, workspaceId: string, spacing: PlaceSpacing): Promise<number>;
}

export interface StoreLeaseOptions {
  records: LeaseRecords;
  /** This instance's id in the lease rows; unique per process. */
  holder: string;
  clock: Clock;
  logger: Logger;
  /** Waits `ms` on the clock (tests pass fake time). */
  sleep?: (ms: number) => Promise<void>;
  /** How long a lease lasts unless renewed (default 5 s): how long a dead holder keeps a workspace. */
  ttlMs?: number;
  /** How often the holder renews while it sends (default 1 s; it also lets go this long after its last send). */
  renewMs?: number;
  /** How often an instance waiting for a lease asks again (default 0.5 s). */
  pollMs?: number;
}

interface Waiter {
  deadline: number;
  resolve: (held: boolean) => void;
}

interface Entry {
  platform: PlatformName;
  workspaceId: string;
  /** Local instant until which this instance may send (0: not held). */
  heldUntil: number;
  /** The queue has sends or claims under way for the workspace. */
  inUse: boolean;
  waiters: Set<Waiter>;
  /** The loop that takes, renews and lets go of this lease; undefined when idle. */
  loop?: Promise<void>;
}

/**
 * Workspace leases kept in the database, for several instances on one PostgreSQL: one instance at a time
 * paces a workspace's sends, so together they stay under its rate limit. While the queue has work for a
 * workspace, a loop takes the lease (or waits, asking every `pollMs`), renews it every `renewMs`, and lets
 * it go `renewMs` after the last send; on shutdown `close` releases every lease held. A holder that dies
 * keeps its workspaces only until its lease expires (`ttlMs`). This instance stops sending a little
 * before its own view of the expiry (one renewal early), so clocks a second apart cannot overlap.
 */
export class StoreLease implements WorkspaceLease {
  private readonly records: LeaseRecords;
  private readonly holder: string;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly ttlMs: number;
  private readonly renewMs: number;
  private readonly pollMs: number;
  private readonly entries = new Map<string, Entry>();
  /** Releases under way, per lease. */
  private readonly releasing = new Map<string, Promise<void>>();
  private closed = false;
  private wakeAll!: () => void;
  /** Resolves at `close`, ending every loop's wait at once. */
  private readonly closing = new Promise<void>((resolve) => (this.wakeAll = resolve));

  constructor(options: StoreLeaseOptions) {
    this.records = options.records;
    this.holder = options.holder;
    this.clock = options.clock;
    this.logger = options.logger;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.ttlMs = options.ttlMs ?? 5000;
    this.renewMs = options.renewMs ?? 1000;
    this.pollMs = options.pollMs ?? 500;
    if (this.renewMs * 2 >= this.ttlMs) throw new RangeError('renewMs must be under half of ttlMs');
  }

  private now(): number {
    return this.clock.now().getTime();
  }

  private entry(platform: PlatformName, workspaceId: string): Entry {
    const key = `${platform}\u0000${workspaceId}`;
    let e = this.entries.get(key);
    if (!e) {
      e = { platform, workspaceId, heldUntil: 0, inUse: false, waiters: new Set() };
      this.entries.set(key, e);
    }
    return e;
  }

  /** True while this instance holds the workspace's lease (by its own clock). */
  holds(platform: PlatformName, workspaceId: string): boolean {
    const e = this.entries.get(`${platform}\u0000${workspaceId}`);
    return e !== undefined && e.heldUntil > this.now();
  }

  async hold(platform: PlatformName, workspaceId: string, deadline: number, signal?: AbortSignal): Promise<boolean> {
    if (this.closed || signal?.aborted) return false;
    const e = this.entry(platform, workspaceId);
    if (e.heldUntil > this.now()) {
      e.inUse = true;
      return true;
    }
    let waiter!: Waiter;
    const held = new Promise<boolean>((resolve) => (waiter = { deadline, resolve }));
    e.waiters.add(waiter);
    const onAbort = () => this.settle(e, waiter, false);
    signal?.addEventListener('abort', onAbort, { once: true });
    this.run(e);
    try {
      return await held;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async takeReplyPlace(platform: PlatformName, workspaceId: string, spacing: PlaceSpacing): Promise<number> {
    if (!this.records.takeReplyPlace) return 0;
    try {
      return await this.records.takeReplyPlace(platform, workspaceId, spacing);
    } catch (error) {
      // A person waits for this reply: without the database's count it goes by this instance's own limits.
      this.logger.warn('reply place: the database did not answer; replying within this instance\'s own limits', { platform, workspaceId, error: describeError(error) });
      return 0;
    }
  }

  release(platform: PlatformName, workspaceId: string): void {
    const e = this.entries.get(`${platform}\u0000${workspaceId}`);
    // Let go at the next renewal, not now: the next send is usually a moment away.
    if (e) e.inUse = false;
  }

  /** Shutdown: stops taking leases and gives back every one held, so other instances go on at once. */
  async close(): Promise<void> {
    this.closed = true;
    this.wakeAll();
    const entries = [...this.entries.values()];
    for (const e of entries) for (const w of [...e.waiters]) this.settle(e, w, false);
    await Promise.all(entries.map((e) => e.loop));
    await Promise.all([...this.releasing.values()]);
    await Promise.all(entries.filter((e) => e.heldUntil > 0).map((e) => this.letGo(e)));
  }

  private settle(e: Entry, waiter: Waiter, held: boolean): void {
    if (!e.waiters.delete(waiter)) return;
    // Held for a sender: in use until the queue says it has nothing left there.
    if (held) e.inUse = true;
    waiter.resolve(held);
  }

  private run(e: Entry): void {
    e.loop ??= this.loop(e).finally(() => {
      e.loop = undefined;
      // Asked for again while the loop was ending.
      if (!this.closed && e.waiters.size > 0) this.run(e);
    });
  }

  /** Takes and renews the lease while it is wanted, then lets it go. */
  private async loop(e: Entry): Promise<void> {
    const key = `${e.platform}\u0000${e.workspaceId}`;
    // A release of the same lease still under way finishes first, so it cannot delete the row taken now.
    await this.releasing.get(key);
    while (!this.closed) {
      if (e.waiters.size === 0 && !e.inUse) {
        if (this.entries.get(key) === e) this.entries.delete(key);
        if (e.heldUntil > 0) {
          const done = this.letGo(e).finally(() => {
            if (this.releasing.get(key) === done) this.releasing.delete(key);
          });
          this.releasing.set(key, done);
          await done;
        }
        return;
      }
      const asked = this.now();
      try {
        const ok = await this.records.acquire(e.platform, e.workspaceId, this.holder, this.ttlMs);
        const had = e.heldUntil > 0;
        // Not held (another instance has it, or took it after ours expired): send nothing here for now.
        e.heldUntil = ok ? asked + this.ttlMs - this.renewMs : 0;
        if (ok && !had) this.logger.info('workspace lease taken: this instance sends for the workspace', { platform: e.platform, workspaceId: e.workspaceId });
        if (!ok && had) this.logger.warn('workspace lease lost (not renewed in time); another instance sends for the workspace', { platform: e.platform, workspaceId: e.workspaceId });
      } catch (error) {
        // Keep what was held until its own expiry; the next turn asks again.
        this.logger.warn('workspace lease: the database did not answer; asking again', { platform: e.platform, workspaceId: e.workspaceId, error: describeError(error) });
      }
      const now = this.now();
      for (const w of [...e.waiters]) {
        if (e.heldUntil > now) this.settle(e, w, true);
        else if (w.deadline <= now) this.settle(e, w, false);
      }
      // While held, the next turn renews it, or lets it go if the queue said it has nothing left there.
      await Promise.race([this.sleep(e.heldUntil > now ? this.renewMs : this.pollMs), this.closing]);
    }
  }

  private async letGo(e: Entry): Promise<void> {
    e.heldUntil = 0;
    this.logger.debug('workspace lease released', { platform: e.platform, workspaceId: e.workspaceId });
    try {
      await this.records.release(e.platform, e.workspaceId, this.holder);
    } catch (error) {
      // It expires by itself within ttlMs.
      this.logger.warn('workspace lease: could not release; it expires by itself', { platform: e.platform, workspaceId: e.workspaceId, error: describeError(error) });
    }
  }
}
