import { systemClock } from '../src/clock.js';
import { readConfig, type Config } from '../src/config.js';
import { createCore } from '../src/core/core.js';
import { settleHeap } from '../src/heap-settle.js';
import { watchOldSpace } from '../src/old-space.js';
import { StoreLease } from '../src/delivery/lease.js';
import { DEFAULT_LIMITS } from '../src/delivery/limits.js';
import { ConfigError, MoodmusicError, describeError } from '../src/errors.js';
import { allFeatures } from '../src/features/index.js';
import { createLogger, type Logger } from '../src/logger.js';
import { assertSchedulesCanRun } from '../src/prompts/flows.js';
import { loadPrompts, resolvePromptsDir } from '../src/prompts/load.js';
import { adapterStartedLine, noCredentialsLine } from '../src/startup.js';
import { openStore, type Store } from '../src/store/index.js';
import { handleWebGet } from '../src/web/insights-route.js';
import { randomBytes, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { startLocalWeb } from './web.js';
import { createShellAdapter } from './shell/index.js';
import type { SlackAdapter } from './slack/index.js';
import { installSafetyNet } from './safety-net.js';
import type { TeamsAdapter } from './teams/index.js';
import type { Adapter, AdapterDeps } from './types.js';

async function createAdapter(name: Config['adapters'][number], deps: AdapterDeps): Promise<Adapter> {
  switch (name) {
    case 'shell':
      return createShellAdapter(deps);
    case 'slack': {
      // Loaded on demand too: Bolt and its Web API client cost about half a second of CPU to import, which a Teams-only bot should not pay.
      const { createSlackAdapter } = await import('./slack/index.js');
      return createSlackAdapter(deps);
    }
    case 'teams': {
      // Loaded on demand: botbuilder takes a second or more to import, which shell-only runs should not pay.
      const { createTeamsAdapter } = await import('./teams/index.js');
      return createTeamsAdapter(deps);
    }
    default:
      throw new ConfigError(`the ${name} adapter is not available in this build; use ADAPTERS=shell`);
  }
}

/** The shell runs because nothing else was configured (not because ADAPTERS asked for it). */
function shellByDefault(config: Config, env: NodeJS.ProcessEnv): boolean {
  return config.adapters.length === 1 && config.adapters[0] === 'shell' && (env.ADAPTERS ?? '').trim() === '';
}

/** The port an HTTP adapter actually bound (SLACK_PORT=0 and TEAMS_PORT=0 pick a free one). */
function boundPort(adapter: Adapter): number | undefined {
  const a = adapter as Partial<SlackAdapter> & Partial<TeamsAdapter>;
  if (typeof a.port === 'function') return a.port();
  if (typeof a.address === 'function') return a.address().port;
  return undefined;
}

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  stdin?: NodeJS.ReadableStream;
  stdout?: NodeJS.WritableStream & { isTTY?: boolean };
  stderr?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Installs SIGINT/SIGTERM handlers and sets the exit code (true for the real process). */
  handleSignals?: boolean;
}

/**
 * Starts the bot: config, logger, prompts, store, core, then every configured adapter. Resolves with a
 * `stop` function; SIGTERM/SIGINT (and the end of shell input) stop intake, finish in-flight work, close
 * the store and exit 0.
 */
