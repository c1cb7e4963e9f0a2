import { attemptCall, callWithin, type CallDeps, type PlatformCall } from './call.js';

/** How a reply in an inbound turn went: made in the turn, or handed on to be made after it. */
export type TurnOutcome = 'made' | 'later';

/**
 * Makes a reply to an inbound turn (see `DeliveryQueue.inTurn`): `now` makes it within the turn,
 * `later` makes the same reply outside it (Teams: `continueConversation` with the turn's conversation
 * reference), once, should `now` not be made. Resolves once the turn may end.
 */
export type ReplyInTurn = (target: PlatformCall, what: string, now: () => Promise<unknown>, later: () => Promise<unknown>) => Promise<TurnOutcome>;

/** How long a reply waits for the rate within the turn, and how long one made later may take. */
export interface LaterTimes {
  /** Within the turn (ms): the channel gives a whole turn 10-15 s, so a reply waits only a little of it. */
  turnWaitMs: number;
  /** After the turn (ms), from when it was handed on: its Retry-After and any 429 after it included. */
  withinMs: number;
}

const keyOf = (t: PlatformCall) => `${t.platform}\u0000${t.workspaceId}\u0000${t.conversationId ?? ''}\u0000${t.method ?? ''}`;

/**
 * Replies to inbound turns, made in the turn when the rate allows it at once or soon, otherwise after
 * the turn. Why: a turn is an HTTP request the platform holds open (Bot Framework answers the user's
 * client with a 504 after 10-15 s and may deliver the activity again), so a reply waiting out a 429's
 * Retry-After must not hold it; the turn ends, and the reply is made once the pause is over, still
 * through the rate buckets, ahead of scheduled sends. Exactly once: the reply is handed on only when
 * the turn's try was refused with a 429 (nothing was posted) or never made, and the later call is
 * tried again only on a 429 (see `callWithin`). Replies handed on in a conversation keep their order,
 * and a reply of that conversation made while one waits goes after it.
 */
export class LaterCalls {
  /** Per conversation (and method), the last reply handed on, while it is not yet made or given up. */
  private readonly tails = new Map<string, Promise<void>>();
  private readonly stopping = new AbortController();

  constructor(
    private readonly deps: CallDeps,
    private readonly times: LaterTimes,
  ) {}

  /** See `ReplyInTurn`. A failure other than a 429 is logged and thrown, as `DeliveryQueue.pace` does. */
  async inTurn(target: PlatformCall, what: string, now: () => Promise<unknown>, later: () => Promise<unknown>): Promise<TurnOutcome> {
    const key = keyOf(target);
    if (!this.tails.has(key)) {
      const turnEnds = this.deps.clock.now().getTime() + this.times.turnWaitMs;
      const tried = await attemptCall(this.deps, target, what, now, turnEnds, { signal: this.stopping.signal });
      if (tried && 'made' in tried) return 'made';
    }
    this.handOn(key, target, what, later);
    return 'later';
  }

  /** Replies handed on and not yet made or given up. */
  waiting(): number {
    return this.tails.size;
  }

  /**
   * Shutdown: waits up to `withinMs` for the replies handed on, then gives up those not yet made (each
   * logged as failed, code `stopped`; one already on the wire is finished).
   */
  async settle(withinMs: number): Promise<void> {
    if (this.tails.size) await Promise.race([this.drained(), this.deps.sleep(Math.max(0, withinMs))]);
    this.stopping.abort();
    await this.drained();
  }

  /** Resolves once every reply handed on (those handed on meanwhile too) is made or given up. */
  async drained(): Promise<void> {
    while (this.tails.size) await Promise.all([...this.tails.values()]);
  }

  private handOn(key: string, target: PlatformCall, what: string, later: () => Promise<unknown>): void {
    const before = this.tails.get(key);
    const deadline = this.deps.clock.now().getTime() + this.times.withinMs;
    this.deps.logger.info('reply to be made after the turn', { platform: target.platform, method: what });
    const make = () => callWithin(this.deps, target, what, later, deadline, this.stopping.signal);
    // A failure was counted and logged by `callWithin` (platform, method, code): nothing is left to tell.
    const tail: Promise<void> = (before ?? Promise.resolve()).then(make).then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.finally(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
  }
}
