import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findIdentifying, highlighted, withoutThem } from '../../src/stories/identifying.js';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/identifying.jsonl');

describe('finding what could point to a person', () => {
  it('finds @mentions, email addresses and phone numbers by pattern, and not dates or years', async () => {
    const text = 'Mail jo.bloggs@council.gov.uk or ring 07700 900123 (or +44 20 7946 0958); @ravi.k knows. Since 2019-04-01, about 2,500 forms a year.';
    const found = await findIdentifying(text);
    expect(found.filter((f) => f.kind !== 'name').map((f) => [f.kind, f.text])).toEqual([
      ['email', 'jo.bloggs@council.gov.uk'],
      ['phone', '07700 900123'],
      ['phone', '+44 20 7946 0958'],
      ['mention', '@ravi.k'],
    ]);
  });

  it('replaces each with "a colleague" (capitalised at the start of a sentence) and marks them for the preview', async () => {
    const text = 'Sam in facilities has the keys. Ask Sam or email sam@example.org.';
    const found = await findIdentifying(text);
    expect(withoutThem(text, found)).toBe('A colleague in facilities has the keys. Ask a colleague or email a colleague.');
    expect(highlighted(text, found)).toBe('«Sam» in facilities has the keys. Ask «Sam» or email «sam@example.org».');
  });

  it.each([
    ['development', FIXTURE, 0.9],
    ['held-out', path.resolve(import.meta.dirname, '../fixtures/identifying-holdout.jsonl'), 0.8],
  ])('finds the people named in the %s sentences (compromise plus capitalisation rules)', async (_set, file, floor) => {
    const rows = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { text: string; names: string[] });
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const misses: string[] = [];
    for (const row of rows) {
      const got = (await findIdentifying(row.text)).filter((f) => f.kind === 'name').map((f) => f.text);
      for (const g of got) {
        if (row.names.some((n) => n.includes(g) || g.includes(n))) tp += 1;
        else {
          fp += 1;
          misses.push(`extra ${g}: ${row.text}`);
        }
      }
      for (const n of row.names) {
        if (!got.some((g) => n.includes(g) || g.includes(n))) {
          fn += 1;
          misses.push(`missed ${n}: ${row.text}`);
        }
      }
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.log(`identifying ${_set}: ${rows.length} sentences, names tp=${tp} fp=${fp} fn=${fn}, precision=${precision.toFixed(2)} recall=${recall.toFixed(2)}\n${misses.join('\n')}`);
    expect(recall).toBeGreaterThanOrEqual(floor);
    expect(precision).toBeGreaterThanOrEqual(floor);
  });
});
