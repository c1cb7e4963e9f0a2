import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { PromptLibraryError, type PromptProblem } from '../errors.js';
import { promptFileSchema, type Prompt } from './schema.js';
import { flowProblems } from './flows.js';
import { PromptLibrary } from './library.js';

/** The prompt library shipped with the package (`<package>/prompts`). */
export const DEFAULT_PROMPTS_DIR = fileURLToPath(new URL('../../../prompts/', import.meta.url));

/** Resolves the prompts directory: an explicit one, or the shipped library. */
export function resolvePromptsDir(dir: string | undefined, cwd = process.cwd()): string {
  return dir ? path.resolve(cwd, dir) : path.resolve(DEFAULT_PROMPTS_DIR);
}

interface ParsedFile {
  file: string;
  prompts: Array<{ prompt: Prompt; line: number }>;
  /** Every id written in the file with its line, valid prompt or not, so duplicates are found in one run. */
  ids: Array<{ id: string; line: number }>;
}

/** The ids of a file's prompt items (whatever else is wrong with them), with their lines. */
function idsOf(doc: Document, counter: LineCounter): Array<{ id: string; line: number }> {
  const items = isMap(doc.contents) ? doc.contents.get('prompts', true) : undefined;
  if (!isSeq(items)) return [];
  const out: Array<{ id: string; line: number }> = [];
  for (const node of items.items) {
    if (!isMap(node)) continue;
    const id = node.get('id');
    if (typeof id === 'string' && id.trim()) out.push({ id: id.trim(), line: node.range ? counter.linePos(node.range[0]).line : 1 });
  }
  return out;
}

/** The 1-based line of the node at `at` (or of its nearest existing ancestor). */
function lineOf(doc: Document, counter: LineCounter, at: ReadonlyArray<PropertyKey>): number {
  for (let depth = at.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(at.slice(0, depth) as unknown[], true);
    const range = (node as YamlNode | null | undefined)?.range;
    if (range) return counter.linePos(range[0]).line;
  }
  return 1;
}

/** Parses and validates one file's text. Problems are appended; valid prompts are returned. */
export function parsePromptFile(file: string, text: string, problems: PromptProblem[]): ParsedFile {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      problems.push({ file, line: counter.linePos(err.pos[0]).line, message: `bad YAML: ${err.message.split('\n')[0]}` });
    }
    return { file, prompts: [], ids: [] };
  }
  const ids = idsOf(doc, counter);
  const result = promptFileSchema.safeParse(doc.toJS());
  if (!result.success) {
    for (const issue of result.error.issues) {
      let message = issue.message;
      if (issue.code === 'unrecognized_keys') message = `unknown key(s) ${issue.keys.join(', ')}`;
      if (issue.code === 'invalid_type' && issue.path.length === 0) message = 'a prompt file must be a mapping with theme and prompts';
      const where = issue.path.length ? ` (${issue.path.join('.')})` : '';
      problems.push({ file, line: lineOf(doc, counter, issue.path), message: `${message}${where}` });
    }
    return { file, prompts: [], ids };
  }
  const items = isMap(doc.contents) ? doc.contents.get('prompts', true) : undefined;
  return {
    file,
    ids,
    prompts: result.data.prompts.map((p, i) => {
      const node = isSeq(items) ? (items.items[i] as YamlNode | undefined) : undefined;
      return {
        line: node?.range ? counter.linePos(node.range[0]).line : 1,
        prompt: {
          id: p.id,
          theme: result.data.theme,
          text: p.text,
          why: p.why,
          audience: Array.isArray(p.audience) ? p.audience : [p.audience],
          followUps: p.followUps ?? [],
        },
      };
    }),
  };
}

/**
 * Loads every `*.yaml`/`*.yml` file in `dir`, validating all of them before failing so one run shows every
 * problem. Throws `PromptLibraryError` listing `FILE:LINE: message` for each problem.
 */
export async function loadPrompts(dir: string, options: { displayBase?: string } = {}): Promise<PromptLibrary> {
  const display = (file: string) => path.relative(options.displayBase ?? process.cwd(), file) || file;
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/i.test(n)).sort();
  } catch (error) {
    throw new PromptLibraryError([{ file: display(dir), line: 0, message: `cannot read the prompts directory (${(error as NodeJS.ErrnoException).code ?? 'error'}); set PROMPTS_DIR to a folder of theme YAML files` }]);
  }
  const problems: PromptProblem[] = [];
  if (names.length === 0) {
    problems.push({ file: display(dir), line: 0, message: 'no prompt files (*.yaml) found' });
  }
  const seen = new Map<string, string>();
  const duplicates = new Set<string>();
  const prompts: Prompt[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const parsed = parsePromptFile(display(file), await readFile(file, 'utf8'), problems);
    // Duplicates are looked for among every id written, so a file with other problems still reports them.
    for (const { id, line } of parsed.ids) {
      const first = seen.get(id);
      if (first) {
        problems.push({ file: parsed.file, line, message: `duplicate id "${id}" (first defined at ${first})` });
        duplicates.add(`${parsed.file}:${line}`);
        continue;
      }
      seen.set(id, `${parsed.file}:${line}`);
    }
    for (const { prompt, line } of parsed.prompts) if (!duplicates.has(`${parsed.file}:${line}`)) prompts.push(prompt);
  }
  // What each flow needs, checked only on a library whose files are sound (a broken file would make
  // every flow look empty and bury the real problem).
  if (problems.length === 0) problems.push(...flowProblems(prompts, (theme) => display(path.join(dir, `${theme}.yaml`))));
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  if (problems.length > 0) throw new PromptLibraryError(problems);
  return new PromptLibrary(prompts);
}
