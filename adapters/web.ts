import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebResponse } from '../src/web/insights-route.js';

/** Serves the core's pages (e.g. `/insights`): resolves undefined for paths that are not one of them. */
export type WebHandler = (url: URL) => Promise<WebResponse | undefined>;

/** Writes a core page response. */
export function writeWeb(res: ServerResponse, response: WebResponse): void {
  res.writeHead(response.status, response.headers);
  res.end(response.body);
}

/** The request's URL, parsed against a fixed base (the Host header is never trusted for anything). */
export function requestUrl(rawUrl: string | undefined): URL {
  return new URL(rawUrl ?? '/', 'http://localhost');
}

/**
 * A loopback-only server for the core's pages when no platform server runs (the terminal shell), so
 * `insights` can still hand out a working local link. Resolves with its base URL and a close function.
 */
export async function startLocalWeb(handler: WebHandler, onError: (error: unknown) => void): Promise<{ base: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET' }).end();
      return;
    }
    handler(requestUrl(req.url)).then(
      (response) => (response ? writeWeb(res, response) : res.writeHead(404).end()),
      (error: unknown) => {
        onError(error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
