#!/usr/bin/env node
// The consumer test (issue 18): the packages as a user gets them. Every publishable package is
// packed with `pnpm pack` (what `pnpm publish` uploads: only `files`, `workspace:*` filled in);
// a fresh project in a temporary folder installs the tarballs with npm — no workspace links,
// no `@anjian/source` condition — once, and every check runs in it:
//
//   1. README "Use it in your project": the blocks after <!-- consumer:esm --> and
//      <!-- consumer:cjs --> run verbatim under Node; the <!-- consumer:cli --> lines run
//      verbatim in a shell (npx anjian validate/test on @anjian/pack-gas by package name,
//      anjian new pack …); the <!-- consumer:install --> block names only packed packages.
//   2. A TypeScript consumer (the ESM block, plus every entry point of every package) type-checks
//      under moduleResolution node16 (skipLibCheck false: every declaration file) and bundler.
//   3. @anjian/core bundled for the browser (esbuild) compiles a pack (loaded in Node, handed
//      over as JSON) and classifies an inspection in Chromium under a CSP without 'unsafe-eval'
//      (no page error, no console error such as a CSP violation).
//   4. The numbered examples (examples/NN-…), each with its dependencies by version, run from
//      the same install: 01 classify in Node, 02 the HTTP API in Express, 03 a department's pack
//      repository (its CI script), 04 the HTTP API in Fastify (its hooks see the API's requests),
//      05 a browser form from a pack (esbuild; filled in Chromium under a CSP without
//      'unsafe-eval', its classification equal to Node's), 06 a custom Store passing the
//      conformance suite @anjian/core/testing ships.
//   5. A published file removed from an installed pack makes `anjian validate` fail: the checks
//      above notice when a package's `files` miss something.
//   6. Every ```ts snippet of the docs a host developer follows (README.md, docs/adapters.md,
//      docs/http.md, …, packages/*/README.md: scripts/check-doc-snippets.mjs) type-checks against
//      the installed packages under moduleResolution node16 and bundler. 2 and 6 are one `tsc -b`
//      over their four projects (the declaration files they share parsed once, not four times).
//   7. A host's walk (scripts/fixtures/consumer-host-walk.mjs): @anjian/http on node:http, a
//      general hazard reported, rectified, verified and closed with the roles the docs name (and
//      the refusals met on the way), the outbox relayed to a local webhook receiver that verifies
//      each signature, the notice's 隐患整改通知书 issued and served (the `documents` option of
//      docs/http.md), the audit with a signed checkpoint (the `audit` option) — on the memory
//      store, then on @anjian/store-postgres (ANJIAN_PG_URL, default
//      postgres://postgres@127.0.0.1:5432/test, a schema of its own, dropped after).
//   8. The release rehearsal (scripts/release-rehearsal.mjs), beside the install: in a temporary
//      copy, `changeset version`, then every file of these tarballs must be among what the
//      release would publish.
//
// Needs `pnpm build` first (dist/ is packed). npm reaches the registry for third-party
// dependencies (install scripts are skipped: no native builds). Exit 0 when every check passes,
// 1 when one fails (its output is printed), 2 on a setup failure.
//
//   node scripts/consumer/consumer.mjs [--keep] [--reuse <folder>]
//   --keep leaves the temporary folder; --reuse starts from one that --keep left (no pack, no install)
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { prepareDocSnippets } from '../check-doc-snippets.mjs';
import { chromiumPath } from '../chromium-path.mjs';
import { rehearse } from '../release-rehearsal.mjs';
import { httpSnippetScript, readmeBlock } from './readme-blocks.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const fromRoot = createRequire(join(ROOT, 'package.json'));
const keep = process.argv.includes('--keep');
// --reuse <folder>: start from a folder an earlier --keep run left (no pack, no install; for work on this script).
const reuse = process.argv.includes('--reuse') ? process.argv[process.argv.indexOf('--reuse') + 1] : undefined;
const t0 = Date.now();
const failures = [];
/** One Chromium for every browser check of the run (launched by the first, closed at the end). */
let browser;

function step(name, started) {
  console.log(`  ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s  ${name}`);
}

