import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received: a Web API method (`chat.postMessage`) or a `response_url` post. */
export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  token?: string;
  at: number;
}

/** How the fake should fail the next call of a method. */
export type Failure = { error: string } | { status: 429; retryAfter: number } | { status: number };

/** Arguments Slack insists on per method; a call missing one gets `invalid_arguments`, like Slack. */
const REQUIRED: Record<string, string[][]> = {
  'chat.postMessage': [['channel'], ['text', 'blocks']],
  'chat.postEphemeral': [['channel'], ['user'], ['text', 'blocks']],
  'chat.update': [['channel'], ['ts']],
  'views.open': [['trigger_id'], ['view']],
  'views.publish': [['user_id'], ['view']],
  'conversations.open': [['users', 'channel']],
  'conversations.history': [['channel']],
  'conversations.replies': [['channel'], ['ts']],
};

/** Fields Slack sends as JSON inside a form-encoded body. */
const JSON_FIELDS = new Set(['blocks', 'view', 'metadata', 'attachments']);

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseArgs(contentType: string | undefined, raw: string): Record<string, unknown> {
  if (contentType?.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    if (JSON_FIELDS.has(key)) {
      try {
        args[key] = JSON.parse(value);
        continue;
      } catch {
        // Slack would reject it; keep the raw string so a test can see what was sent.
      }
    }
    args[key] = value;
  }
  return args;
}

interface StoredMessage {
  ts: string;
  thread_ts?: string;
  text?: unknown;
  blocks?: unknown;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

/**
 * A fake Slack Web API on 127.0.0.1: records every call, checks the bot token and required arguments,
 * answers like Slack (`{ ok: true, … }`), keeps posted messages so `conversations.history` can find
 * them (metadata included), and fails calls on request, including HTTP 429 with `Retry-After`.
 */
export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  private readonly events = new EventEmitter();
  private readonly failures = new Map<string, Failure[]>();
  private readonly channels = new Map<string, StoredMessage[]>();
  private server: Server | undefined;
  private seq = 0;
  /** What `users.conversations` answers: the channels the asked-about person is in. */
  memberChannels: Array<{ id: string; name: string }> = [{ id: 'C1', name: 'general' }];
  private readonly holds = new Map<string, { after: number; waiting: Array<() => void> }>();
  /** Seconds of the first message ts; set it to now for code that looks up history by time (`oldest`). */
  tsBase = 1_700_000_000;
  /** What `users.info` says about particular people (admin flags, names); others get a plain member. */
  readonly users = new Map<string, Record<string, unknown>>();
  /** Where `apps.connections.open` sends Socket Mode clients (a `FakeSocketMode`), when set. */
  socketUrl: string | undefined;
  /** Posts refused for the workspace's rate (see `limitPosts`). */
  rateLimited = 0;
  private postLimit: { count: number; perMs: number; now: () => number; accepted: number[] } | undefined;

  constructor(
    readonly token = 'xoxb-test',
    readonly bot = { userId: 'UBOT', botId: 'BBOT', teamId: 'T1' },
  ) {
    this.events.setMaxListeners(100);
  }

  /** Starts listening on an ephemeral loopback port. */
  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get port(): number {
    return (this.server!.address() as AddressInfo).port;
  }

  /** The value for SLACK_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A `response_url` for a slash command or interaction, answered by this fake. */
  responseUrl(id = 'r1'): string {
    return `http://127.0.0.1:${this.port}/respond/${id}`;
  }

