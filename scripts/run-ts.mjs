#!/usr/bin/env node
// Bundles the crash harness (TypeScript, against the packages' sources) and runs it.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const esbuild = createRequire(createRequire(import.meta.url).resolve('tsup'))('esbuild');
const outDir = mkdtempSync(join(root, 'scripts/crash/.tmp-'));
const outfile = join(outDir, 'cli.cjs');
await esbuild.build({
  entryPoints: [fileURLToPath(new URL('./cli.ts', import.meta.url))],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile,
  logLevel: 'error',
  conditions: ['source'],
  // The harness finds its writer and the repo relative to its own source file.
  define: { 'import.meta.url': JSON.stringify(pathToFileURL(fileURLToPath(new URL('./cli.ts', import.meta.url))).href) },
  // esbuild itself and the native drivers load from node_modules at run time.
  external: ['better-sqlite3', 'pg', 'pg-native', 'esbuild', 'tsup'],
});
const NODE_PATH = ['packages/store-sqlite/node_modules', 'packages/store-postgres/node_modules'].map((p) => join(root, p)).join(':');
const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(2).filter((a) => a !== '--')], {
  stdio: 'inherit',
  cwd: root,
  env: { ...process.env, NODE_PATH },
});
process.exit(run.status ?? 2);
