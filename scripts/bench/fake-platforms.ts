/**
 * Local fakes of the Slack Web API and the Bot Framework connector for the end-to-end benchmarks: each
 * answers after a fixed round trip, enforces sliding-window rate limits the way the platforms describe
 * them (429 with Retry-After in whole seconds beyond the limit) and counts what it accepted per
 * conversation, so a run can report its rate as a fraction of the limit, its 429s, duplicates and losses.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/** At most `count` accepted per sliding `perMs`. */
export interface WindowLimit {
  count: number;
  perMs: number;
}

export interface FakeOptions {
  /** Milliseconds before each answer (the round trip the bot sees). */
  latencyMs?: number;
  /** Across the whole workspace (Slack), or per tenant (Teams: 50 requests per second per app per tenant). */
  global?: WindowLimit;
  /** Per conversation (Slack channel, Teams conversation), every window applying at once. */
  perConversation?: WindowLimit | WindowLimit[];
}

/** A sliding-window log of accepted instants. */
class Window {
  private readonly times: number[] = [];
  private head = 0;
  constructor(private readonly limit: WindowLimit) {}
  /** Ms until a request would be accepted (0 = now). */
  wait(now: number): number {
    while (this.head < this.times.length && (this.times[this.head] as number) <= now - this.limit.perMs) this.head += 1;
    if (this.head > 4096) {
      this.times.splice(0, this.head);
      this.head = 0;
    }
    if (this.times.length - this.head < this.limit.count) return 0;
    return (this.times[this.head] as number) + this.limit.perMs - now;
  }
  add(now: number): void {
    this.times.push(now);
  }
}

/** What a fake saw; `acceptedAt` holds the first and last accepted instants (performance.now). */
export class Tally {
  readonly perConversation = new Map<string, number>();
  /** When each conversation's first post was accepted (performance.now), for reply latencies. */
  readonly firstAccepted = new Map<string, number>();
  /** 429s answered per conversation. */
  readonly rejectedPer = new Map<string, number>();
  readonly calls = new Map<string, number>();
  accepted = 0;
  rejected = 0;
  first = Number.POSITIVE_INFINITY;
  last = 0;
  /** Accepted posts per sender (the bot token that made the call), to tell instances apart. */
  readonly bySender = new Map<string, number>();
  /** Instants of every post attempt, accepted or not (what the bots offered). */
  readonly attempts: number[] = [];
  /** The global window per scope (one for Slack's workspace; one per tenant for Teams). */
  private readonly globals = new Map<string, Window>();
  private readonly conversations = new Map<string, Window[]>();
  private readonly convLimits: WindowLimit[];

  constructor(private readonly options: FakeOptions) {
    const per = options.perConversation;
    this.convLimits = per === undefined ? [] : Array.isArray(per) ? per : [per];
  }

  /** Counts a call of `method`. */
  call(method: string): void {
    this.calls.set(method, (this.calls.get(method) ?? 0) + 1);
  }

  /**
   * Applies the limits to a post to `conversation` (within `scope`, the tenant for Teams): the
   * Retry-After in seconds, or 0 when accepted.
   */
  admit(conversation: string, sender = '', scope = ''): number {
    const now = performance.now();
    this.attempts.push(now);
    let global: Window | undefined;
    if (this.options.global) {
      global = this.globals.get(scope);
      if (!global) this.globals.set(scope, (global = new Window(this.options.global)));
    }
    let conv = this.conversations.get(conversation);
    if (!conv) this.conversations.set(conversation, (conv = this.convLimits.map((limit) => new Window(limit))));
    const wait = Math.max(global?.wait(now) ?? 0, ...conv.map((w) => w.wait(now)));
    if (wait > 0) {
      this.rejected += 1;
      this.rejectedPer.set(conversation, (this.rejectedPer.get(conversation) ?? 0) + 1);
      return Math.max(1, Math.ceil(wait / 1000));
    }
    global?.add(now);
    for (const w of conv) w.add(now);
    this.accepted += 1;
    this.first = Math.min(this.first, now);
    this.last = now;
    this.perConversation.set(conversation, (this.perConversation.get(conversation) ?? 0) + 1);
    if (!this.firstAccepted.has(conversation)) this.firstAccepted.set(conversation, now);
    this.bySender.set(sender, (this.bySender.get(sender) ?? 0) + 1);
    return 0;
  }

