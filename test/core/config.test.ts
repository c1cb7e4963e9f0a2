import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';

describe('readConfig', () => {
  it('defaults to the shell adapter and a SQLite file', () => {
    const c = readConfig({});
    expect(c.adapters).toEqual(['shell']);
    expect(c.database).toEqual({ kind: 'sqlite', path: './data/moodmusic.db' });
    expect(c.defaultTimeZone).toBe('Europe/London');
    expect(c.catchUpHours).toBe(12);
    expect(c.digestMinPeople).toBe(3);
    expect(c.adminUsers).toEqual([]);
    expect(readConfig({ DIGEST_MIN_PEOPLE: '5', ADMIN_USERS: ' U1, 29:abc ,,' })).toMatchObject({ digestMinPeople: 5, adminUsers: ['U1', '29:abc'] });
  });

  it('starts Slack when its credentials are present, and picks Socket Mode with an app token', () => {
    expect(readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).slack).toMatchObject({ mode: 'http', port: 3000 });
    expect(readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack?.mode).toBe('socket');
    expect(readConfig({ ADAPTERS: 'teams' })).toMatchObject({ adapters: ['teams'], teams: { port: 3978 } });
    expect(readConfig({ DATABASE_URL: 'postgres://u@127.0.0.1/db' }).database.kind).toBe('postgres');
  });

  it.each([
    [{ SLACK_PORT: 'eighty' }, /SLACK_PORT must be a port number/],
    [{ SLACK_PORT: '70000' }, /SLACK_PORT must be between 0 and 65535/],
    [{ ADAPTERS: 'slack,irc' }, /ADAPTERS unknown adapter "irc"/],
    [{ DEFAULT_TIMEZONE: 'Mars/Olympus' }, /DEFAULT_TIMEZONE must be an IANA time zone/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a PostgreSQL URL/],
    [{ DATABASE_URL: 'postgres://moodmusic:p@ss@localhost:5432/moodmusic' }, /DATABASE_URL is not a valid URL: percent-encode @ : \/ #/],
    [{ DATABASE_URL: 'postgres://moodmusic:pa:ss/w#1@localhost:5432/moodmusic' }, /DATABASE_URL is not a valid URL: percent-encode/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, /SLACK_SIGNING_SECRET is missing: copy it from Basic Information/],
    [{ ADAPTERS: 'slack' }, /SLACK_BOT_TOKEN is missing/],
    [{ SLACK_BOT_TOKEN: 'abc', SLACK_SIGNING_SECRET: 's' }, /SLACK_BOT_TOKEN must be a bot token/],
    [{ MicrosoftAppId: 'id' }, /MicrosoftAppPassword is missing/],
    [{ DIGEST_MIN_PEOPLE: '1' }, /DIGEST_MIN_PEOPLE must be at least 2: a digest of one person's stories points straight at them/],
    [{ DIGEST_MIN_PEOPLE: 'three' }, /DIGEST_MIN_PEOPLE must be a whole number of people, at least 2/],
  ])('names the variable for %j', (env, message) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(message);
  });
  it('never echoes a database password it refuses, and takes an encoded one', () => {
    expect(() => readConfig({ DATABASE_URL: 'postgres://moodmusic:s3cr@t@localhost/moodmusic' })).toThrow(/^(?![\s\S]*s3cr)/);
    expect(readConfig({ DATABASE_URL: 'postgres://moodmusic:s3cr%40t@localhost:5432/moodmusic' }).database).toEqual({ kind: 'postgres', url: 'postgres://moodmusic:s3cr%40t@localhost:5432/moodmusic' });
  });
});
