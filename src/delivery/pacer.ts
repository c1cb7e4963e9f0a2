import { ArrivalWindow, type Arrival } from './arrivals.js';
import type { Rate } from './limits.js';

/**
 * How close to a published limit sends are paced: just under it, so a platform that counts arrivals
 * in a sliding window (with some network jitter) rarely answers 429.
 */
export const PACE_FRACTION = 0.95;

/**
 * A token bucket kept as its theoretical arrival time (GCRA): each send books the next free instant,
 * `interval` after the previous booking, with up to `burst` bookings allowed at once. Every waiter gets
 * its own instant, so a thousand queued sends wake one by one at the rate, never all together; and the
 * rate, not a cap on requests in flight, decides throughput whatever the round trip.
 *
 * A 429 pauses only this bucket until its Retry-After: later bookings start after the pause, and a
 * waiter whose instant fell inside it books again (see `DeliveryQueue`), so sends resume at the rate.
 */
export class Pacer {
  /** Milliseconds between sends at the paced rate. */
  readonly interval: number;
  private readonly tolerance: number;
  /** Theoretical arrival time: the instant the bucket is empty again at the paced rate. */
  private tat = Number.NEGATIVE_INFINITY;
  /** No send before this instant (a 429's Retry-After). */
  pausedUntil = 0;
  /** When the bucket was last used, for pruning idle ones. */
  lastBooked = 0;
  /**
   * The sends actually made in the last window, at most the paced count, each counted from when it
   * most likely reached the platform: a waiter that wakes late (a busy event loop, a pause in garbage
   * collection) goes later rather than let a backlog out at once, and sends the network or the platform
   * held up keep their place in the window for as long as they do in the platform's.
   */
  private readonly window: ArrivalWindow | undefined;

  /**
   * `reserve`: places of the limit the window always leaves to calls that go first, at least (several
   * instances share a workspace's limit: its margin is kept for the replies they all make, see
   * `ReplyPlaces`).
   */
  constructor(rate: Rate, fraction = PACE_FRACTION, reserve = 0) {
    if (!Number.isFinite(rate.count)) {
      // Unlimited: only a pause holds it.
      this.interval = 0;
      this.tolerance = 0;
      this.margin = 0;
      return;
    }
    const paced = Math.max(rate.count * fraction, Math.min(rate.count, 1));
    this.interval = rate.perMs / paced;
    // Bursts stay small so that a burst plus a window's worth at the paced rate fits under the limit.
    const burst = Math.max(1, Math.floor(rate.count - paced));
    this.tolerance = (burst - 1) * this.interval;
    // The paced count, not the limit: what arrives at the platform is also bunched by the network and
    // the platform's own pauses, and the margin up to the limit absorbs that.
    let counted = Math.max(1, Math.ceil(paced));
    if (reserve > 0) counted = Math.max(1, Math.min(counted, Math.floor(rate.count) - reserve));
    this.window = new ArrivalWindow(counted, rate.perMs);
    this.margin = Math.max(0, Math.floor(rate.count) - counted);
  }

  /**
   * Sends that go first (a person waiting for a reply) and are waiting for a place in the window:
   * scheduled sends leave them that many places, so a reply is not outrun by sends booked before it.
   */
  private claims = 0;

  /**
   * Places between the paced count and the limit itself in the last window: kept for sends that go
   * first. A fan-out at the paced rate fills its window, and the window's count follows the platform's
   * (answers held up move sends later, see `ArrivalWindow`), so a reply limited to the paced count
   * waited with it, up to hundreds of ms under load; within the limit it goes at once.
   */
  readonly margin: number;

  /**
   * The earliest instant at or after `now` a send keeps the last window of real sends under the paced
   * count: a scheduled send (`send`) leaves the places claimed; a send that goes first may use the
   * margin up to the limit (`first`), or, when the margin is not its to use (another instance's
   * replies share it, see `ReplyPlaces`), a place within the paced count ahead of the scheduled sends
   * (`claimed`).
   */
  due(now: number, mode: 'send' | 'first' | 'claimed' = 'send'): number {
    if (!this.window) return now;
    return this.window.earliest(now, mode === 'first' ? -this.margin : mode === 'claimed' ? 0 : this.claims);
  }

  /** A send that goes first waits for a place in the window (see `due`); `unclaim` once it has one or gives up. */
  claim(): void {
    this.claims += 1;
  }

  unclaim(): void {
    this.claims = Math.max(0, this.claims - 1);
  }

  /**
   * Counts a send made ahead of the booked ones (it went first): bookings made from now on start one
   * interval later, so the paced rate holds on average. Bookings already made keep their instants and
   * wait for the window instead.
   */
  take(now: number): void {
    if (this.interval === 0) return;
    this.tat = Math.max(this.tat, now) + this.interval;
    this.lastBooked = now;
  }

  /** Records a send made at `now` (not before an earlier one); pass what it returns to `answered`. */
  sent(now: number): Arrival | undefined {
    return this.window?.add(now);
  }

  /** The platform answered a send at `now` (with anything: a post, an error, a 429); see `ArrivalWindow.answered`. */
  answered(arrival: Arrival | undefined, now: number): void {
    if (arrival) this.window?.answered(arrival, now);
  }

  /** The instant a send asking at `now` would get, without booking it. */
  peek(now: number): number {
    return Math.max(now, this.pausedUntil, this.tat - this.tolerance);
  }

  /**
   * How many sends at the paced rate (a fraction too) could have gone between the last booked instant
   * and `now` and did not: 0 before the first booking, and for an unlimited bucket.
   */
  unused(now: number): number {
    if (this.interval === 0 || !Number.isFinite(this.tat)) return 0;
    return Math.max(0, now - this.tat) / this.interval;
  }

  /** Books the next free instant at or after `now`; undefined (nothing booked) when it is after `deadline`. */
  book(now: number, deadline = Number.POSITIVE_INFINITY): number | undefined {
    const at = this.peek(now);
    if (at > deadline) return undefined;
    this.tat = Math.max(this.tat, at) + this.interval;
    this.lastBooked = at;
    return at;
  }

  /** Holds every send until `until`; bookings made from now on start there. */
  pause(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
    this.tat = Math.max(this.tat, this.pausedUntil);
  }

  /** True when the bucket holds nothing that still matters at `now`. */
  idle(now: number): boolean {
    return this.tat <= now && this.pausedUntil <= now && this.claims === 0 && (this.window?.idle(now) ?? true);
  }
}
