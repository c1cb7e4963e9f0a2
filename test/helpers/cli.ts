import { Readable } from 'node:stream';
import { runCli } from '../../src/cli/main.js';

/** Runs the CLI in-process with empty stdin and no environment, collecting what it writes and its exit code. */
export function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdin: Readable.from([]),
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: process.cwd(),
    env: {},
  };
  return runCli(args, io).then((code) => ({ code, stdout, stderr }));
}
