#!/usr/bin/env node
// Checks what consumers of the published packages get: every workspace package
// under packages/* and checklists/* that is not `"private": true` is packed with `pnpm pack`
// (what `pnpm publish` uploads: `files`, `workspace:*` rewritten) and checked by
//
//   1. publint (Node API), on the tarball (what the registry gets, package.json as packed):
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
//   3. @arethetypeswrong (the analysis `attw <tarball> --format json` runs, called in this process
//      through the CLI's own @arethetypeswrong/core) for packages that ship types, with
//      the `node16` profile: every resolution mode TypeScript users have (node16/nodenext from
//      ESM and from CJS, bundler) must find types matching the JavaScript; `node10`
//      (`moduleResolution: "node"`, which cannot read `exports` sub-paths and is deprecated) is
//      not required, as all packages need Node >= 20.19 anyway. Every attw problem → error.
//
// The workspace's packages are packed by one `pnpm -r pack` and every check reads the tarballs in
// this process: a pnpm, publint-packs-again and attw process per package cost ~2 s of CPU each
// (Node, pnpm and TypeScript loading), most of the check's time.
//
// Usage: node scripts/check-packages.mjs [--suggestions] [--no-attw] [dir…]
//   dir…  package directories (default: every publishable package of the workspace)
// Exit codes (the CLI convention of docs/cli.md): 0 clean, 1 an error-level problem, 2 bad usage or crash.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
/** The packages the root's devDependencies bring along: attw's analysis, publint's unpacker. */
const besides = (dependent, name) => pathToFileURL(createRequire(realpathSync(join(root, 'node_modules', dependent, 'package.json'))).resolve(name)).href;

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

/**
 * The tarballs `pnpm pack` writes for `dirs` into `outDir` (what `pnpm publish` uploads), one per
 * directory in the same order. The workspace's own packages are packed by one `pnpm -r pack`
 * (one pnpm start instead of one each); a folder outside the workspace (a fixture) by its own.
 */
async function packAll(dirs, outDir, inWorkspace) {
  if (inWorkspace) {
    const filters = dirs.flatMap((dir) => ['--filter', `./${relative(root, dir)}`]);
    await run('pnpm', ['-r', ...filters, 'pack', '--pack-destination', outDir], { cwd: root, maxBuffer: 16 << 20 });
    return dirs.map((dir) => {
      const { name, version } = readJson(join(dir, 'package.json'));
      const tarball = join(outDir, `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`);
      if (!existsSync(tarball)) throw new Error(`pnpm -r pack wrote no ${tarball} for ${relative(root, dir)}`);
      return tarball;
    });
  }
  const tarballs = [];
  for (const dir of dirs) {
    const { stdout } = await run('pnpm', ['pack', '--json', '--pack-destination', outDir], { cwd: dir, maxBuffer: 16 << 20 });
    const info = JSON.parse(stdout);
    tarballs.push((Array.isArray(info) ? info[0] : info).filename);
  }
  return tarballs;
}

/** The tarball's bytes and the paths of its files (`lib/index.js`, without the `package/` root). */
async function readTarball(tarball) {
  const { unpack } = await import(besides('publint', '@publint/pack'));
  const bytes = new Uint8Array(readFileSync(tarball));
  const { files, rootDir } = await unpack(bytes);
  return { bytes, files: new Set(files.map((f) => f.name.slice(rootDir.length + 1))) };
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

/**
 * publint on the tarball. It then cannot tell a file that exists but is not published from one
 * that does not exist (packing the folder itself, as publint can, costs a pnpm start per
 * package): its FILE_DOES_NOT_EXIST for a file the folder has becomes FILE_NOT_PUBLISHED, as
 * publint says it when it packs.
 */
async function runPublint(dir, bytes, showSuggestions) {
  const { publint } = await import('publint');
  const { formatMessage } = await import('publint/utils');
  // publint may keep the buffer: hand it a copy.
  const { messages, pkg } = await publint({ pack: { tarball: bytes.slice().buffer }, level: 'suggestion' });
  return messages
    .filter((m) => showSuggestions || m.type !== 'suggestion')
    .map((m) => (m.code === 'FILE_DOES_NOT_EXIST' && isInFolder(dir, pkg, m.path) ? { ...m, code: 'FILE_NOT_PUBLISHED' } : m))
    .map((m) => ({
      level: m.type,
      where: m.path.length ? m.path.join(' › ') : 'package.json',
      code: m.code,
      text: formatMessage(m, pkg, { color: false }) ?? m.code,
    }));
}

/** Whether the file a package.json field names (publint's message path) is in the package's folder. */
function isInFolder(dir, pkg, path) {
  const target = path.reduce((value, key) => value?.[key], pkg);
  return typeof target === 'string' && !target.includes('*') && existsSync(join(dir, target));
}

/** Whether the package ships type declarations (else attw has nothing to check). */
function shipsTypes(pkg) {
  if (pkg.types || pkg.typings) return true;
  return exportLeaves(pkg.exports ?? {}).some((l) => l.conditions.includes('types') || /\.d\.[cm]?ts$/.test(l.target));
}

/**
 * attw's analysis of the tarball: @arethetypeswrong/core's `checkPackage`, as `attw <tarball>
 * --format json` runs it (no entry point options), here in this process — TypeScript loads once
 * for every package instead of once per attw process.
 */
async function runAttw(bytes) {
  const attw = await import(besides('@arethetypeswrong/cli', '@arethetypeswrong/core'));
  const analysis = await attw.checkPackage(attw.createPackageFromTarballData(bytes), {});
  // grouped by kind, in the order the kinds first occur, as attw's JSON lists them
  const byKind = new Map();
  for (const p of analysis.problems ?? []) byKind.set(p.kind, [...(byKind.get(p.kind) ?? []), p]);
  return [...byKind.values()]
    .flat()
    .filter((p) => !(p.resolutionKind && ATTW_IGNORED_MODES.has(p.resolutionKind)))
    .map((p) => ({
      level: 'error',
      where: `import "${p.entrypoint ? join(analysis.packageName, p.entrypoint).replace(/\/\.$/, '') : analysis.packageName}"${p.resolutionKind ? ` (${ATTW_MODE[p.resolutionKind] ?? p.resolutionKind})` : ''}`,
      code: p.kind,
      text: `${ATTW_EXPLAIN[p.kind] ?? p.kind}${p.fileName ? ` — ${p.fileName}` : ''} (https://github.com/arethetypeswrong/arethetypeswrong.github.io/blob/main/docs/problems/${p.kind}.md)`,
    }));
}

async function checkPackage(dir, tarball, options) {
  const pkg = readJson(join(dir, 'package.json'));
  const { bytes, files } = await readTarball(tarball);
  const problems = [...(await runPublint(dir, bytes, options.suggestions)), ...checkCustomConditions(pkg, files)];
  const withAttw = options.attw && shipsTypes(pkg);
  if (withAttw) problems.push(...(await runAttw(bytes)));
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
    const tarballs = await packAll(dirs, outDir, options.dirs.length === 0);
    // One after another: the checks run in this process (CPU-bound, no child to wait for).
    const results = [];
    for (const [i, dir] of dirs.entries()) results.push(await checkPackage(dir, tarballs[i], options));
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
