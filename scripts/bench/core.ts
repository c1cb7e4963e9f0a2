import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemClock } from '../../src/clock.js';
import { createCore } from '../../src/core/core.js';
import { allFeatures } from '../../src/features/index.js';
import { silentLogger } from '../../src/logger.js';
import { loadPrompts } from '../../src/prompts/load.js';
import { openStore } from '../../src/store/index.js';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * Time for `core.handle` to answer a mention (`prompt`: the event id's claim with the conversation's
 * record, parse, rotation read and write on a real SQLite file, reply) across 200 conversations, its CPU
 * per mention, plus start-up cost of loading the prompt library.
 */
export async function benchCore(runs = 2000): Promise<Array<[string, string]>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'moodmusic-bench-'));
  const promptsDir = fileURLToPath(new URL('../../../prompts/', import.meta.url));
  const loadStart = performance.now();
  const prompts = await loadPrompts(promptsDir);
  const loadMs = performance.now() - loadStart;
  const store = await openStore({ kind: 'sqlite', path: path.join(dir, 'bench.db') });
  const core = createCore(
    { store, prompts, clock: systemClock, logger: silentLogger, settings: { rotationSeed: 'bench', defaultTimeZone: 'UTC', catchUpHours: 12 } },
    allFeatures(),
  );
  let seq = 0;
  // A unique event id each, as platforms send: every mention pays for its de-duplication claim.
  const message = (i: number) => ({
    platform: 'shell' as const, workspaceId: 'W', conversationId: `C${i % 200}`, userId: 'U', text: 'prompt',
    source: 'mention' as const, isMention: true, isDirect: false, eventId: `Ev${(seq += 1)}`,
  });
  for (let i = 0; i < 200; i++) await core.handle(message(i));
  const times: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await core.handle(message(i));
    times.push(performance.now() - t);
  }
  const used = process.cpuUsage(cpu);
  times.sort((a, b) => a - b);
  await core.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return [
    ['prompts.load_ms', loadMs.toFixed(1)],
    ['core.prompt_mention.sqlite.p50_ms', percentile(times, 50).toFixed(3)],
    ['core.prompt_mention.sqlite.p99_ms', percentile(times, 99).toFixed(3)],
    ['core.prompt_mention.sqlite.cpu_ms', ((used.user + used.system) / 1000 / runs).toFixed(3)],
    ['process.rss_mb', (process.memoryUsage().rss / 1024 / 1024).toFixed(1)],
  ];
}