/** Run a command; resolve to { code, out } (stdout and stderr together), never reject. */
function sh(command, args, options) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', (error) => resolve({ code: -1, out: out + String(error) }));
    child.on('close', (code) => resolve({ code, out }));
  });
}

async function check(name, fn) {
  const started = Date.now();
  try {
    await fn();
    step(`✓ ${name}`, started);
  } catch (error) {
    step(`✗ ${name}`, started);
    failures.push(name);
    console.log(String(error instanceof Error ? error.message : error).replace(/^/gm, '      '));
  }
}

function expectRun(result, what, pattern) {
  if (result.code !== 0) throw new Error(`${what} exited ${result.code}:\n${result.out}`);
  if (pattern && !pattern.test(result.out)) throw new Error(`${what}: output does not match ${pattern}:\n${result.out}`);
}

/** The publishable workspace packages: packages/* and checklists/* that are not private. */
function publishable() {
  const list = [];
  for (const group of ['packages', 'checklists']) {
    for (const name of readdirSync(join(ROOT, group))) {
      const file = join(ROOT, group, name, 'package.json');
      if (!existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, 'utf8'));
      if (!pkg.private) list.push({ dir: join(group, name), pkg });
    }
  }
  return list;
}

/** Every import specifier a package's `exports` offers as code (not `./package.json`, not JSON or YAML files). */
function codeEntries({ pkg }) {
  if (!pkg.exports) return [];
  return Object.keys(pkg.exports)
    .filter((k) => k !== './package.json' && !k.includes('*') && !/\.(json|ya?ml)$/.test(k))
    .map((k) => (k === '.' ? pkg.name : `${pkg.name}/${k.slice(2)}`));
}

