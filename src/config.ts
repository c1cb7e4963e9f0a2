import { z } from 'zod';
import { ConfigError } from './errors.js';
import { canonicalTimeZone } from './schedule/zone-name.js';
import { strayVariables } from './startup.js';

const ADAPTERS = ['slack', 'teams', 'shell'] as const;
export type AdapterName = (typeof ADAPTERS)[number];

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const port = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a port number' })
    .int({ error: 'must be a whole number' })
    .min(0, { error: 'must be between 0 and 65535' })
    .max(65535, { error: 'must be between 0 and 65535' })
    .default(fallback);

const timeZone = z
  .string()
  .default('Europe/London')
  .refine(isValidTimeZone, { error: 'must be an IANA time zone such as Europe/London or America/New_York (or UTC)' })
  .transform((tz) => canonicalTimeZone(tz) ?? tz);

/** Whether `tz` is an IANA time zone this runtime knows (any capitalisation; UTC and GMT included). */
export function isValidTimeZone(tz: string): boolean {
  return canonicalTimeZone(tz) !== undefined;
}

/** The user, password, host and port of a URL: everything between `//` and the path, query or fragment. */
function authorityOf(url: string): string {
  return url.slice(url.indexOf('//') + 2).split(/[/?#]/, 1)[0] ?? '';
}

const envSchema = z.object({
  SLACK_BOT_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith('xox'), {
    error: 'must be a bot token starting with xoxb- (OAuth & Permissions in your app settings)',
  }),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith('xapp-'), {
    error: 'must be an app-level token starting with xapp- (Basic Information > App-Level Tokens)',
  }),
  SLACK_API_URL: optionalString.refine((v) => v === undefined || URL.canParse(v), {
    error: 'must be a URL such as https://slack.com/api/',
  }),
  SLACK_PORT: port(3000),
  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  MicrosoftAppTenantId: optionalString,
  TEAMS_PORT: port(3978),
  DATABASE_URL: optionalString
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      error: 'must be a PostgreSQL URL such as postgres://user:pass@host:5432/moodmusic',
    })
    // An unencoded @ : / # in the password moves the host name into it: the driver would then look up a
    // piece of the password as a host and print it. Refuse before connecting, without echoing the URL.
    .refine((v) => v === undefined || (URL.canParse(v) && (authorityOf(v).match(/@/g) ?? []).length <= 1), {
      error: 'is not a valid URL: percent-encode @ : / # % ? in the user name and password (@ is %40, : is %3A, / is %2F, # is %23, % is %25, ? is %3F)',
    }),
  SQLITE_PATH: z.string().trim().min(1).default('./data/moodmusic.db'),
  PROMPTS_DIR: optionalString,
  ADAPTERS: optionalString.transform((v, ctx) => {
    if (v === undefined) return undefined;
    const names = v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
    for (const name of names) {
      if (!(ADAPTERS as readonly string[]).includes(name)) {
        ctx.addIssue({ code: 'custom', message: `unknown adapter "${name}"; use a comma list of ${ADAPTERS.join(', ')}` });
        return z.NEVER;
      }
    }
    return names as AdapterName[];
  }),
  DEFAULT_TIMEZONE: timeZone,
  CATCH_UP_HOURS: z.coerce.number({ error: 'must be a number of hours' }).min(0).max(24 * 14).default(12),
  SHUTDOWN_GRACE_S: z.coerce
    .number({ error: 'must be a number of seconds' })
    .min(0, { error: 'must be between 0 and 600 seconds' })
    .max(600, { error: 'must be between 0 and 600 seconds' })
    .default(10),
  SLACK_WORKSPACE_RATE: z.coerce
    .number({ error: 'must be a number of messages per second' })
    .positive({ error: 'must be a positive number of messages per second' })
    .max(10_000, { error: 'must be at most 10000 messages per second' })
    .optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).optional(),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  ROTATION_SEED: optionalString,
  ROTATION: z.enum(['learn', 'plain'], { error: 'must be learn (order prompts by what starts conversation) or plain' }).default('learn'),
  PUBLIC_URL: optionalString.refine((v) => v === undefined || (URL.canParse(v) && /^https?:$/.test(new URL(v).protocol)), {
    error: 'must be the address people reach the bot at, such as https://moodmusic.example.org',
  }),
  INSIGHTS_SECRET: optionalString.refine((v) => v === undefined || v.length >= 16, {
    error: 'must be at least 16 characters (e.g. the output of `openssl rand -hex 32`)',
  }),
  REVIEW_LLM_URL: optionalString.refine((v) => v === undefined || /^https?:\/\//.test(v) && URL.canParse(v), {
    error: 'must be an http(s) URL of an OpenAI-compatible chat-completions endpoint, e.g. http://127.0.0.1:11434/v1/chat/completions (Ollama)',
  }),
  REVIEW_LLM_MODEL: optionalString,
  REVIEW_LLM_API_KEY: optionalString,
  DIGEST_MIN_PEOPLE: z.coerce
    .number({ error: 'must be a whole number of people, at least 2' })
    .int({ error: 'must be a whole number of people, at least 2' })
    .min(2, { error: 'must be at least 2: a digest of one person\'s stories points straight at them' })
    .max(1000, { error: 'must be at most 1000' })
    .default(3),
  ADMIN_USERS: optionalString.transform((v) => (v === undefined ? [] : v.split(',').map((s) => s.trim()).filter(Boolean))),
  STORY_DAYS: optionalString.transform((v, ctx) => {
    if (v === undefined) return undefined;
    const days = v.split(',').map((s) => s.trim()).filter(Boolean).map(Number);
    const ok = days.length > 0 && days.length <= 12 && days.every((d, i) => Number.isInteger(d) && d >= 0 && d <= 365 && (i === 0 || d > (days[i - 1] ?? -1)));
    if (!ok) {
      ctx.addIssue({ code: 'custom', message: 'must be a rising comma list of whole days from 0 to 365 (at most 12), e.g. 0,7,28' });
      return z.NEVER;
    }
    return days;
  }),
});

