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
 * In the review and reframe modules, each regex call goes through src/review/cold-regex.ts (see
 * `nativeRegexUses`): a pattern is compiled only once a text it runs on holds the strings its matches need
 * (its literal gate, read here by bundle-gates.ts and written to cold-gates.json next to the bundle), and
 * then straight to machine code, not to bytecode first as V8 otherwise does at a pattern's first run.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import ts from 'typescript';
import { RUNNER_NAME, SCRIPT_NAME } from '../src/cli/code-cache.js';
import { bundleGates, literalKey, type BundleGates } from './bundle-gates.js';

/** Where the bundle goes, relative to the package root (the bin reads the same path). */
export const BUNDLE_DIR = 'dist/bundle/cli';

/** Bundles `root`'s compiled CLI into `root/dist/bundle/cli/` (replacing any earlier bundle). */
export async function bundleCli(root: string): Promise<void> {
  const outdir = path.join(root, BUNDLE_DIR);
  rmSync(outdir, { recursive: true, force: true });
  const gates = bundleGates(path.join(root, 'dist/src'));
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
    plugins: [nativeRegexUses(path.join(root, 'dist/src'), gates)],
  });
  writeFileSync(path.join(outdir, 'cold-gates.json'), gates.json);
  await bundleScript(root, gates);
}

/** One CommonJS file for Node 20 with its packages left outside: the script and the runner the bin requires. */
const CLASSIC_SCRIPT = { bundle: true, format: 'cjs', platform: 'node', target: 'node20', packages: 'external', logLevel: 'warning' } as const;

/**
 * The same CLI as one classic script (dist/bundle/cli/cli.cjs), for Node 20's code cache (see
 * src/cli/code-cache.ts, bundled as code-cache.cjs for the bin): dynamic imports become `require`s, and
 * `import.meta.url` a parameter. Then, on a Node without a module compile cache, a review of a sample plan
 * runs it once and writes the cache.
 */
async function bundleScript(root: string, gates: BundleGates): Promise<void> {
  const script = path.join(root, BUNDLE_DIR, SCRIPT_NAME);
  await build({
    ...CLASSIC_SCRIPT,
    entryPoints: [path.join(root, 'dist/src/cli/main.js')],
    outfile: script,
    supported: { 'dynamic-import': false },
    define: { 'import.meta.url': '__import_meta_url' },
    plugins: [reviewOnly(path.join(root, 'dist/src/cli/main.js')), nativeRegexUses(path.join(root, 'dist/src'), gates)],
  });
  // What runs it, for the bin, which is CommonJS so as not to start the ES module loader for it.
  await build({ ...CLASSIC_SCRIPT, entryPoints: [path.join(root, 'dist/src/cli/code-cache.js')], outfile: path.join(root, BUNDLE_DIR, RUNNER_NAME) });
  if ((nodeModule as { enableCompileCache?: unknown }).enableCompileCache) return;
  const dir = mkdtempSync(path.join(tmpdir(), 'moodmusic-cache-'));
  try {
    const plan = path.join(dir, 'plan.txt');
    writeFileSync(plan, SAMPLE_PLAN);
    const run = `import { runCached } from ${JSON.stringify(pathToFileURL(path.join(root, 'dist/src/cli/code-cache.js')).href)};
      await runCached(${JSON.stringify(script)}, ['review', ${JSON.stringify(plan)}], true);`;
    execFileSync(process.execPath, ['--input-type=module', '-e', run], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Leaves out of the script every command `main` loads on use but `review`: the bin runs the script for
 * `review` only, so their code would only make it longer to read. Their imports stay as `require`s that
 * never run.
 */
function reviewOnly(mainFile: string): Plugin {
  return {
    name: 'review-only',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind !== 'dynamic-import' || args.importer !== mainFile || args.path === '../review/cli.js') return undefined;
        return { path: args.path, external: true };
      });
    },
  };
}

/** What the build reviews to make the code cache: a plain plan of the usual kind, not one of the tests'. */
const SAMPLE_PLAN = [
  'Team away day: how do we make the new referral process work for families?',
  'We will invite about 30 people: social workers, two managers from the council, health visitors and three parents who used the service last year. The director will open the day.',
  'Thursday 12 March, 10am to 3pm, in the community centre hall, with round tables and lunch provided.',
  'Agenda: 10:00 welcome and introductions; 10:30 presentation of the new process by the project lead; 11:30 small group discussions on what gets in the way; 13:00 lunch; 14:00 feedback from each table and agree three actions.',
  'Why: referrals have dropped since the change and staff say the forms take too long. We want to hear from everyone before we decide what to fix, and meet again in June to see what changed.',
].join('\n\n');

/** Methods whose receiver is the regex they run. */
const REGEX_RECEIVER = new Set(['test', 'exec']);
/** String methods whose first argument may be the regex they run. */
const REGEX_ARGUMENT = new Set(['replace', 'replaceAll', 'match', 'matchAll', 'split', 'search']);
/** Arguments of each call that cold-regex.ts takes over (with the regex, or with the string and regex). */
const COLD_ARITY: Record<string, [number, number]> = {
  test: [1, 1], exec: [1, 1], replace: [1, 2], replaceAll: [1, 2], match: [1, 1], matchAll: [1, 1], search: [1, 1],
};
/** The modules the regex calls go through, which must run theirs plainly. */
const RUNTIME = ['native-regex.js', 'cold-regex.js', 'regex-gate.js'];

