/** Child processes for the end-to-end benchmarks: the real bot (`bin/moodmusic.js start`), CPU and RSS from /proc. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The package root (the bench runs from dist/scripts/bench). */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A TCP port on 127.0.0.1 that nothing listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Resolves once something accepts connections on `port` (or rejects after `timeoutMs`). */
export async function waitForPort(port: number, timeoutMs = 30_000, child?: ChildProcess): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`process exited with ${child.exitCode} before listening`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`nothing listening on port ${port} after ${timeoutMs} ms`);
    await sleep(50);
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU time (user + system) of a process so far, in ms. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the full line (11 and 12 after the name), in clock ticks (100/s).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Resident set size of a process, in MB. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

export interface Child {
  process: ChildProcess;
  pid: number;
  /** Sends SIGTERM and waits for the exit (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<number | null>;
}

/** Children still running, so an interrupted bench can end them. */
const running = new Set<ChildProcess>();
const cleanups: Array<() => void> = [];

/**
 * Runs `cleanup` (synchronously) if the bench is interrupted (SIGINT/SIGTERM), after ending every
 * child still running, so no bot, server or temp folder is left behind. Returns a function that
 * unregisters it (call it once cleaned up the normal way).
 */
export function onInterrupt(cleanup: () => void): () => void {
  if (cleanups.length === 0) {
    process.once('SIGINT', interrupted);
    process.once('SIGTERM', interrupted);
  }
  cleanups.push(cleanup);
  return () => {
    const at = cleanups.indexOf(cleanup);
    if (at >= 0) cleanups.splice(at, 1);
    if (cleanups.length === 0) {
      process.off('SIGINT', interrupted);
      process.off('SIGTERM', interrupted);
    }
  };
}

function interrupted(signal: NodeJS.Signals): void {
  for (const child of running) child.kill('SIGKILL');
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      cleanup();
    } catch (error) {
      console.error(`cleanup after ${signal} failed: ${String(error)}`);
    }
  }
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

/** Starts `node ARGS` with `env` added to a clean environment; stderr and stdout go to `logFile`. */
export function startNode(args: string[], env: Record<string, string>, logFile: string): Child {
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  running.add(child);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  return {
    process: child,
    pid: child.pid as number,
    async stop(graceMs = 15_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** The real bot process: `node bin/moodmusic.js start`. */
export function startBot(env: Record<string, string>, logFile: string): Child {
  // BENCH_BOT_ARGS adds Node options to the bot (e.g. --cpu-prof) when looking into a figure.
  const extra = process.env.BENCH_BOT_ARGS?.split(' ').filter(Boolean) ?? [];
  return startNode([...extra, 'bin/moodmusic.js', 'start'], env, logFile);
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** `value (baseline B, ratio R)` as one bench value. */
export function versus(value: number, baseline: number, digits = 1): string {
  return `${value.toFixed(digits)} (baseline ${baseline.toFixed(digits)}, ratio ${(baseline ? value / baseline : 0).toFixed(2)})`;
}