const work = mkdtempSync(join(tmpdir(), 'anjian-consumer-'));
const app = join(work, 'app');
try {
  const packages = publishable();
  console.log(`consumer test in ${work}`);

  // — pack —
  let started = Date.now();
  if (reuse) {
    rmSync(work, { recursive: true, force: true });
    cpSync(reuse, work, { recursive: true, verbatimSymlinks: true });
  }
  const tarballs = join(work, 'tarballs');
  const filters = packages.flatMap(({ dir }) => ['--filter', `./${dir}`]);
  const packed = reuse ? { code: 0, out: '' } : await sh('pnpm', ['-r', ...filters, 'pack', '--pack-destination', tarballs], { cwd: ROOT });
  if (packed.code !== 0) throw new Error(`pnpm pack failed:\n${packed.out}`);
  const files = readdirSync(tarballs).filter((f) => f.endsWith('.tgz'));
  if (files.length !== packages.length) throw new Error(`pnpm pack wrote ${files.length} tarballs for ${packages.length} packages`);
  step(`packed ${files.length} packages`, started);

  // The numbered examples (examples/01-…): projects of their own; their third-party
  // dependencies join the one install, their @anjian/* ones must be packed packages.
  const examples = readdirSync(join(ROOT, 'examples'))
    .filter((d) => /^\d\d-/.test(d))
    .sort()
    .map((name) => ({ name, pkg: JSON.parse(readFileSync(join(ROOT, 'examples', name, 'package.json'), 'utf8')) }));
  const thirdParty = [
    ...new Set(
      examples.flatMap(({ pkg }) =>
        Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })
          .filter(([n]) => !n.startsWith('@anjian/'))
          .map(([n, v]) => `${n}@${v}`),
      ),
    ),
  ];

  // The release rehearsal (changeset version + what publish would upload, in a temporary copy)
  // runs beside the install and checks that the release publishes every file of these tarballs.
  const rehearsal = reuse ? null : rehearse({ tarballs }).catch((error) => ({ error }));

  // — install (once) —
  started = Date.now();
  if (!reuse) mkdirSync(app);
  if (!reuse) writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'anjian-consumer', version: '0.0.0', private: true }, null, 2));
  const installed = reuse
    ? { code: 0, out: '' }
    : await sh(
        'npm',
        [
          'install',
          '--ignore-scripts',
          '--no-audit',
          '--no-fund',
          '--prefer-offline',
          '--loglevel=error',
          ...files.map((f) => join(tarballs, f)),
          'typescript@5.9.3',
          '@types/node@20',
          '@types/express@5',
          ...thirdParty,
        ],
        { cwd: app, env: { ...process.env, npm_config_update_notifier: 'false' } },
      );
  if (installed.code !== 0) throw new Error(`npm install failed:\n${installed.out}`);
  step(`npm install of the tarballs (+ typescript, @types/node, @types/express${thirdParty.length > 0 ? `, ${thirdParty.join(', ')}` : ''})`, started);

  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const env = { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '1', npm_config_update_notifier: 'false' };

  if (rehearsal) {
    await check('release rehearsal: changeset version, then the release publishes every file of these tarballs', async () => {
      const result = await rehearsal;
      if (result.error) throw result.error;
      for (const w of result.warnings) console.log(`      ⚠ ${w}`);
      if (result.problems.length > 0) throw new Error(result.problems.join('\n'));
      const counts = new Map();
      for (const p of result.packages) counts.set(`${p.from} → ${p.to}`, (counts.get(`${p.from} → ${p.to}`) ?? 0) + 1);
      const moves = [...counts].map(([move, n]) => `${n} packages ${move}`);
      console.log(`      ${moves.join(', ')}; every file of every tarball would be published`);
    });
  }

  await check('README install block names packed packages only', async () => {
    const names = new Set(packages.map((p) => p.pkg.name));
    const wanted = readmeBlock(readme, 'install')
      .split(/\s+/)
      .filter((w) => w.startsWith('@anjian/'));
    const unknown = wanted.filter((n) => !names.has(n));
    if (wanted.length === 0 || unknown.length > 0) throw new Error(`install block names ${unknown.join(', ') || 'nothing'}`);
  });

  await check('README ESM block (node classify.mjs)', async () => {
    writeFileSync(join(app, 'classify.mjs'), readmeBlock(readme, 'esm'));
    expectRun(await sh(process.execPath, ['classify.mjs'], { cwd: app, env }), 'node classify.mjs', /^general .*液化石油气/m);
  });

  await check('README CJS block (node classify.cjs)', async () => {
    writeFileSync(join(app, 'classify.cjs'), readmeBlock(readme, 'cjs'));
    expectRun(await sh(process.execPath, ['classify.cjs'], { cwd: app, env }), 'node classify.cjs', /^general .*LPG/m);
  });

  await check("docs/http.md's first snippet serves the API on node:http as written", async () => {
    writeFileSync(join(app, 'http-snippet.mjs'), httpSnippetScript(readFileSync(join(ROOT, 'docs', 'http.md'), 'utf8')));
    expectRun(await sh(process.execPath, ['http-snippet.mjs'], { cwd: app, env }), 'node http-snippet.mjs', /^packs 200 anonymous 401 owner 200$/m);
  });

  await check('README CLI block (npx anjian … by package name, new pack)', async () => {
    const lines = readmeBlock(readme, 'cli')
      .split('\n')
      .filter((l) => l.trim() !== '');
    for (const line of lines) expectRun(await sh('sh', ['-c', line], { cwd: app, env }), line);
  });

  await check('every entry point loads under import and require', async () => {
    const specifiers = packages.flatMap(codeEntries);
    const esm = specifiers.map((s, i) => `import * as m${i} from '${s}'; if (Object.keys(m${i}).length === 0) throw new Error('${s}: no exports');`).join('\n');
    writeFileSync(join(app, 'entries.mjs'), esm + "\nconsole.log('ok');\n");
    const cjs = specifiers.map((s) => `if (Object.keys(require('${s}')).length === 0) throw new Error('${s}: no exports');`).join('\n');
    writeFileSync(join(app, 'entries.cjs'), cjs + "\nconsole.log('ok');\n");
    expectRun(await sh(process.execPath, ['entries.mjs'], { cwd: app, env }), 'import every entry', /^ok$/m);
    expectRun(await sh(process.execPath, ['entries.cjs'], { cwd: app, env }), 'require every entry', /^ok$/m);
  });

  // One `tsc -b` over four projects type-checks the TypeScript consumer (node16, bundler) and the
  // doc snippets (node16, bundler): the declaration files they share (lib, @types/node, the
  // packages' dist/) are parsed and bound once, not once per tsc. The two checks below read
  // their own errors out of its output.
  let typecheck;
  const runTypecheck = () =>
    (typecheck ??= (async () => {
      const specifiers = packages.flatMap(codeEntries);
      const ts = `${readmeBlock(readme, 'esm')}\n${specifiers.map((s, i) => `import * as e${i} from '${s}';\nvoid e${i};`).join('\n')}\nexport {};\n`;
      mkdirSync(join(app, 'ts'), { recursive: true });
      writeFileSync(join(app, 'ts', 'consumer.mts'), ts);
      writeFileSync(join(app, 'ts', 'consumer.ts'), ts);
      const base = { target: 'ES2022', lib: ['ES2023', 'DOM'], types: ['node'], strict: true, skipLibCheck: false, noEmit: true };
      const configs = {
        node16: { compilerOptions: { ...base, module: 'node16', moduleResolution: 'node16' }, files: ['ts/consumer.mts'] },
        // The declaration files were all checked under node16; bundler checks resolution and the consumer's code.
        bundler: { compilerOptions: { ...base, module: 'esnext', moduleResolution: 'bundler', skipLibCheck: true }, files: ['ts/consumer.ts'] },
      };
      for (const [name, config] of Object.entries(configs)) writeFileSync(join(app, `tsconfig.${name}.json`), JSON.stringify(config, null, 2));
      const snippets = prepareDocSnippets({ projectDir: app });
      const tsc = join(app, 'node_modules', 'typescript', 'bin', 'tsc');
      // --force: a --reuse'd folder keeps the .tsbuildinfo files of its run, which would skip the check
      const result = await sh(process.execPath, [tsc, '-b', '--force', '--pretty', 'false', ...Object.keys(configs).map((name) => `tsconfig.${name}.json`), ...snippets.tsconfigs], { cwd: app, env });
      return { result, snippets, problems: snippets.problemsIn(result.out, app) };
    })());

  await check('TypeScript consumer type-checks (node16 with skipLibCheck false, bundler)', async () => {
    const { result, snippets, problems } = await runTypecheck();
    // Every error that is not a doc snippet's is the consumer's (its code or a declaration file);
    // a failing tsc that printed no snippet error failed here.
    const snippetDir = `${relative(app, snippets.work).split(sep).join('/')}/`;
    const own = result.out.split('\n').filter((line) => /(^|: )error TS\d+:/.test(line) && !line.startsWith(snippetDir));
    if (own.length > 0 || (result.code !== 0 && problems.length === 0)) throw new Error(`tsc -b exited ${result.code}:\n${result.out}`);
  });

  await check('doc snippets (```ts in README.md, docs/*.md, packages/*/README.md) type-check against the installed packages', async () => {
    const { snippets, problems } = await runTypecheck();
    const seen = new Set(problems.map((p) => `${p.file}:${p.line}  ${p.code}  ${p.message.replace(/\n\s*/g, ' ')}`));
    if (seen.size > 0) throw new Error([...seen].join('\n'));
    if (snippets.checked < 20) throw new Error(`only ${snippets.checked} snippets compiled: the extraction found too few`);
    console.log(`      ${snippets.checked} snippets compiled (node16, bundler; in the tsc -b above), ${snippets.skipped.length} skipped by marker`);
  });

  await check('browser: @anjian/core bundled by esbuild classifies in Chromium under a CSP without unsafe-eval', () => browserCheck(app));

  for (const example of examples) {
    await check(`example ${example.name}`, () => runExample(example, packages, app, env));
  }

  await check('a host walk: HTTP on node:http, a general hazard to closed, its document, the audit, the outbox to a signed webhook (memory, PostgreSQL)', async () => {
    cpSync(join(ROOT, 'scripts', 'fixtures', 'consumer-host-walk.mjs'), join(app, 'host-walk.mjs'));
    expectRun(await sh(process.execPath, ['host-walk.mjs'], { cwd: app, env }), 'host walk (memory store)', /^ok memory$/m);
    const pg = process.env.ANJIAN_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    expectRun(await sh(process.execPath, ['host-walk.mjs', '--postgres', pg], { cwd: app, env }), 'host walk (PostgreSQL store)', /^ok postgres$/m);
  });

  await check('a published file missing from a pack fails anjian validate', async () => {
    const copy = join(app, 'node_modules', '@anjian', 'pack-broken');
    cpSync(join(app, 'node_modules', '@anjian', 'pack-gas'), copy, { recursive: true });
    const pack = readFileSync(join(copy, 'pack.yaml'), 'utf8');
    const included = /^\s+-\s+(sections\/\S+\.yaml)/m.exec(pack)?.[1];
    if (!included) throw new Error('pack-gas includes no sections/*.yaml');
    rmSync(join(copy, included));
    const r = await sh('npx', ['anjian', 'validate', 'node_modules/@anjian/pack-broken', '--format', 'json'], { cwd: app, env });
    if (r.code !== 1 || !r.out.includes('INCLUDE_NOT_FOUND')) throw new Error(`expected exit 1 with INCLUDE_NOT_FOUND, got ${r.code}:\n${r.out}`);
  });
} catch (error) {
  console.error(`consumer test: ${error instanceof Error ? error.message : String(error)}`);
  await browser?.close();
  if (!keep) rmSync(work, { recursive: true, force: true });
  process.exit(2);
}
await browser?.close();
if (!keep) rmSync(work, { recursive: true, force: true });
console.log(`${failures.length === 0 ? '✓' : '✗'} consumer test: ${failures.length} failed, ${((Date.now() - t0) / 1000).toFixed(1)} s${keep ? ` (kept ${work})` : ''}`);
process.exit(failures.length === 0 ? 0 : 1);

