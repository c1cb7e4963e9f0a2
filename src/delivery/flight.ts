/**
 * Requests open at once on a platform, and the senders waiting for a place among them: calls that go
 * first (a person waiting, see `acquireFirst`) are woken before scheduled sends.
 */
export class InFlight {
  private count = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly waitingFirst: Array<() => void> = [];

  constructor(private readonly cap: number) {}

  /** Requests let through and not yet ended. */
  open(): number {
    return this.count;
  }

  /** Whether a send now would exceed the cap. */
  full(): boolean {
    return this.count >= this.cap;
  }

  /** Counts a request let through. */
  add(): void {
    this.count += 1;
  }

  /** A request ended: the next waiter for a place may go. */
  done(): void {
    this.count -= 1;
    if (this.count < this.cap) (this.waitingFirst.shift() ?? this.waiting.shift())?.();
  }

  /** Resolves when a place may be free (`first`: ahead of the other waiters), or on `stop`. */
  async placeFreed(first: boolean, stop: Promise<void>): Promise<void> {
    const list = first ? this.waitingFirst : this.waiting;
    let wake!: () => void;
    await Promise.race([new Promise<void>((resolve) => list.push((wake = resolve))), stop]);
    // Cancelled while waiting: leave the line, so a later wake-up is not spent on nobody.
    const mine = list.indexOf(wake);
    if (mine >= 0) list.splice(mine, 1);
  }
}
