import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.js';
import { openStore } from '../../src/store/index.js';
import { tempDir } from '../helpers/temp.js';

describe('SQLite store file', () => {
  it('is created on first run (with its folder) and keeps data when reopened', async () => {
    const tmp = tempDir();
    const file = path.join(tmp.dir, 'nested', 'moodmusic.db');
    const ref = { platform: 'slack', workspaceId: 'T1', conversationId: 'C1' } as const;
    const first = await openStore({ kind: 'sqlite', path: file });
    expect(existsSync(file)).toBe(true);
    await first.conversations.upsert({ ...ref, isDirect: false, timeZone: 'Europe/London' });
    await first.posts.record({ ...ref, messageId: '123.456', kind: 'prompt', promptId: 'purpose-x' });
    await first.rotation.markUsed(ref, 'purpose-x');
    await first.close();

    const second = await openStore({ kind: 'sqlite', path: file });
    expect(await second.conversations.get(ref)).toMatchObject({ timeZone: 'Europe/London', isDirect: false });
    expect(await second.posts.find(ref, '123.456')).toMatchObject({ promptId: 'purpose-x', replies: 0 });
    expect((await second.rotation.lastUsed(ref)).get('purpose-x')).toBe(1);
    // Data is keyed by workspace: the same channel id in another workspace is a different conversation.
    expect(await second.conversations.get({ ...ref, workspaceId: 'T2' })).toBeUndefined();
    await second.ping();
    await second.close();
    tmp.cleanup();
  });

  it('reports an unusable path as a StoreError naming the file', async () => {
    const tmp = tempDir();
    const bad = path.join(tmp.dir, 'db-is-a-dir');
    await openStore({ kind: 'sqlite', path: path.join(bad, 'x.db') }).then((s) => s.close());
    await expect(openStore({ kind: 'sqlite', path: bad })).rejects.toThrow(StoreError);
    await expect(openStore({ kind: 'sqlite', path: bad })).rejects.toThrow(/SQLite file/);
    tmp.cleanup();
  });
});
