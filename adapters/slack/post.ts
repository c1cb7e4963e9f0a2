import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { webApi } from '@slack/bolt';
import { toPlatformError } from './errors.js';
import { readAll } from '../read-all.js';

/** Answers Slack's Web API gives, as far as a post needs them. */
type ApiResult = Record<string, unknown>;

/**
 * A request body serialised beforehand, with its length in bytes: a fan-out posts one prompt's blocks to
 * thousands of channels, and serialising them once instead of per post saves most of the body's cost.
 */
export class JsonBody {
  constructor(
    readonly text: string,
    readonly bytes: number,
  ) {}

  /** The arguments as an object again (for a client that takes objects). */
  args(): Record<string, unknown> {
    return JSON.parse(this.text) as Record<string, unknown>;
  }
}

/** One Web API method called with a JSON body; rejects with a `PlatformError` like the SDK client's calls. */
export type WebApiCall = (method: string, args: Record<string, unknown> | JsonBody) => Promise<ApiResult>;

const ErrorCode = webApi.ErrorCode;

/**
 * A lean Web API caller for the proactive fan-out: one keep-alive HTTP request with a JSON body and the
 * bot token as a bearer header, as Slack documents for `chat.postMessage`. Bolt's client does the same
 * call through fetch, a request queue, argument redaction and a debug line per call, which at thousands
 * of posts a second cost more CPU than the post itself. Failures take the shapes the SDK client gives
 * (rate limited with Retry-After, `ok: false` with Slack's code, HTTP status, network error), so
 * `toPlatformError` explains them the same way and the delivery queue stays the one that retries.
 */
export function createWebApiCall(apiUrl: string, token: string): WebApiCall {
  const base = new URL(apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`);
  const secure = base.protocol === 'https:';
  // Sockets are kept for the next post; the delivery queue bounds how many are open at once.
  const agent = secure ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  const send = secure ? httpsRequest : httpRequest;
  const headers = { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${token}` };
  // Where each method goes, worked out once rather than a URL parsed and converted per post.
  const targets = new Map<string, { protocol: string; hostname: string; port: string; path: string }>();
  const target = (method: string) => {
    let found = targets.get(method);
    if (!found) {
      const url = new URL(method, base);
      // WHATWG keeps IPv6 hosts in brackets; Node's request options want them bare.
      found = { protocol: url.protocol, hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'), port: url.port, path: `${url.pathname}${url.search}` };
      targets.set(method, found);
    }
    return found;
  };

  return (method, args) =>
    new Promise<ApiResult>((resolve, reject) => {
      const fail = (error: unknown) => reject(toPlatformError(error, method));
      const body = args instanceof JsonBody ? args.text : JSON.stringify(args);
      const bytes = args instanceof JsonBody ? args.bytes : Buffer.byteLength(body);
      const req = send({ ...target(method), method: 'POST', agent, headers: { ...headers, 'content-length': bytes } }, (res) => {
        readAll(res).then((text) => {
          const status = res.statusCode ?? 0;
          if (status === 429) {
            const seconds = Number(res.headers['retry-after']);
            return fail({ code: ErrorCode.RateLimitedError, retryAfter: Number.isFinite(seconds) && seconds >= 0 ? seconds : 1 });
          }
          if (status !== 200) return fail({ code: ErrorCode.HTTPError, statusCode: status });
          let result: ApiResult;
          try {
            result = JSON.parse(text) as ApiResult;
          } catch (error) {
            return fail(new Error(`Slack answered with something other than JSON (${describeParse(error)})`));
          }
          if (result.ok !== true) return fail({ code: ErrorCode.PlatformError, data: result });
          resolve(result);
        }, (error: unknown) => fail({ code: ErrorCode.RequestError, original: error }));
      });
      req.on('error', (error) => fail({ code: ErrorCode.RequestError, original: error }));
      req.end(body);
    });
}

function describeParse(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
