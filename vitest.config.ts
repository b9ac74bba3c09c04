import { availableParallelism } from 'node:os';
import { defineConfig, mergeConfig } from 'vitest/config';

// Workspace packages export their TypeScript sources under the `@anjian/source` condition, so
// tests run against src/ without a build. Vite resolves server-side (SSR) imports with its own
// condition list, so it goes into both lists (a test proves it: source-resolution.test.ts).
// The name is scoped so no consumer's bundler enables it: src/ is not published
// (scripts/check-packages.mjs, docs/publishing.md).
const conditions = ['@anjian/source', 'module', 'node', 'development|production'];
// scripts/test-node-versions.sh runs the suite on Node 22 and 24 with a better-sqlite3 built
// for that Node in a cache outside the tree (the tree's copy stays built for the Node that
// installed it, so other runs on the same checkout are not disturbed); child processes the
// tests spawn find it through scripts/better-sqlite3-hook.mjs.
const betterSqlite3 = process.env.ANJIAN_BETTER_SQLITE3;

/** Where test files are. */
export const TEST_INCLUDE = [
  'packages/*/src/**/*.test.ts',
  'packages/*/test/**/*.test.ts',
  'checklists/*/test/**/*.test.ts',
  'checklists/*.test.ts',
  'examples/*/test/**/*.test.ts',
  'scripts/**/*.test.ts',
];

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
  'packages/documents-pdf/test/concurrent-numbering.test.ts',
  'packages/sensor-mqtt/test/**',
  '**/*.e2e.test.ts',
  // A build: the built CLI bin and the packed tarballs (publint, attw).
  'packages/cli/test/bin.test.ts',
  'packages/cli/test/fail-closed.test.ts',
  'packages/cli/test/new-pack-bin.test.ts',
  'packages/cli/test/bin-pack-author.test.ts',
  'packages/http/test/consumer-types.test.ts',
  'scripts/check-packages.test.ts',
  'scripts/check-doc-snippets.test.ts',
  'scripts/consumer/**',
  // Processes and servers (and system tools: poppler's pdfinfo/pdftotext).
  'packages/documents-pdf/test/pdf.test.ts',
  'packages/documents-pdf/test/sqlite.test.ts',
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

/** What the whole suite and `pnpm test:unit` share: resolution, time limits, the pool. */
export const sharedConfig = defineConfig({
  resolve: { conditions, ...(betterSqlite3 ? { alias: { 'better-sqlite3': betterSqlite3 } } : {}) },
  ssr: { resolve: { conditions, externalConditions: ['@anjian/source'] } },
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: on a 2-core machine (CI's) that is
    // one file at a time, while most of the long files wait on Chromium, PostgreSQL or a child
    // process. Two workers there overlap that waiting with the CPU-bound files. A third was
    // measured and not kept (2026-12-07, one fresh clone, 2 cores, nothing else running): the
    // whole run took 568 s with two workers (783 s of CPU, children included) and 548 s with
    // three (751 s) — 0.96×, within the runs' spread, for more contention. `--maxWorkers`
    // overrides it.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});

// The files UNIT_EXCLUDE names, written as include patterns within TEST_INCLUDE: a folder
// (`name/**`) narrows each TEST_INCLUDE pattern to that folder, `**/*.e2e.test.ts` takes each
// pattern with that file name, a file stays itself. A pattern of another shape stops the run here.
function excludedAsInclude(): string[] {
  const narrow = (folder: string, pattern: string): string | undefined => {
    const f = folder.split('/');
    const p = pattern.split('/');
    for (let i = 0; i < f.length; i++) {
      if (p[i] === '**') return [...f, ...p.slice(i)].join('/');
      if (i === p.length - 1 || (p[i] !== '*' && p[i] !== f[i])) return undefined;
    }
    return [...f, ...p.slice(f.length)].join('/');
  };
  return UNIT_EXCLUDE.filter((x) => x !== '**/node_modules/**').flatMap((x) => {
    if (/^[\w./-]+\.test\.ts$/.test(x)) return [x];
    if (x === '**/*.e2e.test.ts') return TEST_INCLUDE.map((p) => p.replace(/\*\.test\.ts$/, '*.e2e.test.ts'));
    if (/^[\w./-]+\/\*\*$/.test(x)) return TEST_INCLUDE.map((p) => narrow(x.slice(0, -3), p)).filter((p): p is string => p !== undefined);
    throw new Error(`vitest.config.ts: cannot run UNIT_EXCLUDE's ${x} in the isolated project; write it as a file or a folder/**`);
  });
}

export default mergeConfig(
  sharedConfig,
  defineConfig({
    test: {
      // Two projects in one run, on the same workers. "unit" is the set `pnpm test:unit` runs:
      // its files share module instances within a worker (no isolation), which took the ~140
      // files 75 s of CPU instead of 199 s (measured on a 2-core machine); Node 22 and 24 run
      // the same set the same way (scripts/test-node-versions.sh). The price: no run isolates
      // these files any more, so state a file leaves behind (a mock, a global, a module's
      // cache) meets the next file of its worker: restore what you change. "isolated" is the
      // rest (a fresh module graph per file): services, browsers, child processes, builds and
      // the exhaustive suites. The isolated files start first (projects are ordered by name),
      // so the long ones are not left for the end.
      projects: [
        { extends: true, test: { name: 'unit', include: TEST_INCLUDE, exclude: UNIT_EXCLUDE, isolate: false } },
        {
          extends: true,
          test: {
            name: 'isolated',
            include: excludedAsInclude(),
            // A folder per run where the portal's end-to-end files share one bundle of the server.
            globalSetup: ['examples/portal/test/global-setup.ts'],
          },
        },
      ],
    },
  }),
);
