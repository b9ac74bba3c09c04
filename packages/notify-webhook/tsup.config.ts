import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  // Declarations read the workspace packages this one imports from their built dist/
  // (pnpm -r builds them first), not their sources through tsconfig's `@anjian/source`
  // condition: the same .d.ts, without type-checking core's sources again per package.
  dts: { compilerOptions: { customConditions: [] } },
  clean: true,
  sourcemap: true,
  target: 'node20',
});
