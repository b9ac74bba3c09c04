import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  // Inline core's pack.schema.json: an external JSON import would need an import attribute
  // in Node's ESM loader, which esbuild drops. Versions move together (one fixed group).
  noExternal: [/\.json$/],
});
