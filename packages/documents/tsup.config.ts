import { defineConfig } from 'tsup';
import { prebuiltDeclarations } from '../../scripts/tsup-declarations.mjs';

export default defineConfig({
  entry: { index: 'src/index.ts', 'node/index': 'src/node/index.ts' },
  format: ['esm', 'cjs'],
  // Declarations (written by tsc, bundled by tsup: scripts/tsup-declarations.mjs) read the
  // workspace packages this one imports from their built dist/ (pnpm -r builds them first),
  // not their sources through tsconfig's `@anjian/source` condition: the same .d.ts, without
  // type-checking core's sources again per package.
  dts: prebuiltDeclarations({ index: 'src/index.ts', 'node/index': 'src/node/index.ts' }, { customConditions: [] }),
  clean: true,
  sourcemap: true,
  shims: true,
  target: 'node20',
});
