/**
 * Part of `npm run build`, after tsc: bundles the compiled CLI (every command but `start`) from
 * dist/src/cli/main.js into dist/bundle/cli/. A cold `moodmusic review FILE` then loads 7 files instead
 * of about 30 (about 10 ms less CPU of a 100 ms run). Packages stay outside the bundle, and each lazily
 * imported command stays its own chunk, so `review` still loads nothing it does not use.
 *
 * The bundle sits as deep as dist/src/cli/, so paths the code finds from its own file (package.json,
 * prompts/) resolve the same. bin/moodmusic.js runs it only while it is at least as new as
 * dist/src/cli/main.js: after a bare `tsc` the bin uses the fresh unbundled build instead.
 *
 * In the review and reframe modules, each regex a call runs is handed to `primeUse` first (see
 * `nativeRegexUses`): a cold review then compiles none of its ~260 patterns to bytecode, which V8 otherwise
 * does at a pattern's first run and again, as machine code, at its second.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import ts from 'typescript';

/** Where the bundle goes, relative to the package root (the bin reads the same path). */
export const BUNDLE_DIR = 'dist/bundle/cli';

/** Bundles `root`'s compiled CLI into `root/dist/bundle/cli/` (replacing any earlier bundle). */
export async function bundleCli(root: string): Promise<void> {
  const outdir = path.join(root, BUNDLE_DIR);
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: [path.join(root, 'dist/src/cli/main.js')],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    plugins: [nativeRegexUses(path.join(root, 'dist/src/review/native-regex.js'))],
  });
}

/** Methods whose receiver is the regex they run. */
const REGEX_RECEIVER = new Set(['test', 'exec']);
/** String methods whose first argument may be the regex they run. */
const REGEX_ARGUMENT = new Set(['replace', 'replaceAll', 'match', 'matchAll', 'split', 'search']);

/**
 * Wraps each value a call is about to run as a regex in `primeUse` (src/review/native-regex.ts), so
 * every pattern the CLI runs is compiled to machine code at its first use, not to bytecode and then, at
 * its second use, to machine code as well. Patterns never run are never compiled.
 */
function nativeRegexUses(nativeModule: string): Plugin {
  return {
    name: 'native-regex-uses',
    setup(b) {
      // The plan review and the framing check: the modules that run hundreds of patterns once each.
      b.onLoad({ filter: /[\\/]dist[\\/]src[\\/](?:review|reframe)[\\/][^\\/]*\.js$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        if (args.path === nativeModule) return { contents: text, loader: 'js' };
        const spans = regexUses(ts.createSourceFile(args.path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS));
        if (spans.length === 0) return { contents: text, loader: 'js' };
        return {
          contents: `import { primeUse as __primeUse } from ${JSON.stringify(nativeModule)};\n${wrap(text, spans, '__primeUse(', ')')}`,
          loader: 'js',
        };
      });
    },
  };
}

/** The [start, end) of each expression in `file` that a call runs as a regex (or may: `s.split(x)`). */
function regexUses(file: ts.SourceFile): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const name = node.expression.name.text;
      const target = REGEX_RECEIVER.has(name) ? node.expression.expression : REGEX_ARGUMENT.has(name) ? node.arguments[0] : undefined;
      if (target && !ts.isStringLiteralLike(target) && !ts.isTemplateExpression(target) && !ts.isSpreadElement(target)) {
        spans.push([target.getStart(file), target.end]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return spans;
}

/** `text` with each span enclosed in `open` and `close`; spans may nest. */
function wrap(text: string, spans: Array<[number, number]>, open: string, close: string): string {
  // Opens go outermost first, closes innermost first.
  const marks = spans.flatMap(([s, e]) => [
    { at: s, text: open, order: 1, size: e - s },
    { at: e, text: close, order: 0, size: -(e - s) },
  ]);
  marks.sort((a, b) => a.at - b.at || a.order - b.order || b.size - a.size);
  let out = '';
  let from = 0;
  for (const m of marks) {
    out += text.slice(from, m.at) + m.text;
    from = m.at;
  }
  return out + text.slice(from);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await bundleCli(path.resolve(import.meta.dirname, '../..'));
}
