import type { IncomingMessage, ServerResponse } from 'node:http';
import { verifySlackRequest, type HTTPReceiver } from '@slack/bolt';
import { createGracefulServer, type GracefulServer } from '../http/graceful.js';
import { slackBodyProblem } from './envelope.js';

/** Bolt's own default body limit for `/slack/events` (4 MB). */
export const MAX_SLACK_BODY_BYTES = 4 * 1024 * 1024;

export interface SlackHttpOptions {
  receiver: HTTPReceiver;
  signingSecret: string;
  /** A request refused here (status and a reason without any of its content), for a rate-limited warning. */
  onRejected(status: number, reason: string): void;
  onError(error: unknown): void;
}

/**
 * The whole body, or undefined once it passes the limit (the request is then destroyed, as leaving a
 * `for await` loop over it early did). Plain listeners rather than the stream's async iterator: every
 * event Slack sends passes here before the ack, and the iterator's promise per chunk cost more than
 * reading a one-chunk body.
 */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_SLACK_BODY_BYTES) {
        req.off('data', onData);
        req.destroy();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size)));
    req.once('error', reject);
    // A client gone mid-body: the same failure the iterator reported (a settled promise ignores it otherwise).
    req.once('close', () => {
      if (!req.complete) reject(new Error('the request closed before its body was read'));
    });
  });
}

function signed(req: IncomingMessage, body: string, signingSecret: string): boolean {
  const header = (name: string) => {
    const value = req.headers[name];
    return typeof value === 'string' ? value : '';
  };
  try {
    verifySlackRequest({
      signingSecret,
      body,
      headers: { 'x-slack-signature': header('x-slack-signature'), 'x-slack-request-timestamp': Number(header('x-slack-request-timestamp')) },
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * The HTTP server in front of Bolt's receiver (which then never opens its own). It reads each
 * `/slack/events` body once and, when it is not a shape Slack sends but carries a valid signature,
 * answers 400 itself; unsigned requests still reach Bolt, which answers 401 as before. Everything else
 * (the signature check, `/healthz`, unknown paths) is Bolt's, behind a server that drains on shutdown.
 */
export function createSlackServer(options: SlackHttpOptions): GracefulServer {
  const { receiver } = options;
  const toBolt = (req: IncomingMessage, res: ServerResponse) => {
    try {
      receiver.requestListener(req, res);
    } catch {
      // Bolt throws for paths it has no route for.
      res.writeHead(404).end();
    }
  };
  return createGracefulServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/slack/events' || req.method !== 'POST') {
      toBolt(req, res);
      return;
    }
    void (async () => {
      const raw = await readBody(req);
      if (!raw) {
        options.onRejected(413, 'body over the 4 MB limit');
        res.writeHead(413).end();
        return;
      }
      const text = raw.toString('utf8');
      const problem = slackBodyProblem(text, req.headers['content-type']);
      if (problem && signed(req, text, options.signingSecret)) {
        options.onRejected(400, problem);
        res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end(`${problem}\n`);
        return;
      }
      // Bolt reads a body already buffered on the request instead of the stream.
      (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
      toBolt(req, res);
    })().catch((error: unknown) => {
      options.onError(error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  }, options.onError);
}
