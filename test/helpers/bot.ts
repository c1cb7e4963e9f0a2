import { spawn } from 'node:child_process';
import path from 'node:path';

/** The repository root; the built bot is `bin/moodmusic.js` (dist/ is built by test/setup/build.ts). */
export const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Runs the real bot as `printf INPUT | npm start` would: a child process with piped stdin and only the
 * environment given (plus PATH and HOME), resolving when it exits.
 */
export function runBot(input: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/moodmusic.js', 'start'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** A loopback port that was free a moment ago, for servers a test starts. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
