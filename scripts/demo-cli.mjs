#!/usr/bin/env node
// The command-line demo (`pnpm demo:cli`): validate every pack, classify each example inspection and print its hazards
// with level, explanation and basis, then walk two of the hazards through the review chain
// on the embedded SQLite store (data in .data/demo) and verify the audit trail.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = 'packages/cli/dist/bin.js';
const run = (args) => {
  console.log(`\n$ anjian ${args.join(' ')}`);
  return spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: 'inherit' }).status ?? 2;
};

let status = run(['validate', 'checklists', 'examples/packs', '--quiet']);
const inspections = readdirSync(new URL('../examples/inspections/', import.meta.url))
  .filter((name) => /\.(ya?ml|json)$/.test(name) && !name.includes('.expected.'))
  .sort();
for (const name of inspections) {
  const code = run(['classify', '--packs', 'checklists', `examples/inspections/${name}`]);
  if (code !== 0) status = code;
}
console.log('\n$ node scripts/run-ts.mjs scripts/demo/review-chain.ts .data/demo');
const chain = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'scripts/demo/review-chain.ts', '.data/demo'], { cwd: root, stdio: 'inherit' });
if (chain.status !== 0) status = chain.status ?? 2;
process.exit(status);
