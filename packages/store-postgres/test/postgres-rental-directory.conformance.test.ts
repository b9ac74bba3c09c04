import { runRentalDirectoryConformance } from '@anjian/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresRentalDirectory } from '../src/index.js';
import { freshSchema } from './pg-env.js';

// One schema for the file: the suite's ids are unique per call, and a batch refused by
// `load` must leave the tables as they were.
let env: Awaited<ReturnType<typeof freshSchema>>;
beforeAll(async () => {
  env = await freshSchema('anjian_rental');
  await createPostgresRentalDirectory({ pool: env.pool, schema: env.schema }).migrate();
});
afterAll(async () => {
  await env?.drop();
});

runRentalDirectoryConformance({
  name: 'postgres',
  create: async (seed) => {
    const d = createPostgresRentalDirectory({ pool: env.pool, schema: env.schema });
    await d.load(seed);
    return d;
  },
  describe,
  it,
  expect,
});

describe('postgres rental directory', () => {
  it('a refused batch writes nothing; a premises id already stored is refused', async () => {
    const d = createPostgresRentalDirectory({ pool: env.pool, schema: env.schema });
    const p = { id: 'dup-P1', enterpriseId: 'L1', address: '1 号', area: 'D1', kinds: [], nineSmall: false, labourIntensive: false, groupRental: true };
    await d.load({ premises: [p], tenancies: [] });
    await expect(d.load({ premises: [{ ...p, id: 'dup-P2' }, p], tenancies: [] })).rejects.toThrow('premises dup-P1 is already registered');
    expect(await d.premises('dup-P2')).toBeNull();
  });

  it('tables written before periods: their tenancies become period 1 at migrate(), an end in rental_tenancy_end kept', async () => {
    const legacy = await freshSchema('anjian_rental_old');
    try {
      const q = (sql: string) => legacy.pool.query(sql.replaceAll('S.', `"${legacy.schema}".`));
      await legacy.pool.query(`CREATE SCHEMA IF NOT EXISTS "${legacy.schema}"`);
      await q(`CREATE TABLE S.rental_premises (id TEXT COLLATE "C" PRIMARY KEY, enterprise_id TEXT COLLATE "C" NOT NULL, area TEXT NOT NULL, group_rental BOOLEAN NOT NULL, body JSONB NOT NULL)`);
      await q(
        `CREATE TABLE S.rental_tenancy (premises_id TEXT COLLATE "C" NOT NULL REFERENCES S.rental_premises (id), tenant_enterprise_id TEXT COLLATE "C" NOT NULL, PRIMARY KEY (premises_id, tenant_enterprise_id))`,
      );
      await q(
        `CREATE TABLE S.rental_tenancy_end (premises_id TEXT COLLATE "C" NOT NULL, tenant_enterprise_id TEXT COLLATE "C" NOT NULL, ended_at TEXT NOT NULL, PRIMARY KEY (premises_id, tenant_enterprise_id))`,
      );
      const body = { id: 'P1', enterpriseId: 'L1', address: '1 号', area: 'D1', kinds: [], nineSmall: false, labourIntensive: false, groupRental: false };
      await legacy.pool.query(`INSERT INTO "${legacy.schema}".rental_premises VALUES ('P1', 'L1', 'D1', false, $1)`, [JSON.stringify(body)]);
      await q(`INSERT INTO S.rental_tenancy VALUES ('P1', 'T1'), ('P1', 'T2')`);
      await q(`INSERT INTO S.rental_tenancy_end VALUES ('P1', 'T1', '2026-03-01T00:00:00.000Z')`);
      const d = createPostgresRentalDirectory({ pool: legacy.pool, schema: legacy.schema });
      await d.migrate();
      await d.migrate();
      expect(await d.tenancies({ premisesId: 'P1', includeEnded: true })).toEqual([
        { premisesId: 'P1', landlordEnterpriseId: 'L1', tenantEnterpriseId: 'T1', area: 'D1', period: 1, endedAt: '2026-03-01T00:00:00.000Z' },
        { premisesId: 'P1', landlordEnterpriseId: 'L1', tenantEnterpriseId: 'T2', area: 'D1', period: 1 },
      ]);
      expect((await d.startTenancy({ premisesId: 'P1', tenantEnterpriseId: 'T1', startedAt: '2026-04-01T00:00:00.000Z' })).period).toBe(2);
    } finally {
      await legacy.drop();
    }
  });

  it('two starts of one tenancy at once: one wins, the other is refused', async () => {
    const d = createPostgresRentalDirectory({ pool: env.pool, schema: env.schema });
    const p = { id: 'race-P1', enterpriseId: 'L1', address: '1 号', area: 'D1', kinds: [], nineSmall: false, labourIntensive: false, groupRental: false };
    await d.load({ premises: [p], tenancies: [] });
    const start = { premisesId: 'race-P1', tenantEnterpriseId: 'T1', startedAt: '2026-04-01T00:00:00.000Z' };
    const results = await Promise.allSettled([d.startTenancy(start), d.startTenancy(start), d.startTenancy(start)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => ((r as PromiseRejectedResult).reason as { code: string }).code)).toEqual(['CONFLICT', 'CONFLICT']);
    expect(await d.tenancies({ premisesId: 'race-P1', includeEnded: true })).toHaveLength(1);
  });
});
