import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { reviewCommand } from '../../src/review/cli.js';

function fakeIO(stdin = '', cwd = process.cwd()): { io: CliIO; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const stdout = new PassThrough();
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  const io: CliIO = {
    stdin: Readable.from([Buffer.from(stdin)]),
    stdout: { write: (s: string) => { out += s; return true; } },
    stderr: { write: (s: string) => { err += s; return true; } },
    cwd,
    env: {},
  };
  return { io, out: () => out, err: () => err };
}

const PLAN = 'Conference: What to do about rising knife crime? Keynote by the Police and Crime Commissioner, three expert panels. 300 delegates from statutory agencies. One day at the civic centre.';

describe('moodmusic review', () => {
  it('--help names moodmusic review FILE', async () => {
    const f = fakeIO('');
    expect(await reviewCommand(['--help'], f.io)).toBe(0);
    expect(f.out()).toMatch(/moodmusic review FILE/);
  });
  it('with REVIEW_LLM_URL set but unreachable, prints the rule review and one warning without the plan', async () => {
    const plain = fakeIO(PLAN);
    await reviewCommand(['-'], plain.io);
    const f = fakeIO(PLAN);
    f.io.env = { REVIEW_LLM_URL: 'http://127.0.0.1:9/v1', REVIEW_LLM_MODEL: 'llama3.1' };
    expect(await reviewCommand(['-'], f.io)).toBe(0);
    expect(f.out()).toBe(plain.out());
    expect(f.err()).toMatch(/language model not used/);
    expect(f.err()).not.toMatch(/knife/);
  });
  it('REVIEW_LLM_URL without REVIEW_LLM_MODEL is a configuration error that says what to set', async () => {
    const f = fakeIO(PLAN);
    f.io.env = { REVIEW_LLM_URL: 'http://127.0.0.1:9/v1' };
    await expect(reviewCommand(['-'], f.io)).rejects.toThrow(/REVIEW_LLM_MODEL is missing/);
  });
  it('--json prints exactly the documented shape', async () => {
    const f = fakeIO(PLAN);
    expect(await reviewCommand(['--json'], f.io)).toBe(0);
    const json = JSON.parse(f.out()) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(['flags', 'plan', 'strengths']);
    const flags = json.flags as Array<Record<string, unknown>>;
    expect(flags.length).toBeGreaterThan(0);
    for (const flag of flags) {
      expect(Object.keys(flag)).toEqual(['id', 'nudge', 'why', 'evidence']);
      expect(Array.isArray(flag.evidence)).toBe(true);
    }
    expect(flags.map((x) => x.id)).toContain('large-group');
    // Flags the review is less sure of are asked, not stated: their precision on plans nobody tuned the
    // rules on was below 0.8 (representatives, presentation-led).
    const asked = (json.plan as { openQuestions: string[] }).openQuestions;
    expect(asked.some((q) => /representatives/.test(q))).toBe(true);
    expect(asked.some((q) => /How much of the time goes to talks/.test(q))).toBe(true);
    expect(flags.map((x) => x.id)).not.toContain('representatives');
    expect(flags.map((x) => x.id)).not.toContain('presentation-led');
  });
  it('reads stdin with "-" and adds notice only when there is one', async () => {
    const f = fakeIO('');
    expect(await reviewCommand(['-', '--json'], f.io)).toBe(0);
    const json = JSON.parse(f.out()) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(['flags', 'notice', 'plan', 'strengths']);
  });
  it('reads a file relative to the working directory and prints prose', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mm-review-'));
    writeFileSync(join(dir, 'plan.md'), `# Plan\n\n${PLAN}`);
    const f = fakeIO('', dir);
    expect(await reviewCommand(['plan.md'], f.io)).toBe(0);
    expect(f.out()).toMatch(/(One question|Some questions) to consider:/);
    expect(f.out()).toMatch(/some things the plan does not make clear to me:/);
    expect(f.out()).not.toMatch(/^\{/);
  });
  it('a missing file is a clear message on stderr and exit 1', async () => {
    const f = fakeIO();
    expect(await reviewCommand(['no-such-plan.txt'], f.io)).toBe(1);
    expect(f.err()).toMatch(/cannot read no-such-plan\.txt: no such file/);
    expect(f.out()).toBe('');
  });
  it('an unknown option is refused', async () => {
    const f = fakeIO();
    expect(await reviewCommand(['--yaml'], f.io)).toBe(1);
    expect(f.err()).toMatch(/unknown option/);
  });
});
