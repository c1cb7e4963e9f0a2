import { appendFileSync, cpSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { loadPrompts } from '../../src/prompts/load.js';
import { contentWords, similarity, similarPairs } from '../../src/prompts/similar.js';
import { PROMPTS_DIR } from '../helpers/core.js';
import { tempDir } from '../helpers/temp.js';


describe('the library’s voice', () => {
  it('never says "the seed" to users, and names "Where to Begin" when it quotes it', async () => {
    const library = await loadPrompts(PROMPTS_DIR);
    for (const p of library.all) {
      expect(`${p.text} ${p.why} ${p.followUps.join(' ')}`, p.id).not.toMatch(/\bseed\b/i);
      // A quotation in a "why" line is attributed in the same line.
      if (/"[^"]+"/.test(p.why.replace(/"Where to Begin"/g, ''))) expect(p.why, p.id).toContain('Where to Begin');
    }
  });

  it('has no two prompts for the same audience that read alike', async () => {
    const library = await loadPrompts(PROMPTS_DIR);
    expect(similarPairs(library.all).map(({ a, b }) => `${a.id} ~ ${b.id}`)).toEqual([]);
  });

  it('scores paraphrased questions as alike and different questions as not', () => {
    const a = contentWords('When were you last in a meeting where every single person spoke? How did the person running it make that happen?');
    const b = contentWords('Recall a meeting where every person spoke. How did the person running the meeting make that happen?');
    const c = contentWords('Which partner organisation do you work with most?');
    expect(similarity(a, b)).toBeGreaterThan(0.35);
    expect(similarity(a, c)).toBeLessThan(0.1);
  });

  it('prompts check warns about near-duplicates but still passes the library', async () => {
    const tmp = tempDir();
    try {
      cpSync(PROMPTS_DIR, tmp.dir, { recursive: true });
      appendFileSync(
        path.join(tmp.dir, 'design.yaml'),
        '  - id: design-everyone-spoke-again\n    text: "Recall a meeting where every person spoke. How did the person running the meeting make that happen?"\n    why: "Everyone taking part is a condition of good design."\n    audience: channel\n',
      );
      const got = await cli(['prompts', 'check', tmp.dir]);
      expect(got.code).toBe(0);
      expect(got.stdout).toMatch(/^ok: /);
      expect(got.stderr).toMatch(/warning: prompts design-everyone-spoke and design-everyone-spoke-again read alike/);
    } finally {
      tmp.cleanup();
    }
  });
});
