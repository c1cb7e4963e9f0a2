import { describeError } from '../src/errors.js';
import type { Logger } from '../src/logger.js';
import { rateLimitedWarn } from '../src/log-limit.js';

/** Longest SDK line kept; SDK messages worth reading are short. */
const MAX_LINE = 200;

/**
 * Where an SDK line starts carrying data rather than words: a JSON object or array, a quoted string, or
 * a labelled body/payload/data dump. Slack's Web API client logs request bodies at debug (the text of
 * every message sent), Bolt logs event bodies and acks, Socket Mode logs each envelope, botbuilder logs
 * whole errors with the activity; none of that may reach the log.
 */
const DATA_START = /[{["]|\b(?:body|payload|args|arguments|activity)\b\s*[:=(]|\bWebSocket:|Error details:/i;

/**
 * An SDK's log message with anything that may be message content cut off, and the number of characters
 * withheld said instead, so a line shows what happened without what anybody wrote.
 */
export function redactSdkLine(parts: unknown[]): string {
  const text = parts.map((p) => (typeof p === 'string' ? p : p instanceof Error ? describeError(p) : typeof p)).join(' ');
  const match = DATA_START.exec(text);
  let kept = match ? text.slice(0, match.index + (match[0].startsWith('{') || match[0].startsWith('[') || match[0].startsWith('"') ? 0 : match[0].length)) : text;
  if (kept.length > MAX_LINE) kept = kept.slice(0, MAX_LINE);
  kept = kept.trimEnd();
  const withheld = text.length - kept.length;
  return withheld > 0 ? `${kept} [${withheld} characters withheld]` : kept;
}

/** A logger for an SDK's lines: redacted, and warnings and errors rate-limited per message. */
export interface SdkLog {
  debug(...parts: unknown[]): void;
  info(...parts: unknown[]): void;
  warn(...parts: unknown[]): void;
  error(...parts: unknown[]): void;
}

/** Routes an SDK's log calls through `logger`: one JSON line each, content withheld, floods limited. */
export function sdkLog(logger: Logger, options: { now?: () => number } = {}): SdkLog {
  const limited = new Map<string, ReturnType<typeof rateLimitedWarn>>();
  const warnOnce = (level: 'warn' | 'error', line: string) => {
    // Lines of one kind share a key (their first words), so a flood of one refusal is limited as one.
    const key = `${level}:${line.slice(0, 40)}`;
    let write = limited.get(key);
    if (!write) {
      if (limited.size > 200) limited.clear();
      const target = level === 'warn' ? logger : { ...logger, warn: logger.error };
      write = rateLimitedWarn(target, line, options.now ? { now: options.now } : {});
      limited.set(key, write);
    }
    write({}, line);
  };
  return {
    // The Web API client and Bolt log at debug on every call: no redaction for a line that is dropped.
    debug: (...parts) => {
      if (logger.enabled?.('debug') !== false) logger.debug(redactSdkLine(parts));
    },
    info: (...parts) => {
      if (logger.enabled?.('info') !== false) logger.info(redactSdkLine(parts));
    },
    warn: (...parts) => warnOnce('warn', redactSdkLine(parts)),
    error: (...parts) => warnOnce('error', redactSdkLine(parts)),
  };
}
