import type { PlatformName } from '../model/message.js';
import type { Database } from './schema.js';
import type { PendingStory, Sharing, StoryPerson, StoryRecord } from './stories.js';

type PeopleRow = Database['story_people'];
type StoryRow = Database['stories'];

/** A `story_people` row as the person it records. */
export function toPerson(row: PeopleRow): StoryPerson {
  let pending: PendingStory | undefined;
  if (row.pending_kind === 'answer' && row.pending_prompt_id) {
    pending = { kind: 'answer', promptId: row.pending_prompt_id, since: row.pending_since ?? row.updated_at };
  } else if (row.pending_kind === 'edit' && row.pending_story_id) {
    pending = { kind: 'edit', storyId: row.pending_story_id, since: row.pending_since ?? row.updated_at };
  }
  return {
    platform: row.platform as PlatformName,
    workspaceId: row.workspace_id,
    userId: row.user_id,
    sharing: row.sharing as Sharing,
    dmConversationId: row.dm_conversation_id,
    timeZone: row.time_zone,
    createdAt: row.created_at,
    ...(row.display_name ? { displayName: row.display_name } : {}),
    ...(pending ? { pending } : {}),
  };
}

/** A `stories` row as a story. */
export function toStory(row: StoryRow): StoryRecord {
  return {
    id: row.id,
    platform: row.platform as PlatformName,
    workspaceId: row.workspace_id,
    userId: row.user_id,
    promptId: row.prompt_id,
    promptText: row.prompt_text,
    text: row.text,
    sharing: row.sharing as Sharing,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.author_name ? { authorName: row.author_name } : {}),
  };
}
