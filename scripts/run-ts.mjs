#!/usr/bin/env node
// Runs a TypeScript script of this repo against the packages' sources: bundles it with
// esbuild (Node 20 cannot run TypeScript; tsx is not a dependency) and runs the bundle.
//
//   node scripts/run-ts.mjs scripts/crash/cli.ts --store sqlite
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleNodePath, bundleTs } from './bundle-ts.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const [entry, ...args] = process.argv.slice(2).filter((a) => a !== '--');
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <script.ts> [args…]');
  process.exit(2);
}
const outDir = mkdtempSync(join(root, 'scripts/.tmp-'));
const outfile = join(outDir, 'script.cjs');
await bundleTs(entry, outfile);
const NODE_PATH = bundleNodePath;
const child = spawn(process.execPath, [outfile, ...args], { stdio: 'inherit', cwd: root, env: { ...process.env, NODE_PATH } });
// Ctrl-C reaches the script too (same process group): let it stop in its own way, then clean up.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}
child.on('exit', (code, signal) => {
  rmSync(outDir, { recursive: true, force: true });
  process.exit(code ?? (signal ? 128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 }[signal] ?? 1) : 2));
});
