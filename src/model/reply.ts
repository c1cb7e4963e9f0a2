/**
 * Platform-neutral rich replies. Every string here is plain text written by the core or echoed from a
 * user, never markup. Which words came from people is said explicitly (`user` on a block), so a renderer
 * whose platform reads markdown (Teams) escapes exactly those and leaves the bot's own words alone;
 * Slack and the terminal escape everything the same way whatever its origin.
 */

/** A clickable button. `id` comes back as `IncomingAction.id`, `value` as `IncomingAction.value`. */
export interface Button {
  id: string;
  label: string;
  value?: string;
  style?: 'primary' | 'danger';
}

/** One input of a form (Slack modal, Teams Adaptive Card inputs, shell questions). */
export interface FormField {
  id: string;
  label: string;
  placeholder?: string;
  multiline?: boolean;
  optional?: boolean;
}

/**
 * Which words of a block came from people (a pasted plan, a story, a typed question, a display name):
 * `true` for all of its text, or the exact substrings of it that are theirs (every occurrence counts).
 * Renderers for markdown platforms escape these and only these.
 */
export type UserText = true | string[];

/** A building block of a reply. Renderers map each kind to their native element. */
export type Block =
  | { type: 'header'; text: string; user?: UserText }
  /** A bold label opening a section ("What the plan already does well"). */
  | { type: 'label'; text: string; user?: UserText }
  /** A paragraph; each line is its own paragraph on every platform. `number` shows it as item N of a numbered run. */
  | { type: 'text'; text: string; user?: UserText; number?: number }
  | { type: 'quote'; text: string; user?: UserText }
  | { type: 'list'; items: string[]; ordered?: boolean; user?: UserText }
  /** `user` covers the values (labels are the bot's). */
  | { type: 'fields'; fields: Array<{ label: string; value: string }>; user?: UserText }
  | { type: 'context'; text: string; user?: UserText }
  | { type: 'divider' }
  /** A link the person opens in a browser (a page the bot serves). `url` is built by the core, never from user text. */
  | { type: 'link'; label: string; url: string }
  | { type: 'actions'; buttons: Button[] }
  | {
      type: 'form';
      /** Comes back as `IncomingAction.id` with `values` on submit. */
      id: string;
      title: string;
      submitLabel: string;
      fields: FormField[];
    };

/** Who should see a reply. */
export type Visibility =
  /** Everyone in the conversation (a normal post). */
  | 'conversation'
  /** Only the person who asked (Slack ephemeral or DM, Teams 1:1, shell as usual). */
  | 'private';

/** A reply the core asks an adapter to render and send. */
export interface Reply {
  blocks: Block[];
  /** Plain-text summary for notifications, screen readers and clients that cannot show rich content. */
  fallback: string;
  visibility?: Visibility;
  /** Post as a thread reply (to the thread the message came from, or `threadId` here). */
  inThread?: boolean;
  /** Opaque metadata a platform may attach (e.g. Slack message metadata for a scheduled slot). */
  metadata?: { type: string; payload: Record<string, string | number | boolean> };
  /**
   * Replaces the message whose button was pressed (a choice made: its buttons should not stay live).
   * Teams updates the card in place, Slack uses `chat.update`; where the platform cannot, it is posted
   * as a new message. Ignored for anything but a button press.
   */
  replacesPressed?: boolean;
}

/** Builds a reply from blocks, deriving the fallback text from them unless given. */
export function reply(blocks: Block[], options: Partial<Omit<Reply, 'blocks'>> = {}): Reply {
  return { blocks, fallback: options.fallback ?? fallbackText(blocks), ...options };
}

/** Freezes `value` and everything in it (plain objects and arrays). */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Freezes a reply's blocks, all the way down, so one reply can be sent to many conversations (a
 * scheduled prompt to thousands of channels) and a renderer may keep what it made of them: frozen
 * blocks cannot change under it (see `isShared`).
 */
export function shareBlocks(reply: Reply): Reply {
  deepFreeze(reply.blocks);
  return reply;
}

/** True for blocks frozen by `shareBlocks`, whose rendering may be kept and reused. */
export function isShared(blocks: readonly Block[]): boolean {
  return Object.isFrozen(blocks);
}

/** A one-paragraph reply. */
export function textReply(text: string, options: Partial<Omit<Reply, 'blocks'>> = {}): Reply {
  return reply([{ type: 'text', text }], options);
}

/** Plain text of the first meaningful blocks, for notification previews. */
export function fallbackText(blocks: Block[], max = 300): string {
  const parts: string[] = [];
  for (const b of blocks) {
    if (b.type === 'header' || b.type === 'label' || b.type === 'text' || b.type === 'quote') parts.push(b.text);
    else if (b.type === 'list') parts.push(b.items.join('; '));
    else if (b.type === 'form') parts.push(b.title);
    if (parts.join(' ').length >= max) break;
  }
  const text = parts.join(' — ').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Where the user's words are in `text`, as sorted, non-overlapping [start, end) ranges: all of it for
 * `true`, every occurrence of each substring otherwise.
 */
export function userRanges(text: string, user: UserText | undefined): Array<[number, number]> {
  if (!user) return [];
  if (user === true) return text ? [[0, text.length]] : [];
  const ranges: Array<[number, number]> = [];
  for (const part of user) {
    if (!part) continue;
    for (let at = text.indexOf(part); at !== -1; at = text.indexOf(part, at + part.length)) ranges.push([at, at + part.length]);
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/**
 * Maps `text` piece by piece: the user's words through `user`, the bot's own through `own`. The
 * renderers' single point for "escape only what people wrote".
 */
export function mapUserText(text: string, ranges: Array<[number, number]>, user: (s: string) => string, own: (s: string) => string = (s) => s): string {
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    if (start >= text.length) break;
    out += own(text.slice(at, start)) + user(text.slice(start, Math.min(end, text.length)));
    at = Math.min(end, text.length);
  }
  return out + own(text.slice(at));
}
