import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/commands/grammar.js';
import { parseTime } from '../../src/commands/recurrence-words.js';

describe('chat grammar', () => {
  it.each([
    ['help', { verb: 'help' }],
    ['', { verb: 'prompt' }],
    ['prompt', { verb: 'prompt' }],
    ['Prompt Purpose', { verb: 'prompt', theme: 'purpose' }],
    ['review', { verb: 'review', plan: '' }],
    ['status', { verb: 'status' }],
    ['skip', { verb: 'skip' }],
    ['resume', { verb: 'resume' }],
    ['pause', { verb: 'pause' }],
    ['pause for 2 weeks', { verb: 'pause', for: { amount: 2, unit: 'week' } }],
    ['story', { verb: 'story' }],
    ['welcome on', { verb: 'welcome', on: true }],
    ['welcome OFF', { verb: 'welcome', on: false }],
    ['digest now', { verb: 'digest-now' }],
    ['digest off', { verb: 'digest-off' }],
    ['forget me', { verb: 'forget-me' }],
    ['schedule off', { verb: 'schedule-off' }],
    ['my stories', { verb: 'my-stories' }],
    ['My Story', { verb: 'my-stories' }],
    ['withdraw', { verb: 'withdraw' }],
    ['withdraw 2', { verb: 'withdraw', which: 2 }],
    ['withdraw #3', { verb: 'withdraw', which: 3 }],
  ])('parses %j', (text, intent) => {
    expect(parseCommand(text)).toEqual(intent);
  });

  it('explains a wrong `my` or `withdraw`', () => {
    expect(parseCommand('my team')).toMatchObject({ verb: 'invalid', of: 'my', usage: 'my stories' });
    expect(parseCommand('withdraw the lot')).toMatchObject({ verb: 'invalid', of: 'withdraw' });
    expect(parseCommand('withdraw 0')).toMatchObject({ verb: 'invalid', of: 'withdraw' });
  });

  it('keeps the whole plan after review, line breaks included', () => {
    expect(parseCommand('review Workshop for 20 people.\n- two hours\n- tenants')).toEqual({
      verb: 'review',
      plan: 'Workshop for 20 people.\n- two hours\n- tenants',
    });
  });

  it('parses reframe with the question', () => {
    expect(parseCommand('reframe What to do about youth crime?')).toEqual({ verb: 'reframe', question: 'What to do about youth crime?' });
  });

  it('parses every schedule form', () => {
    expect(parseCommand('schedule weekly monday 09:30 Europe/London themes purpose,people')).toEqual({
      verb: 'schedule',
      recurrence: { kind: 'weekly', day: 'monday', time: '09:30', everyWeeks: 1 },
      timeZone: 'Europe/London',
      themes: ['purpose', 'people'],
    });
    expect(parseCommand('schedule weekdays 10:00')).toMatchObject({ recurrence: { kind: 'weekdays', time: '10:00' }, themes: [] });
    expect(parseCommand('schedule every 2 weeks tuesday 14:00')).toMatchObject({
      recurrence: { kind: 'weekly', day: 'tuesday', time: '14:00', everyWeeks: 2 },
    });
    expect(parseCommand('schedule monthly first monday 09:00')).toMatchObject({
      recurrence: { kind: 'monthly', nth: 1, day: 'monday', time: '09:00' },
    });
    expect(parseCommand('schedule cron "0 9 * * 1"')).toMatchObject({ recurrence: { kind: 'cron', expression: '0 9 * * 1' } });
    expect(parseCommand('schedule weekly fri 2:15pm America/New_York')).toMatchObject({
      recurrence: { kind: 'weekly', day: 'friday', time: '14:15' },
      timeZone: 'America/New_York',
    });
    expect(parseCommand('digest weekly friday 15:00')).toMatchObject({
      verb: 'digest',
      recurrence: { kind: 'weekly', day: 'friday', time: '15:00' },
    });
  });

  it('explains mistakes instead of failing', () => {
    expect(parseCommand('schedule weekly moonday 09:30')).toMatchObject({ verb: 'invalid', of: 'schedule' });
    expect(parseCommand('schedule weekly monday 25:00')).toMatchObject({ verb: 'invalid', message: expect.stringContaining('25:00') });
    expect(parseCommand('schedule cron "0 9 *"')).toMatchObject({ verb: 'invalid', message: expect.stringContaining('five-field') });
    expect(parseCommand('welcome maybe')).toMatchObject({ verb: 'invalid', of: 'welcome' });
    expect(parseCommand('pause for ever')).toMatchObject({ verb: 'invalid', of: 'pause' });
    expect(parseCommand('forget everything')).toMatchObject({ verb: 'invalid', of: 'forget' });
    expect(parseCommand('reframe')).toMatchObject({ verb: 'invalid', of: 'reframe' });
  });

  it('returns unknown for anything else', () => {
    expect(parseCommand('make me a sandwich')).toEqual({ verb: 'unknown', text: 'make me a sandwich' });
  });

  it('reads times in several spellings', () => {
    expect(parseTime('9:30')).toBe('09:30');
    expect(parseTime('9.30')).toBe('09:30');
    expect(parseTime('9am')).toBe('09:00');
    expect(parseTime('12am')).toBe('00:00');
    expect(parseTime('12pm')).toBe('12:00');
    expect(parseTime('9')).toBeUndefined();
    expect(parseTime('24:00')).toBeUndefined();
  });
});
