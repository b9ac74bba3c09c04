#!/usr/bin/env node
// Release rehearsal (issue 18): what `changeset version` followed by `pnpm publish` would do,
// in a temporary copy — the working tree is never touched. The copy holds the root manifest,
// pnpm-workspace.yaml, .changeset/ and every workspace package (publishable ones whole, without
// node_modules; the others by their package.json), with each package's workspace dependencies
// linked as `pnpm install` links them. In it:
//
//   1. `changeset version` consumes the pending changesets (versions, CHANGELOG.md);
//   2. `pnpm -r pack --dry-run --json` lists, for every publishable package, the files that
//      `pnpm publish` would upload (publish packs exactly so, then uploads the tarball);
//      with --publish, `pnpm publish --dry-run --json` runs for each package too (slow: one
//      pnpm per package, and npm contacts the registry) and must list the same files;
//   3. every file of the tarballs the consumer test installed (scripts/consumer/consumer.mjs)
//      must be among them: a `files` entry lost by the release fails, naming the file.
//
// Needs `pnpm build` first (dist/ is published). Exit 0 when every check holds, 1 when one
// fails, 2 on a setup failure.
//
//   node scripts/release-rehearsal.mjs [--tarballs <folder>] [--publish] [--keep]
//   --tarballs  the consumer test's tarballs (default: `pnpm pack` them from the working tree first)
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Run a command; resolve to { code, out, err }, never reject. */
function sh(command, args, options) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (error) => resolve({ code: -1, out, err: err + String(error) }));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

