/**
 * The root of `@anjian/core` stays small (issue 12): `node scripts/count-exports.mjs` prints the
 * count; this test fails `pnpm test` when it grows past the budget. Move a new name to a
 * subpath (`@anjian/core/ports`, `/audit`, `/internal`) rather than raising the budget.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportedNames, ROOT_EXPORT_BUDGET } from './count-exports.mjs';

const entry = (path: string) => fileURLToPath(new URL(`../packages/core/src/${path}`, import.meta.url));

describe('@anjian/core root API', () => {
  const root = exportedNames(entry('index.ts'));

  it(`exports at most ${ROOT_EXPORT_BUDGET} names`, () => {
    console.log(`@anjian/core root exports ${root.length} names`);
    expect(root.length).toBeLessThanOrEqual(ROOT_EXPORT_BUDGET);
  });

  it('keeps hashing, operator internals and store helpers off the root', () => {
    const names = new Set(root.map((n) => n.name));
    for (const internal of ['canonicalJson', 'computeEventHash', 'sha256Hex', 'nextLogHead', 'compileSafePath', 'readPath', 'operatorFactory', 'LEVEL_RANK', 'hazardStatsFromGroups', 'verifyAudit']) {
      expect(names.has(internal), internal).toBe(false);
    }
  });

  it('offers every root name again through @anjian/core/internal (one import path for the repository)', () => {
    const internal = new Set(exportedNames(entry('internal/index.ts')).map((n) => n.name));
    expect(root.map((n) => n.name).filter((n) => !internal.has(n))).toEqual([]);
  });
});
