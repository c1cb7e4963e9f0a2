import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the connector. */
export interface ConnectorCall {
  kind: 'reply' | 'send' | 'create' | 'member' | 'update' | 'other';
  method: string;
  path: string;
  /** Decoded conversation id from the path (reply/send). */
  conversationId?: string;
  /** Decoded activity id replied to (reply) or replaced (update). */
  replyToId?: string;
  authorization?: string;
  /** The client's port: the same for calls made over one kept-alive connection. */
  remotePort?: number;
  body: Record<string, unknown>;
}

interface Failure {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** A local stand-in for the Bot Framework connector service (the activity's `serviceUrl`). */
export interface FakeConnector {
  /** `http://127.0.0.1:PORT/`, to put in activities' `serviceUrl`. */
  readonly url: string;
  readonly calls: ConnectorCall[];
  /** Activities the bot posted (replies and sends), in order. */
  activities(): Array<Record<string, unknown> & { conversationId: string; kind: ConnectorCall['kind'] }>;
  /** The roster: what GET /v3/conversations/{id}/members/{user} answers per user id (404 for others). */
  readonly members: Map<string, { name: string; userRole: 'owner' | 'user' | 'guest' }>;
  /**
   * The next `count` calls fail with this status (and headers such as Retry-After); with `kind`, the
   * next `count` calls of that kind only (a 1:1 chat opened, then its post refused).
   */
  failNext(failure: Failure, count?: number, kind?: ConnectorCall['kind']): void;
  /**
   * From now on, accepts at most `count` calls in any `perMs` (Teams counts every call per app per
   * tenant; this fake has one tenant), on `now`'s clock; beyond that, 429 with Retry-After in seconds.
   */
  limit(count: number, perMs: number, now: () => number): void;
  /** Calls refused for the rate (see `limit`). */
  rateLimited(): number;
  /** The instants (on the limit's clock) of the calls the limit accepted. */
  acceptedTimes(): number[];
  /** Holds every answer from now on (the call is recorded at once) until `release()`: a stalled network. */
  hold(): void;
  /** Answers everything held and stops holding. */
  release(): void;
  /** How many answers are held. */
  held(): number;
  reset(): void;
  close(): Promise<void>;
}

/** Starts a fake connector on 127.0.0.1 that accepts replies, sends, updates and createConversation. */
export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  const failures: Array<{ failure: Failure; kind: ConnectorCall['kind'] | undefined }> = [];
  const members = new Map<string, { name: string; userRole: 'owner' | 'user' | 'guest' }>();
  let counter = 0;
  let holding = false;
  const waiting: Array<() => void> = [];
  let rateLimit: { count: number; perMs: number; now: () => number; accepted: number[]; refused: number } | undefined;
  /** 429 with Retry-After when the call is over the rate; the call is then not made. */
  const overLimit = (): Failure | undefined => {
    if (!rateLimit) return undefined;
    const now = rateLimit.now();
    const limit = rateLimit;
    const inWindow = limit.accepted.filter((t) => t > now - limit.perMs);
    if (inWindow.length < limit.count) {
      limit.accepted.push(now);
      return undefined;
    }
    limit.refused += 1;
    const seconds = Math.max(1, Math.ceil(((inWindow[0] as number) + limit.perMs - now) / 1000));
    return { status: 429, headers: { 'Retry-After': String(seconds) } };
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, unknown> = {};
      try {
        body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      } catch {
        body = { unparsed: text };
      }
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const parts = path.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
      const call: ConnectorCall = { kind: 'other', method: req.method ?? 'GET', path, body };
      if (req.headers.authorization) call.authorization = req.headers.authorization;
      if (req.socket.remotePort !== undefined) call.remotePort = req.socket.remotePort;
      if (req.method === 'POST' && parts[0] === 'v3' && parts[1] === 'conversations') {
        if (parts.length === 2) call.kind = 'create';
        else if (parts.length === 4 && parts[3] === 'activities') Object.assign(call, { kind: 'send', conversationId: parts[2] });
        else if (parts.length === 5 && parts[3] === 'activities') Object.assign(call, { kind: 'reply', conversationId: parts[2], replyToId: parts[4] });
      }
      if (req.method === 'GET' && parts[0] === 'v3' && parts[1] === 'conversations' && parts[3] === 'members' && parts.length === 5) {
        Object.assign(call, { kind: 'member', conversationId: parts[2] });
      }
      if (req.method === 'PUT' && parts[0] === 'v3' && parts[1] === 'conversations' && parts.length === 5 && parts[3] === 'activities') {
        Object.assign(call, { kind: 'update', conversationId: parts[2], replyToId: parts[4] });
      }
      calls.push(call);
      if (holding) waiting.push(() => answer(call));
      else answer(call);
    });

    function answer(call: ConnectorCall) {
      const at = failures.findIndex((f) => f.kind === undefined || f.kind === call.kind);
      const failure = (at >= 0 ? failures.splice(at, 1)[0]?.failure : undefined) ?? overLimit();
      if (failure) {
        res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
        res.end(JSON.stringify(failure.body ?? { error: { code: 'Fake', message: `fake failure ${failure.status}` } }));
        return;
      }
      counter += 1;
      if (call.kind === 'member') {
        const userId = decodeURIComponent(call.path.split('/').filter(Boolean)[4] ?? '');
        const member = members.get(userId);
        res.writeHead(member ? 200 : 404, { 'content-type': 'application/json' });
        res.end(JSON.stringify(member ? { id: userId, ...member, aadObjectId: `aad-${userId}` } : { error: { code: 'MemberNotFoundInConversation', message: 'not a member' } }));
        return;
      }
      res.writeHead(call.kind === 'other' ? 404 : 200, { 'content-type': 'application/json' });
      if (call.kind === 'create') res.end(JSON.stringify({ id: `a:dm-${counter}`, activityId: `act-${counter}` }));
      else if (call.kind === 'other') res.end(JSON.stringify({ error: { code: 'NotFound', message: call.path } }));
      else if (call.kind === 'update') res.end(JSON.stringify({ id: call.replyToId }));
      else res.end(JSON.stringify({ id: `msg-${counter}` }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    members,
    activities: () =>
      calls
        .filter((c) => c.kind === 'reply' || c.kind === 'send')
        .map((c) => ({ ...c.body, conversationId: c.conversationId ?? '', kind: c.kind })),
    failNext(failure, count = 1, kind) {
      for (let i = 0; i < count; i += 1) failures.push({ failure, kind });
    },
    hold() {
      holding = true;
    },
    release() {
      holding = false;
      for (const go of waiting.splice(0)) go();
    },
    held: () => waiting.length,
    limit(count, perMs, now) {
      rateLimit = { count, perMs, now, accepted: [], refused: 0 };
    },
    rateLimited: () => rateLimit?.refused ?? 0,
    acceptedTimes: () => [...(rateLimit?.accepted ?? [])],
    reset() {
      calls.length = 0;
      failures.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        holding = false;
        waiting.length = 0;
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  } satisfies FakeConnector;
}