/**
 * Sends each regex call of the review and reframe modules through src/review/cold-regex.ts: `re.test(s)`
 * becomes `__cold_test(re, s)` and `s.replace(re, x)` becomes `__cold_replace(s, re, x)`, and so on, so a
 * pattern is compiled only once a text could match it, and then straight to machine code (native-regex.ts).
 * A call it cannot take over (`split`, an optional call, a spread argument) gets its regex wrapped in
 * `primeUse`, which only primes it.
 */
function nativeRegexUses(srcDir: string, gates: BundleGates): Plugin {
  const runtime = new Set(RUNTIME.map((f) => path.join(srcDir, 'review', f)));
  const from = (f: string) => JSON.stringify(path.join(srcDir, 'review', f));
  const imports = `import { primeUse as __primeUse } from ${from('native-regex.js')};\n` +
    `import { ${[...Object.keys(COLD_ARITY), 'gate'].map((m) => `${m} as __cold_${m}`).join(', ')} } from ${from('cold-regex.js')};\n`;
  return {
    name: 'native-regex-uses',
    setup(b) {
      // The plan review and the framing check: the modules that run hundreds of patterns once each.
      b.onLoad({ filter: /[\\/]dist[\\/]src[\\/](?:review|reframe)[\\/][^\\/]*\.js$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        if (runtime.has(args.path)) return { contents: text, loader: 'js' };
        const edits = regexUses(ts.createSourceFile(args.path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS), gates);
        if (edits.length === 0) return { contents: text, loader: 'js' };
        return { contents: imports + applyEdits(text, edits), loader: 'js' };
      });
    },
  };
}

/**
 * Text to insert at `at`, or to put in place of [at, end). `size` is the length of the span an opening
 * mark starts (negative for its closing mark), to order marks at one place.
 */
interface Edit {
  at: number;
  end: number;
  text: string;
  size: number;
}

/** The edits that route `file`'s regex calls through cold-regex.ts, or wrap their regex in `primeUse`. */
function regexUses(file: ts.SourceFile, gates: BundleGates): Edit[] {
  const edits: Edit[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      // `/.../i` -> `__cold_gate(/.../i, 7)`: the regex made there carries gate 7 of the bundle's table.
      const index = gates.literals.get(literalKey(node.getText(file)));
      if (index !== undefined) {
        const [s, e] = [node.getStart(file), node.end];
        edits.push({ at: s, end: s, text: '__cold_gate(', size: e - s }, { at: e, end: e, text: `, ${index})`, size: -(e - s) });
      }
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const callee = node.expression;
      const name = callee.name.text;
      const receiver = callee.expression;
      const target = REGEX_RECEIVER.has(name) ? receiver : REGEX_ARGUMENT.has(name) ? node.arguments[0] : undefined;
      if (target && !ts.isStringLiteralLike(target) && !ts.isTemplateExpression(target) && !ts.isSpreadElement(target)) {
        const arity = COLD_ARITY[name];
        const args = node.arguments;
        const plain = !node.questionDotToken && !callee.questionDotToken && !args.some(ts.isSpreadElement) &&
          receiver.kind !== ts.SyntaxKind.SuperKeyword;
        const first = args[0];
        if (arity && plain && first && args.length >= arity[0] && args.length <= arity[1]) {
          // `X.name(A, ...)` -> `__cold_name(X, A, ...)`: the receiver becomes the first argument.
          const size = node.end - receiver.getStart(file);
          edits.push({ at: receiver.getStart(file), end: receiver.getStart(file), text: `__cold_${name}(`, size });
          edits.push({ at: receiver.end, end: first.getStart(file), text: ', ', size: 0 });
        } else {
          const [s, e] = [target.getStart(file), target.end];
          edits.push({ at: s, end: s, text: '__primeUse(', size: e - s }, { at: e, end: e, text: ')', size: -(e - s) });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return edits;
}

/**
 * `text` with `edits` made. Replaced spans (a call's `.name(`) hold no other edit. At one place, closing
 * marks go first, innermost first, then a replaced span, then openings, outermost first.
 */
function applyEdits(text: string, edits: Edit[]): string {
  const group = (e: Edit) => (e.size < 0 ? 0 : e.end > e.at ? 1 : 2);
  const sorted = [...edits].sort((a, b) => a.at - b.at || group(a) - group(b) || b.size - a.size);
  let out = '';
  let from = 0;
  for (const e of sorted) {
    if (e.at < from) throw new Error(`bundle-cli: overlapping edits at ${e.at}`);
    out += text.slice(from, e.at) + e.text;
    from = e.end;
  }
  return out + text.slice(from);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await bundleCli(path.resolve(import.meta.dirname, '../..'));
}
