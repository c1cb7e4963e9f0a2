import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleGates } from '../../scripts/bundle-gates.js';
import { passes } from '../../src/review/cold-regex.js';
import { gateOf, gatesOf, type Gate } from '../../src/review/regex-gate.js';
import { ROOT } from '../helpers/bot.js';
import { texts } from './texts.js';

const here = path.join(ROOT, 'test/review');
/** Dev texts only (plans, cases, framings): never the frozen cal/ or test5/ splits. */
const DEV = [
  'corpus/plans/corpus-a.jsonl', 'corpus/plans/corpus-b.jsonl', 'corpus/plans/framings.jsonl', 'cases.jsonl', 'holdout.jsonl',
  'corpus/framings/framings.jsonl', 'corpus/framings/fgen.jsonl', 'corpus/framings/ftune.jsonl',
].flatMap((f) => texts(path.join(here, f)));

/** A gate's clauses and their strings in a fixed order (a gate lists its most telling clause first). */
const sorted = (gate: Gate | null) => gate?.map((c) => [...c].sort()).sort((a, b) => a.join().localeCompare(b.join()));

describe('literal gates', () => {
  it('demand the words every match holds: alternatives, optional letters, joined parts', () => {
    expect(sorted(gateOf(/\b(?:online|zoom|video call)\b/gi))).toEqual([['online', 'video call', 'zoom']]);
    expect(sorted(gateOf(/\bpresentations?\b/i))).toEqual([['presentation']]);
    expect(sorted(gateOf(/\bfor (?:dates|times|venues?)/i))).toEqual([['for dates', 'for times', 'for venue']]);
    // Without `i` the case is kept; with it the strings are in lower case.
    expect(sorted(gateOf(/[Ww]ell-?being/))).toEqual([['Well-being', 'Wellbeing', 'well-being', 'wellbeing']]);
    expect(sorted(gateOf(/WELL-?BEING/i))).toEqual([['well-being', 'wellbeing']]);
    // A part repeated an unknown number of times still has to be there once; a class breaks a string in two.
    expect(sorted(gateOf(/(?:tea)+\s+(?:break|time)/))).toEqual([['break', 'time'], ['tea']]);
  });

  it('read a lookaround as text that must be there, except a negative one, which demands nothing', () => {
    expect(sorted(gateOf(/(?<=\bsmall )tables/))).toEqual([['small '], ['tables']]);
    expect(sorted(gateOf(/(?<!round )tables(?! discussion)/))).toEqual([['tables']]);
  });

  it('demand all of one alternative of an outer alternation, beside zero-width parts only', () => {
    const phrases = /\b(?:why[^.]*\b(?:fell|drop)|what stops|in decline)\b|\bcuts to\b/gi;
    expect(gatesOf(phrases)?.map(sorted)).toEqual([[['cuts to', 'in decline', 'what stops']], [['drop', 'fell'], ['why']]]);
    // One gate alone demands a word of any alternative: any text with 'fell' or 'drop' passed.
    expect(sorted(gateOf(phrases))).toEqual([['cuts to', 'drop', 'fell', 'in decline', 'what stops']]);
    // An alternation inside a longer sequence is read as before: one clause from each alternative.
    expect(gatesOf(/\b(?:why[^.]*fell|what stops) now\b/i)?.map(sorted)).toEqual([[[' now'], ['fell', 'what stops']]]);
    // One alternative that demands nothing leaves the pattern without a gate.
    expect(gatesOf(/\b(?:why[^.]*fell|\d+)\b/i)).toBeNull();
  });

  it('demand nothing for what they do not read, so never stop a text that matches', () => {
    for (const re of [
      /\b\w+\b/, // classes only
      /(a|b)\1/, // short strings: almost every text has them
      /\bfoo/u, // unicode case folding is not read
      /x*y?/,
      /\b(?:budget|money|\d+)\b/, // one alternative demands no string
      /(?<w>\w+) \k<w>/, // a named back-reference
    ]) expect(gateOf(re), String(re)).toBeNull();
    // Escapes not read (a code, a control character, a back-reference) demand nothing of their own.
    expect(sorted(gateOf(/abc\x41def/))).toEqual([['abc'], ['def']]);
    expect(sorted(gateOf(/(abc)\1def/))).toEqual([['abc'], ['def']]);
    expect(sorted(gateOf(/abc\u00e9def/))).toEqual([['abc'], ['def']]);
    // With `i`, a letter outside ASCII is not read.
    expect(sorted(gateOf(/café nearby/i))).toEqual([[' nearby'], ['caf']]);
  });

  it('rely on the `i` flag matching an ASCII letter only with an ASCII letter (no `u` flag)', () => {
    // ſ (long s) and the Kelvin sign fold to s and k only with the `u` flag: without it they are not
    // letters the pattern's letters match, so a lower-case copy of the text finds every match.
    expect(/sale/i.test('\u017Fale')).toBe(false);
    expect(/kit/i.test('\u212Ait')).toBe(false);
    expect(/SALE/i.test('sale')).toBe(true);
    expect(passes([['sale']], true, 'A SALE today')).toBe(true);
    expect(passes([['sale']], true, 'no offer')).toBe(false);
  });

  it('never stop a dev text or line the pattern matches, for every gated pattern of the review and framing check', () => {
    const gates = bundleGates(path.join(ROOT, 'dist/src'));
    // The table as cold-regex.ts reads it: each pattern's flags and gates, and the sources built on load.
    const table = JSON.parse(gates.json) as { gates: Array<[string, string]>; built: Array<[string, number]> };
    const gate = (index: number): [string, Gate[]] => {
      const [flags, text] = table.gates[index] ?? ['', ''];
      return [flags, text.split('\v').map((g) => g.split('\n').map((clause) => clause.split('\t')))];
    };
    const patterns: Array<[RegExp, Gate[]]> = [];
    for (const [key, index] of gates.literals) {
      const [flags, g] = gate(index);
      expect(key.startsWith(`${flags}/`)).toBe(true);
      patterns.push([new RegExp(key.slice(flags.length + 1), flags), g]);
    }
    for (const [source, index] of table.built) {
      const [flags, g] = gate(index);
      patterns.push([new RegExp(source, flags), g]);
    }
    expect(patterns.length).toBeGreaterThan(150);
    const subjects = [...DEV, ...DEV.flatMap((t) => t.split('\n')).filter((l) => l.length > 20)];
    let stopped = 0;
    for (const [re, gate] of patterns) {
      const fold = re.flags.includes('i');
      const once = new RegExp(re.source, re.flags.replace(/[gy]/g, ''));
      for (const text of subjects) {
        if (gate.some((g) => passes(g, fold, text))) continue;
        stopped += 1;
        if (once.test(text)) expect.fail(`gate ${JSON.stringify(gate)} stopped /${re.source}/${re.flags} on a text it matches: ${text}`);
      }
    }
    // The gates stop most pattern-text pairs: that is what they are for.
    expect(stopped).toBeGreaterThan(patterns.length * subjects.length * 0.3);
  });
});
