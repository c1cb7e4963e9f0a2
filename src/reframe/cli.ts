/**
 * `moodmusic reframe "QUESTION" [--json]`: checks a question's framing and suggests aspirational
 * rewrites; `-` reads the question from standard input.
 */
import { readAll, type CliCommand } from '../cli/io.js';
import { reframe, type ReframeResult } from './reframe.js';
import { reframeToText } from './render.js';

const USAGE = 'Usage: moodmusic reframe "QUESTION" [--json]\n  Use "-" to read the question from standard input.\n';

/** The JSON contract: exactly deficit, evidence, suggestions and whoMightBeMissing. */
export function reframeJson(result: ReframeResult): string {
  const { deficit, evidence, suggestions, whoMightBeMissing } = result;
  return `${JSON.stringify({ deficit, evidence, suggestions, whoMightBeMissing }, null, 2)}\n`;
}

/** The `reframe` CLI command. Exit 0 on a check, 1 when no question was given. */
export const reframeCommand: CliCommand = async (args, io) => {
  let json = false;
  const words: string[] = [];
  for (const arg of args) {
    if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') {
      io.stdout.write(USAGE);
      return 0;
    } else words.push(arg);
  }
  let question = words.join(' ');
  if (question === '-') {
    if ((io.stdin as { isTTY?: boolean }).isTTY) io.stderr.write('moodmusic reframe: type or paste the question, then press Ctrl-D on an empty line\n');
    question = await readAll(io.stdin);
  }
  if (!question.trim()) {
    io.stderr.write(`moodmusic reframe: give the question to check\n${USAGE}`);
    return 1;
  }
  const result = reframe(question);
  io.stdout.write(json ? reframeJson(result) : reframeToText(result));
  return 0;
};
