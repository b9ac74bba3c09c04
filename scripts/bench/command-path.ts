// `pnpm bench:command-path`: the chain's command path (handleCommand: replay check → look-ups →
// load → decide → hash → outbox → append) without a database, on the same command mix as
// `pnpm bench:store` (report, issue_notice, submit_rectification with three photos, verify,
// close). Deterministic: a stepping clock (1 ms per reading) from 2026-10-12, so a run's
// output is the same every time and `--digest` prints one SHA-256 over everything written
// (events with their hashes, outbox rows, list rows, denials, results) — compare it between
// builds to show a change kept the output byte-identical.
//
// Two stores: `thin` keeps what it is given without copies (what is left is the chain's own
// cost: what PostgreSQL and SQLite add on top is their write path), `memory` is the core
// memory store (structuredClone on every read and write). Rounds alternate the two; the
// medians of transitions/s (wall clock) and of CPU µs per transition (process.cpuUsage, less
// inflated by other processes' load) are printed with the load average.
//
// Options: --hazards 2000 --rounds 5 --only thin|memory --digest (prints the digest only)
//          --ref <revision>: a same-process A/B — @anjian/core's sources at that revision
//          (git archive, under node_modules/.cache) against the working tree's: first both
//          digests (they must be equal), then both timed in alternation, and the median of the
//          rounds' CPU ratios (new ÷ old).
//          --against <revision>: with --ref, the new side is that revision's sources instead of
//          the working tree's (so one commit is measured against its parent while others'
//          uncommitted edits sit in the tree). The driver runs with --single-threaded-gc: the
//          CPU time of parallel GC helpers spinning on a loaded machine made a build measured
//          against itself come out 1.04–1.48× (load 8–13); single-threaded, 1.01–1.15× (load
//          12–21). Under such load, repeat a pair in both directions (--ref A --against B,
//          then --ref B --against A) and read both ratios.
// A profile: bundle it (`bundleTs` of scripts/bundle-ts.mjs) and run the bundle with
// `node --cpu-prof`.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as core from '@anjian/core';
import * as testing from '@anjian/core/testing';
import { digestOf, measure } from './command-path-run.js';

const { values } = parseArgs({
  options: {
    hazards: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '5' },
    only: { type: 'string' },
    digest: { type: 'boolean', default: false },
    ref: { type: 'string' },
    against: { type: 'string' },
  },
});
const hazards = Number(values.hazards);
const rounds = Number(values.rounds);
const kinds: ('thin' | 'memory')[] = values.only === 'thin' || values.only === 'memory' ? [values.only] : ['thin', 'memory'];

/** Bundles a driver that imports both builds and runs `abMain` (what scripts/bench/rules-ab.mjs does for the classifier). */
async function ab(ref: string, against: string | undefined): Promise<number> {
  const root = process.cwd();
  // A directory of this run's own: two runs at once (several people share the machine) must not delete each other's.
  mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
  const work = mkdtempSync(join(root, 'node_modules/.cache/command-path-ab-'));
  const extract = (revision: string, into: string) => {
    mkdirSync(join(work, into), { recursive: true });
    const archive = execFileSync('git', ['archive', revision, 'packages/core/src', 'packages/core/schema', 'packages/core/package.json'], { cwd: root, maxBuffer: 1 << 28 });
    execFileSync('tar', ['-x', '-C', join(work, into)], { input: archive });
  };
  extract(ref, 'old');
  if (against !== undefined) extract(against, 'new');
  const current = against === undefined ? '../../../packages/core/src' : './new/packages/core/src';
  const driver = join(work, 'driver.ts');
  writeFileSync(
    driver,
    `import * as oldCore from './old/packages/core/src/index.ts';
import * as oldTesting from './old/packages/core/src/testing/index.ts';
import * as newCore from '${current}/index.ts';
import * as newTesting from '${current}/testing/index.ts';
import { abMain } from '../../../scripts/bench/command-path-run.ts';
abMain({ ...oldCore, ...oldTesting }, { ...newCore, ...newTesting }, JSON.parse(process.argv[2]));
`,
  );
  const outfile = join(work, 'driver.cjs');
  const esbuild = createRequire(createRequire(import.meta.url).resolve('tsup'))('esbuild') as { build(options: object): Promise<unknown> };
  // The old sources' dependencies (@noble/hashes) resolve from the package's own node_modules.
  await esbuild.build({ entryPoints: [driver], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'error', nodePaths: [join(root, 'packages/core/node_modules')] });
  const result = spawnSync(process.execPath, ['--single-threaded-gc', outfile, JSON.stringify({ ref, against: against ?? 'working tree', hazards, rounds, kinds })], { stdio: 'inherit', cwd: root });
  rmSync(work, { recursive: true, force: true });
  return result.status ?? 2;
}

async function main(): Promise<void> {
  if (values.ref !== undefined) process.exit(await ab(values.ref, values.against));
  if (values.against !== undefined) throw new Error('--against needs --ref');
  const build = { ...core, ...testing };
  if (values.digest) console.log(`command path digest: ${await digestOf(build, Math.min(hazards, 200))}`);
  else await measure({ '': build }, kinds, hazards, rounds);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
