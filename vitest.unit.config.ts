import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig, TEST_INCLUDE, UNIT_EXCLUDE } from './vitest.config.js';

// `pnpm test:unit`: the files that vitest.config.ts's UNIT_EXCLUDE does not name (the list, and
// why, is there: the whole suite runs the same set the same way, as its "unit" project).
export { UNIT_EXCLUDE };

// Test files share module instances within a worker (no isolation): the same ~90 files took
// 56 s of CPU instead of 169 s, measured on a 2-core machine.
export default mergeConfig(sharedConfig, defineConfig({ test: { include: TEST_INCLUDE, exclude: UNIT_EXCLUDE, isolate: false } }));
