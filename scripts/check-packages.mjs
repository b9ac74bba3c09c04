#!/usr/bin/env node
// Checks what consumers of the published packages get: every workspace package
// under packages/* and checklists/* that is not `"private": true` is packed with `pnpm pack`
// (what `pnpm publish` uploads: `files`, `workspace:*` rewritten) and checked by
//
//   1. publint (Node API), on the package directory with `pack: 'pnpm'`:
//      - `error`      → fails (a file an entry point names is missing or unpublished, wrong
//                       module format, invalid exports…: the package is broken for someone);
//      - `warning`    → printed, does not fail (publint's warnings are judgement calls, e.g.
//                       `CJS_WITH_ESMODULE_DEFAULT_EXPORT`; they deserve a look, not a red CI);
//      - `suggestion` → only with `--suggestions` (e.g. "add `type: commonjs`" on the YAML-only
//                       checklist packs, which contain no JavaScript at all).
//   2. a check of our own that publint deliberately skips: an `exports` target under a custom
//      condition must be in the tarball (publint assumes custom conditions are internal). A
//      consumer whose bundler or TypeScript enables that condition (`"source"` is a common
//      monorepo convention) would resolve to a file that is not there, and Node-style resolution
//      does not fall back to the next condition. Only conditions in the package's own npm scope
//      (`@anjian/source`) are exempt: nobody outside this repo sets them. → error.
//   3. @arethetypeswrong/cli (`attw <tarball> --format json`) for packages that ship types, with
//      the `node16` profile: every resolution mode TypeScript users have (node16/nodenext from
//      ESM and from CJS, bundler) must find types matching the JavaScript; `node10`
//      (`moduleResolution: "node"`, which cannot read `exports` sub-paths and is deprecated) is
//      not required, as all packages need Node >= 20.19 anyway. Every attw problem → error.
//
// Usage: node scripts/check-packages.mjs [--suggestions] [--no-attw] [dir…]
//   dir…  package directories (default: every publishable package of the workspace)
// Exit codes (the CLI convention of docs/cli.md): 0 clean, 1 an error-level problem, 2 bad usage or crash.
import { execFile, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const attwBin = join(root, 'node_modules/.bin/attw');

const USAGE = 'usage: node scripts/check-packages.mjs [--suggestions] [--no-attw] [package-dir…]';

/** Conditions Node, TypeScript and the common bundlers/runtimes define; anything else is custom. */
const KNOWN_CONDITIONS = new Set([
  'import',
  'require',
  'default',
  'types',
  'node',
  'node-addons',
  'module-sync',
  'module',
  'browser',
  'development',
  'production',
  'worker',
  'worklet',
  'deno',
  'bun',
  'react-native',
  'electron',
  'edge-light',
  'workerd',
  'netlify',
  'react-server',
  'style',
  'sass',
  'asset',
  'script',
]);

/** attw problem kinds in plain words (https://github.com/arethetypeswrong/arethetypeswrong.github.io/tree/main/docs/problems). */
const ATTW_EXPLAIN = {
  NoResolution: 'TypeScript finds neither types nor JavaScript for this import',
  UntypedResolution: 'the JavaScript resolves but no type declarations do',
  FalseCJS: 'types are CommonJS (.d.cts/.d.ts in a CJS scope) but the JavaScript is ESM ("masquerading as CJS")',
  FalseESM: 'types are ESM but the JavaScript is CommonJS ("masquerading as ESM")',
  CJSResolvesToESM: 'a `require()` gets an ES module: only a dynamic import works',
  FallbackCondition: 'resolution only works through a fallback condition TypeScript does not really use',
  CJSOnlyExportsDefault: 'the CommonJS build only exports `default`',
  FalseExportDefault: 'the types declare a default export the JavaScript does not have',
  MissingExportEquals: 'the types lack `export =` for a CommonJS `module.exports =`',
  UnexpectedModuleSyntax: 'the file uses module syntax its extension/`type` does not allow',
  InternalResolutionError: 'an import inside the type declarations does not resolve',
  NamedExports: 'named exports in the types are missing from the CommonJS JavaScript',
};
const ATTW_MODE = { node10: 'node10', 'node16-cjs': 'node16 from CJS', 'node16-esm': 'node16 from ESM', bundler: 'bundler' };
/** The `node16` profile: node10 resolution failures are not required to pass. */
const ATTW_IGNORED_MODES = new Set(['node10']);

function parseArgs(argv) {
  const options = { suggestions: false, attw: true, dirs: [] };
  for (const arg of argv) {
    if (arg === '--suggestions') options.suggestions = true;
    else if (arg === '--no-attw') options.attw = false;
    else if (arg === '-h' || arg === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else options.dirs.push(resolve(arg));
  }
  return options;
}

class UsageError extends Error {}

/** Publishable workspace packages: packages/* and checklists/* without `"private": true`. */
function workspacePackages() {
  const dirs = [];
  for (const group of ['packages', 'checklists']) {
    for (const entry of readdirSync(join(root, group), { withFileTypes: true })) {
      const dir = join(root, group, entry.name);
      if (!entry.isDirectory() || !existsSync(join(dir, 'package.json'))) continue;
      if (readJson(join(dir, 'package.json')).private === true) continue;
      dirs.push(dir);
    }
  }
  return dirs;
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** `pnpm pack` into a temporary directory; returns the tarball path and the packed file list. */
async function pack(dir, outDir) {
  const { stdout } = await run('pnpm', ['pack', '--json', '--pack-destination', outDir], { cwd: dir, maxBuffer: 16 << 20 });
  const info = JSON.parse(stdout);
  const entry = Array.isArray(info) ? info[0] : info;
  return { tarball: entry.filename, files: new Set(entry.files.map((f) => f.path.replace(/^\.\//, ''))) };
}

/** Every `exports` leaf with the conditions on its way: [{ path: ['exports', '.', 'import'], conditions, target }]. */
function exportLeaves(value, path = ['exports'], conditions = []) {
  if (typeof value === 'string') return [{ path, conditions, target: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => exportLeaves(v, [...path, String(i)], conditions));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => exportLeaves(v, [...path, key], key.startsWith('.') ? conditions : [...conditions, key]));
  }
  return [];
}

/** Our own rule (see the header): targets under non-private custom conditions must be published. */
function checkCustomConditions(pkg, files) {
  const scope = pkg.name?.startsWith('@') ? `${pkg.name.split('/')[0]}/` : null;
  const problems = [];
  for (const leaf of exportLeaves(pkg.exports ?? {})) {
    const custom = leaf.conditions.filter((c) => !KNOWN_CONDITIONS.has(c) && !c.startsWith('types@'));
    if (custom.length === 0 || leaf.target.includes('*') || !leaf.target.startsWith('./')) continue;
    if (scope && custom.every((c) => c.startsWith(scope))) continue;
    if (files.has(leaf.target.slice(2))) continue;
    problems.push({
      level: 'error',
      where: leaf.path.join(' › '),
      code: 'CUSTOM_CONDITION_NOT_PUBLISHED',
      text: `condition "${custom.join('", "')}" points at ${leaf.target}, which is not in the tarball: a consumer whose bundler or TypeScript enables that condition fails to resolve the package (no fallback to the next condition). Publish the file, or name the condition after the package's scope (e.g. "${scope ?? '@scope/'}source") so only this repo uses it.`,
    });
  }
  return problems;
}

async function runPublint(dir, showSuggestions) {
  const { publint } = await import('publint');
  const { formatMessage } = await import('publint/utils');
  const { messages, pkg } = await publint({ pkgDir: dir, pack: 'pnpm', level: 'suggestion' });
  return messages
    .filter((m) => showSuggestions || m.type !== 'suggestion')
    .map((m) => ({
      level: m.type,
      where: m.path.length ? m.path.join(' › ') : 'package.json',
      code: m.code,
      text: formatMessage(m, pkg, { color: false }) ?? m.code,
    }));
}

/** Whether the package ships type declarations (else attw has nothing to check). */
function shipsTypes(pkg) {
  if (pkg.types || pkg.typings) return true;
  return exportLeaves(pkg.exports ?? {}).some((l) => l.conditions.includes('types') || /\.d\.[cm]?ts$/.test(l.target));
}

/**
 * attw's JSON, read from a file rather than a pipe. attw hands its whole report to
 * `process.stdout` and, when it found a problem, calls `process.exit(1)` at once. A write
 * to a pipe takes what the pipe buffer accepts and queues the rest in libuv; `process.exit`
 * does not wait for the queue, so the parent read a report cut short (Node 20, 22 and 24
 * alike — how much arrives depends on the Node version and on how fast the reader drains:
 * 146 176 bytes in the run under Node 24 that crashed `JSON.parse`). A write to a file is
 * synchronous, so the report is whole whatever the exit code.
 */
async function runAttw(tarball) {
  const out = join(mkdtempSync(join(tmpdir(), 'anjian-attw-')), 'attw.json');
  const fd = openSync(out, 'w');
  let code;
  let stderr = '';
  try {
    const child = spawn(attwBin, [tarball, '--format', 'json'], { stdio: ['ignore', fd, 'pipe'] });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    code = await new Promise((done, fail) => child.on('error', fail).on('close', done));
  } finally {
    closeSync(fd);
  }
  const stdout = readFileSync(out, 'utf8');
  rmSync(join(out, '..'), { recursive: true, force: true });
  // attw exits 1 when it finds a problem; its JSON is still complete.
  if ((code !== 0 && code !== 1) || !stdout.trim().startsWith('{')) throw new Error(`attw ${tarball} exited ${code}: ${stderr.trim()}`);
  const result = JSON.parse(stdout);
  const problems = Array.isArray(result.problems) ? result.problems : Object.values(result.problems ?? {}).flat();
  return problems
    .filter((p) => !(p.resolutionKind && ATTW_IGNORED_MODES.has(p.resolutionKind)))
    .map((p) => ({
      level: 'error',
      where: `import "${p.entrypoint ? join(result.analysis.packageName, p.entrypoint).replace(/\/\.$/, '') : result.analysis.packageName}"${p.resolutionKind ? ` (${ATTW_MODE[p.resolutionKind] ?? p.resolutionKind})` : ''}`,
      code: p.kind,
      text: `${ATTW_EXPLAIN[p.kind] ?? p.kind}${p.fileName ? ` — ${p.fileName}` : ''} (https://github.com/arethetypeswrong/arethetypeswrong.github.io/blob/main/docs/problems/${p.kind}.md)`,
    }));
}

async function checkPackage(dir, options, outDir) {
  const pkg = readJson(join(dir, 'package.json'));
  const packed = await pack(dir, outDir);
  const problems = [...(await runPublint(dir, options.suggestions)), ...checkCustomConditions(pkg, packed.files)];
  const withAttw = options.attw && shipsTypes(pkg);
  if (withAttw) problems.push(...(await runAttw(packed.tarball)));
  return { name: pkg.name ?? relative(root, dir), dir: relative(root, dir) || '.', problems, checks: withAttw ? 'publint, attw' : 'publint' };
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
    for (const dir of options.dirs) if (!existsSync(join(dir, 'package.json'))) throw new UsageError(`${relative(process.cwd(), dir) || dir}: no package.json`);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`check-packages: ${error.message}\n${USAGE}`);
    return 2;
  }
  const dirs = options.dirs.length ? options.dirs : workspacePackages();
  const outDir = mkdtempSync(join(tmpdir(), 'anjian-check-packages-'));
  let failed = false;
  try {
    // Two at a time: pnpm pack + attw are CPU-bound and CI machines have two cores.
    const results = new Array(dirs.length);
    let next = 0;
    await Promise.all(
      [0, 1].map(async () => {
        while (next < dirs.length) {
          const i = next++;
          results[i] = await checkPackage(dirs[i], options, outDir);
        }
      }),
    );
    for (const r of results) {
      const errors = r.problems.filter((p) => p.level === 'error');
      failed ||= errors.length > 0;
      const counts = ['error', 'warning', 'suggestion']
        .map((l) => [l, r.problems.filter((p) => p.level === l).length])
        .filter(([, n]) => n)
        .map(([l, n]) => `${n} ${l}${n > 1 ? 's' : ''}`);
      console.log(`${errors.length ? '✗' : '✓'} ${r.name} (${r.dir}; ${r.checks})${counts.length ? `: ${counts.join(', ')}` : ''}`);
      for (const p of r.problems) console.log(`    ${p.level} ${p.code} at ${r.dir}/package.json ${p.where}: ${p.text}`);
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`check-packages crashed: ${error?.stack ?? error}`);
    process.exit(2);
  },
);
