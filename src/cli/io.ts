/** The streams a CLI command reads and writes; injected so tests drive commands without a process. */
export interface CliIO {
  stdin: NodeJS.ReadableStream;
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  /** Working directory for relative paths. */
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** A CLI command: returns the process exit code. */
export type CliCommand = (args: string[], io: CliIO) => Promise<number>;

/** Reads a whole stream as UTF-8 text. */
export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
