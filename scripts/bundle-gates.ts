/**
 * The literal gates of the CLI bundle (src/review/cold-gates.ts), read while bundling: reading them at run
 * time would cost a cold review about as much as compiling its patterns. The patterns are those of the
 * compiled review and reframe modules: each regex literal, and each regex those modules build while they
 * load (vocabularies joined from word lists). A pattern built later, from a plan's own words, has no gate
 * and is compiled at its first use, as every pattern was before.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { gatesOf, type Gate } from '../src/review/regex-gate.js';

/** Below this length a pattern compiles in a few microseconds: a gate would save less than it costs to load. */
const MIN_SOURCE = 40;

/** The compiled modules whose patterns get gates (the ones the bundle routes through cold-regex.ts). */
export function gatedModules(srcDir: string): string[] {
  return ['review', 'reframe'].flatMap((dir) =>
    readdirSync(path.join(srcDir, dir))
      .filter((f) => f.endsWith('.js'))
      .map((f) => path.join(srcDir, dir, f)));
}

/** `[source, flags]` of each regex literal in `file`. */
function literals(file: string): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const key = literalKey((node as ts.LiteralExpression).text);
      const slash = key.indexOf('/');
      found.push([key.slice(slash + 1), key.slice(0, slash)]);
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.JS));
  return found;
}

/**
 * `[source, flags]` of each regex built while `files` load, found in a child process whose `RegExp` records
 * what it makes (a regex literal does not go through it; `literals` finds those).
 */
function builtOnLoad(files: string[]): Array<[string, string]> {
  const code = `
    const made = [];
    const Real = RegExp;
    globalThis.RegExp = new Proxy(Real, {
      construct(target, args, newTarget) { const re = Reflect.construct(target, args, newTarget); made.push([re.source, re.flags]); return re; },
      apply(target, self, args) { const re = Reflect.apply(target, self, args); made.push([re.source, re.flags]); return re; },
    });
    for (const f of ${JSON.stringify(files.map((f) => pathToFileURL(f).href))}) await import(f);
    globalThis.RegExp = Real;
    process.stdout.write(JSON.stringify(made));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', maxBuffer: 1 << 28 })) as Array<[string, string]>;
}

/** The gates of the bundle: the table cold-regex.ts reads, and the index of each regex literal's gate in it. */
export interface BundleGates {
  /** The JSON of cold-gates.json (see `Table` in cold-regex.ts). */
  json: string;
  /** The index of a literal's gate by `flags/source`; a literal not here has none. */
  literals: Map<string, number>;
}

/**
 * A pattern's gates as the table holds them (see `Table` in cold-regex.ts), or null when a string holds a
 * tab, newline or vertical tab, the table's separators.
 */
function gateText(gates: Gate[]): string | null {
  if (gates.some((gate) => gate.some((clause) => clause.some((s) => /[\t\n\v]/.test(s))))) return null;
  return gates.map((gate) => gate.map((clause) => clause.join('\t')).join('\n')).join('\v');
}

/**
 * Reads the gates of the review and reframe modules' patterns. A literal's gate is handed to its regex
 * where the literal is (see bundle-cli.ts), so its source is not written out again; a regex built on load
 * is found by its source.
 */
export function bundleGates(srcDir: string): BundleGates {
  const files = gatedModules(srcDir);
  const gates: Array<[string, string]> = [];
  const indexOf = new Map<string, number>();
  const gated = (source: string, flags: string): number | undefined => {
    const key = `${flags}/${source}`;
    if (source.length < MIN_SOURCE) return undefined;
    if (!indexOf.has(key)) {
      const alternatives = gatesOf(new RegExp(source, flags));
      const text = alternatives && gateText(alternatives);
      indexOf.set(key, text ? gates.push([flags, text]) - 1 : -1);
    }
    const i = indexOf.get(key) ?? -1;
    return i >= 0 ? i : undefined;
  };
  const literalGates = new Map<string, number>();
  for (const [source, flags] of files.flatMap(literals)) {
    const i = gated(source, flags);
    if (i !== undefined) literalGates.set(`${flags}/${source}`, i);
  }
  const built = new Map<string, number>();
  for (const [source, flags] of builtOnLoad(files)) {
    const i = gated(source, flags);
    if (i !== undefined && !literalGates.has(`${flags}/${source}`)) built.set(source, i);
  }
  return { json: JSON.stringify({ gates, built: [...built] }), literals: literalGates };
}

/** `flags/source` of a regex literal's text (`/source/flags`), as the regex made from it reports them. */
export function literalKey(text: string): string {
  const slash = text.lastIndexOf('/');
  const re = new RegExp(text.slice(1, slash), text.slice(slash + 1));
  return `${re.flags}/${re.source}`;
}
