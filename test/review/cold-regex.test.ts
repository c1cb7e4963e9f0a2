import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import * as cold from '../../src/review/cold-regex.js';
import { ROOT } from '../helpers/bot.js';
import { texts } from './texts.js';

let fresh = 0;
/** A regex of a source not run before in this file, with `gate`: `word` must be in the text. */
function gated(flags: string, lastIndex = 3): [RegExp, RegExp] {
  fresh += 1;
  const source = `\\b(?:okapi${fresh}|zebra${fresh})s?\\b`;
  const re = cold.withGate(new RegExp(source, flags), [[`okapi${fresh}`, `zebra${fresh}`]]);
  const plain = new RegExp(source, flags);
  re.lastIndex = plain.lastIndex = lastIndex;
  return [re, plain];
}

/** Result and `lastIndex` of a call, for comparing the cold call with the plain one. */
const outcome = (re: RegExp, result: unknown) => JSON.stringify([result, re.lastIndex]);

describe('cold regex calls', () => {
  const FLAGS = ['', 'g', 'i', 'gi', 'y', 'gy'];
  const TEXTS = ['no such animal here, none at all', 'an okapi{n} and two zebra{n}s by the okapi{n} house'];

  it.each(FLAGS)('return what the plain call returns, lastIndex included, whether or not the gate stops the text (flags "%s")', (flags) => {
    for (const template of TEXTS) {
      const calls: Array<[string, (re: RegExp, s: string) => unknown, (re: RegExp, s: string) => unknown]> = [
        ['test', (re, s) => cold.test(re, s), (re, s) => re.test(s)],
        ['exec', (re, s) => cold.exec(re, s), (re, s) => re.exec(s)],
        ['replace', (re, s) => cold.replace(s, re, '<$&>'), (re, s) => s.replace(re, '<$&>')],
        ['replace fn', (re, s) => cold.replace(s, re, (m) => m.toUpperCase()), (re, s) => s.replace(re, (m) => m.toUpperCase())],
        ['match', (re, s) => cold.match(s, re), (re, s) => s.match(re)],
        ['search', (re, s) => cold.search(s, re), (re, s) => s.search(re)],
      ];
      if (flags.includes('g')) {
        calls.push(['replaceAll', (re, s) => cold.replaceAll(s, re, '#'), (re, s) => s.replaceAll(re, '#')]);
        calls.push(['matchAll', (re, s) => [...cold.matchAll(s, re)], (re, s) => [...s.matchAll(re)]]);
      }
      for (const [name, viaCold, viaPlain] of calls) {
        const [re, plain] = gated(flags);
        const text = template.replaceAll('{n}', String(fresh));
        // Twice: the second call finds the pattern compiled (or stopped on the same text again).
        for (const round of [1, 2]) expect(outcome(re, viaCold(re, text)), `${name} ${round} on ${text}`).toBe(outcome(plain, viaPlain(plain, text)));
      }
    }
  });

  it('pass anything that is not a regex on to the call as it is', () => {
    const matcher = { test: (s: string) => s === 'yes' };
    expect(cold.test(matcher as unknown as RegExp, 'yes')).toBe(true);
    expect(cold.replace('a-b', '-', '+')).toBe('a+b');
    expect(cold.match('abc', 'b')?.index).toBe(1);
    expect(() => cold.replaceAll('aa', /a/, 'b')).toThrow(TypeError);
    expect(() => cold.matchAll('aa', /a/)).toThrow(TypeError);
  });

  it('in the bundled CLI, with every stopped regex run as well, review dev plans exactly as the review does in process', async () => {
    const plans = texts(path.join(ROOT, 'test/review/corpus/plans/corpus-b.jsonl')).filter((_, i) => i % 40 === 7);
    const dir = mkdtempSync(path.join(tmpdir(), 'moodmusic-cold-'));
    try {
      for (const [i, plan] of plans.entries()) {
        const file = path.join(dir, `plan-${i}.txt`);
        writeFileSync(file, plan);
        let out = '';
        const io = { stdin: new PassThrough(), stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (out += s) }, cwd: ROOT, env: {} };
        expect(await runCli(['review', file], io)).toBe(0);
        // MOODMUSIC_CHECK_GATES=1: a gate that stopped a regex on a text it matches throws.
        const bin = spawnSync(process.execPath, ['bin/moodmusic.js', 'review', file], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, MOODMUSIC_CHECK_GATES: '1' } });
        expect(bin.stderr).toBe('');
        expect(bin.status).toBe(0);
        expect(bin.stdout).toBe(out);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
