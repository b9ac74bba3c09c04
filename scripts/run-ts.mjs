#!/usr/bin/env node
// Runs a TypeScript script of this repo against the packages' sources: bundles it with
// esbuild (Node 20 cannot run TypeScript; tsx is not a dependency) and runs the bundle.
//
//   node scripts/run-ts.mjs scripts/crash/cli.ts --store sqlite
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const [entry, ...args] = process.argv.slice(2).filter((a) => a !== '--');
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <script.ts> [args…]');
  process.exit(2);
}
const source = resolve(root, entry);
const esbuild = createRequire(createRequire(import.meta.url).resolve('tsup'))('esbuild');
const outDir = mkdtempSync(join(root, 'scripts/.tmp-'));
const outfile = join(outDir, 'script.cjs');
await esbuild.build({
  entryPoints: [source],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile,
  logLevel: 'error',
  conditions: ['@anjian/source'],
  // Scripts find their neighbours relative to their own source file.
  define: { 'import.meta.url': JSON.stringify(pathToFileURL(source).href) },
  // esbuild itself and the native drivers load from node_modules at run time.
  // pdfkit stays outside too: it reads its font metrics from files next to its own code.
  external: ['better-sqlite3', 'pg', 'pg-native', 'esbuild', 'tsup', 'pdfkit'],
});
const NODE_PATH = ['packages/store-sqlite/node_modules', 'packages/store-postgres/node_modules', 'packages/documents-pdf/node_modules'].map((p) => join(root, p)).join(':');
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
