import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '@anjian/core/audit';
import { generateCity } from '@anjian/core/internal';
import { runReportReadModelConformance } from '@anjian/core/testing';
import { createPostgresBulkLoader, createPostgresReportReadModel, createPostgresStore } from '../src/index.js';
import { freshSchema } from './pg-env.js';

let env: Awaited<ReturnType<typeof freshSchema>>;
let n = 0;
beforeAll(async () => {
  env = await freshSchema('anjian_reports');
});
afterAll(async () => {
  await env?.drop();
});

runReportReadModelConformance({
  name: 'postgres (bulk loader)',
  open: async () => {
    const schema = `${env.schema}_${++n}`;
    const loader = createPostgresBulkLoader({ pool: env.pool, schema });
    await loader.migrate();
    return {
      model: createPostgresReportReadModel({ pool: env.pool, schema }),
      writeHazards: (h) => loader.writeHazards(h),
      writeInspections: (r) => loader.writeInspections(r),
      close: async () => void (await env.pool.query(`DROP SCHEMA "${schema}" CASCADE`)),
    };
  },
  describe,
  it,
  expect,
});

describe('PostgreSQL bulk loader', () => {
  it('loads a history the audit accepts, and refuses a hazard already there', async () => {
    const city = generateCity({ seed: 'postgres-reports', enterprises: 30, inspectionsPerEnterprise: 40, hazardRate: 0.1 });
    const loader = createPostgresBulkLoader({ pool: env.pool, schema: env.schema });
    await loader.migrate();
    const hazards = [...city.chunks()].flatMap((c) => c.hazards);
    await loader.writeHazards(hazards);
    await expect(loader.writeHazards([hazards[0]!])).rejects.toThrow();
    const store = createPostgresStore({ pool: env.pool, schema: env.schema });
    expect((await verifyAudit(store, { now: city.until })).problems).toEqual([]);
  });
});
