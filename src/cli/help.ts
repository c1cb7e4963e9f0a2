import { readFileSync } from 'node:fs';

/** The one-screen overview `moodmusic --help` prints. */
export const USAGE = `Usage: moodmusic <command> [options]     (moodmusic <command> --help for one command)

  start                         run the bot (the terminal shell when no Slack/Teams credentials)
  review [FILE|-] [--json]      reflective review of a meeting plan
  reframe "QUESTION" [--json]   framing check and aspirational rewrites
  prompts check [DIR]           validate a prompt library (errors as FILE:LINE: message)
  prompt [THEME]                print one prompt
  stories export --workspace ID [--format json|csv] [--platform slack|teams|shell]
  backup FILE                   copy the SQLite database while the bot runs (PostgreSQL: use pg_dump)
  help [COMMAND]                this overview, or one command's help
  --version                     print the version

Configuration is environment variables (see .env.example and the README); \`npm run teams:package -- --help\`
builds the Teams app package.
`;

/** Help for each command, printed by `moodmusic COMMAND --help` and `moodmusic help COMMAND`. */
export const COMMAND_HELP: Record<string, string> = {
  start: `Usage: moodmusic start      (also: npm start)

Runs the bot with every adapter the environment configures:
  Slack   SLACK_BOT_TOKEN with SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP on SLACK_PORT)
  Teams   MicrosoftAppId with MicrosoftAppPassword (HTTP on TEAMS_PORT); ADAPTERS=teams for local mode
  shell   when neither is configured: a chat in your terminal, or commands piped on standard input
It says on stderr which adapters started and why; partial credentials stop it with exit 1 and the
missing variable. Data goes to DATABASE_URL (PostgreSQL) or SQLITE_PATH (default ./data/moodmusic.db);
tables are created and migrated on start. SIGTERM or SIGINT stops it cleanly (exit 0).
`,
  review: `Usage: moodmusic review [FILE|-] [--json]

Reads a meeting plan from FILE, or from standard input when FILE is "-" or left out, and prints a
few reflective nudges and what the plan already does well. --json prints
{"flags":[...],"strengths":[...],"plan":{...}}. On a terminal, paste the plan, then press Ctrl-D on
an empty line to finish.
`,
  reframe: `Usage: moodmusic reframe "QUESTION" [--json]

Checks whether a question is framed around a deficit and suggests aspirational rewrites, with who
might be missing from the room. Use "-" to read the question from standard input. --json prints
{"deficit":bool,"evidence":[...],"suggestions":[...],"whoMightBeMissing":[...]}.
`,
  prompts: `Usage: moodmusic prompts check [DIR]

Validates a prompt library (default PROMPTS_DIR, else the prompts/ shipped with the package). Every
problem is printed as FILE:LINE: message and the exit code is 1; the bot refuses to start with them.
`,
  prompt: `Usage: moodmusic prompt [THEME]

Prints one prompt and why it is asked. Themes: purpose, perspectives, onboarding, language, people,
design.
`,
  stories: `Usage: moodmusic stories export --workspace ID [--format json|csv] [--platform slack|teams|shell]

Prints the stories people chose to share in one workspace: named ones with name and date, anonymous
ones with only the question and the text; private stories are never exported. ID is the Slack
workspace id (T…), the Teams tenant id, or "shell". A wrong ID exits 1 and lists the workspaces the
database holds. Reads DATABASE_URL or SQLITE_PATH like the bot. CSV fields are always quoted, and a
leading = + - @ is prefixed with ' so spreadsheets do not run it.
`,
  backup: `Usage: moodmusic backup FILE

Copies the SQLite database at SQLITE_PATH to FILE with SQLite's online backup API: safe while the bot
is running, then checked with PRAGMA integrity_check. FILE must not exist yet. To restore, stop the
bot and put the copy at SQLITE_PATH. With DATABASE_URL (PostgreSQL) use pg_dump instead:
  pg_dump --format=custom --file=moodmusic.dump "$DATABASE_URL"
`,
  help: `Usage: moodmusic help [COMMAND]

Prints the overview, or the help of one command (same as moodmusic COMMAND --help).
`,
};

/** The package version, from the package.json next to the build. */
export function packageVersion(): string {
  for (const rel of ['../../../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'moodmusic' && pkg.version) return pkg.version;
    } catch {
      // Not at this depth (source tree vs dist/); try the next.
    }
  }
  return 'unknown';
}
