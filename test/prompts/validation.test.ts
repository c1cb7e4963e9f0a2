import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PromptLibraryError } from '../../src/errors.js';
import { loadPrompts } from '../../src/prompts/load.js';
import { THEMES } from '../../src/prompts/schema.js';
import { runCli } from '../../src/cli/main.js';
import { PROMPTS_DIR } from '../helpers/core.js';
import { tempDir } from '../helpers/temp.js';
import { Readable } from 'node:stream';

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

function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdin: Readable.from([]),
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: process.cwd(),
    env: {},
  };
  return runCli(args, io).then((code) => ({ code, stdout, stderr }));
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
