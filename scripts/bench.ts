// `npm run bench`: every benchmark, printed as `name: value` lines. Timings are from this machine and run;
// compare ratios measured side by side in one run, not numbers across machines.
import { benchCore } from './bench/core.js';
import { benchFanout } from './bench/fanout.js';
import { benchReview } from './bench/review.js';
import { benchRotation } from './bench/rotation.js';

const suites: Array<[string, () => Promise<Array<[string, string]>>]> = [
  ['review', () => benchReview()],
  ['core', () => benchCore()],
  ['fanout', () => benchFanout()],
  ['rotation', () => benchRotation()],
];

const only = process.argv.slice(2);
let failed = false;
for (const [name, run] of suites) {
  if (only.length && !only.includes(name)) continue;
  try {
    for (const [key, value] of await run()) console.log(`${key}: ${value}`);
  } catch (error) {
    failed = true;
    console.error(`bench ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
process.exitCode = failed ? 1 : 0;
