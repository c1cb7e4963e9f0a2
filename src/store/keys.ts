import type { ConversationRef, PlatformName } from '../model/message.js';

/**
 * Equality filters for the keys every row carries, for `where((eb) => eb.and(...))`. Keeping them in one
 * place keeps "nothing crosses workspaces" a property of the key, not of each query remembering it.
 */
export function conversationKey(ref: ConversationRef): { platform: string; workspace_id: string; conversation_id: string } {
  return { platform: ref.platform, workspace_id: ref.workspaceId, conversation_id: ref.conversationId };
}

/** A person within one workspace of one platform. */
export function personKey(key: { platform: PlatformName; workspaceId: string; userId: string }): { platform: string; workspace_id: string; user_id: string } {
  return { platform: key.platform, workspace_id: key.workspaceId, user_id: key.userId };
}

/**
 * Rows per multi-row statement in the fan-out's batches. Each distinct number of rows is a distinct SQL
 * text, prepared and kept (SQLite) or planned (PostgreSQL) on its own: a fixed size keeps those few.
 */
export const ROWS_PER_STATEMENT = 25;
