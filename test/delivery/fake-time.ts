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
  /** Holds taken by `hold` and not yet let go. */
  private holds = 0;
  /** Every sleep requested, in ms (for assertions). */
  readonly slept: number[] = [];

  /**
   * `start` is where a new clock starts, or a clock to move (a core's, so what it sees moves with the
   * sleepers). `busy` holds time still while it is true (requests on the wire to a local fake, whose
   * answer takes no time on this clock).
   */
  constructor(
    start: string | Date | ManualClock = '2026-11-23T08:00:00Z',
    private readonly busy: () => boolean = () => false,
  ) {
    this.clock = start instanceof ManualClock ? start : new ManualClock(start);
  }

  /**
   * Holds time still until the returned function is called (once), for a test that must see what
   * happened before any sleeper wakes: an inbound request answered without waiting for the rate, say.
   * Anything that sleeps meanwhile waits for the hold to go.
   */
  hold(): () => void {
    this.holds += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds -= 1;
      this.schedulePump();
    };
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
    if (this.holds > 0) return;
    if (this.busy()) {
      // Checked again once the I/O under way has had its turn (a timer, not setImmediate, lets it in).
      this.pumping = true;
      setTimeout(() => this.pump(), 1);
      return;
    }
    this.sleepers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const next = this.sleepers.shift()!;
    if (next.at > this.clock.now().getTime()) this.clock.set(next.at);
    next.wake();
    if (this.sleepers.length > 0) this.schedulePump();
  }
}
