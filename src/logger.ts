/** One structured logger handed to every part: JSON lines in production, readable lines in a terminal. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
  /** Whether a line at `level` would be written: callers skip preparing lines that would be dropped. */
  enabled?(level: Exclude<LogLevel, 'silent'>): boolean;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface LoggerOptions {
  level?: LogLevel;
  format?: 'json' | 'pretty';
  stream?: { write(chunk: string): unknown };
  clock?: () => Date;
  bindings?: Record<string, unknown>;
}

function serialise(value: unknown): unknown {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { name: value.name, message: value.message, ...(code === undefined ? {} : { code }) };
  }
  return value;
}

/** Streams whose reader has gone (a closed pipe): nothing more is written to them. */
const closedStreams = new WeakSet<object>();
const watchedStreams = new WeakSet<object>();

/**
 * Stops writing to a stream once it fails. When whatever reads the log goes away, each write raises EPIPE;
 * unhandled, that error reaches the process-level net, which logs it, to the same stream: the bot then spun
 * at full CPU and ignored SIGTERM. The log has nowhere left to go, so the loss is the failure itself.
 */
function watch(stream: LoggerOptions['stream']): void {
  const emitter = stream as { on?: (event: 'error', listener: () => void) => unknown } | undefined;
  if (!emitter || typeof emitter.on !== 'function' || watchedStreams.has(emitter)) return;
  watchedStreams.add(emitter);
  emitter.on('error', () => closedStreams.add(emitter));
}

/** Creates a logger writing one line per entry to `stream` (stderr by default). */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  const format = options.format ?? 'json';
  const stream = options.stream ?? process.stderr;
  watch(stream);
  const clock = options.clock ?? (() => new Date());
  const bindings = options.bindings ?? {};

  const write = (lvl: Exclude<LogLevel, 'silent'>, msg: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[lvl] < ORDER[level] || closedStreams.has(stream)) return;
    const all: Record<string, unknown> = { ...bindings, ...fields };
    for (const key of Object.keys(all)) all[key] = serialise(all[key]);
    if (format === 'json') {
      stream.write(`${JSON.stringify({ time: clock().toISOString(), level: lvl, msg, ...all })}\n`);
    } else {
      const extra = Object.entries(all)
        .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join(' ');
      stream.write(`${lvl.toUpperCase().padEnd(5)} ${msg}${extra ? ` ${extra}` : ''}\n`);
    }
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (fields) => createLogger({ ...options, bindings: { ...bindings, ...fields } }),
    enabled: (lvl) => ORDER[lvl] >= ORDER[level],
  };
}

/** A logger that drops everything; for tests that do not look at logs. */
export const silentLogger: Logger = createLogger({ level: 'silent' });
