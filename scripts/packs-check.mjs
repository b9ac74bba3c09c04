#!/usr/bin/env node
// Validates and tests every checklist pack with the built CLI, exactly as a department's CI
// would: `anjian validate` must find no errors, `anjian test` must pass with full rule coverage
// and no scenario warning (an answer that does not count, a missing inspectedAt: --max-warnings 0),
// for the packs and for the example overlay.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = 'packages/cli/dist/bin.js';
const steps = [
  ['validate', 'checklists', 'examples/packs', '--quiet'],
  ['test', 'checklists', 'examples/packs', '--coverage-threshold', '100', '--max-warnings', '0'],
  // local overlays (tighten only) are tested with their own scenarios, like packs
  ['test', 'checklists', '--overlay', 'examples/overlays/example-city-gas/overlay.yaml', '--coverage-threshold', '100', '--max-warnings', '0'],
];
let failed = false;
for (const args of steps) {
  console.log(`\n$ anjian ${args.join(' ')}`);
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
