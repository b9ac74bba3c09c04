#!/usr/bin/env node
// Paired A/B of the classifier: @anjian/core's sources at a git revision (default HEAD)
// against the working tree, in one process, on the same seeded records. For changes to the
// hot path (rules/, classify/) on a shared machine, where two separate bench runs differ by
// more than the change does.
//
//   node scripts/bench/rules-ab.mjs                       # HEAD vs working tree, fire and gas
//   node scripts/bench/rules-ab.mjs --ref HEAD~3 --records 2000 --runs 9
//   node scripts/bench/rules-ab.mjs --check-only          # byte-identical results, no timing
//
// First it checks that both give byte-identical results (the JSON of every classification,
// explanations included) on every record of every mix: realistic, stress, and the same
// records as JSON.parse gives them (what an HTTP host hands over). Then it times both,
// alternating which goes first per run and per chunk (CPU time), and prints per mix the median rate of
// each and the median of the per-run ratios (new / old), with the load average.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { bundleNodePath, bundleTs } from '../bundle-ts.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({
  options: {
    ref: { type: 'string', default: 'HEAD' },
    pack: { type: 'string', multiple: true, default: ['checklists/fire', 'checklists/gas'] },
    records: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '7' },
    chunk: { type: 'string', default: '500' },
    seed: { type: 'string', default: '20261128' },
    mix: { type: 'string', multiple: true, default: ['realistic', 'stress', 'json', 'json-stress'] },
    'check-only': { type: 'boolean', default: false },
  },
});

// outside the test globs (vitest skips node_modules), where bare imports still resolve
const work = join(root, 'node_modules/.cache/rules-ab');
rmSync(work, { recursive: true, force: true });
mkdirSync(join(work, 'old'), { recursive: true });
// the old sources, beside the new ones (imports inside packages/core/src are relative)
const archive = execFileSync('git', ['archive', values.ref, 'packages/core/src', 'packages/core/package.json'], { cwd: root, maxBuffer: 1 << 28 });
execFileSync('tar', ['-x', '-C', join(work, 'old')], { input: archive });
const driver = join(work, 'driver.ts');
writeFileSync(
  driver,
  `import { compilePack as compileOld } from './old/packages/core/src/classify/compile-pack.ts';
import { compilePack as compileNew } from '../../../packages/core/src/classify/compile-pack.ts';
import { run } from '../../../scripts/bench/rules-ab-driver.mjs';
run(compileOld, compileNew, JSON.parse(process.argv[2]));
`,
);
const outfile = join(work, 'driver.cjs');
await bundleTs(driver, outfile, { importMetaUrl: pathToFileURL(join(root, 'scripts/bench/rules-ab-driver.mjs')).href });
const result = spawnSync(process.execPath, [outfile, JSON.stringify(values)], { stdio: 'inherit', cwd: root, env: { ...process.env, NODE_PATH: bundleNodePath } });
rmSync(work, { recursive: true, force: true });
process.exit(result.status ?? 2);
