import { defineConfig } from 'tsup';
import { prebuiltDeclarations } from '../../scripts/tsup-declarations.mjs';

const entry = {
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
};

export default defineConfig({
  // `internal/index` re-exports every area, so it comes first: the declaration bundler
  // (rollup-plugin-dts) fails to parse an entry whose modules an earlier entry already
  // pulled in partially ("Expected '{', got 'type'").
  entry,
  format: ['esm', 'cjs'],
  // Declarations: written by tsc, bundled by tsup (scripts/tsup-declarations.mjs).
  dts: prebuiltDeclarations(entry),
  clean: true,
  sourcemap: true,
  target: 'node20',
  external: ['vitest'],
});
