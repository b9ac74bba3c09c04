import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * `pnpm test:unit`: the fast path beside the full `pnpm test` — no services, no build, no
 * child processes. It leaves out, and only the full suite (and CI) runs:
 * - what needs PostgreSQL, Chromium or a build (dist/);
 * - what starts processes or servers: the CLI bin, the demo, the crash harness, the loader's
 *   child-process runs, the PDF checks with poppler's tools, the multi-process SQLite tests,
 *   the HTTP API behind node:http and its hosts (Express, Fastify, Koa), the attack suite,
 *   the portal example;
 * - the exhaustive suites: 10 000 generated packs (validate ⇔ compile), the review chain's
 *   model-based run, the permission matrix, the differential runs against json-rules-engine,
 *   the whole-API contract and OpenAPI lint.
 * Everything else — the unit, property and conformance tests of every package — runs.
 */
export const UNIT_EXCLUDE = [
  '**/node_modules/**',
  // Services: PostgreSQL at 127.0.0.1:5432; Chromium (playwright-core) against the portal; Mosquitto at 127.0.0.1:1883.
  'packages/store-postgres/**',
  'packages/documents-pdf/test/postgres.test.ts',
  'packages/sensor-mqtt/test/**',
  '**/*.e2e.test.ts',
  // A build: the built CLI bin and the packed tarballs (publint, attw).
  'packages/cli/test/bin.test.ts',
  'packages/cli/test/fail-closed.test.ts',
  'packages/cli/test/new-pack-bin.test.ts',
  'packages/cli/test/bin-pack-author.test.ts',
  'packages/http/test/consumer-types.test.ts',
  'scripts/check-packages.test.ts',
  'scripts/consumer/**',
  // Processes and servers (and system tools: poppler's pdfinfo/pdftotext).
  'packages/documents-pdf/test/pdf.test.ts',
  'packages/documents-pdf/test/numbered.test.ts',
  'scripts/demo.test.ts',
  'scripts/demo/**',
  'scripts/crash/**',
  'packages/core/test/loader-child-process.test.ts',
  'packages/store-sqlite/test/sqlite-store.test.ts',
  'packages/store-sqlite/test/audit-tamper.test.ts',
  'packages/http/test/attack/**',
  'packages/http/test/flow.test.ts',
  'packages/http/test/generated-client.test.ts',
  'packages/http/test/hosts.test.ts',
  'examples/**',
  // Exhaustive suites.
  'packages/core/src/pack/validate-equals-compile.test.ts',
  'packages/core/src/chain/review-chain.model.test.ts',
  'packages/core/src/chain/permission-matrix.test.ts',
  'packages/core/src/classify/compile-pack.diff.test.ts',
  'packages/core/src/rules/compile-condition.diff.test.ts',
  'packages/http/test/contract.test.ts',
  'packages/http/test/openapi-lint.test.ts',
];

// Test files share module instances within a worker (no isolation): the same ~90 files took
// 56 s of CPU instead of 169 s, measured on a 2-core machine. The full suite keeps isolation,
// so a test that leaks state into the next file is still caught there.
export default mergeConfig(base, defineConfig({ test: { exclude: UNIT_EXCLUDE, isolate: false } }));
