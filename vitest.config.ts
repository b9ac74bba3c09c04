import { defineConfig } from 'vitest/config';

// Workspace packages export their TypeScript sources under the `@anjian/source` condition, so
// tests run against src/ without a build. Vite resolves server-side (SSR) imports with its own
// condition list, so it goes into both lists (a test proves it: source-resolution.test.ts).
// The name is scoped so no consumer's bundler enables it: src/ is not published
// (scripts/check-packages.mjs, docs/publishing.md).
const conditions = ['@anjian/source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@anjian/source'] } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'checklists/*/test/**/*.test.ts',
      'checklists/*.test.ts',
      'examples/*/test/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
