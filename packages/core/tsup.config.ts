import { defineConfig } from 'tsup';

export default defineConfig({
  // `internal/index` re-exports every area, so it comes first: the declaration bundler
  // (rollup-plugin-dts) fails to parse an entry whose modules an earlier entry already
  // pulled in partially ("Expected '{', got 'type'").
  entry: {
    'internal/index': 'src/internal/index.ts',
    index: 'src/index.ts',
    'ports/index': 'src/ports.ts',
    'audit/index': 'src/audit/index.ts',
    'reports/index': 'src/reports.ts',
    'permits/index': 'src/permits.ts',
    'rounds/index': 'src/rounds.ts',
    'monitoring/index': 'src/monitoring.ts',
    'review/index': 'src/review.ts',
    'node/index': 'src/node/index.ts',
    'testing/index': 'src/testing/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  external: ['vitest'],
});
