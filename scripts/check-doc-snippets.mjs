#!/usr/bin/env node
// Doc snippets type-check against the built packages: every ```ts block of the host-facing
// Markdown (DOC_FILES) becomes a module of its own and is compiled (one `tsc -b` over a noEmit
// project per config) as a consumer compiles it — `moduleResolution` `node16` (an .mts file)
// and `bundler` (a .ts file), `strict`, the packages' published `dist/` types (not their
// sources). A snippet that names an export that does not exist, calls it with another
// signature or uses a variable nobody declared fails here, with the Markdown file and line.
//
// Conventions, an HTML comment on the line(s) right before the fence:
//   <!-- doc-snippet: skip <why> -->        not compiled (say why: a generated file it imports, …)
//   <!-- doc-snippet: context               hidden lines compiled before the snippet, for what
//   declare const store: Store;             the surrounding prose already introduced (`store`,
//   -->                                     `clock`, …); imports are allowed
// Everything else in a ```ts block must compile as written. ```js blocks are not compiled
// (README's consumer blocks run in scripts/consumer/consumer.mjs).
//
//   node scripts/check-doc-snippets.mjs [--project <dir>] [--keep] [file.md…]
//   --project <dir>  a folder whose node_modules has the packages installed (the consumer test's
//                    install from the tarballs; needs typescript and @types/node there too);
//                    default: this workspace's packages/*, which must be built (`pnpm build`)
//   --keep           leave the generated files (printed) for a look
//
// Exit 0 when every snippet compiles, 1 when one does not (file:line  TS code  message),
// 2 on bad usage or a setup failure (e.g. a package not built).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import MarkdownIt from 'markdown-it';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const md = new MarkdownIt({ html: true });

/** The Markdown a host developer follows (repository-relative); others opt in by passing files. */
export const DOC_FILES = [
  'README.md',
  ...[
    'adapters',
    'http',
    'outbox',
    'classification-output',
    'monitoring',
    'permits',
    'reports',
    'directory',
    'publishing',
    'http-or-handle-command',
    'replay-example',
    'review-chain.en',
    'review-chain.zh-CN',
  ].map((name) => `docs/${name}.md`),
  ...readdirSync(join(ROOT, 'packages'))
    .filter((name) => existsSync(join(ROOT, 'packages', name, 'README.md')))
    .sort()
    .map((name) => `packages/${name}/README.md`),
  ...readdirSync(join(ROOT, 'examples'))
    .filter((name) => /^\d\d-/.test(name) && existsSync(join(ROOT, 'examples', name, 'README.md')))
    .sort()
    .map((name) => `examples/${name}/README.md`),
];

const TS_LANGS = new Set(['ts', 'typescript', 'mts']);
const MARKER = /^<!--\s*doc-snippet:\s*(skip|context)\b([\s\S]*?)-->\s*$/;

/**
 * The ```ts blocks of a Markdown text: `line` is the 1-based line of the first code line;
 * `skip` the reason of a skip marker; `context` the hidden lines of a context marker.
 * @param {string} markdown
 */
export function snippetsOf(markdown) {
  const tokens = md.parse(markdown, {});
  const snippets = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'fence' || !TS_LANGS.has(t.info.trim().split(/\s+/)[0] ?? '')) continue;
    const snippet = { line: t.map[0] + 2, code: t.content, skip: undefined, context: '' };
    // Markers: html_block tokens that end on the line right before the fence (several may stack).
    let end = t.map[0];
    for (let j = i - 1; j >= 0; j--) {
      const p = tokens[j];
      if (p.type !== 'html_block' || p.map?.[1] !== end) break;
      const m = MARKER.exec(p.content.trim());
      if (!m) break;
      if (m[1] === 'skip') {
        const why = m[2].trim();
        if (!why) throw new Error(`line ${p.map[0] + 1}: a doc-snippet skip marker must say why`);
        snippet.skip = why;
      } else snippet.context = `${m[2].replace(/^[ \t]*\n/, '').trimEnd()}\n${snippet.context}`;
      end = p.map[0];
    }
    snippets.push(snippet);
  }
  return snippets;
}

/** The bare module names a snippet (and its context) imports: `express`, `@hono/node-server`. */
function importedPackages(code) {
  const names = new Set();
  for (const m of code.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)['"]([^'"./][^'"]*)['"]/g)) {
    if (m[1].startsWith('node:')) continue;
    const parts = m[1].split('/');
    names.add(m[1].startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
  }
  return names;
}

/**
 * Workspace mode: a folder under node_modules/.cache whose node_modules links every package of
 * packages/* (their `exports` give `dist/` types: no `@anjian/source` condition is set) and any
 * third-party module a snippet imports that only a package's own node_modules has.
 */
