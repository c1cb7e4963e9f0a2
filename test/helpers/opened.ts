import { afterEach } from 'vitest';

/** What a test starts and must close: a harness (a core, servers on 127.0.0.1, fakes). */
export interface Closable {
  close(): Promise<void>;
}

/** Starts a harness that is closed after the test (see `closedAfterEach`). */
export interface Starter<A extends unknown[], H extends Closable> {
  (...args: A): Promise<H>;
  /** Leaves `h` out of the closing: the test closed it itself, part by part. */
  forget(h: H): void;
}

/**
 * `start`, wrapped so that every harness it starts is closed after each test of the file, in the order
 * started, so no server or fake outlives its test; `after` runs once they are closed. Call it at the
 * top level of a test file (it registers the `afterEach`).
 */
export function closedAfterEach<A extends unknown[], H extends Closable>(start: (...args: A) => Promise<H>, after?: () => void): Starter<A, H> {
  const open: H[] = [];
  afterEach(async () => {
    for (const h of open.splice(0)) await h.close();
    after?.();
  });
  const started = async (...args: A): Promise<H> => {
    const h = await start(...args);
    open.push(h);
    return h;
  };
  return Object.assign(started, {
    forget(h: H) {
      const at = open.indexOf(h);
      if (at >= 0) open.splice(at, 1);
    },
  });
}