export async function start(options: StartOptions = {}): Promise<{ stop: () => Promise<void> }> {
  const env = options.env ?? process.env;
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const handleSignals = options.handleSignals ?? true;
  let logger: Logger = createLogger({ level: 'info', stream: stderr });
  let config: Config;
  try {
    config = readConfig(env);
    const shellOnly = config.adapters.length === 1 && config.adapters[0] === 'shell';
    logger = createLogger({
      level: config.logLevel ?? (shellOnly ? 'warn' : 'info'),
      format: config.logFormat ?? (stderr.isTTY ? 'pretty' : 'json'),
      stream: stderr,
    });
  } catch (error) {
    return fail(error);
  }

  function fail(error: unknown): never {
    stderr.write(`moodmusic: ${error instanceof MoodmusicError ? error.message : describeError(error)}\n`);
    if (!(error instanceof MoodmusicError)) logger.error('start-up failed', { error });
    process.exit(1);
  }

  // Garbage a busy spell promotes is collected every few MB, not left until V8's old-space limit
  // (sized from the machine's memory): the bot's resident memory then follows what it holds.
  const oldSpace = watchOldSpace({ onError: (error) => logger.warn('old-space collection failed', { error: describeError(error) }) });
  // And once start-up or a fan-out is over, the heap V8 grew for it is given back, not kept ~30 s.
  const settle = settleHeap({ onError: (error) => logger.warn('giving back spare heap failed', { error: describeError(error) }) });
  let store: Store | undefined;
  let lease: StoreLease | undefined;
  let core;
  const adapters: Adapter[] = [];
  // Where links to the bot's pages point: PUBLIC_URL, else the first local server that serves them.
  let webBase: string | undefined = config.publicUrl;
  let localWeb: { base: string; close: () => Promise<void> } | undefined;
  try {
    const promptsDir = resolvePromptsDir(config.promptsDir);
    const prompts = await loadPrompts(promptsDir);
    // SQLite's checkpoints (copy the log into the file, two fsyncs) run on a thread of their own, off the
    // event loop that acks Slack's events; once a second also bounds what a power cut can take.
    store = await openStore(config.database, systemClock, {
      backgroundCheckpoint: { everyMs: 1000, onError: (error) => logger.warn('background checkpoint failed', { error: describeError(error) }) },
    });
    // A schedule naming a theme the library no longer has would come due and post nothing: say so now.
    await assertSchedulesCanRun(prompts, store, promptsDir);
    // Several instances share a PostgreSQL: one at a time paces each workspace's sends (SQLite is one process).
    if (store.dialect === 'postgres') {
      lease = new StoreLease({ records: store.leases, holder: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`, clock: systemClock, logger: logger.child({ part: 'delivery' }) });
    }
    core = createCore(
      {
        store,
        ...(lease ? { workspaceLease: lease } : {}),
        prompts,
        clock: systemClock,
        logger,
        settings: {
          rotationSeed: config.rotationSeed,
          defaultTimeZone: config.defaultTimeZone,
          catchUpHours: config.catchUpHours,
          ...(config.storyDays ? { storyDays: config.storyDays } : {}),
          // Without a configured secret, links still work, until this process restarts.
          insightsSecret: config.insightsSecret ?? randomBytes(32).toString('hex'),
          webBase: () => webBase,
          rotation: config.rotation,
          digestMinPeople: config.digestMinPeople,
          adminUsers: config.adminUsers,
          ...(config.reviewLlm ? { reviewLlm: config.reviewLlm } : {}),
          ...(config.slackWorkspaceRate ? { deliveryLimits: { slack: { ...DEFAULT_LIMITS.slack, perWorkspace: [{ count: config.slackWorkspaceRate, perMs: 1000 }] } } } : {}),
        },
      },
      allFeatures(),
    );
    const coreCtx = core.ctx;
    const web = (url: URL) => handleWebGet(url, coreCtx);
    const stdin = options.stdin ?? process.stdin;
    const deps: AdapterDeps = { core, config, logger, io: { stdin, stdout }, web };
    if (shellByDefault(config, env)) {
      // Said at warn so it shows at the shell's default log level: a container or systemd unit whose
      // shell ends at once then explains why.
      logger.warn(noCredentialsLine(env, Boolean((stdin as { isTTY?: boolean }).isTTY)));
    }
    for (const name of config.adapters) {
      const adapter = await createAdapter(name, deps);
      core.attach(adapter.outbound);
      await adapter.start();
      adapters.push(adapter);
      if (name !== 'shell' || !shellByDefault(config, env)) logger.info(adapterStartedLine(name, config, env, boundPort(adapter)), { adapter: name });
    }
    webBase ??= await localWebBase(config, adapters);
    if (!webBase && config.adapters.includes('shell')) {
      localWeb = await startLocalWeb(web, (error) => logger.error('page failed', { error: describeError(error) }));
      webBase = localWeb.base;
    }
    await core.start();
  } catch (error) {
    await Promise.allSettled(adapters.map((a) => a.stop()));
    await lease?.close().catch(() => undefined);
    await store?.close().catch(() => undefined);
    return fail(error);
  }

  const grace = config.shutdownGraceMs;
  let stopping: Promise<void> | undefined;
  /**
   * Shutdown within SHUTDOWN_GRACE_S: background work stops claiming (unsent claims given back), every
   * adapter stops accepting and answers what it already received, connections still open at the
   * deadline are cut, and the store is closed whatever is still running.
   */
  const stop = () =>
    (stopping ??= (async () => {
      const began = Date.now();
      const deadline = began + grace;
      logger.info('stopping', { graceSeconds: grace / 1000 });
      const background = core.stopBackground();
      // Connections are cut a moment before the deadline, so that is done (and logged) within it.
      const cutAt = deadline - Math.min(CUT_MARGIN_MS, grace / 4);
      const intake = Promise.allSettled(adapters.map((a) => a.stop(cutAt))).then((results) => {
        for (const r of results) if (r.status === 'rejected') logger.error('adapter stop failed', { error: describeError(r.reason) });
      });
      const pages = beforeDeadline(localWeb?.close() ?? Promise.resolve(), deadline);
      const done = await beforeDeadline(Promise.all([background, intake, pages]).then(() => core.stop()), deadline);
      if (!done) logger.warn('shutdown deadline reached; work still in progress was abandoned', { graceSeconds: grace / 1000 });
      // Workspace leases given back, so other instances take the workspaces over at once, not at expiry.
      if (lease) await beforeDeadline(lease.close(), Date.now() + STORE_CLOSE_MS);
      await closeStore(store, logger);
      oldSpace.stop();
      settle.stop();
      logger.info('stopped', { seconds: Math.round((Date.now() - began) / 100) / 10 });
    })());

  if (handleSignals) {
    installSafetyNet(logger);
    let signals = 0;
    const onSignal = (signal: NodeJS.Signals) => {
      signals += 1;
      if (signals > 1) {
        // Asked twice: stop now, but leave the database file closed cleanly.
        logger.warn('second signal: stopping at once', { signal });
        void closeStore(store, logger).finally(() => process.exit(1));
        return;
      }
      logger.info('signal received', { signal });
      void stop().then(() => process.exit(0));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  for (const adapter of adapters) {
    void adapter.finished?.then(async () => {
      await stop();
      if (handleSignals) process.exit(0);
    });
  }
  return { stop };
}

/** A loopback address for pages served by a platform adapter's own HTTP server (no PUBLIC_URL set). */
async function localWebBase(config: Config, adapters: Adapter[]): Promise<string | undefined> {
  for (const adapter of adapters) {
    const a = adapter as Adapter & { port?: () => number | undefined; address?: () => { host: string; port: number } };
    if (adapter.name === 'slack' && config.slack?.mode === 'http') {
      const port = a.port?.();
      if (port) return `http://127.0.0.1:${port}`;
    }
    if (adapter.name === 'teams' && a.address) return `http://127.0.0.1:${a.address().port}`;
  }
  return undefined;
}

/** True when `work` settled before `deadline` (epoch ms); false when the deadline came first. */
async function beforeDeadline(work: Promise<unknown>, deadline: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([work.then(() => true, () => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** How long before the shutdown deadline adapters cut the connections still open. */
const CUT_MARGIN_MS = 250;

/** Longest wait for the database to close (a PostgreSQL pool waits for its queries). */
const STORE_CLOSE_MS = 3000;

async function closeStore(store: Store, logger: Logger): Promise<void> {
  const closing = store.close().catch((error: unknown) => logger.error('closing the store failed', { error: describeError(error) }));
  if (!(await beforeDeadline(closing, Date.now() + STORE_CLOSE_MS))) logger.warn('the store did not close in time');
}
