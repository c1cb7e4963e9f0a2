import type { Config } from '../src/config.js';
import type { Core } from '../src/core/core.js';
import type { Logger } from '../src/logger.js';
import type { Outbound } from '../src/model/outbound.js';
import type { WebHandler } from './web.js';

/** What the composition root hands every adapter. */
export interface AdapterDeps {
  core: Core;
  config: Config;
  logger: Logger;
  /** Streams for the shell adapter (and anything that talks to a terminal). */
  io: { stdin: NodeJS.ReadableStream; stdout: NodeJS.WritableStream & { isTTY?: boolean } };
  /** The core's pages (the insights page), served on the adapter's own HTTP server. */
  web?: WebHandler;
}

/** A running platform adapter: the outbound seam plus its lifecycle. */
export interface Adapter {
  readonly name: 'slack' | 'teams' | 'shell';
  readonly outbound: Outbound;
  /** Starts intake (listen on a port, open a socket, read the terminal). */
  start(): Promise<void>;
  /**
   * Stops intake and finishes the requests already received, by `deadline` (epoch ms): after it, open
   * connections are cut. In-flight core work is finished by the core.
   */
  stop(deadline?: number): Promise<void>;
  /** Resolves when the adapter ends by itself (the shell at end of input). */
  readonly finished?: Promise<void>;
}