/** The parsed, validated configuration. Everything else receives values from here. */
export interface Config {
  slack?: {
    botToken: string;
    signingSecret?: string;
    appToken?: string;
    apiUrl?: string;
    port: number;
    mode: 'http' | 'socket';
  };
  teams?: {
    appId?: string;
    appPassword?: string;
    appType?: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    tenantId?: string;
    port: number;
  };
  adapters: AdapterName[];
  database: { kind: 'postgres'; url: string } | { kind: 'sqlite'; path: string };
  promptsDir?: string;
  defaultTimeZone: string;
  catchUpHours: number;
  /** How long SIGTERM/SIGINT may take before open connections are cut and the store is closed (SHUTDOWN_GRACE_S, default 10 s). */
  shutdownGraceMs: number;
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  logFormat?: 'json' | 'pretty';
  rotationSeed: string;
  /** ROTATION: order each rotation cycle by what starts conversation (`learn`, default) or not (`plain`). */
  rotation: 'learn' | 'plain';
  /** PUBLIC_URL: the base of links the bot hands out (the insights page). */
  publicUrl?: string;
  /** INSIGHTS_SECRET: signs insights links; shared by every instance behind one address. */
  insightsSecret?: string;
  /** Scheduled posts per second across one Slack workspace (SLACK_WORKSPACE_RATE; Slack publishes no figure). */
  slackWorkspaceRate?: number;
  /** Days after a new starter's sharing choice on which story questions are asked (STORY_DAYS, default 0,7,28). */
  storyDays?: number[];
  /** Different people whose stories a digest needs before it posts any (DIGEST_MIN_PEOPLE, default 3, at least 2). */
  digestMinPeople: number;
  /** Platform user ids who may change any channel's settings (ADMIN_USERS, comma list). */
  adminUsers: string[];
  /**
   * REVIEW_LLM_URL, REVIEW_LLM_MODEL, REVIEW_LLM_API_KEY: an optional language model that reads plans and
   * framings. Unset, no plan text ever leaves the host.
   */
  reviewLlm?: { url: string; model: string; apiKey?: string };
}

/** " (SLACK_TOKEN is not a moodmusic variable)" when a near-miss name is set, else "". */
function strayHint(env: NodeJS.ProcessEnv): string {
  const stray = strayVariables(env);
  return stray.length ? ` (${stray.join(', ')} ${stray.length === 1 ? 'is not a moodmusic variable' : 'are not moodmusic variables'})` : '';
}

/**
 * Some of a platform's credentials without the one that starts it (SLACK_APP_TOKEN alone,
 * MicrosoftAppPassword alone) is a mistake, not a wish for the terminal shell: stop and name what is
 * missing and where to get it. ADAPTERS set without that platform means it is not wanted.
 */
function checkPartialCredentials(e: z.infer<typeof envSchema>, env: NodeJS.ProcessEnv): void {
  const slackGiven = (['SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET'] as const).filter((k) => e[k]);
  if (!e.SLACK_BOT_TOKEN && slackGiven.length > 0 && (!e.ADAPTERS || e.ADAPTERS.includes('slack'))) {
    throw new ConfigError(
      `${slackGiven.join(' and ')} ${slackGiven.length > 1 ? 'are' : 'is'} set but SLACK_BOT_TOKEN is missing${strayHint(env)}: copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions of your app at https://api.slack.com/apps, or unset ${slackGiven.join(' and ')} to start without Slack`,
    );
  }
  const teamsGiven = (['MicrosoftAppPassword', 'MicrosoftAppTenantId', 'MicrosoftAppType'] as const).filter((k) => e[k]);
  if (!e.MicrosoftAppId && teamsGiven.length > 0 && (!e.ADAPTERS || e.ADAPTERS.includes('teams'))) {
    throw new ConfigError(
      `${teamsGiven.join(' and ')} ${teamsGiven.length > 1 ? 'are' : 'is'} set but MicrosoftAppId is missing${strayHint(env)}: copy the Microsoft App ID from your Azure Bot's Configuration page (or Bot management in the Teams Developer Portal), or unset ${teamsGiven.join(' and ')} to start without Teams`,
    );
  }
}

