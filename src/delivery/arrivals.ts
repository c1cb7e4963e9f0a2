/** One send counted in an `ArrivalWindow`, at the instant it most likely reached the platform. */
export interface Arrival {
  at: number;
  /** When it left (its answer's round trip is measured from here). */
  readonly sent: number;
  /** How long its answer took, once it came. */
  roundTrip?: number;
}

/**
 * The sends of the last `perMs`, each counted from when it most likely reached the platform rather
 * than when it left. A platform counts arrivals; a pause on the way or at the platform (network
 * queueing, the platform busy for 100 ms) delivers sends made over that pause together, later than they
 * left. Counted from when they left, those sends would drop out of this window before they drop out of
 * the platform's, and sends made in their place would crowd the platform's window past its limit about
 * a second later. So each answer moves its send later by how much longer than the fastest answer it
 * took (the most the request can have been held on its way); a steady round trip moves every send
 * alike, which changes no rate. A faster answer than any before moves every answered send again (the
 * first sends, slowed by opening connections, were late too).
 */
export class ArrivalWindow {
  /** In order of `at`. */
  private readonly arrivals: Arrival[] = [];
  /** The fastest answer seen: the round trip with no queueing on the way. */
  private fastest = Number.POSITIVE_INFINITY;

  constructor(
    private readonly count: number,
    private readonly perMs: number,
  ) {}

  /**
   * The earliest instant at or after `now` a send keeps this window under `count`, with `reserved`
   * places in it kept for sends that go first (see `Pacer.claim`); a negative `reserved` lets a send
   * that goes first use that many places beyond `count` (see `Pacer.due`).
   */
  earliest(now: number, reserved = 0): number {
    this.expire(now);
    const free = this.count - reserved;
    if (this.arrivals.length < free) return now;
    // More reserved than the window holds: wait for the whole window to pass (the first sends are few).
    const index = Math.min(this.arrivals.length - 1, Math.max(0, this.arrivals.length - free));
    return Math.max(now, (this.arrivals[index] as Arrival).at + this.perMs);
  }

  /** Counts a send leaving at `now` (not before an earlier one). */
  add(now: number): Arrival {
    const arrival = { at: now, sent: now };
    this.arrivals.push(arrival);
    return arrival;
  }

  /**
   * Its answer came at `now`: the send reached the platform at most this much later than it left (an
   * answer this process was too busy to read at once counts as late too, which only errs on the safe
   * side).
   */
  answered(arrival: Arrival, now: number): void {
    const roundTrip = now - arrival.sent;
    arrival.roundTrip = roundTrip;
    if (roundTrip < this.fastest) {
      const known = Number.isFinite(this.fastest);
      this.fastest = roundTrip;
      if (known) this.recount();
    }
    const at = arrival.sent + (roundTrip - this.fastest);
    if (at <= arrival.at) return;
    const from = this.arrivals.lastIndexOf(arrival);
    // Already out of the window: back in only while the later instant still counts.
    if (from >= 0) this.arrivals.splice(from, 1);
    else if (at <= now - this.perMs) return;
    arrival.at = at;
    let i = this.arrivals.length;
    while (i > 0 && (this.arrivals[i - 1] as Arrival).at > at) i -= 1;
    this.arrivals.splice(i, 0, arrival);
  }

  /** Places every answered send again after the fastest round trip changed (rare: mostly at the start). */
  private recount(): void {
    for (const a of this.arrivals) if (a.roundTrip !== undefined) a.at = Math.max(a.at, a.sent + (a.roundTrip - this.fastest));
    this.arrivals.sort((a, b) => a.at - b.at);
  }

  /** True when no send still counts at `now` (safe to forget). */
  idle(now: number): boolean {
    this.expire(now);
    return this.arrivals.length === 0;
  }

  private expire(now: number): void {
    let n = 0;
    while (n < this.arrivals.length && (this.arrivals[n] as Arrival).at <= now - this.perMs) n += 1;
    if (n > 0) this.arrivals.splice(0, n);
  }
}
