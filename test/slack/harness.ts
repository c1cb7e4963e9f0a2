import { createHmac } from 'node:crypto';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/index.js';
import { readConfig } from '../../src/config.js';
import type { Core } from '../../src/core/core.js';
import type { CoreSettings, Feature } from '../../src/core/types.js';
import { createLogger } from '../../src/logger.js';
import type { Store } from '../../src/store/index.js';
import { pacedTime, testCore } from '../helpers/core.js';
import type { FakeTime } from '../delivery/fake-time.js';
import { FakeSlackApi } from './fake-slack-api.js';

export const SECRET = 'test-signing-secret';
export const TEAM = 'T1';
export const BOT = 'UBOT';

/** Slack's request signature: HMAC-SHA256 of `v0:{timestamp}:{body}` with the signing secret. */
export function sign(body: string, timestamp: number, secret = SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  secret?: string;
  /** Seconds since the epoch; defaults to now (Bolt rejects anything over 5 minutes old). */
  timestamp?: number;
  signature?: string;
  retryNum?: number;
}

export interface SentResponse {
  status: number;
  body: string;
  /** Milliseconds from sending the request to the complete response (the ack). */
  ms: number;
}

/** POSTs a correctly signed (unless told otherwise) request to `/slack/events`. */
export async function postSigned(port: number, body: string, contentType: string, options: SendOptions = {}): Promise<SentResponse> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': options.signature ?? sign(body, timestamp, options.secret),
  };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  const started = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers, body });
  const text = await res.text();
  return { status: res.status, body: text, ms: performance.now() - started };
}

let eventSeq = 0;

/** An Events API envelope around `event`. */
export function eventEnvelope(event: Record<string, unknown>, eventId = `Ev${++eventSeq}`): string {
  return JSON.stringify({
    token: 'legacy',
    team_id: TEAM,
    api_app_id: 'A1',
    event: { event_ts: '1700000000.000001', ...event },
    type: 'event_callback',
    event_id: eventId,
    event_time: 1_700_000_000,
    authorizations: [{ team_id: TEAM, user_id: BOT, is_bot: true }],
  });
}

/** An `app_mention` event for `text` (the bot's mention is added in front). */
export function mentionEvent(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'app_mention', user: 'U1', text: `<@${BOT}> ${text}`, ts: '1700000100.000100', channel: 'C1', ...extra };
}

/** A slash command body (form-encoded, as Slack sends it). */
export function commandBody(fields: Record<string, string>): string {
  return new URLSearchParams({
    token: 'legacy',
    team_id: TEAM,
    team_domain: 'fake',
    channel_id: 'C1',
    channel_name: 'general',
    user_id: 'U1',
    user_name: 'alex',
    command: '/moodmusic',
    text: '',
    api_app_id: 'A1',
    trigger_id: 'trigger-1',
    ...fields,
  }).toString();
}

/** An interactivity body (`payload=` JSON, form-encoded). */
export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export interface SlackHarness {
  fake: FakeSlackApi;
  adapter: SlackAdapter;
  core: Core;
  store: Store;
  logs: string[];
  /** The core's clock, moved by the rate buckets' waits (see `pacedTime`). */
  time: FakeTime;
  port: number;
  event(event: Record<string, unknown>, eventId?: string, options?: SendOptions): Promise<SentResponse>;
  command(fields: Record<string, string>, options?: SendOptions): Promise<SentResponse>;
  interact(payload: Record<string, unknown>, options?: SendOptions): Promise<SentResponse>;
  close(): Promise<void>;
}

/**
 * The real Slack adapter (Bolt's HTTP receiver on an ephemeral port) over a real core and SQLite store,
 * talking to a fake Slack Web API. `fake` may be shared to run two instances against one workspace.
 */
export async function slackHarness(options: { features?: Feature[]; fake?: FakeSlackApi; dbPath?: string; settings?: Partial<CoreSettings> } = {}): Promise<SlackHarness> {
  const fake = options.fake ?? (await new FakeSlackApi('xoxb-test', { userId: BOT, botId: 'BBOT', teamId: TEAM }).start());
  const tc = await testCore({ ...(options.features ? { features: options.features } : {}), ...(options.dbPath ? { dbPath: options.dbPath } : {}), ...(options.settings ? { settings: options.settings } : {}) });
  // The core's rate buckets run on the core's manual clock: a paced call's wait moves it, never real time.
  const time = pacedTime(tc.core, tc.clock);
  const logs: string[] = [];
  const logger = createLogger({ level: 'debug', stream: { write: (line: string) => logs.push(line) } });
  const config = readConfig({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    SLACK_PORT: '0',
    ADAPTERS: 'slack',
  });
  const adapter = createSlackAdapter({ core: tc.core, config, logger, io: { stdin: process.stdin, stdout: process.stdout } });
  tc.core.attach(adapter.outbound);
  await adapter.start();
  const port = adapter.port()!;
  return {
    fake,
    adapter,
    core: tc.core,
    store: tc.store,
    logs,
    time,
    port,
    event: (event, eventId, sendOptions) => postSigned(port, eventEnvelope(event, eventId), 'application/json', sendOptions),
    command: (fields, sendOptions) => postSigned(port, commandBody(fields), 'application/x-www-form-urlencoded', sendOptions),
    interact: (payload, sendOptions) => postSigned(port, interactionBody(payload), 'application/x-www-form-urlencoded', sendOptions),
    async close() {
      await adapter.stop();
      await tc.close();
      if (!options.fake) await fake.close();
    },
  };
}

/** A posted message as the fake recorded it: what a button press carries back. */
interface PostedCall {
  args: Record<string, unknown>;
}

/**
 * A `block_actions` payload for pressing `button` on `message` in `channel`, shaped as Slack sends it.
 * `extra` adds or overrides fields (response_url, an ephemeral container…).
 */
export function buttonPress(
  channel: string,
  button: { action_id: string; value?: string; label?: string },
  message?: PostedCall,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const ts = '1700000001.000001';
  return {
    type: 'block_actions',
    team: { id: TEAM },
    user: { id: 'U1', team_id: TEAM },
    trigger_id: `trig-${button.action_id}`,
    container: { type: 'message', message_ts: ts, channel_id: channel },
    channel: { id: channel, name: channel.startsWith('D') ? 'directmessage' : 'general' },
    ...(message ? { message: { type: 'message', ts, text: message.args.text, blocks: message.args.blocks } } : {}),
    actions: [{ type: 'button', action_id: button.action_id, value: button.value, text: { type: 'plain_text', text: button.label ?? 'Button' } }],
    ...extra,
  };
}
