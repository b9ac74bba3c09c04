// Bundles a TypeScript entry of this repo for Node with esbuild against the packages' sources
// (Node 20 cannot run TypeScript; tsx is not a dependency): what scripts/run-ts.mjs runs, and
// what the portal's end-to-end tests start (examples/portal/test/portal-harness.ts bundles the
// server once per test run instead of once per file).
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** NODE_PATH for the bundle: the native drivers (and pdfkit) stay outside it and load from these folders. */
export const bundleNodePath = ['packages/store-sqlite/node_modules', 'packages/store-postgres/node_modules', 'packages/documents-pdf/node_modules'].map((p) => join(root, p)).join(':');

/**
 * Bundles `entry` (a path relative to the repository root, or absolute) into the CommonJS file
 * `outfile`. `importMetaUrl`: what `import.meta.url` reads in the bundle (default the entry's
 * own URL; a generated entry in a temporary folder passes the file whose neighbours it reads).
 */
export async function bundleTs(entry, outfile, { importMetaUrl } = {}) {
  const source = resolve(root, entry);
  const esbuild = createRequire(createRequire(import.meta.url).resolve('tsup'))('esbuild');
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
    define: { 'import.meta.url': JSON.stringify(importMetaUrl ?? pathToFileURL(source).href) },
    // esbuild itself and the native drivers load from node_modules at run time; so does pdfkit,
    // which reads its font metrics from files next to its own code.
    external: ['better-sqlite3', 'pg', 'pg-native', 'esbuild', 'tsup', 'pdfkit'],
  });
}
