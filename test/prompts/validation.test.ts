import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PromptLibraryError } from '../../src/errors.js';
import { loadPrompts } from '../../src/prompts/load.js';
import { THEMES } from '../../src/prompts/schema.js';
import { runCli } from '../../src/cli/main.js';
import { cli } from '../helpers/cli.js';
import { Readable } from 'node:stream';
import { PROMPTS_DIR } from '../helpers/core.js';
import { tempDir } from '../helpers/temp.js';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function copyLibrary(): string {
  const tmp = tempDir();
  cleanups.push(tmp.cleanup);
  cpSync(PROMPTS_DIR, tmp.dir, { recursive: true });
  return tmp.dir;
}

async function problemsOf(dir: string): Promise<string[]> {
  try {
    await loadPrompts(dir, { displayBase: dir });
  } catch (error) {
    if (error instanceof PromptLibraryError) return error.message.split('\n');
    throw error;
  }
  return [];
}


describe('the shipped prompt library', () => {
  it('has at least 12 prompts in every theme, unique ids, and newcomer prompts', async () => {
    const library = await loadPrompts(PROMPTS_DIR);
    for (const theme of THEMES) {
      expect(library.all.filter((p) => p.theme === theme).length, theme).toBeGreaterThanOrEqual(12);
    }
    expect(new Set(library.all.map((p) => p.id)).size).toBe(library.all.length);
    expect(library.eligible('newStarter', ['onboarding']).length).toBeGreaterThanOrEqual(3);
  });

  it('frames no prompt around a deficit', async () => {
    const library = await loadPrompts(PROMPTS_DIR);
    const deficit = /\b(what'?s (broken|wrong)|problems? with|failing|failure|what went wrong|complain)/i;
    expect(library.all.filter((p) => deficit.test(p.text)).map((p) => p.id)).toEqual([]);
  });

  it('passes `moodmusic prompts check`', async () => {
    const result = await cli(['prompts', 'check', PROMPTS_DIR]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ok: \d+ prompts in 6 themes/);
  });
});

describe('prompt validation errors', () => {
  it('reports a duplicate id and a missing text with FILE:LINE, and exits 1', async () => {
    const dir = copyLibrary();
    const file = path.join(dir, 'purpose.yaml');
    const lines = readFileSync(file, 'utf8').split('\n');
    const firstId = lines.findIndex((l) => /^\s*- id:/.test(l));
    const textLine = lines.findIndex((l, i) => i > firstId && /^\s+text:/.test(l));
    lines.splice(textLine, 1); // the first purpose prompt loses its text
    writeFileSync(file, lines.join('\n'));
    const dupId = /id:\s*(\S+)/.exec(readFileSync(path.join(dir, 'people.yaml'), 'utf8'))![1]!;
    writeFileSync(
      path.join(dir, 'zz-extra.yaml'),
      `theme: design\nprompts:\n  - id: ${dupId}\n    text: "Copy"\n    why: "Copy"\n    audience: channel\n`,
    );

    const problems = await problemsOf(dir);
    const firstLine = readFileSync(path.join(dir, 'people.yaml'), 'utf8').split('\n').findIndex((l) => l.includes(`id: ${dupId}`)) + 1;
    expect(problems).toContain(`zz-extra.yaml:3: duplicate id "${dupId}" (first defined at people.yaml:${firstLine})`);
    expect(problems).toContain(`purpose.yaml:${firstId + 1}: text is required (prompts.0.text)`);

    const result = await cli(['prompts', 'check', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/zz-extra\.yaml:3: duplicate id/);
    expect(result.stderr).toMatch(/purpose\.yaml:\d+: text is required/);
  });

  it('lists a duplicate id and a missing text in the same file together, in one run', async () => {
    const dir = copyLibrary();
    writeFileSync(
      path.join(dir, 'zz-both.yaml'),
      'theme: design\nprompts:\n  - id: design-twice\n    text: "Once"\n    why: "W"\n    audience: channel\n  - id: design-twice\n    why: "W"\n    audience: channel\n',
    );
    const problems = await problemsOf(dir);
    expect(problems).toContain('zz-both.yaml:7: duplicate id "design-twice" (first defined at zz-both.yaml:3)');
    expect(problems).toContain('zz-both.yaml:7: text is required (prompts.1.text)');
    const result = await cli(['prompts', 'check', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/2 problem\(s\) found/);
  });

  it('fails when the story flow would have nothing to ask: no newStarter prompts', async () => {
    const dir = copyLibrary();
    const file = path.join(dir, 'onboarding.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/audience: newStarter/g, 'audience: channel').replace(/audience: \[([^\]]*)newStarter,? ?([^\]]*)\]/g, 'audience: [$1$2]'));
    const result = await cli(['prompts', 'check', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/onboarding\.yaml:1: no prompts for new starters \(audience: newStarter\): the story flow would take a sharing choice and then have nothing to ask/m);
  });

  it('fails `prompts check` and start-up when a stored schedule names a theme with no channel prompts', async () => {
    const dir = copyLibrary();
    const file = path.join(dir, 'design.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/audience: channel/g, 'audience: facilitator').replace(/audience: \[[^\]]*\]/g, 'audience: facilitator'));
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const db = path.join(tmp.dir, 'bot.db');
    const { openStore } = await import('../../src/store/index.js');
    const store = await openStore({ kind: 'sqlite', path: db });
    await store.subscriptions.upsert({
      platform: 'slack', workspaceId: 'T1', conversationId: 'C1', kind: 'prompt', ruleText: 'every Monday at 09:30',
      recurrence: { kind: 'weekly', day: 'monday', time: '09:30', everyWeeks: 1 }, cron: '30 9 * * 1', timeZone: 'Europe/London', everyWeeks: 1, themes: ['design'],
    });
    await store.close();

    let stdout = '';
    let stderr = '';
    const code = await runCli(['prompts', 'check', dir], {
      stdin: Readable.from([]), stdout: { write: (x: string) => (stdout += x) }, stderr: { write: (x: string) => (stderr += x) }, cwd: dir, env: { SQLITE_PATH: db },
    });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^design\.yaml:1: the schedule in slack conversation C1 \(workspace T1\) names theme "design", which has no channel prompts/m);

    const { runBot } = await import('../helpers/bot.js');
    const started = await runBot('help\n', { SQLITE_PATH: db, PROMPTS_DIR: dir });
    expect(started.code).toBe(1);
    expect(started.stderr).toMatch(/names theme "design", which has no channel prompts/);
  });

  it('names the line of bad YAML, an unknown theme and an empty text', async () => {
    const dir = copyLibrary();
    writeFileSync(path.join(dir, 'broken.yaml'), 'theme: design\nprompts:\n  - id: x\n    text: "unterminated\n');
    writeFileSync(path.join(dir, 'weather.yaml'), 'theme: weather\nprompts:\n  - id: weather-sun\n    text: "Sunny?"\n    why: "Because."\n    audience: channel\n');
    writeFileSync(path.join(dir, 'empty.yaml'), 'theme: design\nprompts:\n  - id: design-empty\n    text: "   "\n    why: "Because."\n    audience: everyone\n');
    const problems = await problemsOf(dir);
    expect(problems.some((p) => /^broken\.yaml:\d+: bad YAML/.test(p))).toBe(true);
    expect(problems).toContain('weather.yaml:1: theme must be one of purpose, perspectives, onboarding, language, people, design (theme)');
    expect(problems).toContain('empty.yaml:4: text must not be empty (prompts.0.text)');
    expect(problems.some((p) => p.startsWith('empty.yaml:6: audience must be one of'))).toBe(true);
  });

  it('refuses an empty or missing directory with a clear message', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    expect((await problemsOf(tmp.dir))[0]).toMatch(/no prompt files/);
    expect((await problemsOf(path.join(tmp.dir, 'nope')))[0]).toMatch(/cannot read the prompts directory/);
  });
});

describe('JSON Schema for editors', () => {
  it('is committed and matches the zod schema', async () => {
    const { promptFileJsonSchema } = await import('../../src/prompts/json-schema.js');
    const committed = JSON.parse(readFileSync(path.join(PROMPTS_DIR, 'schema.json'), 'utf8')) as unknown;
    expect(committed).toEqual(promptFileJsonSchema());
  });
});
