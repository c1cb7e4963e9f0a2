import { ManualClock } from '../../src/clock.js';

/**
 * Fake time for code that sleeps: `sleep(ms)` registers a wake-up on the manual clock, and a pump wakes
 * sleepers in time order once everything runnable has run (after a macrotask turn), moving the clock
 * to each wake-up. Many concurrent sleepers therefore see consistent time, and no test waits for real.
 */
export class FakeTime {
  readonly clock: ManualClock;
  private sleepers: Array<{ at: number; seq: number; wake: () => void }> = [];
  private seq = 0;
  private pumping = false;
  /** Every sleep requested, in ms (for assertions). */
  readonly slept: number[] = [];

  constructor(start: string | Date = '2026-11-23T08:00:00Z') {
    this.clock = new ManualClock(start);
  }

  readonly sleep = (ms: number): Promise<void> => {
    this.slept.push(ms);
    return new Promise<void>((wake) => {
      this.sleepers.push({ at: this.clock.now().getTime() + Math.max(0, ms), seq: this.seq++, wake });
      this.schedulePump();
    });
  };

  private schedulePump(): void {
    if (this.pumping) return;
    this.pumping = true;
    setImmediate(() => this.pump());
  }

  private pump(): void {
    this.pumping = false;
    if (this.sleepers.length === 0) return;
    this.sleepers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const next = this.sleepers.shift()!;
    if (next.at > this.clock.now().getTime()) this.clock.set(next.at);
    next.wake();
    if (this.sleepers.length > 0) this.schedulePump();
  }
}
