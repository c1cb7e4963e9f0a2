import { App, HTTPReceiver, LogLevel, SocketModeReceiver, type CustomRoute, type Logger as BoltLogger, type Receiver } from '@slack/bolt';
import { paceFor } from '../../src/delivery/index.js';
import { ConfigError, describeError } from '../../src/errors.js';
import { rateLimitedWarn } from '../../src/log-limit.js';
import type { Logger } from '../../src/logger.js';
import type { GracefulServer } from '../http/graceful.js';
import { sdkLog } from '../sdk-log.js';
import type { Adapter, AdapterDeps } from '../types.js';
import { requestUrl, writeWeb } from '../web.js';
import { api, createSlackOutbound } from './deliver.js';
import { socketStartError, toPlatformError } from './errors.js';
import { createSlackServer } from './http.js';
import { JsonBody, createWebApiCall } from './post.js';
import { pacedCalls, type SlackCalls } from './paced.js';
import { registerListeners, type SlackRuntime } from './listeners.js';

/** The Slack adapter, plus what tests and operators need to see of it. */
export interface SlackAdapter extends Adapter {
  readonly name: 'slack';
  /** The port `/slack/events` and `/healthz` listen on, once started (useful with SLACK_PORT=0). */
  port(): number | undefined;
  /** Resolves when every piece of work started by a received request has finished. */
  idle(): Promise<void>;
}

