// Bundles a harness script (TypeScript, importing the loader from src/) into one CommonJS
// file that plain `node` runs in a child process, so a process abort (exit 134, FATAL) in
// the parser fails the test instead of killing the test runner.
//
// Why esbuild: Node 20 cannot run TypeScript, tsx is not installed, and the tests must run
// against src/ without a build. esbuild is present as tsup's dependency; we resolve it
// through tsup rather than depending on it directly.
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface EsbuildLike {
  build(options: Record<string, unknown>): Promise<unknown>;
}

/** Bundle `entry` to a temporary `.cjs` file and return its path. */
export async function bundleHarness(entry: string): Promise<string> {
  const require = createRequire(import.meta.url);
  const fromTsup = createRequire(require.resolve('tsup'));
  const esbuild = fromTsup('esbuild') as EsbuildLike;
  const outfile = join(mkdtempSync(join(tmpdir(), 'anjian-harness-')), 'harness.cjs');
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'error',
    conditions: ['source'],
  });
  return outfile;
}
