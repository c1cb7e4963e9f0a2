import type { Logger } from '../src/logger.js';
import { redactSdkLine, sdkLog } from './sdk-log.js';

/** The parts of `process` the net listens on (a plain EventEmitter in tests). */
export interface ProcessEvents {
  on(event: 'uncaughtException' | 'unhandledRejection', listener: (error: unknown) => void): unknown;
}

/** The console methods SDKs write to. */
export type ConsoleLike = Pick<Console, 'error' | 'warn' | 'info' | 'log' | 'debug' | 'trace'>;

/**
 * The process-level net: an error nothing caught is logged as one JSON line (code INTERNAL, its message
 * cut before any quoted content, which may be what someone wrote) and the bot keeps serving; SDKs that
 * write to the console (botbuilder does) go through the logger the same way, redacted and rate-limited.
 */
export function installSafetyNet(logger: Logger, proc: ProcessEvents = process, con: ConsoleLike = console): void {
  const unexpected = (kind: string) => (error: unknown) => {
    logger.error('unexpected error; still serving', {
      code: 'INTERNAL',
      kind,
      name: error instanceof Error ? error.name : typeof error,
      error: redactSdkLine([error]),
    });
  };
  proc.on('uncaughtException', unexpected('uncaughtException'));
  proc.on('unhandledRejection', unexpected('unhandledRejection'));
  const sdk = sdkLog(logger.child({ source: 'console' }));
  con.error = sdk.error;
  con.warn = sdk.warn;
  con.info = sdk.info;
  con.log = sdk.info;
  con.debug = sdk.debug;
  con.trace = sdk.debug;
}
