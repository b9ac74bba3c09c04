import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runRentalDirectoryConformance } from '@anjian/core/testing';
import { createSqliteRentalDirectory, type SqliteRentalDirectory } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'anjian-rental-'));
const open: SqliteRentalDirectory[] = [];
afterAll(() => {
  for (const d of open) d.close();
  rmSync(dir, { recursive: true, force: true });
});

// One database file shared by every test: the suite's ids are unique per call, and a batch
// refused by `load` must leave the file as it was.
const path = join(dir, 'rental.db');
runRentalDirectoryConformance({
  name: 'sqlite (file)',
  create: (seed) => {
    const d = createSqliteRentalDirectory({ path });
    open.push(d);
    d.load(seed);
    return d;
  },
  describe,
  it,
  expect,
});

describe('sqlite rental directory', () => {
  it('a refused batch writes nothing; a premises id already stored is refused in both languages', async () => {
    const d = createSqliteRentalDirectory({ path: ':memory:' });
    open.push(d);
    const p = { id: 'P1', enterpriseId: 'L1', address: '1 号', area: 'D1', kinds: [], nineSmall: false, labourIntensive: false, groupRental: true };
    d.load({ premises: [p], tenancies: [] });
    expect(() => d.load({ premises: [{ ...p, id: 'P2' }, p], tenancies: [] })).toThrow('premises P1 is already registered');
    expect(await d.premises('P2')).toBeNull();
  });
});
