/**
 * Vitest global setup (vitest.config.ts): a folder for this run where the portal's end-to-end
 * files share one bundle of the server (portal-harness.ts builds it when the first file starts
 * a portal). Bundling the server with esbuild for every file cost each of them a second or more
 * of CPU on a 2-core machine. The folder goes when the run ends.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the portal harness keeps the server bundle of this run. */
    portalBundleDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  // Named here, made by the first file that needs it: a run without portal files (or `vitest
  // list`, which skips the teardown) leaves nothing behind.
  const dir = join(tmpdir(), `anjian-portal-bundle-${process.pid}-${Date.now().toString(36)}`);
  project.provide('portalBundleDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