/** Bolt (and the Web API and Socket Mode clients it makes) log through our logger, redacted: see `sdkLog`. */
function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const sdk = sdkLog(logger);
  return {
    debug: sdk.debug,
    info: sdk.info,
    warn: sdk.warn,
    error: sdk.error,
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

/**
 * The bot in Slack, through Bolt. HTTP mode (signing secret; events, commands and interactivity at
 * `/slack/events` on SLACK_PORT, plus `GET /healthz`) or Socket Mode (SLACK_APP_TOKEN; no public URL,
 * `/healthz` still on SLACK_PORT). The Web API client goes to SLACK_API_URL and never retries by itself:
 * a rate limit surfaces as a retryable `PlatformError` so the core's delivery queue stays the one throttle.
 */
export function createSlackAdapter(deps: AdapterDeps): SlackAdapter {
  const settings = deps.config.slack;
  if (!settings) throw new ConfigError('the Slack adapter needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN)');
  const logger = deps.logger.child({ adapter: 'slack' });
  const bolt = boltLogger(logger);
  const clientOptions = {
    slackApiUrl: settings.apiUrl ?? 'https://slack.com/api/',
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
  };

  const healthz: CustomRoute = {
    path: '/healthz',
    method: ['GET'],
    handler: (_req, res) => {
      deps.core.ctx.store.ping().then(
        () => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{"status":"ok"}');
        },
        (error: unknown) => {
          logger.warn('health check failed', { error: describeError(error) });
          res.writeHead(503, { 'content-type': 'application/json' });
          res.end('{"status":"unavailable","reason":"the database is not answering"}');
        },
      );
    },
  };

  // The core's pages (insights, privacy, terms) on the same port as /slack/events.
  const pages: CustomRoute[] = deps.web
    ? ['/insights', '/privacy', '/terms'].map((pagePath) => ({
          path: pagePath,
          method: ['GET'],
          handler: (req, res) => {
            const web = deps.web;
            if (!web) return;
            web(requestUrl(req.url)).then(
              (page) => (page ? writeWeb(res, page) : res.writeHead(404).end()),
              (error: unknown) => {
                logger.error('page failed', { error: describeError(error) });
                if (!res.headersSent) res.writeHead(500);
                res.end();
              },
            );
          },
        }) satisfies CustomRoute)
    : [];

  let receiver: Receiver;
  let http: GracefulServer | undefined;
  if (settings.mode === 'socket' && settings.appToken) {
    receiver = new SocketModeReceiver({
      appToken: settings.appToken,
      logger: bolt,
      customRoutes: [healthz, ...pages],
      installerOptions: { port: settings.port, clientOptions },
    });
  } else {
    if (!settings.signingSecret) throw new ConfigError('SLACK_SIGNING_SECRET is missing: copy it from Basic Information in your app settings');
    const httpReceiver = new HTTPReceiver({
      signingSecret: settings.signingSecret,
      endpoints: '/slack/events',
      customRoutes: [healthz, ...pages],
      logger: bolt,
      // Ack first, work after: Slack wants an answer within 3 s and retries otherwise.
      processBeforeResponse: false,
    });
    receiver = httpReceiver;
    const rejected = rateLimitedWarn(logger, 'slack request rejected');
    http = createSlackServer({
      receiver: httpReceiver,
      signingSecret: settings.signingSecret,
      onRejected: (status, reason) => rejected({ status, reason }),
      onError: (error) => logger.error('slack endpoint failed', { error: describeError(error), code: 'INTERNAL' }),
    });
  }

  const app = new App({ token: settings.botToken, receiver, logger: bolt, clientOptions, deferInitialization: true, convoStore: false });
  // Posts (replies and the scheduled fan-out) share one keep-alive caller; other methods use Bolt's client.
  const post = createWebApiCall(clientOptions.slackApiUrl, settings.botToken);
  // Every call outside the delivery queue waits for the same rate buckets as the scheduled fan-out.
  const pace = paceFor(deps.core.ctx);
  const raw: SlackCalls = { post, api: (method, args) => api(app.client, method, args instanceof JsonBody ? args.args() : args) };
  const inFlight = new Set<Promise<void>>();
  const runtime: SlackRuntime = {
    core: deps.core,
    calls: (team) => pacedCalls(pace, team, raw),
    logger,
    run(what, work) {
      const job = work().catch((error: unknown) => {
        const e = toPlatformError(error, what);
        // Platform problems are explained for operators; anything else is a bug worth an error line.
        const log = error instanceof Error && 'code' in error ? logger.warn : logger.error;
        log(`${what} could not be completed`, { error: e.message, platformCode: e.platformCode, retryable: e.retryable });
      });
      inFlight.add(job);
      void job.finally(() => inFlight.delete(job));
      return job;
    },
  };
  registerListeners(app, runtime);
  app.error(async (error) => {
    logger.error('slack request failed', { error: describeError(error) });
  });

  let port: number | undefined;
  const idle = async () => {
    while (inFlight.size) await Promise.allSettled([...inFlight]);
  };

  return {
    name: 'slack',
    outbound: createSlackOutbound(app.client, post, pace),
    port: () => port ?? (settings.mode === 'socket' ? settings.port : undefined),
    idle,
    async start() {
      try {
        await app.init();
      } catch (error) {
        throw toPlatformError(error, 'auth.test (checking SLACK_BOT_TOKEN at start-up)');
      }
      if (http) {
        // Bolt's receiver serves requests through our server (see createSlackServer); it never listens itself.
        port = await http.listen(settings.port);
        logger.info('slack adapter listening', { mode: settings.mode, port });
        return;
      }
      // The Socket Mode client retries refusals such as socket_mode_not_enabled for ever at start-up, so the
      // process would hang unexplained: refuse instead, then let it reconnect as usual once connected.
      const socketClient = receiver instanceof SocketModeReceiver ? (receiver.client as unknown as { autoReconnectEnabled: boolean }) : undefined;
      if (socketClient) socketClient.autoReconnectEnabled = false;
      try {
        await app.start(settings.port);
      } catch (error) {
        throw socketClient ? socketStartError(error) : error;
      } finally {
        if (socketClient) socketClient.autoReconnectEnabled = true;
      }
      logger.info('slack adapter listening', { mode: settings.mode, port: settings.port });
    },
    async stop(deadline = Date.now() + 10_000) {
      if (http) {
        const { unanswered, cut } = await http.drain(deadline);
        if (cut > 0) logger.warn('connections cut at the shutdown deadline', { unanswered, cut });
      } else {
        // Close the socket cleanly (and wait for it) before Bolt stops the receiver, so shutdown logs no error.
        if (receiver instanceof SocketModeReceiver) await receiver.client.disconnect().catch(() => undefined);
        await app.stop().catch((error: unknown) => logger.debug('slack receiver stop', { error: describeError(error) }));
      }
      await idle();
    },
  };
}
