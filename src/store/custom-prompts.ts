import type { Kysely } from 'kysely';
import type { PlatformName } from '../model/message.js';
import type { Database } from './schema.js';

/** A question a workspace added itself. */
export interface CustomPromptRecord {
  id: string;
  platform: PlatformName;
  workspaceId: string;
  theme: string;
  text: string;
  why?: string;
  /** Who added it; cleared when that person says `forget me`. */
  createdBy?: string;
  createdAt: string;
}

/** Table type for Kysely. */
export interface CustomPromptsTable {
  id: string;
  platform: string;
  workspace_id: string;
  theme: string;
  text: string;
  why: string | null;
  created_by: string | null;
  created_at: string;
}

/** A workspace's own prompts, kept per workspace and never shown in another. */
export class CustomPromptRepo {
  constructor(private readonly db: Kysely<Database>, private readonly now: () => Date) {}

  async add(p: Omit<CustomPromptRecord, 'createdAt'>): Promise<CustomPromptRecord> {
    const createdAt = this.now().toISOString();
    await this.db
      .insertInto('custom_prompts')
      .values({
        id: p.id,
        platform: p.platform,
        workspace_id: p.workspaceId,
        theme: p.theme,
        text: p.text,
        why: p.why ?? null,
        created_by: p.createdBy ?? null,
        created_at: createdAt,
      })
      .execute();
    return { ...p, createdAt };
  }

  async list(platform: PlatformName, workspaceId: string, createdBy?: string): Promise<CustomPromptRecord[]> {
    let q = this.db.selectFrom('custom_prompts').selectAll().where('platform', '=', platform).where('workspace_id', '=', workspaceId);
    if (createdBy) q = q.where('created_by', '=', createdBy);
    const rows = await q.orderBy('created_at').orderBy('id').execute();
    return rows.map((r) => ({
      id: r.id,
      platform: r.platform as PlatformName,
      workspaceId: r.workspace_id,
      theme: r.theme,
      text: r.text,
      ...(r.why ? { why: r.why } : {}),
      ...(r.created_by ? { createdBy: r.created_by } : {}),
      createdAt: r.created_at,
    }));
  }

  /** Removes one; false when the workspace has no prompt with that id. */
  async remove(platform: PlatformName, workspaceId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('custom_prompts').where('platform', '=', platform).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
