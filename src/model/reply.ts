/**
 * Platform-neutral rich replies. Every string here is plain text written by the core or echoed from a
 * user: renderers escape it for their platform (Slack mrkdwn, Teams markdown, terminal) and never
 * interpret markup inside it.
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

/** A building block of a reply. Renderers map each kind to their native element. */
export type Block =
  | { type: 'header'; text: string }
  | { type: 'text'; text: string }
  | { type: 'quote'; text: string }
  | { type: 'list'; items: string[]; ordered?: boolean }
  | { type: 'fields'; fields: Array<{ label: string; value: string }> }
  | { type: 'context'; text: string }
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
}

/** Builds a reply from blocks, deriving the fallback text from them unless given. */
export function reply(blocks: Block[], options: Partial<Omit<Reply, 'blocks'>> = {}): Reply {
  return { blocks, fallback: options.fallback ?? fallbackText(blocks), ...options };
}

/** A one-paragraph reply. */
export function textReply(text: string, options: Partial<Omit<Reply, 'blocks'>> = {}): Reply {
  return reply([{ type: 'text', text }], options);
}

/** Plain text of the first meaningful blocks, for notification previews. */
export function fallbackText(blocks: Block[], max = 300): string {
  const parts: string[] = [];
  for (const b of blocks) {
    if (b.type === 'header' || b.type === 'text' || b.type === 'quote') parts.push(b.text);
    else if (b.type === 'list') parts.push(b.items.join('; '));
    else if (b.type === 'form') parts.push(b.title);
    if (parts.join(' ').length >= max) break;
  }
  const text = parts.join(' — ').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
