// `pnpm test:unit` leaves out named files and folders (vitest.unit.config.ts); a name that no
// longer exists would let a moved slow or service-bound test back into the fast path unnoticed.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UNIT_EXCLUDE } from '../vitest.unit.config.js';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('vitest.unit.config.ts', () => {
  it('names only files and folders that exist', () => {
    const named = UNIT_EXCLUDE.filter((p) => !p.startsWith('**/')).map((p) => p.replace(/\/\*\*$/, ''));
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((p) => !existsSync(`${root}${p}`))).toEqual([]);
  });

  it('leaves out what needs PostgreSQL, Chromium or a build', () => {
    expect(UNIT_EXCLUDE).toEqual(expect.arrayContaining(['packages/store-postgres/**', '**/*.e2e.test.ts', 'packages/cli/test/bin.test.ts', 'scripts/check-packages.test.ts']));
  });
});
