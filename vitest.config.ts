import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

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

export default defineConfig({
  resolve: { conditions, ...(betterSqlite3 ? { alias: { 'better-sqlite3': betterSqlite3 } } : {}) },
  ssr: { resolve: { conditions, externalConditions: ['@anjian/source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'checklists/*/test/**/*.test.ts', 'checklists/*.test.ts', 'examples/*/test/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: on a 2-core machine (CI's) that is
    // one file at a time, while most of the long files wait on Chromium, PostgreSQL or a child
    // process. Two workers there overlap that waiting with the CPU-bound files.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