/** Parses the environment once. Throws `ConfigError` naming the first bad variable and how to fix it. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`);
    throw new ConfigError(lines.join('; '));
  }
  const e = parsed.data;

  checkPartialCredentials(e, env);
  const slackWanted = e.ADAPTERS ? e.ADAPTERS.includes('slack') : Boolean(e.SLACK_BOT_TOKEN);
  let slack: Config['slack'];
  if (slackWanted) {
    if (!e.SLACK_BOT_TOKEN) {
      throw new ConfigError(`SLACK_BOT_TOKEN is missing${strayHint(env)}: copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions in your app settings`);
    }
    if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
      throw new ConfigError(
        'SLACK_SIGNING_SECRET is missing: copy it from Basic Information in your app settings (or set SLACK_APP_TOKEN for Socket Mode)',
      );
    }
    slack = {
      botToken: e.SLACK_BOT_TOKEN,
      port: e.SLACK_PORT,
      mode: e.SLACK_APP_TOKEN ? 'socket' : 'http',
      ...(e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
      ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
      ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL } : {}),
    };
  }

  const teamsWanted = e.ADAPTERS ? e.ADAPTERS.includes('teams') : Boolean(e.MicrosoftAppId);
  let teams: Config['teams'];
  if (teamsWanted) {
    if (e.MicrosoftAppId && !e.MicrosoftAppPassword && e.MicrosoftAppType !== 'UserAssignedMSI') {
      throw new ConfigError('MicrosoftAppPassword is missing: create a client secret for your Azure Bot app registration');
    }
    if (e.MicrosoftAppType === 'SingleTenant' && !e.MicrosoftAppTenantId) {
      throw new ConfigError('MicrosoftAppTenantId is missing: a SingleTenant bot needs its Azure AD tenant id');
    }
    teams = {
      port: e.TEAMS_PORT,
      ...(e.MicrosoftAppId ? { appId: e.MicrosoftAppId } : {}),
      ...(e.MicrosoftAppPassword ? { appPassword: e.MicrosoftAppPassword } : {}),
      ...(e.MicrosoftAppType ? { appType: e.MicrosoftAppType } : {}),
      ...(e.MicrosoftAppTenantId ? { tenantId: e.MicrosoftAppTenantId } : {}),
    };
  }

  if (e.REVIEW_LLM_URL && !e.REVIEW_LLM_MODEL) {
    throw new ConfigError('REVIEW_LLM_MODEL is missing: name the model REVIEW_LLM_URL serves (for Ollama, e.g. llama3.1), or unset REVIEW_LLM_URL to review plans with the built-in rules only');
  }

  const adapters: AdapterName[] = e.ADAPTERS ?? [
    ...(slack ? (['slack'] as const) : []),
    ...(teams ? (['teams'] as const) : []),
  ];
  if (adapters.length === 0) adapters.push('shell');

  return {
    ...(slack ? { slack } : {}),
    ...(teams ? { teams } : {}),
    adapters,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'sqlite', path: e.SQLITE_PATH },
    ...(e.PROMPTS_DIR ? { promptsDir: e.PROMPTS_DIR } : {}),
    defaultTimeZone: e.DEFAULT_TIMEZONE,
    catchUpHours: e.CATCH_UP_HOURS,
    shutdownGraceMs: Math.round(e.SHUTDOWN_GRACE_S * 1000),
    ...(e.LOG_LEVEL ? { logLevel: e.LOG_LEVEL } : {}),
    ...(e.LOG_FORMAT ? { logFormat: e.LOG_FORMAT } : {}),
    rotationSeed: e.ROTATION_SEED ?? 'moodmusic',
    rotation: e.ROTATION,
    ...(e.PUBLIC_URL ? { publicUrl: e.PUBLIC_URL } : {}),
    ...(e.INSIGHTS_SECRET ? { insightsSecret: e.INSIGHTS_SECRET } : {}),
    ...(e.SLACK_WORKSPACE_RATE ? { slackWorkspaceRate: e.SLACK_WORKSPACE_RATE } : {}),
    ...(e.STORY_DAYS ? { storyDays: e.STORY_DAYS } : {}),
    digestMinPeople: e.DIGEST_MIN_PEOPLE,
    adminUsers: e.ADMIN_USERS,
    ...(e.REVIEW_LLM_URL && e.REVIEW_LLM_MODEL
      ? { reviewLlm: { url: e.REVIEW_LLM_URL, model: e.REVIEW_LLM_MODEL, ...(e.REVIEW_LLM_API_KEY ? { apiKey: e.REVIEW_LLM_API_KEY } : {}) } }
      : {}),
  };
}