/** The workspace packages (`pnpm ls -r`), each with its folder relative to the root and whether it is published. */
async function workspacePackages() {
  const r = await sh('pnpm', ['-r', 'ls', '--depth', '-1', '--json'], { cwd: ROOT });
  if (r.code !== 0) throw new Error(`pnpm ls failed:\n${r.out}${r.err}`);
  return JSON.parse(r.out)
    .map((p) => ({ name: p.name, version: p.version, dir: relative(ROOT, p.path) }))
    .filter((p) => p.dir !== '')
    .map((p) => ({ ...p, publishable: /^(packages|checklists)\//.test(p.dir) && !JSON.parse(readFileSync(join(ROOT, p.dir, 'package.json'), 'utf8')).private }));
}

/** The name pnpm gives a package's tarball: `@anjian/core@0.1.0` → `anjian-core-0.1.0.tgz`. */
export function tarballName(name, version) {
  return `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;
}

/** The files of a tarball, without tar's `package/` prefix. */
async function tarballFiles(file) {
  const r = await sh('tar', ['-tzf', file]);
  if (r.code !== 0) throw new Error(`tar -tzf ${file}: ${r.err}`);
  return r.out
    .split('\n')
    .filter((l) => l !== '' && !l.endsWith('/'))
    .map((l) => l.replace(/^package\//, ''));
}

/**
 * What a package would publish compared with what the consumer used: the files of `used` not
 * in `published`, each as a located bilingual message. Pure (the rehearsal's verdict).
 */
export function missingFromRelease(name, tarball, used, published) {
  const have = new Set(published);
  return used
    .filter((f) => !have.has(f))
    .map(
      (f) =>
        `${name}: the release would not publish ${f}, which the consumer test installed from ${tarball} (check "files" in its package.json) / 发布的包中缺少 ${f}（消费者测试安装的 ${tarball} 中有此文件；请检查 package.json 的 "files"）`,
    );
}

/**
 * Rehearse the release; resolves to `{ work, packages: [{ name, from, to, files }], problems, warnings }`.
 * `tarballs`: the consumer test's tarballs (packed from the working tree when omitted).
 */
export async function rehearse({ tarballs, publish = false, keep = false, log = () => {} } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'anjian-release-'));
  const problems = [];
  const warnings = [];
  try {
    const all = await workspacePackages();
    const publishable = all.filter((p) => p.publishable);
    if (tarballs === undefined) {
      tarballs = join(work, 'consumer-tarballs');
      const packed = await sh('pnpm', ['-r', ...publishable.flatMap((p) => ['--filter', `./${p.dir}`]), 'pack', '--pack-destination', tarballs], { cwd: ROOT });
      if (packed.code !== 0) throw new Error(`pnpm pack failed:\n${packed.out}${packed.err}`);
    }

    // — the copy —
    const copy = join(work, 'repo');
    mkdirSync(copy);
    for (const f of ['package.json', 'pnpm-workspace.yaml']) cpSync(join(ROOT, f), join(copy, f));
    cpSync(join(ROOT, '.changeset'), join(copy, '.changeset'), { recursive: true });
    for (const p of all) {
      if (p.publishable) cpSync(join(ROOT, p.dir), join(copy, p.dir), { recursive: true, filter: (src) => !/[/\\](node_modules|\.turbo|coverage)$/.test(src) && !src.endsWith('.tgz') });
      else {
        mkdirSync(join(copy, p.dir), { recursive: true });
        cpSync(join(ROOT, p.dir, 'package.json'), join(copy, p.dir, 'package.json'));
      }
    }
    // Workspace dependencies linked as pnpm links them (pack reads their versions through the links).
    const dirOf = new Map(all.map((p) => [p.name, p.dir]));
    for (const p of publishable) {
      const pkg = JSON.parse(readFileSync(join(copy, p.dir, 'package.json'), 'utf8'));
      // Each group on its own: a peer range (`>=0.1.0`) must not hide the same package's `workspace:*` dev link.
      const ranges = [pkg.dependencies, pkg.devDependencies, pkg.peerDependencies, pkg.optionalDependencies].flatMap((group) => Object.entries(group ?? {}));
      for (const [dep, range] of ranges) {
        if (!String(range).startsWith('workspace:')) continue;
        if (!dirOf.has(dep)) throw new Error(`${p.name} depends on ${dep} (${range}), which is not a workspace package`);
        const link = join(copy, p.dir, 'node_modules', dep);
        mkdirSync(dirname(link), { recursive: true });
        if (!existsSync(link)) symlinkSync(relative(dirname(link), join(copy, dirOf.get(dep))), link, 'dir');
      }
    }

    // — changeset version —
    const pending = readdirSync(join(copy, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md');
    const askedMajor = pending.some((f) => /^['"]?@anjian\/[^:]+['"]?:\s*major\s*$/m.test(readFileSync(join(copy, '.changeset', f), 'utf8')));
    const version = await sh(process.execPath, [join(ROOT, 'node_modules', '@changesets', 'cli', 'bin.js'), 'version'], { cwd: copy, env: { ...process.env, CI: 'true' } });
    if (version.code !== 0) throw new Error(`changeset version failed:\n${version.out}${version.err}`);
    // changesets keeps a changeset that names only ignored packages (the examples): not a release's business.
    const ignored = new Set(JSON.parse(readFileSync(join(copy, '.changeset', 'config.json'), 'utf8')).ignore ?? []);
    const namesOf = (f) => [...readFileSync(join(copy, '.changeset', f), 'utf8').matchAll(/^['"]?(@[^'":\s]+)['"]?\s*:/gm)].map((m) => m[1]);
    const left = readdirSync(join(copy, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md' && !namesOf(f).every((n) => ignored.has(n)));
    if (left.length > 0) problems.push(`changeset version left ${left.length} changesets unconsumed: ${left.join(', ')}`);
    log(`changeset version: ${pending.length} changesets`);

    const packages = publishable.map((p) => {
      const to = JSON.parse(readFileSync(join(copy, p.dir, 'package.json'), 'utf8')).version;
      if (pending.length > 0 && to === p.version) problems.push(`${p.name}: changeset version left it at ${to} although ${pending.length} changesets are pending`);
      if (pending.length > 0 && !existsSync(join(copy, p.dir, 'CHANGELOG.md'))) problems.push(`${p.name}: changeset version wrote no CHANGELOG.md`);
      return { name: p.name, dir: p.dir, from: p.version, to, files: [] };
    });
    const jumped = packages.filter((p) => Number(p.to.split('.')[0]) > Number(p.from.split('.')[0]));
    if (!askedMajor && jumped.length > 0) {
      problems.push(
        `${jumped.length} packages would go to a new major version no changeset asked for (${jumped[0].from} → ${jumped[0].to}): a peerDependency's bump raises its dependents to major, and the "fixed" group carries it to every package (docs/publishing.md)`,
      );
    }

    // — what publish would upload —
    const filters = publishable.flatMap((p) => ['--filter', `./${p.dir}`]);
    const dry = await sh('pnpm', ['-r', ...filters, 'pack', '--dry-run', '--json'], { cwd: copy, env: { ...process.env, npm_config_update_notifier: 'false' } });
    if (dry.code !== 0) throw new Error(`pnpm pack --dry-run failed:\n${dry.out}${dry.err}`);
    const listed = new Map(JSON.parse(dry.out).map((e) => [e.name, e]));
    for (const p of packages) {
      const entry = listed.get(p.name);
      if (!entry) {
        problems.push(`${p.name}: pnpm pack --dry-run did not list it`);
        continue;
      }
      if (entry.version !== p.to) problems.push(`${p.name}: would publish ${entry.version}, changeset version set ${p.to}`);
      p.files = entry.files.map((f) => f.path);
      if (publish) {
        const pub = await sh('pnpm', ['publish', '--dry-run', '--json', '--no-git-checks', '--ignore-scripts'], {
          cwd: join(copy, p.dir),
          env: { ...process.env, npm_config_update_notifier: 'false' },
        });
        if (pub.code !== 0) problems.push(`${p.name}: pnpm publish --dry-run exited ${pub.code}:\n${pub.out}${pub.err}`);
        else {
          const files = (JSON.parse(pub.out)[p.name]?.files ?? []).map((f) => f.path).sort();
          if (JSON.stringify(files) !== JSON.stringify([...p.files].sort())) problems.push(`${p.name}: pnpm publish --dry-run lists other files than pnpm pack --dry-run`);
        }
      }
      const tarball = tarballName(p.name, p.from);
      if (!existsSync(join(tarballs, tarball))) {
        problems.push(`${p.name}: no tarball ${tarball} in ${tarballs} (the consumer test did not pack it)`);
        continue;
      }
      problems.push(...missingFromRelease(p.name, tarball, await tarballFiles(join(tarballs, tarball)), p.files));
    }
    return { work, packages, problems, warnings };
  } finally {
    if (!keep) rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (flag) => (process.argv.includes(flag) ? process.argv[process.argv.indexOf(flag) + 1] : undefined);
  const t0 = Date.now();
  try {
    const result = await rehearse({ tarballs: arg('--tarballs'), publish: process.argv.includes('--publish'), keep: process.argv.includes('--keep'), log: (l) => console.log(`  ${l}`) });
    for (const p of result.packages) console.log(`  ${p.name} ${p.from} → ${p.to}: ${p.files.length} files`);
    for (const w of result.warnings) console.log(`  ⚠ ${w}`);
    for (const problem of result.problems) console.log(`  ✗ ${problem}`);
    const ok = result.problems.length === 0;
    console.log(
      `${ok ? '✓' : '✗'} release rehearsal: ${result.packages.length} packages, ${result.problems.length} problems, ${((Date.now() - t0) / 1000).toFixed(1)} s${process.argv.includes('--keep') ? ` (kept ${result.work})` : ''}`,
    );
    process.exit(ok ? 0 : 1);
  } catch (error) {
    console.error(`release rehearsal: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
}
