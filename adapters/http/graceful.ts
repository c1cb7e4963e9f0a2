import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a drain did, for the shutdown log line. */
export interface DrainReport {
  /** Requests still unanswered when the deadline came (their connections were cut). */
  unanswered: number;
  /** Connections cut at the deadline (half-sent requests, slow clients). */
  cut: number;
}

/** A node HTTP server that can stop within a deadline whatever its clients do. */
export interface GracefulServer {
  readonly server: Server;
  /** Starts listening; resolves with the bound port (useful with port 0). */
  listen(port: number, host?: string): Promise<number>;
  /**
   * Stops accepting connections; requests that arrive on open connections from now on get 503 (so the
   * platform retries them elsewhere or later); requests already being handled are answered, each on a
   * connection that then closes. Idle keep-alive connections close at once; whatever is still open at
   * `deadline` (epoch ms) — a half-sent request, a client that never reads — is cut then.
   */
  drain(deadline: number): Promise<DrainReport>;
}

const SHUTTING_DOWN = JSON.stringify({ error: 'shutting down; please retry' });

/**
 * Wraps `listener` in a server that answers 503 while draining, answers 500 (instead of leaving the
 * socket open) when the listener throws synchronously, and reports the error through `onError`.
 */
export function createGracefulServer(listener: RequestListener, onError: (error: unknown) => void): GracefulServer {
  let draining = false;
  const active = new Set<ServerResponse>();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (draining) {
      res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '1', connection: 'close' });
      res.end(SHUTTING_DOWN);
      return;
    }
    active.add(res);
    res.once('close', () => {
      active.delete(res);
      // Node keeps checking for idle connections only while listening: after close(), drop each
      // connection once its last answer is out.
      if (draining) server.closeIdleConnections();
    });
    try {
      listener(req, res);
    } catch (error) {
      onError(error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      res.end();
    }
  });

  return {
    server,
    async listen(port, host) {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      return (server.address() as AddressInfo).port;
    },
    async drain(deadline) {
      if (draining || !server.listening) return { unanswered: 0, cut: 0 };
      draining = true;
      // Answers still to come go out on connections that then close, so close() is not held by them.
      for (const res of active) if (!res.headersSent) res.setHeader('connection', 'close');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'deadline'>((resolve) => {
        timer = setTimeout(() => resolve('deadline'), Math.max(0, deadline - Date.now()));
      });
      const outcome = await Promise.race([closed.then(() => 'closed' as const), timedOut]);
      clearTimeout(timer);
      if (outcome === 'closed') return { unanswered: 0, cut: 0 };
      const unanswered = active.size;
      const cut = await new Promise<number>((resolve) => {
        server.getConnections((_error, count) => resolve(count));
      });
      server.closeAllConnections();
      await closed;
      return { unanswered, cut };
    },
  };
}
