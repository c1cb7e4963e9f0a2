import type { ConversationRef, PlatformName } from './message.js';
import type { Reply } from './reply.js';

/** What a platform reports back for a message it accepted. */
export interface PostedRef {
  /** Platform message id (Slack `ts`, Teams activity id, shell line counter). */
  messageId: string;
  /** Thread id replies to this message would carry. */
  threadId?: string;
}

/** How a post is made. */
export interface PostOptions {
  /** The delivery queue already holds this send's place in the rate limits: post at once. */
  paced?: boolean;
}

/** What a platform says about one person in a conversation: their name, and whether they administer it. */
export interface MemberInfo {
  name?: string;
  /**
   * True for Slack workspace admins and owners (`users.info` is_admin / is_owner / is_primary_owner) and
   * for Teams team owners (the conversation roster's `userRole`).
   */
  admin: boolean;
}

/**
 * The outbound half of the adapter seam: what the core (scheduler, story sequences, welcome flow) may ask
 * a platform to do without an inbound message in hand. Errors are thrown as `PlatformError`.
 */
export interface Outbound {
  readonly platform: PlatformName;
  /**
   * Posts a reply into a conversation (or its thread when `target.threadId` is set). Every call an
   * adapter makes waits for the platform's rate limits first (see `DeliveryQueue.pace`), except a post
   * the delivery queue makes (`paced`), which already waited for them.
   */
  post(target: ConversationRef, reply: Reply, options?: PostOptions): Promise<PostedRef>;
  /**
   * Replaces a message the bot posted (Slack chat.update, Teams updateActivity): a slow answer is posted
   * as "Reading your plan..." at once and updated when ready. Platforms that cannot edit omit it.
   */
  update?(target: ConversationRef, posted: PostedRef, reply: Reply): Promise<void>;
  /** Opens (or finds) the 1:1 conversation with a person and returns its ref. */
  openDirect(workspaceId: string, userId: string): Promise<ConversationRef>;
  /**
   * The name a person shows to colleagues, for the rare places the core names someone (a story shared
   * "with my name"). Platforms whose messages already carry the name omit it.
   */
  displayName?(workspaceId: string, userId: string): Promise<string | undefined>;
  /**
   * What the platform says about `userId` in `target`'s conversation (name, admin or owner), for deciding
   * who may change a channel's settings. Platforms without a roster (the shell) omit it.
   */
  member?(target: ConversationRef, userId: string): Promise<MemberInfo | undefined>;
  /**
   * Looks for a message the bot already posted carrying `metadata` of this type whose payload includes
   * every key/value in `match` (Slack message metadata). Used after a crash between claiming a slot and
   * recording its send, to avoid posting twice. Platforms without such a lookup omit it.
   */
  findPosted?(target: ConversationRef, type: string, match: Record<string, string>, since: Date): Promise<PostedRef | undefined>;
}
