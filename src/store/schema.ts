import type { Generated } from 'kysely';
import type { CustomPromptsTable } from './custom-prompts.js';
import type { WorkspaceLeasesTable, WorkspaceReplyPlacesTable } from './leases.js';
import type { SlotsTable, SubscriptionsTable } from './schedules-schema.js';
import type { StoriesTable, StoryChannelsTable, StoryJobsTable, StoryPeopleTable } from './stories-schema.js';

/**
 * Table types for Kysely. Dialect-neutral by design: timestamps are ISO-8601 UTC strings, booleans are
 * 0/1 integers, JSON is text, ids are text. Every row carries `platform` + `workspace_id` so nothing
 * crosses from one workspace or tenant to another.
 */
export interface ConversationsTable {
  platform: string;
  workspace_id: string;
  conversation_id: string;
  is_direct: number;
  /** Platform-specific reference for proactive sends (e.g. a Teams ConversationReference), JSON. */
  ref: string | null;
  time_zone: string | null;
  created_at: string;
  updated_at: string;
}

export interface PromptUsesTable {
  platform: string;
  workspace_id: string;
  conversation_id: string;
  prompt_id: string;
  last_seq: number;
  uses: number;
}

export interface PostsTable {
  id: string;
  platform: string;
  workspace_id: string;
  conversation_id: string;
  message_id: string;
  thread_id: string | null;
  kind: string;
  prompt_id: string | null;
  replies: Generated<number>;
  reactions: Generated<number>;
  created_at: string;
}

/** Platform event ids already handled (retried deliveries are answered once). */
export interface ProcessedEventsTable {
  platform: string;
  workspace_id: string;
  event_id: string;
  created_at: string;
}

/** The whole database as Kysely sees it. Later issues add their tables here. */
export interface Database {
  conversations: ConversationsTable;
  prompt_uses: PromptUsesTable;
  posts: PostsTable;
  processed_events: ProcessedEventsTable;
  story_people: StoryPeopleTable;
  stories: StoriesTable;
  story_jobs: StoryJobsTable;
  story_channels: StoryChannelsTable;
  subscriptions: SubscriptionsTable;
  slots: SlotsTable;
  custom_prompts: CustomPromptsTable;
  workspace_leases: WorkspaceLeasesTable;
  workspace_reply_places: WorkspaceReplyPlacesTable;
}