  async close(): Promise<void> {
    this.releaseHeld();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /**
   * From now on, accepts at most `count` posts (chat.postMessage and chat.postEphemeral) across the
   * workspace in any `perMs`, counted on `now`'s clock (a test's fake time); beyond that it answers 429
   * with Retry-After, as Slack does. `postTimes()` gives the accepted instants.
   */
  limitPosts(count: number, perMs: number, now: () => number): void {
    this.postLimit = { count, perMs, now, accepted: [] };
  }

  /** The instants (on the limit's clock) of the posts the limit accepted. */
  postTimes(): number[] {
    return [...(this.postLimit?.accepted ?? [])];
  }

  /** Makes the next call(s) of `method` fail as given, in order. */
  failNext(method: string, ...failures: Failure[]): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...failures]);
  }

  /**
   * From the `after + 1`-th call of `method` on, the call takes effect at once (a posted message is in
   * the channel's history) but its answer is held until `releaseHeld()`: a slow or stalled network.
   */
  holdAfter(method: string, after: number): void {
    this.holds.set(method, { after, waiting: [] });
  }

  /** How many answers are being held. */
  heldCount(): number {
    return [...this.holds.values()].reduce((n, h) => n + h.waiting.length, 0);
  }

  /** Sends every held answer and stops holding. */
  releaseHeld(): void {
    const holds = [...this.holds.values()];
    this.holds.clear();
    for (const hold of holds) for (const go of hold.waiting.splice(0)) go();
  }

  /** Calls of one method (or `response_url`). */
  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves with the first call (past or future) of `method` that matches, or rejects after `timeoutMs`. */
  waitFor(method: string, match: (call: RecordedCall) => boolean = () => true, timeoutMs = 5000): Promise<RecordedCall> {
    const seen = this.calls.find((c) => c.method === method && match(c));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const onCall = (call: RecordedCall) => {
        if (call.method !== method || !match(call)) return;
        clearTimeout(timer);
        this.events.off('call', onCall);
        resolve(call);
      };
      const timer = setTimeout(() => {
        this.events.off('call', onCall);
        reject(new Error(`no ${method} call matched within ${timeoutMs} ms; calls so far: ${this.calls.map((c) => c.method).join(', ')}`));
      }, timeoutMs);
      this.events.on('call', onCall);
    });
  }

  private nextTs(): string {
    this.seq += 1;
    return `${this.tsBase + this.seq}.${String(this.seq).padStart(6, '0')}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (url.pathname.startsWith('/respond/')) {
      this.record({ method: 'response_url', args: { ...parseArgs('application/json', raw), id: url.pathname.slice('/respond/'.length) }, at: Date.now() });
      send(200, { ok: true });
      return;
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const args = parseArgs(req.headers['content-type'], raw);
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const token = bearer ?? (typeof args.token === 'string' ? args.token : undefined);
    this.record({ method, args, ...(token ? { token } : {}), at: Date.now() });

    const failure = this.failures.get(method)?.shift();
    if (failure) {
      if ('error' in failure) return send(200, { ok: false, error: failure.error });
      if (failure.status === 429 && 'retryAfter' in failure) return send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(failure.retryAfter) });
      return send(failure.status, { ok: false, error: 'http_error' });
    }
    // Socket Mode connects with the app-level token; everything else uses the bot token.
    const tokenOk = method === 'apps.connections.open' ? Boolean(token?.startsWith('xapp-')) : token === this.token;
    if (!tokenOk) return send(200, { ok: false, error: token ? 'invalid_auth' : 'not_authed' });
    for (const alternatives of REQUIRED[method] ?? []) {
      if (!alternatives.some((name) => args[name] !== undefined && args[name] !== '')) {
        return send(200, { ok: false, error: 'invalid_arguments', response_metadata: { messages: [`missing required field: ${alternatives.join(' or ')}`] } });
      }
    }
    const limit = this.postLimit;
    if (limit && (method === 'chat.postMessage' || method === 'chat.postEphemeral')) {
      const now = limit.now();
      const inWindow = limit.accepted.filter((t) => t > now - limit.perMs);
      if (inWindow.length >= limit.count) {
        this.rateLimited += 1;
        const seconds = Math.max(1, Math.ceil(((inWindow[0] as number) + limit.perMs - now) / 1000));
        return send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(seconds) });
      }
      limit.accepted.push(now);
    }
    const answer = this.answer(method, args);
    const hold = this.holds.get(method);
    if (hold && this.callsTo(method).length > hold.after) await new Promise<void>((resolve) => hold.waiting.push(resolve));
    send(200, answer);
  }

  private record(call: RecordedCall): void {
    this.calls.push(call);
    this.events.emit('call', call);
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const channel = String(args.channel ?? '');
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.com/', team: 'Fake', user: 'moodmusic', team_id: this.bot.teamId, user_id: this.bot.userId, bot_id: this.bot.botId };
      case 'chat.postMessage': {
        const message: StoredMessage = { ts: this.nextTs(), text: args.text, blocks: args.blocks };
        if (typeof args.thread_ts === 'string') message.thread_ts = args.thread_ts;
        if (args.metadata) message.metadata = args.metadata as StoredMessage['metadata'];
        this.channels.set(channel, [...(this.channels.get(channel) ?? []), message]);
        return { ok: true, channel, ts: message.ts, message: { ...message, bot_id: this.bot.botId } };
      }
      case 'apps.connections.open':
        return this.socketUrl ? { ok: true, url: this.socketUrl } : { ok: false, error: 'socket_mode_not_enabled' };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'chat.update':
        return { ok: true, channel, ts: args.ts };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(args.users ?? 'X').replace(/^U/, '')}` } };
      case 'conversations.history': {
        const oldest = Number(args.oldest ?? 0);
        const messages = (this.channels.get(channel) ?? [])
          .filter((m) => Number(m.ts) > oldest && !m.thread_ts)
          .map((m) => (args.include_all_metadata ? m : { ...m, metadata: undefined }))
          .reverse();
        return { ok: true, messages, has_more: false, response_metadata: { next_cursor: '' } };
      }
      case 'views.open':
        return { ok: true, view: { id: 'V1', ...(args.view as object) } };
      case 'users.info':
        return {
          ok: true,
          user: { id: args.user, name: 'sam.jones', real_name: 'Sam Jones', profile: { display_name: 'Sam', real_name: 'Sam Jones' }, is_admin: false, is_owner: false, ...this.users.get(String(args.user)) },
        };
      case 'users.conversations':
        return { ok: true, channels: this.memberChannels, response_metadata: { next_cursor: '' } };
      case 'views.publish':
        return { ok: true, view: { id: 'V2', ...(args.view as object) } };
      default:
        return { ok: true };
    }
  }
}
