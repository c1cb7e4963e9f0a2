import path from 'node:path';
import type { Activity } from 'botbuilder';
import { createTeamsAdapter, type TeamsAdapter } from '../../adapters/teams/index.js';
import type { AdapterDeps } from '../../adapters/types.js';
import { readConfig } from '../../src/config.js';
import type { Core } from '../../src/core/core.js';
import type { CoreSettings, Feature } from '../../src/core/types.js';
import { silentLogger } from '../../src/logger.js';
import type { Store } from '../../src/store/index.js';
import { pacedTime, testCore } from '../helpers/core.js';
import type { FakeTime } from '../delivery/fake-time.js';
import { tempDir } from '../helpers/temp.js';
import { startFakeConnector, type FakeConnector } from './fake-connector.js';

export const TENANT = 'tenant-1';
export const BOT = { id: '28:bot-app-id', name: 'moodmusic' };
export const USER = { id: '29:user-1', name: 'Ada Example', aadObjectId: 'aad-user-1' };
export const CHANNEL = '19:general@thread.tacv2';
export const GROUP_CHAT = '19:group-chat@thread.v2';
export const PERSONAL = 'a:personal-chat-1';

let seq = 0;

/** A Teams-shaped activity with sensible defaults (tenant, bot, user, serviceUrl). */
export function activity(serviceUrl: string, overrides: Partial<Activity>): Partial<Activity> {
  seq += 1;
  return {
    type: 'message',
    id: `1700000000${String(seq).padStart(3, '0')}`,
    timestamp: new Date('2026-11-23T08:00:00Z'),
    channelId: 'msteams',
    serviceUrl,
    from: USER,
    recipient: BOT,
    conversation: { id: PERSONAL, conversationType: 'personal', tenantId: TENANT, isGroup: false, name: '' },
    channelData: { tenant: { id: TENANT } },
    locale: 'en-GB',
    ...overrides,
  } as Partial<Activity>;
}

/** A channel post @mentioning the bot: `<at>moodmusic</at> TEXT`, in the reply chain of `root`. */
export function channelMention(serviceUrl: string, text: string, options: { root?: string; conversation?: string } = {}): Partial<Activity> {
  const a = activity(serviceUrl, {});
  const root = options.root ?? a.id!;
  return {
    ...a,
    text: `<at>moodmusic</at> ${text}`,
    entities: [{ type: 'mention', text: '<at>moodmusic</at>', mentioned: BOT }],
    conversation: { id: `${options.conversation ?? CHANNEL};messageid=${root}`, conversationType: 'channel', tenantId: TENANT, isGroup: true, name: '' },
    channelData: { tenant: { id: TENANT }, team: { id: CHANNEL }, channel: { id: CHANNEL } },
  };
}

export interface Harness {
  adapter: TeamsAdapter;
  core: Core;
  store: Store;
  connector: FakeConnector;
  /** The core's clock, moved by the rate buckets' waits (see `pacedTime`). */
  time: FakeTime;
  /** `http://127.0.0.1:PORT/api/messages`. */
  endpoint: string;
  /** POSTs an activity; resolves with the HTTP status once botbuilder has finished the turn. */
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; text: string }>;
  close(): Promise<void>;
}

/** A real core on SQLite, the real Teams adapter on 127.0.0.1, and a fake connector for its replies. */
export async function startHarness(options: { env?: Record<string, string>; features?: Feature[]; settings?: Partial<CoreSettings> } = {}): Promise<Harness> {
  const tmp = tempDir('moodmusic-teams-');
  const { core, store, clock, close: closeCore } = await testCore({
    dbPath: path.join(tmp.dir, 'teams.db'),
    ...(options.features ? { features: options.features } : {}),
    ...(options.settings ? { settings: options.settings } : {}),
  });
  // The core's rate buckets run on the core's manual clock: a paced call's wait moves it, never real time.
  const time = pacedTime(core, clock);
  const connector = await startFakeConnector();
  const config = readConfig({ ADAPTERS: 'teams', TEAMS_PORT: '0', SQLITE_PATH: path.join(tmp.dir, 'teams.db'), ...options.env });
  const deps = { core, config, logger: silentLogger, io: { stdin: process.stdin, stdout: process.stdout } } satisfies AdapterDeps;
  const adapter = createTeamsAdapter(deps, { host: '127.0.0.1' });
  core.attach(adapter.outbound);
  await adapter.start();
  const endpoint = `http://127.0.0.1:${adapter.address().port}/api/messages`;
  return {
    adapter,
    core,
    store,
    connector,
    time,
    endpoint,
    async post(body, headers = {}) {
      const res = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      return { status: res.status, text: await res.text() };
    },
    async close() {
      await adapter.stop();
      await connector.close();
      await closeCore();
      tmp.cleanup();
    },
  };
}

/** The Adaptive Card a posted activity carries. */
export function cardOf(posted: Record<string, unknown>): { body: Array<Record<string, unknown>>; [key: string]: unknown } {
  const attachments = posted.attachments as Array<{ contentType: string; content: { body: Array<Record<string, unknown>> } }> | undefined;
  const card = attachments?.[0]?.content;
  if (!card) throw new Error(`no card in ${JSON.stringify(posted).slice(0, 200)}`);
  return card;
}

/** All TextBlock / FactSet text in a card, flattened, for assertions. */
export function cardText(posted: Record<string, unknown>): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (typeof n.text === 'string') out.push(n.text);
    if (typeof n.title === 'string') out.push(n.title);
    if (typeof n.value === 'string') out.push(n.value);
    if (typeof n.label === 'string') out.push(n.label);
    for (const key of ['body', 'items', 'facts', 'actions']) if (n[key]) walk(n[key]);
  };
  walk(cardOf(posted));
  return out.join('\n');
}
