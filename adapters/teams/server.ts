import type { IncomingMessage as HttpRequest, ServerResponse } from 'node:http';
import type { Request as BotRequest, Response as BotResponse } from 'botbuilder';
import { createGracefulServer, type GracefulServer } from '../http/graceful.js';
import { activityProblem } from './envelope.js';

/** Largest activity body accepted. Teams activities are far smaller; a 45,000-character paste is ~100 KB. */
export const MAX_BODY_BYTES = 1_000_000;

class BodyError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function readActivity(req: HttpRequest): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyError(413, 'activity too large');
    chunks.push(buffer);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BodyError(400, 'body is not JSON');
  }
  const problem = activityProblem(parsed);
  if (problem) throw new BodyError(400, problem);
  return parsed as Record<string, unknown>;
}

/** The request shape botbuilder reads: a parsed body, headers and method. */
function botRequest(req: HttpRequest, body: Record<string, unknown>): BotRequest {
  return { body, headers: req.headers, method: req.method ?? 'POST' };
}

/** The Express-like response botbuilder writes to, over a plain node response. */
function botResponse(res: ServerResponse): BotResponse {
  return {
    socket: res.socket,
    status(code: unknown) {
      res.statusCode = Number(code);
    },
    header(name: unknown, value: unknown) {
      res.setHeader(String(name), String(value));
    },
    send(body: unknown) {
      if (body === undefined || body === null) return;
      if (typeof body === 'string' || Buffer.isBuffer(body)) {
        res.write(body);
        return;
      }
      if (!res.headersSent) res.setHeader('content-type', 'application/json; charset=utf-8');
      res.write(JSON.stringify(body));
    },
    end() {
      res.end();
    },
  };
}

export interface EndpointHandlers {
  /** Runs botbuilder on one well-formed activity POSTed to /api/messages. */
  process(req: BotRequest, res: BotResponse): Promise<void>;
  /** Resolves when the bot can serve (the store answers). */
  health(): Promise<void>;
  /** A request refused before botbuilder saw it (status 400/413), for a rate-limited warning. */
  onRejected(status: number, reason: string): void;
  onError(error: unknown): void;
  /** The core's pages (GET), tried before the 404. */
  web?: (url: URL) => Promise<{ status: number; headers: Record<string, string>; body: string } | undefined>;
}

/**
 * The bot's HTTP endpoint: `POST /api/messages` for activities and `GET /healthz`. No framework needed.
 * A body that is not an activity object gets 400 before botbuilder sees it; anything that still goes
 * wrong is answered 500 and logged once.
 */
export function createEndpoint(handlers: EndpointHandlers): GracefulServer {
  return createGracefulServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0];
      if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
        const ok = await handlers.health().then(() => true, () => false);
        res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ status: ok ? 'ok' : 'store unavailable' }));
        return;
      }
      if (path !== '/api/messages') {
        const page = req.method === 'GET' && handlers.web ? await handlers.web(new URL(req.url ?? '/', 'http://localhost')) : undefined;
        if (page) {
          res.writeHead(page.status, page.headers).end(page.body);
          return;
        }
        res.writeHead(404).end();
        return;
      }
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST' }).end();
        return;
      }
      let body: Record<string, unknown>;
      try {
        body = await readActivity(req);
      } catch (error) {
        const status = error instanceof BodyError ? error.status : 400;
        const reason = error instanceof Error ? error.message : 'bad request';
        handlers.onRejected(status, reason);
        res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(reason);
        return;
      }
      await handlers.process(botRequest(req, body), botResponse(res));
    })().catch((error: unknown) => {
      handlers.onError(error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  }, handlers.onError);
}
