// Start-up time matters here (`moodmusic review FILE` should answer in a quarter of a second): each
// command imports what it uses when it runs, so `review` never loads zod, YAML or the prompt library.
import { MoodmusicError, PromptLibraryError, describeError } from '../errors.js';
import { COMMAND_HELP, USAGE, packageVersion } from './help.js';
import type { PromptLibrary } from '../prompts/library.js';
import type { CliCommand, CliIO } from './io.js';

const promptsCheck: CliCommand = async (args, io) => {
  const [{ loadPrompts, resolvePromptsDir }, { similarPairs }] = await Promise.all([import('../prompts/load.js'), import('../prompts/similar.js')]);
  const dir = resolvePromptsDir(args[0] ?? io.env.PROMPTS_DIR, io.cwd);
  try {
    const library = await loadPrompts(dir, { displayBase: io.cwd });
    const schedules = await checkStoredSchedules(library, dir, io);
    io.stdout.write(`ok: ${library.all.length} prompts in ${library.themes().length} themes (${dir})${schedules}\n`);
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

/**
 * When the bot's database is here (SQLITE_PATH's file exists, or DATABASE_URL is set), checks its prompt
 * schedules against the library too. Returns a note for the ok line; throws `PromptLibraryError`.
 */
async function checkStoredSchedules(library: PromptLibrary, dir: string, io: Parameters<CliCommand>[1]): Promise<string> {
  const [{ readConfig }, { existsSync }, path, { assertSchedulesCanRun }] = await Promise.all([
    import('../config.js'),
    import('node:fs'),
    import('node:path'),
    import('../prompts/flows.js'),
  ]);
  const config = readConfig(io.env);
  if (config.database.kind === 'sqlite' && !existsSync(path.resolve(io.cwd, config.database.path))) return '';
  const { openStore } = await import('../store/index.js');
  const store = await openStore(config.database.kind === 'sqlite' ? { kind: 'sqlite', path: path.resolve(io.cwd, config.database.path) } : config.database);
  try {
    await assertSchedulesCanRun(library, store, dir, io.cwd);
    return `; ${(await store.subscriptions.list({ kind: 'prompt' })).length} stored schedule(s) checked`;
  } finally {
    await store.close();
  }
}

const promptOne: CliCommand = async (args, io) => {
  const [{ readConfig }, { loadPrompts, resolvePromptsDir }, { matchTheme }] = await Promise.all([
    import('../config.js'),
    import('../prompts/load.js'),
    import('../prompts/library.js'),
  ]);
  readConfig(io.env);
  const library = await loadPrompts(resolvePromptsDir(io.env.PROMPTS_DIR, io.cwd), { displayBase: io.cwd });
  const word = args.join(' ');
  const facilitator = /^facilitators?$/i.test(word.trim());
  const theme = word && !facilitator ? matchTheme(word) : undefined;
  if (word && !facilitator && !theme) {
    io.stderr.write(`unknown theme "${word}"; themes: ${library.themes().join(', ')}, or facilitator\n`);
    return 1;
  }
  const pool = facilitator ? library.eligible('facilitator') : library.eligible('channel', theme ? [theme] : undefined);
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

/** `moodmusic backup FILE`: SQLite's online backup of SQLITE_PATH; PostgreSQL is pg_dump's job. */
const backup: CliCommand = async (args, io) => {
  const [file, ...rest] = args;
  if (!file || rest.length > 0) {
    io.stderr.write(`moodmusic backup: give one file to write\n${COMMAND_HELP.backup}`);
    return 1;
  }
  const [{ readConfig }, path] = await Promise.all([import('../config.js'), import('node:path')]);
  const config = readConfig(io.env);
  if (config.database.kind === 'postgres') {
    io.stderr.write('moodmusic backup: DATABASE_URL is PostgreSQL; back it up with pg_dump:\n  pg_dump --format=custom --file=moodmusic.dump "$DATABASE_URL"\n');
    return 1;
  }
  const { backupSqlite } = await import('../store/backup.js');
  const source = path.resolve(io.cwd, config.database.path);
  const target = path.resolve(io.cwd, file);
  const result = await backupSqlite(source, target);
  io.stdout.write(`backed up ${config.database.path} to ${file} (${result.pages} pages, integrity ${result.integrity})\n`);
  return 0;
};

const COMMANDS: Record<string, CliCommand> = {
  backup,
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
  if (name === '--version' || name === '-v' || name === 'version') {
    io.stdout.write(`moodmusic ${packageVersion()} (Node.js ${process.version})\n`);
    return 0;
  }
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const topic = name === 'help' ? (args[0] === '--help' || args[0] === '-h' ? 'help' : args[0]) : undefined;
    if (topic && !COMMAND_HELP[topic]) {
      io.stderr.write(`no help for "${topic}": not a command\n\n${USAGE}`);
      return 1;
    }
    io.stdout.write(topic ? (COMMAND_HELP[topic] ?? USAGE) : USAGE);
    return name ? 0 : 1;
  }
  const help = COMMAND_HELP[name];
  if (help && (args.includes('--help') || args.includes('-h'))) {
    io.stdout.write(help);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`unknown command "${name}"\n\n${USAGE}`);
    return 1;
  }
  try {
    return await command(args, io);
  } catch (error) {
    io.stderr.write(`moodmusic ${name}: ${error instanceof MoodmusicError ? error.message : describeError(error)}\n`);
    return 1;
  }
}

/** The process entry for CLI commands. */
export async function main(argv = process.argv.slice(2)): Promise<void> {
  process.exitCode = await runCli(argv, {
    // A getter: opening standard input costs a cold `review FILE` about 5 ms, and only some commands read it.
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    // A getter too: a review that prints no warning never opens standard error.
    get stderr() {
      return process.stderr;
    },
    cwd: process.cwd(),
    env: process.env,
  });
}
