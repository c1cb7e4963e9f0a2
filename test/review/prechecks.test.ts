import { describe, expect, it } from 'vitest';
import { FROM_EACH_OF, FROM_EACH_OF_WORDS, fromEachCount } from '../../src/review/from-each.js';

/**
 * The runs of plain characters a regex source has outside every group, class and quantifier, when it has
 * no `|` outside a group: every match contains each of them. Anything it cannot tell ends a run, so a run
 * it returns is always one the regex needs (it may miss some).
 */
function requiredRuns(source: string): string[] {
  const runs: string[] = [];
  let run = '';
  let depth = 0;
  const end = (): void => {
    if (run) runs.push(run);
    run = '';
  };
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i] ?? '';
    const next = source[i + 1] ?? '';
    if (c === '\\') {
      const e = next;
      i += 1;
      // An escaped punctuation mark is itself; `\b`, `\s`, `\d`... are not plain characters.
      if (depth === 0 && /[^A-Za-z0-9]/.test(e) && !/[?*+{]/.test(source[i + 1] ?? '')) run += e;
      else end();
      continue;
    }
    if (c === '[') {
      end();
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      continue;
    }
    if (c === '(') { end(); depth += 1; continue; }
    if (c === ')') { depth -= 1; continue; }
    if (c === '|' && depth === 0) return [];
    if (depth > 0) continue;
    if ('^$.?*+{}'.includes(c) || /[?*+{]/.test(next)) { end(); continue; }
    run += c;
  }
  end();
  return runs;
}

describe('prechecks that spare a scan of the whole plan', () => {
  it('the reader of required runs finds only what every match needs', () => {
    expect(requiredRuns(String.raw`\bfrom each of (?:the )?\d+ bodies?`)).toEqual(['from each of ', ' bodie']);
    expect(requiredRuns('a|from each of')).toEqual([]);
    expect(requiredRuns(String.raw`(?:x|y)z\.com[s]?`)).toEqual(['z.com']);
    expect(requiredRuns('ab+c')).toEqual(['a', 'c']);
  });

  it('a head count "from each of" the bodies needs the words it looks for first', () => {
    expect(FROM_EACH_OF.flags).toContain('i');
    expect(FROM_EACH_OF_WORDS.flags).toContain('i');
    expect(requiredRuns(FROM_EACH_OF.source).some((run) => run.includes(FROM_EACH_OF_WORDS.source))).toBe(true);
  });

  it('still reads the formula whatever its case, and nothing without it', () => {
    expect(fromEachCount('One representative FROM EACH OF the 12 member councils.')?.max).toBe(12);
    expect(fromEachCount('Two delegates from each of the 20 schools will attend.')?.max).toBe(40);
    expect(fromEachCount('Two delegates from each school will attend.')).toBeUndefined();
  });
});
