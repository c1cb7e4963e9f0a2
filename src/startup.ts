import type { AdapterName, Config } from './config.js';

/** The variables each adapter is started by, for the start-up lines and the no-credentials notice. */
export const SLACK_VARIABLES = 'SLACK_BOT_TOKEN with SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP)';
export const TEAMS_VARIABLES = 'MicrosoftAppId with MicrosoftAppPassword';

/** Every variable moodmusic reads; a SLACK_* or Microsoft* name outside it is probably a typo. */
export const KNOWN_VARIABLES = [
  'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_API_URL', 'SLACK_PORT',
  'MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppType', 'MicrosoftAppTenantId', 'TEAMS_PORT',
] as const;

/**
 * Variables that look meant for moodmusic's Slack or Teams set-up but are not its names (SLACK_TOKEN,
 * MICROSOFT_APP_ID…), so a start-up that found no credentials can say why.
 */
export function strayVariables(env: NodeJS.ProcessEnv): string[] {
  return Object.keys(env)
    .filter((k) => /^(slack_|microsoft_?app)/i.test(k) && !(KNOWN_VARIABLES as readonly string[]).includes(k) && (env[k] ?? '').trim() !== '')
    .sort();
}

/** One line saying an adapter started and which variables started it. */
export function adapterStartedLine(name: AdapterName, config: Config, env: NodeJS.ProcessEnv, port?: number): string {
  const forced = config.adapters.length > 0 && (env.ADAPTERS ?? '').trim() !== '';
  switch (name) {
    case 'slack': {
      const slack = config.slack;
      if (!slack) return 'Slack adapter started';
      const at = port ?? slack.port;
      return slack.mode === 'socket'
        ? `Slack adapter started in Socket Mode (SLACK_BOT_TOKEN, SLACK_APP_TOKEN); /healthz on port ${at}`
        : `Slack adapter started over HTTP on port ${at} (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET): Slack posts to /slack/events`;
    }
    case 'teams': {
      const teams = config.teams;
      const at = port ?? teams?.port;
      if (!teams?.appId) return `Teams adapter started in local mode on 127.0.0.1:${at} (ADAPTERS=teams, no MicrosoftAppId): for the Bot Framework Emulator, no authentication`;
      const vars = ['MicrosoftAppId', ...(teams.appPassword ? ['MicrosoftAppPassword'] : []), ...(teams.appType ? [`MicrosoftAppType=${teams.appType}`] : []), ...(teams.tenantId ? ['MicrosoftAppTenantId'] : [])];
      return `Teams adapter started on port ${at} (${vars.join(', ')}): Bot Framework posts to /api/messages`;
    }
    case 'shell':
      return forced ? 'Terminal shell started (ADAPTERS=shell)' : 'Terminal shell started';
  }
}

/**
 * The stderr line for a start with no credentials at all: what was looked for, and that the terminal
 * shell is starting (which ends at once without input, as under systemd or in a container).
 */
export function noCredentialsLine(env: NodeJS.ProcessEnv, interactive: boolean): string {
  const stray = strayVariables(env);
  return [
    `No Slack or Teams credentials found, so the terminal shell is starting${interactive ? '' : ' (reading commands from standard input; it ends when the input does)'}.`,
    `For Slack set ${SLACK_VARIABLES}; for Teams set ${TEAMS_VARIABLES} (see .env.example).`,
    ...(stray.length ? [`Not moodmusic variables, so ignored: ${stray.join(', ')}.`] : []),
  ].join(' ');
}
