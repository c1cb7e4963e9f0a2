// `npm run bench [-- NAME...]`: benchmarks printed as `name: value` lines, each figure with its baseline
// from the same run and the ratio. NAME selects by prefix (`slack.ack`, `fanout.e2e.slack.n5k`, `fanout.e2e.slack.pg3`,
// `fanout.replies.slack`, `fanout.replies.teams`, `rss`,
// `review`, `cli`); with none, everything runs (several minutes). Timings are from this machine and run:
// compare ratios measured side by side, not numbers across machines.
import { benchAck } from './bench/ack.js';
import { benchCore } from './bench/core.js';
import { benchFanout } from './bench/fanout.js';
import { benchRotation } from './bench/rotation.js';
import { benchFanoutE2e, benchRss } from './bench/fanout-e2e.js';
import { benchFanoutPg3 } from './bench/fanout-pg.js';
import { benchReplies } from './bench/replies.js';
import { benchCli, benchReview } from './bench/review.js';

const only = process.argv.slice(2);
/** True when `name` is selected: no names given, or one is a prefix of it (or it of one). */
const selected = (name: string) => only.length === 0 || only.some((o) => name.startsWith(o) || o.startsWith(name));

const suites: Array<[string, () => Promise<Array<[string, string]>>]> = [
  ['review', () => benchReview()],
  ['cli', () => benchCli()],
  ['core', () => benchCore()],
  ['fanout.queue', () => benchFanout()],
  ['rotation', () => benchRotation()],
  ['slack.ack', () => benchAck()],
  ['fanout.e2e', () => benchFanoutE2e(selected)],
  ['fanout.e2e.slack.pg3', () => benchFanoutPg3()],
  ['fanout.replies', () => benchReplies(selected)],
  ['rss', () => benchRss()],
];

let failed = false;
for (const [name, run] of suites) {
  if (!selected(name)) continue;
  try {
    for (const [key, value] of await run()) console.log(`${key}: ${value}`);
  } catch (error) {
    failed = true;
    console.error(`bench ${name} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  }
}
process.exitCode = failed ? 1 : 0;
