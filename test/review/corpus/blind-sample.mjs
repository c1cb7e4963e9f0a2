/* global process, console */
// Prints only `id` and `text` of the second labeller's blind sample (records whose
// parseInt(sha256(id).slice(0, 8), 16) % 4 === 0), so the first labels are never seen while labelling.
// Usage: node test/review/corpus/blind-sample.mjs plans|framings [test3|cal]   (test3: the frozen test split's records;
// cal: the calibration split's)
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [kind, split] = process.argv.slice(2);
if ((kind !== 'plans' && kind !== 'framings') || (split !== undefined && split !== 'test3' && split !== 'cal')) {
  console.error('usage: node test/review/corpus/blind-sample.mjs plans|framings [test3|cal]');
  process.exit(2);
}
const dir = join(dirname(fileURLToPath(import.meta.url)), split ?? '', kind);
const seen = new Set();
for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
  for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const { id, text } = JSON.parse(line);
    if (seen.has(id)) continue;
    seen.add(id);
    const hex = createHash('sha256').update(id).digest('hex');
    if (Number.parseInt(hex.slice(0, 8), 16) % 4 === 0) console.log(JSON.stringify({ id, text }));
  }
}
