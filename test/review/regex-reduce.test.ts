import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleGates } from '../../scripts/bundle-gates.js';
import { passes } from '../../src/review/cold-regex.js';
import { alternativesOf } from '../../src/review/regex-gate.js';
import { withoutAlternatives } from '../../src/review/regex-reduce.js';
import { ROOT } from '../helpers/bot.js';
import { texts } from './texts.js';

const here = path.join(ROOT, 'test/review');
/** Dev plans and framings only: never the frozen cal/ or test4/ splits. */
const DEV = ['corpus/plans/corpus-a.jsonl', 'corpus/plans/corpus-b.jsonl', 'cases.jsonl', 'corpus/framings/ftune.jsonl']
  .flatMap((f) => texts(path.join(here, f)));

/** Every match of `re` in `text` (index, groups, names), and what `exec` gives from `from` with `re`'s flags. */
function found(source: string, flags: string, text: string, from: number): string {
  const all = [...text.matchAll(new RegExp(source, `${flags.replace(/[gy]/g, '')}g`))].map((m) => [m.index, [...m], m.groups]);
  const one = new RegExp(source, flags);
  one.lastIndex = from;
  return JSON.stringify([all, one.exec(text), one.lastIndex]);
}

describe('patterns cut down to the alternatives a text can match', () => {
  it('find each alternative of an outer alternation, with its own gate', () => {
    const re = /\b(?:why[^.]*(?:fell|drop)|in decline)\b|\bcuts to\b/i;
    const parts = alternativesOf(re)?.map((a) => [re.source.slice(a.start, a.end), a.gate]);
    expect(parts).toEqual([['why[^.]*(?:fell|drop)', [['fell', 'drop'], ['why']]], ['in decline', [['in decline']]], ['\\bcuts to\\b', [['cuts to']]]]);
    expect(alternativesOf(/\bcuts? to\b/i)).toBeNull();
  });

  it('keep every capture group number and name of a dropped alternative', () => {
    const source = String.raw`(a)x|(?<mid>b)(c)[(]y|(d)\1`;
    const cut = withoutAlternatives(source, [[5, 21]]);
    expect(cut).toBe(String.raw`(a)x|(?!)(?<mid>)()|(d)\1`);
    // On texts where it cannot match (here: no 'bc(y'), the pattern finds the same with or without it.
    for (const text of ['ax', 'dd', 'zz ax dd bc( y']) expect(found(cut, 'g', text, 0)).toBe(found(source, 'g', text, 0));
  });

  it('find what the whole pattern finds on every dev text, for every pattern the bundle can cut down', () => {
    const gates = bundleGates(path.join(ROOT, 'dist/src'));
    const table = JSON.parse(gates.json) as { gates: Array<[string, string, Array<[number, number, string]>?]>; built: Array<[string, number]> };
    const sources = new Map(table.built.map(([source, index]) => [index, source]));
    for (const [key, index] of gates.literals) sources.set(index, key.slice(key.indexOf('/') + 1));
    let cut = 0;
    for (const [index, [flags, , parts]] of table.gates.entries()) {
      const source = sources.get(index);
      if (!parts || source === undefined) continue;
      const fold = flags.includes('i');
      for (const [n, text] of DEV.entries()) {
        if (n % 3 !== index % 3) continue;
        const drop = parts.filter(([, , g]) => g && !passes(g.split('\n').map((c) => c.split('\t')), fold, text));
        if (drop.length === 0) continue;
        cut += 1;
        const reduced = withoutAlternatives(source, drop.map(([start, end]) => [start, end]));
        const from = text.length >> 1;
        if (found(reduced, flags, text, from) !== found(source, flags, text, from)) {
          expect.fail(`/${reduced}/${flags} differs from /${source}/${flags} on ${JSON.stringify(text)}`);
        }
      }
    }
    expect(cut).toBeGreaterThan(1000);
  });
});