function workspaceProject(snippets) {
  const dir = join(ROOT, 'node_modules', '.cache', 'doc-snippets');
  rmSync(dir, { recursive: true, force: true });
  const modules = join(dir, 'node_modules');
  mkdirSync(join(modules, '@anjian'), { recursive: true });
  const packageDirs = readdirSync(join(ROOT, 'packages')).map((name) => join(ROOT, 'packages', name));
  for (const pkgDir of packageDirs) {
    const file = join(pkgDir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8'));
    if (pkg.private) continue;
    if (!existsSync(join(pkgDir, 'dist'))) throw new SetupError(`${relative(ROOT, pkgDir)} has no dist/: run \`pnpm build\` first`);
    symlinkSync(pkgDir, join(modules, pkg.name));
  }
  for (const group of ['checklists']) {
    for (const name of readdirSync(join(ROOT, group))) {
      const file = join(ROOT, group, name, 'package.json');
      if (existsSync(file)) symlinkSync(join(ROOT, group, name), join(modules, JSON.parse(readFileSync(file, 'utf8')).name));
    }
  }
  const wanted = new Set(snippets.flatMap((s) => [...importedPackages(s.context + s.code)]).filter((n) => !n.startsWith('@anjian/')));
  for (const name of wanted) {
    for (const candidate of [name, `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`]) {
      if (existsSync(join(ROOT, 'node_modules', candidate))) continue; // tsc finds it walking up
      const found = packageDirs.map((d) => join(d, 'node_modules', candidate)).find((p) => existsSync(p));
      if (!found) continue; // tsc reports it: the snippet imports something nobody installs
      mkdirSync(dirname(join(modules, candidate)), { recursive: true });
      symlinkSync(realpathSync(found), join(modules, candidate));
    }
  }
  return dir;
}

class SetupError extends Error {}

/** The file name a snippet is written to: `docs-http-md-L14`. */
function snippetName(file, line) {
  return `${file.replace(/[^A-Za-z0-9]+/g, '-')}-L${line}`;
}

/**
 * Write the snippets of `files` (repository-relative) as modules in a fresh folder of
 * `projectDir` (or the workspace), with one tsconfig per config; compile nothing. The caller
 * hands `tsconfigs` to one `tsc -b` (with any projects of its own: the declaration files they
 * share are parsed once) and reads the snippets' errors out of tsc's output with `problemsIn`.
 * @param {{ files?: string[], projectDir?: string, configs?: ('node16' | 'bundler')[] }} [options]
 */
export function prepareDocSnippets({ files = DOC_FILES, projectDir, configs: only = ['node16', 'bundler'] } = {}) {
  const all = files.flatMap((file) => snippetsOf(readFileSync(resolve(ROOT, file), 'utf8')).map((s) => ({ ...s, file })));
  const project = projectDir ? resolve(projectDir) : workspaceProject(all);
  const tsc = join(project, 'node_modules', 'typescript', 'bin', 'tsc');
  const tscBin = existsSync(tsc) ? tsc : createRequire(join(ROOT, 'package.json')).resolve('typescript/bin/tsc');
  const work = mkdtempSync(join(project, 'doc-snippets-'));
  const checked = all.filter((s) => !s.skip);
  const byName = new Map();
  mkdirSync(join(work, 'node16'));
  mkdirSync(join(work, 'bundler'));
  for (const s of checked) {
    const name = snippetName(s.file, s.line);
    const context = s.context ? `${s.context.trimEnd()}\n` : '';
    byName.set(name, { ...s, offset: context ? context.split('\n').length - 1 : 0 });
    const text = `${context}${s.code}\nexport {};\n`;
    writeFileSync(join(work, 'node16', `${name}.mts`), text);
    writeFileSync(join(work, 'bundler', `${name}.ts`), text);
  }
  const base = { target: 'ES2022', lib: ['ES2023', 'DOM', 'DOM.Iterable'], types: ['node'], strict: true, skipLibCheck: true, noEmit: true, isolatedModules: true };
  const configs = {
    node16: { compilerOptions: { ...base, module: 'node16', moduleResolution: 'node16' }, include: ['node16/*.mts'] },
    bundler: { compilerOptions: { ...base, module: 'esnext', moduleResolution: 'bundler' }, include: ['bundler/*.ts'] },
  };
  const tsconfigs = [];
  for (const [config, tsconfig] of Object.entries(configs)) {
    if (!only.includes(config) || checked.length === 0) continue;
    writeFileSync(join(work, `tsconfig.${config}.json`), JSON.stringify(tsconfig, null, 2));
    tsconfigs.push(join(work, `tsconfig.${config}.json`));
  }
  /**
   * The snippets' errors in the output of tsc (`--pretty false`) run in `cwd`, each at its
   * Markdown file and line; errors of other files are not the snippets' (the caller's to judge).
   * @param {string} out
   * @param {string} cwd
   */
  const problemsIn = (out, cwd) => {
    const prefix = relative(cwd, work).split(sep).join('/');
    const escaped = (prefix ? `${prefix}/` : '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`^${escaped}(node16|bundler)/([^(/]+)\\.m?ts\\((\\d+),\\d+\\): error (TS\\d+): (.*(?:\\n(?! *\\S+\\(\\d+,\\d+\\): error)(?!$).*)*)`, 'gm');
    const problems = [];
    for (const m of out.matchAll(pattern)) {
      const s = byName.get(m[2]);
      const at = Number(m[3]) - 1 - (s?.offset ?? 0);
      problems.push({ file: s?.file ?? m[2], line: s ? (at < 0 ? s.line - 1 : s.line + at) : 0, config: m[1], code: m[4], message: at < 0 ? `(in the doc-snippet context) ${m[5]}` : m[5] });
    }
    return problems;
  };
  return { project, tscBin, work, tsconfigs, problemsIn, checked: checked.length, skipped: all.filter((s) => s.skip).map((s) => ({ file: s.file, line: s.line, why: s.skip })) };
}

/**
 * Compile the snippets of `files` (repository-relative) in `projectDir` (or the workspace):
 * one `tsc -b` over the configs asked for.
 * @param {{ files?: string[], projectDir?: string, keep?: boolean, configs?: ('node16' | 'bundler')[] }} [options]
 * @returns {{ checked: number, skipped: { file: string, line: number, why: string }[], problems: { file: string, line: number, config: string, code: string, message: string }[], dir: string }}
 */
export function checkDocSnippets({ files = DOC_FILES, projectDir, keep = false, configs = ['node16', 'bundler'] } = {}) {
  const prepared = prepareDocSnippets({ files, projectDir, configs });
  const problems = [];
  if (prepared.tsconfigs.length > 0) {
    const r = spawnSync(process.execPath, [prepared.tscBin, '-b', '--force', '--pretty', 'false', ...prepared.tsconfigs], { cwd: prepared.work, encoding: 'utf8', maxBuffer: 64 << 20 });
    const out = `${r.stdout}${r.stderr}`;
    problems.push(...prepared.problemsIn(out, prepared.work));
    if (r.status !== 0 && problems.length === 0) throw new SetupError(`tsc -b (${configs.join(', ')}) exited ${r.status}:\n${out}`);
  }
  if (!keep) rmSync(prepared.work, { recursive: true, force: true });
  if (!keep && !projectDir) rmSync(prepared.project, { recursive: true, force: true });
  return { checked: prepared.checked, skipped: prepared.skipped, problems, dir: prepared.work };
}

function main(argv) {
  const options = { files: [], keep: false, projectDir: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--keep') options.keep = true;
    else if (arg === '--project') options.projectDir = argv[++i];
    else if (arg === '-h' || arg === '--help') {
      console.log('usage: node scripts/check-doc-snippets.mjs [--project <dir>] [--keep] [file.md…]');
      return 0;
    } else if (arg.startsWith('-') || arg === undefined) {
      console.error(`check-doc-snippets: unknown option ${arg}\nusage: node scripts/check-doc-snippets.mjs [--project <dir>] [--keep] [file.md…]`);
      return 2;
    } else options.files.push(relative(ROOT, resolve(arg)));
  }
  if (options.projectDir !== undefined && !existsSync(join(options.projectDir, 'node_modules'))) {
    console.error(`check-doc-snippets: --project ${options.projectDir} has no node_modules`);
    return 2;
  }
  let result;
  try {
    result = checkDocSnippets({ files: options.files.length ? options.files : undefined, projectDir: options.projectDir, keep: options.keep });
  } catch (error) {
    if (!(error instanceof SetupError) && !(error instanceof Error && /doc-snippet/.test(error.message))) throw error;
    console.error(`check-doc-snippets: ${error.message}`);
    return 2;
  }
  const seen = new Set();
  for (const p of result.problems) {
    const key = `${p.file}:${p.line} ${p.code} ${p.message}`;
    if (seen.has(key)) continue; // the same error under node16 and bundler: once
    seen.add(key);
    console.log(
      `${p.file}:${p.line}  ${p.code}  ${p.message.replace(/\n\s*/g, ' ')}${result.problems.some((q) => q !== p && `${q.file}:${q.line} ${q.code} ${q.message}` === key) ? '' : ` (${p.config} only)`}`,
    );
  }
  console.log(
    `${result.problems.length === 0 ? '✓' : '✗'} doc snippets: ${result.checked} compiled (node16, bundler), ${result.skipped.length} skipped by marker, ${seen.size} problems${options.keep ? ` (kept ${result.dir})` : ''}`,
  );
  return result.problems.length === 0 ? 0 : 1;
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
