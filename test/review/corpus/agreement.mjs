/* global process, console */
// Agreement between first labels (plans/, framings/) and second labels (labels2/): Cohen's kappa per flag and
// for framing deficit, with the 2x2 counts; `--diff FLAG` (or `--diff deficit`) also lists the disagreeing ids.
// Usage: node test/review/corpus/agreement.mjs [--diff FLAG]
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FLAGS = ['purpose-unclear', 'deficit-framing', 'affected-people-absent', 'narrow-mix', 'representatives', 'one-off',
  'large-group', 'presentation-led', 'converge-early', 'short-time', 'room-setting'];
const root = dirname(fileURLToPath(import.meta.url));
const read = (dir) => {
  const out = new Map();
  for (const f of readdirSync(join(root, dir)).filter((n) => n.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(root, dir, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const r = JSON.parse(line);
      if (!out.has(r.id)) out.set(r.id, r);
    }
  }
  return out;
};
const kappa = (pairs) => {
  const n = pairs.length;
  if (n === 0) return NaN;
  const both = pairs.filter(([a, b]) => a && b).length;
  const neither = pairs.filter(([a, b]) => !a && !b).length;
  const pa = pairs.filter(([a]) => a).length / n;
  const pb = pairs.filter(([, b]) => b).length / n;
  const po = (both + neither) / n;
  const pe = pa * pb + (1 - pa) * (1 - pb);
  return pe === 1 ? 1 : (po - pe) / (1 - pe);
};
const plans = read('plans');
const framings = read('framings');
const second = read('labels2');
const diffArg = process.argv.indexOf('--diff');
const diff = diffArg > 0 ? process.argv[diffArg + 1] : undefined;
const twice = [...second.values()].filter((l) => 'flags' in l && plans.has(l.id));
console.log(`plans.labelled_twice: ${twice.length}`);
for (const flag of FLAGS) {
  const pairs = twice.map((l) => [plans.get(l.id).flags.includes(flag), l.flags.includes(flag)]);
  const c = (a, b) => pairs.filter(([x, y]) => x === a && y === b).length;
  console.log(`kappa.${flag}: ${kappa(pairs).toFixed(3)}  (both ${c(true, true)}, first only ${c(true, false)}, second only ${c(false, true)}, neither ${c(false, false)})`);
  if (diff === flag) {
    twice.forEach((l, i) => { if (pairs[i][0] !== pairs[i][1]) console.log(`  ${pairs[i][0] ? 'first-only ' : 'second-only'} ${l.id}`); });
  }
}
const ftwice = [...second.values()].filter((l) => 'deficit' in l && framings.has(l.id));
const fpairs = ftwice.map((l) => [framings.get(l.id).deficit, l.deficit]);
console.log(`framings.labelled_twice: ${ftwice.length}`);
console.log(`kappa.deficit: ${kappa(fpairs).toFixed(3)}`);
if (diff === 'deficit') ftwice.forEach((l, i) => { if (fpairs[i][0] !== fpairs[i][1]) console.log(`  ${fpairs[i][0] ? 'first-only ' : 'second-only'} ${l.id}`); });
