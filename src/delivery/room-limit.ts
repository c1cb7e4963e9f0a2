/** The range a workspace's room moves in, and how long a queue at the gate may stand. */
export interface RoomBounds {
  /** Never less room than this (sends that the rate needs even with nothing learnt). */
  floor: number;
  /** Never more (the gate's backlog limit). */
  ceiling: number;
  /** Room before any send has been seen. */
  start: number;
  /** Sends may queue this long for the rate; a queue that never gets shorter than this stands (ms). */
  queueMs: number;
  /** One send's time at the rate (ms), to turn a standing queue's length into sends. */
  sendMs: number;
}

/** What one send found at the gate (see `Ticket`). */
export interface GateVisit {
  /** When it got its turn (ms). */
  at: number;
  /** Sends' time (a fraction too) the rate had gone unused just before it was booked. */
  unused: number;
  /** How long it waited for the rate (ms). */
  waitedMs: number;
}

/**
 * How many sends a workspace may have under way, learnt from what each send found at the gate.
 *
 * Why: a fan-out only needs enough sends under way to cover the claim pipeline and the round trip at
 * the rate. Each send beyond that waits at the gate holding its claim, message and frames, which a
 * fixed count (192 workers, or two seconds at the rate) keeps alive for hundreds of ms. Those objects
 * then outlive two young-generation collections and pile up in the old space as garbage for the rest
 * of the fan-out. So the room grows by the sends the rate went unused for (the gate ran dry), and
 * shrinks by the length of a standing queue: one that every send of a window (the room's worth of
 * sends at the rate, at least `2 × queueMs`) waited in for longer than `queueMs`. A burst of claims (a
 * batch of 100 lands at once) queues and drains, and does not count. The room follows the rate times
 * whatever round trip and claim pipeline the machine has now, without measuring either.
 */
export class RoomLimit {
  private current: number;
  /** Unused sends counted but not yet a whole place of room (gaps shorter than a send add up). */
  private credit = 0;
  /** The window the shortest wait is taken over: its start and the shortest wait in it so far. */
  private window: { from: number; shortest: number } | undefined;

  constructor(private readonly bounds: RoomBounds) {
    this.current = clamp(bounds.start, bounds.floor, bounds.ceiling);
  }

  /** Sends the workspace may have under way now. */
  get value(): number {
    return this.current;
  }

  /**
   * A send got its turn, with `used` sends under way (or promised room). True when that gave more
   * room. Room grows only while all of it is used: room nobody asked for says nothing about the rate,
   * and would let a later burst of claims through all at once.
   */
  observe(visit: GateVisit, used: number): boolean {
    const { at, unused, waitedMs } = visit;
    const window = (this.window ??= { from: at, shortest: waitedMs });
    window.shortest = Math.min(window.shortest, waitedMs);
    // The window spans at least one pass of the whole room through the gate, so a burst of claims let
    // in at once (a batch of 100, or room that just grew) drains within it and does not count.
    if (at - window.from >= Math.max(2 * this.bounds.queueMs, this.current * this.bounds.sendMs)) {
      this.window = undefined;
      if (window.shortest > this.bounds.queueMs) {
        const standing = Math.max(1, Math.floor((window.shortest - this.bounds.queueMs) / this.bounds.sendMs));
        this.current = Math.max(this.bounds.floor, Math.min(this.current, used) - standing);
        this.credit = 0;
        return false;
      }
    }
    if (unused <= 0 || used < this.current || this.current >= this.bounds.ceiling) return false;
    this.credit += unused;
    const more = Math.floor(this.credit);
    if (more === 0) return false;
    this.credit -= more;
    this.current = Math.min(this.bounds.ceiling, this.current + more);
    return true;
  }
}

const clamp = (n: number, low: number, high: number) => Math.min(high, Math.max(low, n));
