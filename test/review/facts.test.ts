import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { texts } from './texts.js';
import { extract } from '../../src/review/extract.js';
import { planFactsSchema } from '../../src/review/facts.js';

const here = import.meta.dirname;

/** The development set, the hand-written cases and both corpora: plans of every genre and size. */
const PLANS = [
  ...texts(path.join(here, '../fixtures/dev-set/meeting-plans.jsonl')),
  ...texts(path.join(here, 'cases.jsonl')),
  ...texts(path.join(here, 'corpus/plans/corpus-a.jsonl')),
  ...texts(path.join(here, 'corpus/plans/corpus-b.jsonl')),
  '',
  'x',
  'Staff conference. '.repeat(300),
];

describe('the rule extractor without zod', () => {
  // The rules build `PlanFacts` to its TypeScript type and skip the zod schema (so a cold review never
  // loads zod); the schema still guards the language model's answers. This holds the two together:
  // the schema would neither refuse, fill in, drop nor change anything in what the rules produce.
  it(`produces facts the schema accepts exactly as they are (${PLANS.length} plans)`, () => {
    for (const text of PLANS) {
      const facts = extract(text);
      const parsed = planFactsSchema.safeParse(facts);
      expect(parsed.success, text.slice(0, 80)).toBe(true);
      expect(JSON.stringify(parsed.data), text.slice(0, 80)).toBe(JSON.stringify(facts));
    }
  });

  it('keeps zod (and every other package) out of what `moodmusic review` loads', () => {
    // The review command's static imports, followed through the sources (type-only imports are erased);
    // the language model's path is a dynamic import taken only when REVIEW_LLM_URL is set.
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const m of readFileSync(file, 'utf8').matchAll(/^import\s+(?!type\b)(?:[^'"]*?from\s+)?['"]([^'"]+)['"]/gm)) {
        const spec = m[1] as string;
        if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')));
        else if (!spec.startsWith('node:')) packages.add(spec);
      }
    };
    visit(path.join(here, '../../src/review/cli.ts'));
    expect(seen.size).toBeGreaterThan(10);
    expect([...packages]).toEqual([]);
    expect([...seen].map((f) => path.basename(f))).not.toContain('facts.ts');
  });
});
