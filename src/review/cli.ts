/**
 * `moodmusic review [FILE|-] [--json]`: reviews a meeting plan from a file or standard input and prints
 * reflective nudges as prose, or the documented JSON with `--json`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readAll, type CliCommand } from '../cli/io.js';
import { reviewToText } from './render.js';
import { reviewPlan, type ReviewResult } from './review.js';

const USAGE = [
  'Usage: moodmusic review [FILE|-] [--json]',
  '  moodmusic review FILE        reviews the meeting plan in FILE (text or markdown)',
  '  moodmusic review - < FILE    reads the plan from standard input ("-" or no FILE)',
  '  --json                       prints flags, strengths and what was understood, as JSON',
  '  With REVIEW_LLM_URL and REVIEW_LLM_MODEL set, a language model reads the plan (the plan is sent there);',
  '  otherwise the built-in rules read it and nothing leaves this machine.',
  '',
].join('\n');

/** The JSON contract: flags, strengths and plan, plus `notice` only when there is one. */
export function reviewJson(result: ReviewResult): string {
  const out: Record<string, unknown> = {
    flags: result.flags.map((f) => ({ id: f.id, nudge: f.nudge, why: f.why, evidence: f.evidence })),
    strengths: result.strengths,
    plan: result.plan,
  };
  if (result.notice) out.notice = result.notice;
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** The `review` CLI command. Exit 0 on a review (even of unusable input, which gets a notice), 1 on errors. */
export const reviewCommand: CliCommand = async (args, io) => {
  let json = false;
  const files: string[] = [];
  for (const arg of args) {
    if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') {
      io.stdout.write(USAGE);
      return 0;
    } else if (arg.startsWith('--')) {
      io.stderr.write(`moodmusic review: unknown option ${arg}\n${USAGE}`);
      return 1;
    } else files.push(arg);
  }
  if (files.length > 1) {
    io.stderr.write(`moodmusic review: give one plan at a time\n${USAGE}`);
    return 1;
  }
  const file = files[0];
  let text: string;
  if (!file || file === '-') {
    // On a terminal, reading standard input looks like a hang: say what to do.
    if ((io.stdin as { isTTY?: boolean }).isTTY) {
      io.stderr.write('moodmusic review: paste the plan, then press Ctrl-D on an empty line (or give a file: moodmusic review plan.txt)\n');
    }
    text = await readAll(io.stdin);
  } else {
    try {
      // Read at once rather than with fs/promises: a cold `review FILE` then neither loads that module (with
      // the stream and readline modules it brings) nor starts libuv's thread pool, about 3 ms of CPU.
      text = readFileSync(path.resolve(io.cwd, file), 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : 'cannot read it';
      io.stderr.write(`moodmusic review: cannot read ${file}: ${reason}\n`);
      return 1;
    }
  }
  // The model is used only when an operator configured one; its settings are checked like any config.
  // Loaded only then: a plain review should start in a quarter of a second.
  const llm = io.env.REVIEW_LLM_URL ? (await import('../config.js')).readConfig(io.env).reviewLlm : undefined;
  const result = llm ? await reviewWithLlm(text, llm, io) : reviewPlan(text);
  io.stdout.write(json ? reviewJson(result) : reviewToText(result));
  return 0;
};

async function reviewWithLlm(text: string, llm: NonNullable<ReturnType<typeof import('../config.js').readConfig>['reviewLlm']>, io: Parameters<CliCommand>[1]): Promise<ReviewResult> {
  const [{ reviewWithModel }, { createLogger }] = await Promise.all([import('./llm-extract.js'), import('../logger.js')]);
  return reviewWithModel(text, llm, createLogger({ level: 'warn', format: 'pretty', stream: io.stderr }));
}
