import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CliCommand } from '../cli/io.js';
import { readConfig } from '../config.js';
import { UserInputError } from '../errors.js';
import type { PlatformName } from '../model/message.js';
import { openStore } from '../store/index.js';
import type { StoryRecord } from '../store/stories.js';
import { knownWorkspaces, type KnownWorkspace } from '../store/workspaces.js';

const USAGE = 'Usage: moodmusic stories export --workspace ID [--format json|csv] [--platform slack|teams|shell]';
const PLATFORMS: readonly PlatformName[] = ['slack', 'teams', 'shell'];

/** One exported story. Anonymous stories carry only the question and the text. */
export interface ExportedStory {
  sharing: 'anonymous' | 'named';
  promptId: string;
  prompt: string;
  text: string;
  /** Named stories only. */
  name?: string;
  /** Named stories only: a date near someone's start would identify an anonymous author. */
  createdAt?: string;
}

/** Shapes stored stories for export; private ones never reach here, this is the second guard. */
export function exportShape(stories: StoryRecord[]): ExportedStory[] {
  const out: ExportedStory[] = [];
  for (const s of stories) {
    if (s.sharing === 'anonymous') out.push({ sharing: 'anonymous', promptId: s.promptId, prompt: s.promptText, text: s.text });
    else if (s.sharing === 'named') {
      out.push({ sharing: 'named', promptId: s.promptId, prompt: s.promptText, text: s.text, ...(s.authorName ? { name: s.authorName } : {}), createdAt: s.createdAt });
    }
  }
  return out;
}

/**
 * One CSV field: always quoted, quotes doubled, and a leading = + - @ neutralised so a spreadsheet does not
 * run a story as a formula.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The export as CSV (RFC 4180, CRLF line ends, header row). */
export function toCsv(rows: ExportedStory[]): string {
  const header = ['sharing', 'name', 'created_at', 'prompt_id', 'prompt', 'text'];
  const lines = [header.join(',')];
  for (const r of rows) lines.push([r.sharing, r.name ?? '', r.createdAt ?? '', r.promptId, r.prompt, r.text].map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The message for a workspace id the database has never seen: the ids it has, and where to find yours. */
export function unknownWorkspace(asked: string, known: KnownWorkspace[]): string {
  const list = known.length
    ? `Workspaces in this database: ${known.map((w) => `${w.workspaceId} (${w.platform}, ${w.sharedStories} shared ${w.sharedStories === 1 ? 'story' : 'stories'})`).join(', ')}.`
    : 'This database holds no workspace yet (is SQLITE_PATH or DATABASE_URL the one the bot uses?).';
  return [
    `no workspace "${asked.slice(0, 80)}" in this database. ${list}`,
    'Where to find yours: a Slack workspace id starts with T and is in the address when Slack is open in a browser (app.slack.com/client/T…/…); a Teams tenant id is on the Microsoft Entra ID (Azure AD) overview page in the Azure portal; the shell\'s is "shell".',
  ].join('\n');
}

function parseArgs(args: string[]): { workspace: string; format: 'json' | 'csv'; platform?: PlatformName } {
  if (args[0] !== 'export') throw new UserInputError(args[0] ? `unknown subcommand "${args[0]}". ${USAGE}` : USAGE);
  let workspace: string | undefined;
  let format: 'json' | 'csv' = 'json';
  let platform: PlatformName | undefined;
  for (let i = 1; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? args[(i += 1)];
      if (v === undefined || v === '') throw new UserInputError(`${flag} needs a value. ${USAGE}`);
      return v;
    };
    if (flag === '--workspace') workspace = value();
    else if (flag === '--format') {
      const f = value().toLowerCase();
      if (f !== 'json' && f !== 'csv') throw new UserInputError(`--format must be json or csv. ${USAGE}`);
      format = f;
    } else if (flag === '--platform') {
      const p = value().toLowerCase();
      if (!(PLATFORMS as readonly string[]).includes(p)) throw new UserInputError(`--platform must be one of ${PLATFORMS.join(', ')}. ${USAGE}`);
      platform = p as PlatformName;
    } else throw new UserInputError(`unknown option "${arg}". ${USAGE}`);
  }
  if (!workspace) throw new UserInputError(`--workspace is required (a Slack team id, Teams tenant id, or "shell"). ${USAGE}`);
  return { workspace, format, ...(platform ? { platform } : {}) };
}

/**
 * `moodmusic stories export --workspace ID [--format json|csv]`: prints the stories people chose to share
 * in one workspace (never private ones; anonymous ones without name or date). Reads DATABASE_URL or
 * SQLITE_PATH like the bot.
 */
export const storiesCommand: CliCommand = async (args, io) => {
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(args);
  } catch (error) {
    if (error instanceof UserInputError) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const config = readConfig(io.env);
  if (config.database.kind === 'sqlite' && !existsSync(path.resolve(io.cwd, config.database.path))) {
    io.stderr.write(`no database at ${config.database.path}: set SQLITE_PATH (or DATABASE_URL) to where the bot keeps its data\n`);
    return 1;
  }
  const store = await openStore(config.database.kind === 'sqlite' ? { kind: 'sqlite', path: path.resolve(io.cwd, config.database.path) } : config.database);
  try {
    const stories = await store.stories.shared({ workspaceId: options.workspace, ...(options.platform ? { platform: options.platform } : {}) });
    const rows = exportShape(stories);
    if (rows.length === 0) {
      // A mistyped id would otherwise export "0 shared stories" and exit 0: say which ids exist.
      const known = await knownWorkspaces(store.db);
      const match = known.some((w) => w.workspaceId === options.workspace && (!options.platform || w.platform === options.platform));
      if (!match) {
        io.stderr.write(`${unknownWorkspace(options.workspace, known)}\n`);
        return 1;
      }
    }
    io.stdout.write(options.format === 'csv' ? toCsv(rows) : `${JSON.stringify(rows, null, 2)}\n`);
    io.stderr.write(`${rows.length} shared ${rows.length === 1 ? 'story' : 'stories'} from workspace ${options.workspace}\n`);
    return 0;
  } finally {
    await store.close();
  }
};
