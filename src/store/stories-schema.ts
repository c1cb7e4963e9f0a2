/**
 * Table types for new-starter stories (migration 0003_stories). Same conventions as `schema.ts`: ISO-8601
 * UTC strings for time, 0/1 for booleans, every row keyed by platform + workspace.
 */

/** One person who chose a sharing level, with the question they may be answering now. */
export interface StoryPeopleTable {
  platform: string;
  workspace_id: string;
  user_id: string;
  /** `private` | `anonymous` | `named`. */
  sharing: string;
  /** Kept only while the person shares with their name. */
  display_name: string | null;
  dm_conversation_id: string;
  time_zone: string;
  /** `answer` (next DM text is a story for `pending_prompt_id`) or `edit` (it replaces `pending_story_id`). */
  pending_kind: string | null;
  pending_prompt_id: string | null;
  pending_story_id: string | null;
  pending_since: string | null;
  created_at: string;
  updated_at: string;
}

export interface StoriesTable {
  id: string;
  platform: string;
  workspace_id: string;
  user_id: string;
  /** Set only when the story is shared with a name. */
  author_name: string | null;
  prompt_id: string;
  /** The question as it was asked, so exports read the same after the library changes. */
  prompt_text: string;
  text: string;
  sharing: string;
  created_at: string;
  updated_at: string;
}

/** One step of a person's question sequence; claimed (status pending → claimed) before it is sent. */
export interface StoryJobsTable {
  id: string;
  platform: string;
  workspace_id: string;
  user_id: string;
  conversation_id: string;
  step: number;
  due_at: string;
  /** `pending` | `claimed` | `sent` | `failed`. */
  status: string;
  attempts: number;
  claimed_by: string | null;
  claimed_at: string | null;
  prompt_id: string | null;
  sent_at: string | null;
  created_at: string;
}

/** Per-channel story settings: welcome on/off and how far digests have got. */
export interface StoryChannelsTable {
  platform: string;
  workspace_id: string;
  conversation_id: string;
  welcome: number;
  /** Creation time of the newest story already shared back here. */
  last_digest_at: string | null;
  /** Who last turned welcome on or off here, and when (migration 0011); cleared by their `forget me`. */
  welcome_set_by: string | null;
  welcome_set_at: string | null;
  updated_at: string;
}

/** The story tables, merged into `Database`. */
export interface StoryTables {
  story_people: StoryPeopleTable;
  stories: StoriesTable;
  story_jobs: StoryJobsTable;
  story_channels: StoryChannelsTable;
}