  /** The most post attempts in any window of `perMs` (what the senders offered together, 429s included). */
  peakAttempts(perMs = 1000): number {
    let most = 0;
    let head = 0;
    for (let i = 0; i < this.attempts.length; i += 1) {
      while ((this.attempts[head] as number) <= (this.attempts[i] as number) - perMs) head += 1;
      most = Math.max(most, i - head + 1);
    }
    return most;
  }

  duplicates(): number {
    let n = 0;
    for (const c of this.perConversation.values()) n += c - 1;
    return n;
  }

  /** Accepted posts per second between the first and the last. */
  rate(): number {
    return this.accepted > 1 ? ((this.accepted - 1) * 1000) / (this.last - this.first) : 0;
  }
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function later(ms: number, fn: () => void): void {
  if (ms > 0) setTimeout(fn, ms);
  else fn();
}

export interface RunningFake {
  url: string;
  tally: Tally;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<number> {
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function closer(server: Server): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
}

/** A fake Slack Web API at `url` (use as SLACK_API_URL): auth.test, chat.postMessage (limited), others ok. */
export async function startFakeSlack(options: FakeOptions = {}): Promise<RunningFake> {
  const tally = new Tally(options);
  let ts = 0;
  const answer = (res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}) => {
    later(options.latencyMs ?? 0, () => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    });
  };
  const server = createServer((req, res) => {
    void body(req).then((raw) => {
      const method = (req.url ?? '').split('?')[0]?.split('/').pop() ?? '';
      tally.call(method);
      const args: Record<string, string> = req.headers['content-type']?.includes('json')
        ? (JSON.parse(raw || '{}') as Record<string, string>)
        : Object.fromEntries(new URLSearchParams(raw));
      if (method === 'auth.test') return answer(res, 200, { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'moodmusic', team: 'Bench' });
      if (method === 'chat.postMessage' || method === 'chat.postEphemeral') {
        const channel = String(args.channel ?? '');
        const retry = tally.admit(channel, String(req.headers.authorization ?? ''));
        if (retry > 0) return answer(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(retry) });
        ts += 1;
        return answer(res, 200, { ok: true, channel, ts: `1700000000.${String(ts).padStart(6, '0')}`, message: { text: '' } });
      }
      if (method === 'conversations.history') return answer(res, 200, { ok: true, messages: [], has_more: false });
      if (method === 'users.info') return answer(res, 200, { ok: true, user: { id: args.user, tz: 'Europe/London', profile: {} } });
      return answer(res, 200, { ok: true });
    });
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}/api/`, tally, close: closer(server) };
}

/**
 * A fake Bot Framework connector at `url` (the conversations' serviceUrl): sends are limited, the
 * global limit per tenant (the activity's `conversation.tenantId`) as Teams documents it.
 */
export async function startFakeConnector(options: FakeOptions = {}): Promise<RunningFake> {
  const tally = new Tally(options);
  let id = 0;
  const server = createServer((req, res) => {
    void body(req).then((raw) => {
      const parts = (req.url ?? '/').split('?')[0]!.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
      const send = req.method === 'POST' && parts[0] === 'v3' && parts[1] === 'conversations' && parts[3] === 'activities';
      tally.call(send ? 'send' : 'other');
      let status = 200;
      let payload: unknown = { id: `msg-${++id}` };
      let headers: Record<string, string> = {};
      if (send) {
        let tenant = '';
        try {
          tenant = String((JSON.parse(raw) as { conversation?: { tenantId?: string } }).conversation?.tenantId ?? '');
        } catch {
          // Not JSON: counted against the no-tenant scope.
        }
        const retry = tally.admit(parts[2] ?? '', '', tenant);
        if (retry > 0) {
          status = 429;
          payload = { error: { code: 'TooManyRequests', message: 'slow down' } };
          headers = { 'retry-after': String(retry) };
        }
      }
      later(options.latencyMs ?? 0, () => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(payload));
      });
    });
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}/`, tally, close: closer(server) };
}
