import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/commands/grammar.js';
import { readConfig } from '../../src/config.js';
import { renderText } from '../../src/render/text.js';
import { canonicalTimeZone } from '../../src/schedule/zone-name.js';
import { mention, testCore } from '../helpers/core.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function core(start = '2026-11-23T08:00:00Z') {
  const c = await testCore({ start });
  cleanups.push(c.close);
  const say = async (text: string, overrides: Parameters<typeof mention>[1] = {}) =>
    (await c.core.handle(mention(text, overrides))).map((r) => renderText(r).text).join('\n');
  return { ...c, say };
}

describe('schedule forms people try first', () => {
  it('reads "fortnightly" as every 2 weeks', () => {
    expect(parseCommand('schedule fortnightly tuesday 10:00')).toEqual({
      verb: 'schedule',
      recurrence: { kind: 'weekly', day: 'tuesday', time: '10:00', everyWeeks: 2 },
      themes: [],
    });
    expect(parseCommand('digest fortnightly friday 15:00')).toMatchObject({ verb: 'digest', recurrence: { everyWeeks: 2 } });
  });

  it.each([['UTC'], ['utc'], ['GMT'], ['gmt']])('takes the zone %s', (zone) => {
    expect(parseCommand(`schedule weekly monday 09:30 ${zone}`)).toMatchObject({ verb: 'schedule', timeZone: zone });
  });

  it.each([
    ['europe/london', 'Europe/London'],
    ['EUROPE/LONDON', 'Europe/London'],
    ['america/new_york', 'America/New_York'],
    ['asia/kolkata', 'Asia/Kolkata'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['america/port-au-prince', 'America/Port-au-Prince'],
    ['utc', 'UTC'],
    ['GMT', 'UTC'],
    ['Etc/UTC', 'UTC'],
  ])('spells %s as %s', (typed, canonical) => {
    expect(canonicalTimeZone(typed)).toBe(canonical);
  });

  it.each([['EST'], ['Mars/Olympus'], ['london']])('refuses %s as a zone', (typed) => {
    expect(canonicalTimeZone(typed)).toBeUndefined();
  });

  it('echoes the canonical spelling in the reply and in status', async () => {
    const bot = await core();
    expect(await bot.say('schedule fortnightly tuesday 10:00 europe/london')).toContain(
      'Scheduled: a question here every 2 weeks on Tuesday at 10:00, Europe/London time.',
    );
    const status = await bot.say('status');
    expect(status).toContain('Time zone: Europe/London');
    expect(status).not.toContain('europe/london');
    expect(await bot.say('schedule weekly monday 09:30 GMT')).toContain('every Monday at 09:30, UTC time');
  });

  it('canonicalises DEFAULT_TIMEZONE too', () => {
    expect(readConfig({ DEFAULT_TIMEZONE: 'europe/paris' }).defaultTimeZone).toBe('Europe/Paris');
    expect(readConfig({ DEFAULT_TIMEZONE: 'utc' }).defaultTimeZone).toBe('UTC');
  });
});

describe('pause spans', () => {
  it('lists the units when a span is refused', () => {
    for (const text of ['pause for a month', 'pause for 2 months', 'pause for ever', 'pause until friday']) {
      const intent = parseCommand(text);
      expect(intent, text).toMatchObject({ verb: 'invalid', of: 'pause', message: expect.stringContaining('hours, days or weeks') });
    }
    expect(parseCommand('pause for a month')).toMatchObject({ message: expect.stringContaining('"month"') });
  });

  it('reads spans in words and a fortnight', () => {
    expect(parseCommand('pause for three days')).toEqual({ verb: 'pause', for: { amount: 3, unit: 'day' } });
    expect(parseCommand('pause for a fortnight')).toEqual({ verb: 'pause', for: { amount: 2, unit: 'week' } });
    expect(parseCommand('pause 4 hours')).toEqual({ verb: 'pause', for: { amount: 4, unit: 'hour' } });
  });

  it('says the units in the chat reply, with the usage line', async () => {
    const bot = await core();
    await bot.say('schedule weekly monday 09:30');
    const refused = await bot.say('pause for a month');
    expect(refused).toContain('I can pause for hours, days or weeks');
    expect(refused).toContain('pause [for N hours|days|weeks]');
  });
});

describe('help that fits the platform', () => {
  it('mentions /moodmusic only in Slack', async () => {
    const bot = await core();
    expect(await bot.say('help', { platform: 'slack' })).toContain('/moodmusic');
    for (const platform of ['teams', 'shell'] as const) {
      expect(await bot.say('help', { platform }), platform).not.toContain('/moodmusic');
    }
    expect(await bot.say('help', { platform: 'shell' })).toContain('Type a command at the prompt');
    expect(await bot.say('help', { platform: 'teams' })).toContain('Mention me in a channel or group chat');
  });

  it('lists every schedule form', async () => {
    const bot = await core();
    const help = await bot.say('help', { platform: 'teams' });
    for (const form of ['schedule weekly monday 09:30', 'schedule weekdays 10:00', 'schedule daily 09:00', 'schedule every 2 weeks tuesday 14:00', 'fortnightly', 'schedule monthly first monday 09:00', 'schedule cron "0 9 * * 1"', 'schedule off']) {
      expect(help, form).toContain(form);
    }
  });
});

describe('status shows everything set here', () => {
  it('shows schedule, pause, digest and welcome', async () => {
    const bot = await core();
    await bot.say('schedule weekly monday 09:30');
    await bot.say('pause for 3 days');
    await bot.say('digest weekly friday 15:00');
    await bot.say('welcome on');
    const status = await bot.say('status');
    expect(status).toContain('Rule: every Monday at 09:30');
    expect(status).toContain('State: paused through Wednesday 25 November (Europe/London), then resumes by itself');
    expect(status).toContain('Story digest: every Friday at 15:00, Europe/London time; next Friday 27 November, 15:00 (Europe/London)');
    expect(status).toContain('Welcome: on');
  });

  it('shows digest and welcome when there is no prompt schedule', async () => {
    const bot = await core();
    const status = await bot.say('status');
    expect(status).toMatch(/no prompt schedule in this conversation/);
    expect(status).toContain('Story digest: off');
    expect(status).toContain('Welcome: off');
  });
});

describe('one date style', () => {
  it('digest confirmation and prompt schedule name days the same way', async () => {
    const bot = await core();
    const digest = await bot.say('digest weekly friday 15:00');
    const schedule = await bot.say('schedule weekly monday 09:30');
    expect(digest).toContain('Friday 27 November, 15:00 (Europe/London)');
    expect(schedule).toContain('Monday 23 November, 09:30 (Europe/London)');
    expect(digest + schedule).not.toMatch(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d/);
    expect(digest + schedule).not.toMatch(/\d (Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/);
  });
});

describe('Teams manifest', () => {
  it('describes pause as what it does', () => {
    const manifest = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../adapters/teams/manifest/manifest.json'), 'utf8')) as {
      bots: Array<{ commandLists: Array<{ commands: Array<{ title: string; description: string }> }> }>;
    };
    const pause = manifest.bots[0]!.commandLists.flatMap((l) => l.commands).find((c) => c.title === 'pause');
    expect(pause?.description).not.toMatch(/skip for one week/);
    expect(pause?.description).toMatch(/until resume/);
    expect(pause?.description).toMatch(/3 days/);
  });
});
