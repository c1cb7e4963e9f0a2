import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { ConnectorHttpError, parseRetryAfter } from './connector-http.js';
import { readAll } from '../read-all.js';

/**
 * The `Authorization` header value for connector calls to a service URL, or undefined when calls go
 * unsigned (local mode, no MicrosoftAppId). Comes from botbuilder's own credentials and token cache.
 */
export type Authorizer = (serviceUrl: string) => Promise<string | undefined>;

/** Posts one activity into a conversation (`POST {serviceUrl}/v3/conversations/{id}/activities`); resolves with the new message's id. */
export type ConnectorSend = (serviceUrl: string, conversationId: string, activity: object) => Promise<{ id?: string }>;

interface Origin {
  protocol: string;
  hostname: string;
  port: string;
  /** The service URL's path, ending in `/`. */
  base: string;
  agent: HttpAgent;
  send: typeof httpRequest;
}

/**
 * A lean caller for the proactive fan-out's one connector call, "send to conversation": a keep-alive
 * HTTP request with a JSON body, signed by botbuilder's credentials for the bot. Through the
 * CloudAdapter, each proactive post built a new connector client (an Azure request pipeline of a dozen
 * policies), a turn context and its middleware, ran the activity through the SDK's model serializer and
 * sent it with fetch: about 2 ms of CPU per post, several times the rest of a scheduled send. The
 * activity posted is the one `TurnContext.sendActivity` builds (see `proactiveActivity`), and failures
 * are the `ConnectorHttpError`s the adapter's connector HTTP client throws, so `toPlatformError` reads
 * them the same way and the delivery queue stays the one place that retries.
 */
export function createConnectorSend(options: { authorize: Authorizer; timeoutMs?: number }): ConnectorSend {
  const timeoutMs = options.timeoutMs ?? 30_000;
  // One keep-alive pool per service URL; the delivery queue bounds how many requests are open at once.
  const origins = new Map<string, Origin>();
  const origin = (serviceUrl: string): Origin => {
    let found = origins.get(serviceUrl);
    if (!found) {
      const url = new URL(serviceUrl.endsWith('/') ? serviceUrl : `${serviceUrl}/`);
      const secure = url.protocol === 'https:';
      found = {
        protocol: url.protocol,
        // WHATWG keeps IPv6 hosts in brackets; Node's request options want them bare.
        hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
        port: url.port,
        base: url.pathname,
        agent: secure ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true }),
        send: secure ? httpsRequest : httpRequest,
      };
      origins.set(serviceUrl, found);
    }
    return found;
  };

  return async (serviceUrl, conversationId, activity) => {
    let at: Origin;
    try {
      at = origin(serviceUrl);
    } catch (error) {
      throw new ConnectorHttpError('cannot reach the Bot Framework connector at an invalid serviceUrl (ERR_INVALID_URL)', { cause: error });
    }
    const where = `${at.protocol}//${at.hostname}${at.port ? `:${at.port}` : ''}`;
    const authorization = await options.authorize(serviceUrl);
    const body = JSON.stringify(activity);
    const headers: Record<string, string | number> = {
      'content-type': 'application/json; charset=utf-8',
      accept: '*/*',
      'content-length': Buffer.byteLength(body),
      ...(authorization ? { authorization } : {}),
    };
    const path = `${at.base}v3/conversations/${encodeURIComponent(conversationId)}/activities`;
    return new Promise<{ id?: string }>((resolve, reject) => {
      const req = at.send({ protocol: at.protocol, hostname: at.hostname, port: at.port, path, method: 'POST', agent: at.agent, headers, timeout: timeoutMs }, (res) => {
        readAll(res).then((text) => {
          const status = res.statusCode ?? 0;
          if (status >= 400 || status < 200) {
            const retryAfterMs = parseRetryAfter(res.headers['retry-after']);
            return reject(
              new ConnectorHttpError(`the Bot Framework connector at ${where} answered ${status}`, {
                status,
                body: text.slice(0, 2000),
                ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
              }),
            );
          }
          try {
            const parsed = text ? (JSON.parse(text) as { id?: unknown }) : {};
            resolve(typeof parsed.id === 'string' ? { id: parsed.id } : {});
          } catch (error) {
            reject(new ConnectorHttpError(`the Bot Framework connector at ${where} answered ${status} with something other than JSON`, { status, body: text.slice(0, 2000), cause: error }));
          }
        }, (error: unknown) => reject(unreachable(where, error)));
      });
      req.on('timeout', () => req.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })));
      req.on('error', (error) => reject(unreachable(where, error)));
      req.end(body);
    });
  };
}

function unreachable(where: string, error: unknown): ConnectorHttpError {
  const code = (error as { code?: string }).code ?? (error as Error).name;
  return new ConnectorHttpError(`cannot reach the Bot Framework connector at ${where} (${code})`, { cause: error });
}

/** Where a stored conversation reference says to post, as `TurnContext.applyConversationReference` reads it. */
export interface ProactiveReference {
  channelId?: string;
  serviceUrl?: string;
  locale?: string;
  bot?: { id: string; name?: string };
  user?: { id: string; name?: string };
  conversation?: object;
}

/**
 * The activity `continueConversationAsync` + `sendActivity` would post for `rendered`: the reference's
 * channel, service URL and conversation, the bot as sender, the person (1:1 chats) as recipient, the
 * reference's locale unless the activity has one, and no id (a new post, not a reply).
 */
export function proactiveActivity(rendered: object & { type?: string; locale?: string }, ref: ProactiveReference, conversation: object): Record<string, unknown> {
  const { id: _ignored, ...rest } = rendered as { id?: unknown } & typeof rendered;
  return {
    ...rest,
    type: rendered.type ?? 'message',
    channelId: ref.channelId,
    locale: rendered.locale ?? ref.locale,
    serviceUrl: ref.serviceUrl,
    conversation,
    from: ref.bot,
    recipient: ref.user,
  };
}
