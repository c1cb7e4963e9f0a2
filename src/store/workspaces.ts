import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/** A workspace (Slack team, Teams tenant, or the shell) the bot has data for. */
export interface KnownWorkspace {
  platform: string;
  workspaceId: string;
  /** Stories people chose to share there (anonymous or named). */
  sharedStories: number;
}

/**
 * Every workspace the database knows of (from conversations the bot has seen and stories it holds),
 * with its count of shared stories; for CLI commands that must name the valid ids when given a wrong one.
 */
export async function knownWorkspaces(db: Kysely<Database>): Promise<KnownWorkspace[]> {
  const seen = await db
    .selectFrom('conversations')
    .select(['platform', 'workspace_id'])
    .union(db.selectFrom('stories').select(['platform', 'workspace_id']))
    .execute();
  const counts = await db
    .selectFrom('stories')
    .select(['platform', 'workspace_id', sql<number>`count(*)`.as('n')])
    .where('sharing', 'in', ['anonymous', 'named'])
    .groupBy(['platform', 'workspace_id'])
    .execute();
  const count = new Map(counts.map((c) => [`${c.platform}\u0000${c.workspace_id}`, Number(c.n)]));
  return seen
    .map((w) => ({ platform: w.platform, workspaceId: w.workspace_id, sharedStories: count.get(`${w.platform}\u0000${w.workspace_id}`) ?? 0 }))
    .sort((a, b) => a.platform.localeCompare(b.platform) || a.workspaceId.localeCompare(b.workspaceId));
}
