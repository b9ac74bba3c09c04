// Bundles a TypeScript harness (importing workspace packages from their src/) into one
// file that plain `node` runs in a child process. Used by tests that must survive a crash,
// a kill -9 or a process abort of the code under test, or that need several processes.
//
// Why esbuild: Node 20 cannot run TypeScript, tsx is not installed, and the tests run against
// src/ without a build. esbuild is present as tsup's dependency; it is resolved through tsup.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface EsbuildLike {
  build(options: Record<string, unknown>): Promise<unknown>;
}

/**
 * Bundle `entry` to a `.cjs` file and return its path. Native modules (better-sqlite3, pg)
 * listed in `external` stay external and load from node_modules at run time, so give an
 * `outDir` inside the package that depends on them (e.g. `<package>/.tmp`, git-ignored).
 */
export async function bundleHarness(entry: string, options: { external?: string[]; outDir?: string } = {}): Promise<string> {
  const require = createRequire(import.meta.url);
  const fromTsup = createRequire(require.resolve('tsup'));
  const esbuild = fromTsup('esbuild') as EsbuildLike;
  const base = options.outDir ?? tmpdir();
  mkdirSync(base, { recursive: true });
  const outfile = join(mkdtempSync(join(base, 'anjian-harness-')), 'harness.cjs');
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'error',
    conditions: ['@anjian/source'],
    external: options.external ?? [],
  });
  return outfile;
}
