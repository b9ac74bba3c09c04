import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
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

  it('a file written before periods: its tenancies become period 1, an end recorded in rental_tenancy_end kept', async () => {
    const file = join(dir, 'legacy.db');
    const old = new Database(file);
    old.exec(`
      CREATE TABLE rental_premises (id TEXT PRIMARY KEY, enterprise_id TEXT NOT NULL, area TEXT NOT NULL, group_rental INTEGER NOT NULL, body TEXT NOT NULL) STRICT;
      CREATE TABLE rental_tenancy (premises_id TEXT NOT NULL REFERENCES rental_premises (id), tenant_enterprise_id TEXT NOT NULL, PRIMARY KEY (premises_id, tenant_enterprise_id)) STRICT, WITHOUT ROWID;
      CREATE TABLE rental_tenancy_end (premises_id TEXT NOT NULL, tenant_enterprise_id TEXT NOT NULL, ended_at TEXT NOT NULL, PRIMARY KEY (premises_id, tenant_enterprise_id)) STRICT, WITHOUT ROWID;
    `);
    const body = { id: 'P1', enterpriseId: 'L1', address: '1 号', area: 'D1', kinds: [], nineSmall: false, labourIntensive: false, groupRental: false };
    old.prepare('INSERT INTO rental_premises VALUES (?, ?, ?, 0, ?)').run('P1', 'L1', 'D1', JSON.stringify(body));
    old.exec("INSERT INTO rental_tenancy VALUES ('P1', 'T1'), ('P1', 'T2'); INSERT INTO rental_tenancy_end VALUES ('P1', 'T1', '2026-03-01T00:00:00.000Z');");
    old.close();
    for (let i = 0; i < 2; i++) {
      const d = createSqliteRentalDirectory({ path: file });
      open.push(d);
      expect(await d.tenancies({ premisesId: 'P1', includeEnded: true })).toEqual([
        { premisesId: 'P1', landlordEnterpriseId: 'L1', tenantEnterpriseId: 'T1', area: 'D1', period: 1, endedAt: '2026-03-01T00:00:00.000Z' },
        { premisesId: 'P1', landlordEnterpriseId: 'L1', tenantEnterpriseId: 'T2', area: 'D1', period: 1 },
      ]);
    }
    const d = open.at(-1)!;
    expect((await d.startTenancy({ premisesId: 'P1', tenantEnterpriseId: 'T1', startedAt: '2026-04-01T00:00:00.000Z' })).period).toBe(2);
  });
});
