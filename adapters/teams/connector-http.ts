import type { ConfigurationBotFrameworkAuthentication } from 'botbuilder';

/** botbuilder's options for the connector clients it creates (`ConnectorClientOptions`). */
export type ConnectorClientOptions = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[4]>;
type CompatHttpClient = NonNullable<ConnectorClientOptions['httpClient']>;
type CompatResponse = Awaited<ReturnType<CompatHttpClient['sendRequest']>>;
type HeadersLike = CompatResponse['headers'];

/**
 * A connector call the Bot Framework service answered with an error status (`status`), or that never got
 * an answer (`status` undefined: refused, reset, timed out).
 */
export class ConnectorHttpError extends Error {
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly body: string;
  constructor(message: string, options: { status?: number; retryAfterMs?: number; body?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'ConnectorHttpError';
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
    this.body = options.body ?? '';
  }
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now: () => number = Date.now): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now());
}

function headersLike(values: Record<string, string>): HeadersLike {
  const map = new Map(Object.entries(values).map(([k, v]) => [k.toLowerCase(), { name: k, value: v }]));
  const like: HeadersLike = {
    set: (name, value) => void map.set(name.toLowerCase(), { name, value: String(value) }),
    get: (name) => map.get(name.toLowerCase())?.value,
    contains: (name) => map.has(name.toLowerCase()),
    remove: (name) => map.delete(name.toLowerCase()),
    rawHeaders: () => Object.fromEntries([...map.values()].map((h) => [h.name.toLowerCase(), h.value])),
    headersArray: () => [...map.values()],
    headerNames: () => [...map.values()].map((h) => h.name),
    headerValues: () => [...map.values()].map((h) => h.value),
    clone: () => headersLike(Object.fromEntries([...map.values()].map((h) => [h.name, h.value]))),
    toJson: (options) => Object.fromEntries([...map.values()].map((h) => [options?.preserveCase ? h.name : h.name.toLowerCase(), h.value])),
  };
  return like;
}

/**
 * The HTTP client botbuilder's connector uses for every call to the Bot Framework service.
 *
 * Why it exists: the connector's own pipeline (Azure core-rest-pipeline) silently retries 429 and 5xx
 * answers up to three times, sleeping for `Retry-After` inside the call. The core's delivery queue owns
 * retries and backoff (and must not be blocked by a 30-second sleep), so every error status is thrown
 * here as a `ConnectorHttpError`, which that pipeline does not retry, and is mapped to `PlatformError`.
 */
export function connectorHttpClient(options: { timeoutMs?: number; fetch?: typeof fetch } = {}): CompatHttpClient {
  const doFetch = options.fetch ?? fetch;
  return {
    async sendRequest(request) {
      const headers = request.headers.toJson({ preserveCase: true });
      const timeoutMs = request.timeout > 0 ? request.timeout : options.timeoutMs ?? 30_000;
      const where = safeOrigin(request.url);
      let response: Response;
      try {
        response = await doFetch(request.url, {
          method: request.method,
          headers,
          body: typeof request.body === 'string' || request.body instanceof Uint8Array ? request.body : request.body == null ? undefined : JSON.stringify(request.body),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause;
        throw new ConnectorHttpError(`cannot reach the Bot Framework connector at ${where} (${cause?.code ?? (error as Error).name})`, { cause: error });
      }
      const body = await response.text();
      if (response.status >= 400) {
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
        throw new ConnectorHttpError(`the Bot Framework connector at ${where} answered ${response.status}`, {
          status: response.status,
          body: body.slice(0, 2000),
          ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
        });
      }
      const values: Record<string, string> = {};
      response.headers.forEach((value, key) => (values[key] = value));
      return { request, status: response.status, headers: headersLike(values), bodyAsText: body } as CompatResponse;
    },
  };
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'an invalid serviceUrl';
  }
}
