import type { Migration } from 'kysely';
import * as core from './0001_core.js';
import * as schedules from './0002_schedules.js';
import * as stories from './0003_stories.js';
import * as events from './0004_events.js';
import * as customPrompts from './0010_custom_prompts.js';
import * as settingOwners from './0011_setting_owners.js';
import * as workspaceLeases from './0012_workspace_leases.js';
import * as replyPlaces from './0013_reply_places.js';

/**
 * Every schema change, in order. Names sort in the order they apply; never edit a shipped migration,
 * add a new one.
 */
export const migrations: Record<string, Migration> = {
  '0001_core': core,
  '0002_schedules': schedules,
  '0003_stories': stories,
  '0004_events': events,
  '0010_custom_prompts': customPrompts,
  '0011_setting_owners': settingOwners,
  '0012_workspace_leases': workspaceLeases,
  '0013_reply_places': replyPlaces,
};