/**
 * Run one numbered example inside the consumer project (its dependencies resolve from the one
 * install): every dependency it declares is installed at that very version, then its check.
 */
async function runExample({ name, pkg }, packages, dir, env) {
  const versions = new Map(packages.map((p) => [p.pkg.name, p.pkg.version]));
  for (const [dep, wanted] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
    const manifest = join(dir, 'node_modules', dep, 'package.json');
    if (dep.startsWith('@anjian/') && !versions.has(dep)) throw new Error(`${name} depends on ${dep}, which is not a packed package`);
    const got = existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : undefined;
    if (got !== wanted) throw new Error(`${name} depends on ${dep}@${wanted}; installed: ${got ?? 'nothing'}`);
  }
  const copy = join(dir, 'examples', name);
  cpSync(join(ROOT, 'examples', name), copy, { recursive: true, filter: (src) => !src.includes('node_modules') });
  const checks = {
    '01-classify-node': async () => expectRun(await sh(process.execPath, ['classify.mjs'], { cwd: copy, env }), 'node classify.mjs', /^general .*\n[\s\S]*^2 hazards$/m),
    '02-http-express': async () => {
      writeFileSync(
        join(copy, 'check.mjs'),
        `import { createApp } from './app.mjs';
const app = await createApp();
const server = app.listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = 'http://127.0.0.1:' + server.address().port;
try {
  const packs = await fetch(base + '/api/packs', { headers: { 'x-demo-actor': 'owner-1' } });
  const body = await packs.text();
  if (packs.status !== 200 || !body.includes('"gas"')) throw new Error('GET /api/packs: ' + packs.status + ' ' + body.slice(0, 300));
  const anonymous = await fetch(base + '/api/hazards');
  const problem = await anonymous.json();
  if (anonymous.status !== 401 || problem.type !== 'urn:anjian:problem:unauthenticated') throw new Error('anonymous: ' + anonymous.status + ' ' + JSON.stringify(problem));
  const home = await fetch(base + '/');
  if (home.status !== 200) throw new Error('GET / (the host route): ' + home.status);
  console.log('ok');
} finally {
  server.close();
}
`,
      );
      expectRun(await sh(process.execPath, ['check.mjs'], { cwd: copy, env }), 'example 02 check', /^ok$/m);
    },
  };
  checks['04-http-fastify'] = async () => {
    writeFileSync(
      join(copy, 'check.mjs'),
      `import { createApp } from './app.mjs';
const app = await createApp({ logger: false });
// The host's hooks see the API's requests with the API's status (no reply.hijack()).
const seen = [];
app.addHook('onResponse', async (request, reply) => void seen.push(request.method + ' ' + request.url + ' ' + reply.statusCode));
await app.listen({ port: 0, host: '127.0.0.1' });
const base = 'http://127.0.0.1:' + app.server.address().port;
try {
  const packs = await fetch(base + '/api/packs', { headers: { 'x-demo-actor': 'owner-1' } });
  const body = await packs.text();
  if (packs.status !== 200 || !body.includes('"gas"')) throw new Error('GET /api/packs: ' + packs.status + ' ' + body.slice(0, 300));
  const anonymous = await fetch(base + '/api/hazards');
  const problem = await anonymous.json();
  if (anonymous.status !== 401 || problem.type !== 'urn:anjian:problem:unauthenticated') throw new Error('anonymous: ' + anonymous.status + ' ' + JSON.stringify(problem));
  const home = await fetch(base + '/');
  if (home.status !== 200) throw new Error('GET / (the host route): ' + home.status);
  const wanted = ['GET /api/packs 200', 'GET /api/hazards 401', 'GET / 200'];
  if (JSON.stringify(seen) !== JSON.stringify(wanted)) throw new Error('onResponse saw ' + JSON.stringify(seen) + ', not ' + JSON.stringify(wanted));
  console.log('ok');
} finally {
  await app.close();
}
`,
    );
    expectRun(await sh(process.execPath, ['check.mjs'], { cwd: copy, env }), 'example 04 check', /^ok$/m);
  };
  checks['05-browser-form'] = async () => {
    expectRun(await sh('npm', ['run', 'build', '--silent'], { cwd: copy, env }), 'npm run build (esbuild)');
    // What the page must show: the same inspection classified by the installed core in Node.
    const findings = { gas_source: 'lpg_cylinder', gas_room_location: 'semi_basement' };
    writeFileSync(
      join(copy, 'expected.mjs'),
      `import { readFileSync } from 'node:fs';
import { compilePack } from '@anjian/core';
const pack = JSON.parse(readFileSync(new URL('./dist/pack.json', import.meta.url), 'utf8'));
const { hazards } = compilePack(pack).evaluate({ pack: pack.id, premises: 'restaurant', findings: ${JSON.stringify(findings)} });
console.log(JSON.stringify(hazards.map((h) => h.level)));
`,
    );
    const expected = await sh(process.execPath, ['expected.mjs'], { cwd: copy, env });
    expectRun(expected, 'classify in Node', /^\[.+\]$/m);
    const { createPageServer, CSP } = await import(pathToFileURL(join(copy, 'serve.mjs')).href);
    if (/unsafe-eval|unsafe-inline/.test(CSP)) throw new Error(`the example's CSP allows too much: ${CSP}`);
    const server = createPageServer();
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { page, problems } = await newPage();
    try {
      await page.goto(`http://127.0.0.1:${server.address().port}/`);
      // a script error (e.g. a CSP refusal) leaves the page unready: say which, not only "timeout"
      await page.waitForSelector('body[data-ready="1"]', { timeout: 30_000 }).catch((error) => {
        throw new Error(`the page never got ready: ${problems.join('\n') || error.message}`);
      });
      await page.selectOption('#premises', 'restaurant');
      // Each answer redraws the form (questions come and go): fill them one at a time.
      for (const [fact, value] of Object.entries(findings)) await page.selectOption(`select[name="${fact}"]`, value);
      await page.click('button[type="submit"]');
      await page.waitForSelector('#result[data-state]', { timeout: 30_000 });
      const state = await page.getAttribute('#result', 'data-state');
      const levels = await page.$$eval('#result li[data-level]', (items) => items.map((li) => li.dataset.level));
      const text = await page.textContent('#result');
      if (state !== 'done' || JSON.stringify(levels) !== expected.out.trim()) throw new Error(`the page shows ${state}: ${JSON.stringify(levels)} (${text}); Node classifies ${expected.out.trim()}`);
      if (levels.length === 0) throw new Error('the filled form shows no hazard');
      if (problems.length > 0) throw new Error(problems.join('\n'));
    } finally {
      await page.close();
      server.close();
    }
  };
  checks['06-custom-store'] = async () => {
    const r = await sh('npm', ['test', '--silent'], { cwd: copy, env });
    expectRun(r, 'npm test (Store conformance suite + reopen)', /^# fail 0$/m);
    const passed = Number(/^# pass (\d+)$/m.exec(r.out)?.[1] ?? 0);
    if (passed < 40) throw new Error(`only ${passed} tests passed: the conformance suite did not run whole\n${r.out}`);
  };
  checks['03-department-pack-repo'] = async () => {
    if (!readFileSync(join(copy, '.github', 'workflows', 'packs.yml'), 'utf8').includes('npm test')) throw new Error('the workflow does not run npm test');
    expectRun(await sh('npm', ['test', '--silent'], { cwd: copy, env }), 'npm test (validate --format github, test --coverage-threshold 100)');
  };
  const run = checks[name];
  if (!run) throw new Error(`no check for example ${name}: add one to scripts/consumer/consumer.mjs`);
  await run();
}

/**
 * Bundle a page script that compiles the installed @anjian/pack-gas (loaded in Node, embedded
 * as JSON) and classifies an inspection with @anjian/core; serve it with
 * `Content-Security-Policy: default-src 'none'; script-src 'self'` and read the result in Chromium.
 */
async function browserCheck(dir) {
  const esbuild = createRequire(fromRoot.resolve('tsup'))('esbuild');
  const web = join(dir, 'web');
  mkdirSync(web, { recursive: true });
  // The server loads the pack (the YAML loader validates with ajv, which compiles code: Node
  // only) and hands the page the loaded pack as JSON, as a portal does.
  writeFileSync(
    join(web, 'load.mjs'),
    `import { writeFileSync } from 'node:fs';
import { loadPackFromPackage } from '@anjian/core/node';
const loaded = await loadPackFromPackage('@anjian/pack-gas', { from: import.meta.url });
if (!loaded.ok) throw new Error('pack-gas did not load');
writeFileSync(new URL('./pack.json', import.meta.url), JSON.stringify(loaded.pack));
`,
  );
  expectRun(await sh(process.execPath, [join(web, 'load.mjs')], { cwd: dir }), 'load pack-gas to JSON');
  writeFileSync(
    join(web, 'page.js'),
    `import { compilePack } from '@anjian/core';
import pack from './pack.json';
const out = document.getElementById('out');
try {
  const result = compilePack(pack).evaluate({ pack: 'gas', premises: 'restaurant', findings: { gas_source: 'lpg_cylinder', gas_room_location: 'semi_basement' } });
  out.textContent = JSON.stringify(result.hazards.map((h) => [h.rule ?? h.id, h.level]));
} catch (error) {
  out.textContent = 'error: ' + (error && error.message);
}
out.dataset.done = '1';
`,
  );
  await esbuild.build({
    entryPoints: [join(web, 'page.js')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile: join(web, 'bundle.js'),
    absWorkingDir: dir,
    logLevel: 'error',
    minify: true,
  });
  const html = `<!doctype html><meta charset="utf-8"><title>anjian</title><pre id="out"></pre><script type="module" src="/bundle.js"></script>`;
  const csp = "default-src 'none'; script-src 'self'";
  const bundle = readFileSync(join(web, 'bundle.js'));
  const server = createServer((req, res) => {
    const isJs = req.url === '/bundle.js';
    res.writeHead(isJs || req.url === '/' ? 200 : 404, { 'content-type': isJs ? 'text/javascript' : 'text/html; charset=utf-8', 'content-security-policy': csp });
    res.end(isJs ? bundle : req.url === '/' ? html : '');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { page, problems } = await newPage();
  try {
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForSelector('#out[data-done="1"]', { timeout: 30_000 });
    const text = await page.textContent('#out');
    if (!text || text.startsWith('error') || !/"general"/.test(text)) throw new Error(`page says: ${text}`);
    if (problems.length > 0) throw new Error(problems.join('\n'));
  } finally {
    await page.close();
    server.close();
  }
}

/** A new page, and the page errors and console errors it reports (a CSP violation is one). */
async function newPage() {
  if (!browser) {
    const { chromium } = createRequire(join(ROOT, 'examples', 'portal', 'package.json'))('playwright-core');
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
  }
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  return { page, problems };
}
