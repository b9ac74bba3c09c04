import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * `pnpm test:unit`: the fast path beside the full `pnpm test`. The same tests minus those that
 * need PostgreSQL, Chromium, a build (dist/) or a server process under load; they run in the
 * full suite (and in CI). No build, no services: a fresh clone after `pnpm install` runs it.
 */
export const UNIT_EXCLUDE = [
  '**/node_modules/**',
  // PostgreSQL at 127.0.0.1:5432.
  'packages/store-postgres/**',
  // Chromium (playwright-core) against the portal.
  '**/*.e2e.test.ts',
  // A bundled HTTP server under attack load.
  'packages/http/test/attack/**',
  // Read dist/: the built CLI bin and the packed tarballs (publint, attw).
  'packages/cli/test/bin.test.ts',
  'packages/cli/test/fail-closed.test.ts',
  'scripts/check-packages.test.ts',
  // Start the demo portal (`pnpm demo`) and kill writer processes mid-write.
  'scripts/demo.test.ts',
  'scripts/crash/**',
];

export default mergeConfig(base, defineConfig({ test: { exclude: UNIT_EXCLUDE } }));
