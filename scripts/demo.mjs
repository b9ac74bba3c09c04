#!/usr/bin/env node
// The demo: validate every pack, then classify each example inspection and print its
// hazards with level, explanation and basis.
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
process.exit(status);
