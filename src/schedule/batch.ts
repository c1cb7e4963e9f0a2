import { performance } from 'node:perf_hooks';

/** A batch started less than this long ago means work is streaming in (ms). */
const BUSY_MS = 100;

/** How a `Batcher` groups work: at most `max` items, waiting at most `lingerMs` for more. */
export interface BatchOptions {
  max: number;
  lingerMs: number;
}

interface Pending<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/**
 * Groups single requests into batches handed to `run` one batch at a time: a batch goes when it is full
 * or `lingerMs` after its first item; a request alone (no batch in the last 100 ms) goes at once. Each caller gets its own item's answer (or the batch's error) once
 * the batch is done. A fan-out's thousands of claims and confirmations then cost one transaction per
 * batch instead of one commit each.
 */
export class Batcher<T, R> {
  private queued: Array<Pending<T, R>> = [];
  private timer: ReturnType<typeof setTimeout> | ReturnType<typeof setImmediate> | undefined;
  /** When the last batch started (performance.now), to tell a stream of work from a single request. */
  private lastRun = Number.NEGATIVE_INFINITY;
  private running = false;
  /** A batch became due (full, or lingered long enough) while another was running. */
  private due = false;

  constructor(
    private readonly run: (items: T[]) => Promise<R[]>,
    private readonly options: BatchOptions,
  ) {}

  /** Adds an item; resolves with its answer once its batch has run. */
  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queued.push({ item, resolve, reject });
      if (this.queued.length >= this.options.max) this.go();
      else if (!this.timer) this.timer = this.busy() ? setTimeout(() => this.go(), this.options.lingerMs) : setImmediate(() => this.go());
    });
  }

  /** True while batches come one after another: then a new batch waits `lingerMs` for company. */
  private busy(): boolean {
    return this.running || performance.now() - this.lastRun < BUSY_MS;
  }

  private clearTimer(): void {
    if (this.timer) {
      clearTimeout(this.timer as ReturnType<typeof setTimeout>);
      clearImmediate(this.timer as ReturnType<typeof setImmediate>);
    }
    this.timer = undefined;
  }

  private go(): void {
    this.clearTimer();
    if (this.running) {
      this.due = true; // the running drain takes it next
      return;
    }
    this.running = true;
    void this.drain();
  }

  private async drain(): Promise<void> {
    try {
      while (this.queued.length) {
        const batch = this.queued.splice(0, this.options.max);
        this.due = false;
        this.lastRun = performance.now();
        try {
          const results = await this.run(batch.map((p) => p.item));
          batch.forEach((p, i) => p.resolve(results[i] as R));
        } catch (error) {
          for (const p of batch) p.reject(error);
        }
        // A partial batch waits for company (its timer is running), unless it is already due.
        if (this.queued.length < this.options.max && !this.due) break;
      }
    } finally {
      this.running = false;
      if (this.queued.length) this.timer ??= setTimeout(() => this.go(), this.options.lingerMs);
    }
  }
}
