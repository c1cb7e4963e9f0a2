import type { CallTarget, PlatformLimits } from './limits.js';
import { RateGate } from './limits.js';

/** @internal A conversation's windows (or a method's, see `PlatformLimits.methods`) and its pause. */
export interface ConversationState {
  gates: RateGate[];
  /** A 429's Retry-After for this conversation. */
  pausedUntil: number;
}

/** A method's own lane in a workspace is keyed apart from any conversation id. */
const METHOD = '\u0001';

/**
 * A platform's lanes: each conversation's exact windows and pause (or, for a method with its own
 * rates, that method's in the workspace), and the line of senders waiting for each, so only the
 * first of them polls the windows.
 */
export class Lanes {
  private readonly conversations = new Map<string, ConversationState>();
  /** Per lane, the tail of the line of senders waiting for their turn. */
  private readonly lines = new Map<string, Promise<void>>();

  constructor(private readonly limits: PlatformLimits) {}

  /** The rates of the method `target` calls, when the limits give it its own (see `PlatformLimits.methods`). */
  methodRates(target: CallTarget) {
    return target.method === undefined ? undefined : this.limits.methods?.[target.method];
  }

  /** Where a call's windows are kept: its method's lane in the workspace, else its conversation (or, with none, its method). */
  private key(target: CallTarget): string {
    const lane = this.methodRates(target) || target.conversationId === undefined ? `${METHOD}${target.method ?? ''}` : target.conversationId;
    return `${target.workspaceId}\u0000${lane}`;
  }

  /** The windows a call waits for (its conversation's, or its method's). */
  conversation(target: CallTarget): ConversationState {
    const k = this.key(target);
    let conv = this.conversations.get(k);
    if (!conv) {
      conv = { gates: (this.methodRates(target) ?? this.limits.perConversation ?? []).map((r) => new RateGate(r)), pausedUntil: 0 };
      this.conversations.set(k, conv);
    }
    return conv;
  }

  /**
   * Queues behind earlier senders to the same conversation, so only the first of them polls the rate
   * gates (a thousand messages for one thread would otherwise all wake at every turn). Resolves with
   * the function that lets the next one in.
   */
  async line(target: CallTarget): Promise<() => void> {
    const k = this.key(target);
    const before = this.lines.get(k);
    let done!: () => void;
    const mine = new Promise<void>((resolve) => (done = resolve));
    const tail = before ? before.then(() => mine) : mine;
    this.lines.set(k, tail);
    if (before) await before;
    return () => {
      done();
      if (this.lines.get(k) === tail) this.lines.delete(k);
    };
  }

  /** Forgets lanes whose limits no longer constrain anything and nobody waits for, so the map stays small. */
  prune(now: number): void {
    for (const [k, conv] of this.conversations) {
      if (conv.pausedUntil <= now && conv.gates.every((g) => g.idle(now)) && !this.lines.has(k)) this.conversations.delete(k);
    }
  }
}
