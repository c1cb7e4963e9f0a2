import { readConfig } from '../config.js';
import { MoodmusicError, PromptLibraryError, describeError } from '../errors.js';
import { loadPrompts, resolvePromptsDir } from '../prompts/load.js';
import { matchTheme } from '../prompts/library.js';
import { similarPairs } from '../prompts/similar.js';
import type { CliCommand, CliIO } from './io.js';

const USAGE = `Usage: moodmusic <command>

  start                         run the bot (shell adapter when no Slack/Teams credentials)
  review [FILE|-] [--json]      reflective review of a meeting plan
  reframe "QUESTION" [--json]   framing check and aspirational rewrites
  prompts check [DIR]           validate a prompt library (errors as FILE:LINE: message)
  prompt [THEME]                print one prompt
  stories export --workspace ID [--format json|csv]
`;

const promptsCheck: CliCommand = async (args, io) => {
  const dir = resolvePromptsDir(args[0] ?? io.env.PROMPTS_DIR, io.cwd);
  try {
    const library = await loadPrompts(dir, { displayBase: io.cwd });
    io.stdout.write(`ok: ${library.all.length} prompts in ${library.themes().length} themes (${dir})\n`);
    // Near-duplicates are a warning, not an error: the library still loads.
    for (const { a, b, score } of similarPairs(library.all)) {
      io.stderr.write(`warning: prompts ${a.id} and ${b.id} read alike (${Math.round(score * 100)}% of their words shared); merge them or rewrite one\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof PromptLibraryError) {
      io.stderr.write(`${error.message}\n${error.problems.length} problem(s) found.\n`);
      return 1;
    }
    throw error;
  }
};

const promptOne: CliCommand = async (args, io) => {
  const library = await loadPrompts(resolvePromptsDir(io.env.PROMPTS_DIR, io.cwd), { displayBase: io.cwd });
  const word = args.join(' ');
  const theme = word ? matchTheme(word) : undefined;
  if (word && !theme) {
    io.stderr.write(`unknown theme "${word}"; themes: ${library.themes().join(', ')}\n`);
    return 1;
  }
  const pool = library.eligible('channel', theme ? [theme] : undefined);
  const prompt = pool[Math.floor(Math.random() * pool.length)];
  if (!prompt) {
    io.stderr.write('no prompts found\n');
    return 1;
  }
  io.stdout.write(`${prompt.text}\n\nWhy this question: ${prompt.why}\n`);
  return 0;
};

/** Commands implemented by feature modules, loaded on use so `prompt` stays fast. */
const lazy = (load: () => Promise<CliCommand>): CliCommand => async (args, io) => (await load())(args, io);

const COMMANDS: Record<string, CliCommand> = {
  stories: lazy(async () => (await import('../stories/cli.js')).storiesCommand),
  review: lazy(async () => (await import('../review/cli.js')).reviewCommand),
  reframe: lazy(async () => (await import('../reframe/cli.js')).reframeCommand),
  prompt: promptOne,
  prompts: async (args, io) => {
    if (args[0] !== 'check') {
      io.stderr.write('Usage: moodmusic prompts check [DIR]\n');
      return 1;
    }
    return promptsCheck(args.slice(1), io);
  },
};

/** Runs one CLI command (everything but `start`, which needs the adapters). Never throws. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(USAGE);
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`unknown command "${name}"\n\n${USAGE}`);
    return 1;
  }
  try {
    if (name === 'prompt') readConfig(io.env);
    return await command(args, io);
  } catch (error) {
    io.stderr.write(`moodmusic ${name}: ${error instanceof MoodmusicError ? error.message : describeError(error)}\n`);
    return 1;
  }
}

/** The process entry for CLI commands. */
export async function main(argv = process.argv.slice(2)): Promise<void> {
  process.exitCode = await runCli(argv, {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
  });
}
