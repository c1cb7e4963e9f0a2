/**
 * The one inbound shape every adapter produces. Normalised at the edge: plain text with the bot's
 * mention stripped, opaque ids, and the platform payload in `raw`, which the core never reads.
 */
export type PlatformName = 'slack' | 'teams' | 'shell';

/** Where a message came from, which decides where and how the answer goes. */
export type MessageSource =
  /** The bot was @mentioned in a channel or group chat. */
  | 'mention'
  /** A slash command (`/moodmusic ...`). */
  | 'command'
  /** A direct (1:1) message to the bot. */
  | 'direct'
  /** A reply in the thread of a prompt the bot posted (not addressed to the bot). */
  | 'thread'
  /** A button press or form submission; see `action`. */
  | 'action'
  /**
   * A person joined a channel the bot is in (`userId` is the newcomer, `text` is empty). For the welcome
   * flow (new-starter stories); the grammar never parses it and nothing answers it unless a feature's
   * `intercept` consumes it.
   */
  | 'member-joined'
  /**
   * The bot itself was added to a channel, team or chat (`userId` is whoever added it when the platform
   * says, `text` is empty). The introduce feature answers it with a short hello; the grammar never sees it.
   */
  | 'bot-added';

/** A button press or form submit, as ids the core chose when it built the reply. */
export interface IncomingAction {
  /** The action id from the `Button` or `Form` that was used. */
  id: string;
  /** The button's value, if any. */
  value?: string;
  /** Form field values keyed by field id (form submits only). */
  values?: Record<string, string>;
}

/** Identifies a conversation (and optionally a thread in it) on one platform, in one workspace. */
export interface ConversationRef {
  platform: PlatformName;
  /** Slack team id, Teams tenant id, or `shell`. Every stored row is keyed by it. */
  workspaceId: string;
  /** Opaque conversation id (Slack channel id, Teams conversation id, `shell`). */
  conversationId: string;
  /** Opaque thread id (Slack `thread_ts`, Teams reply-chain id), when the message is in a thread. */
  threadId?: string;
}

/** A normalised inbound message. */
export interface IncomingMessage extends ConversationRef {
  /** Platform user id of the sender. */
  userId: string;
  /** Display name, when the platform gave one cheaply. */
  userName?: string;
  /** Plain text with the bot mention removed. Never contains platform markup the core must parse. */
  text: string;
  source: MessageSource;
  /** True when the bot was addressed by @mention. */
  isMention: boolean;
  /** True in a 1:1 conversation with the bot. */
  isDirect: boolean;
  /** Set when `source` is `action`. */
  action?: IncomingAction;
  /** Platform event id used for de-duplication of retried deliveries, when the platform has one. */
  eventId?: string;
  /** The platform's id of this message (Slack `ts`), when it has one: an answer can start a thread under it. */
  messageId?: string;
  /** The user's IANA time zone when the platform reports it. */
  userTimeZone?: string;
  /** The untouched platform payload. The core never reads it. */
  raw?: unknown;
}
