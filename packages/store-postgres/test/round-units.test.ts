// The register a round works on (core's roundUnits: GET /queues/{role}, /rounds, /rounds/{id},
// /reports) read from a PostgreSQL schema in two calls — the current tenancies and listPremises —
// gives the units of the per-enterprise reading (one round trip per enterprise and tenancy)
// and of the memory directory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryRentalDirectory } from '@anjian/core';
import type { EnterpriseRecord } from '@anjian/core/ports';
import { roundUnits } from '@anjian/core/internal';
import { generateCity, roundUnitsOneByOne } from '@anjian/core/testing';
import { createPostgresRentalDirectory } from '../src/index.js';
import { freshSchema } from './pg-env.js';

let env: Awaited<ReturnType<typeof freshSchema>>;
beforeAll(async () => {
  env = await freshSchema('anjian_round_units');
});
afterAll(async () => {
  await env?.drop();
});

const city = generateCity({ seed: 'round-units-postgres', enterprises: 600 });
const enterprises = city.enterprises as unknown as EnterpriseRecord[];

describe('roundUnits over the PostgreSQL rental directory', () => {
  it('two reads give the units of the per-enterprise reading, and of the memory directory', async () => {
    const rental = createPostgresRentalDirectory({ pool: env.pool, schema: env.schema });
    await rental.migrate();
    await rental.load(city.rental);
    const memory = createMemoryRentalDirectory(city.rental);
    // Ended and renewed tenancies: only current ones count.
    for (const d of [rental, memory]) {
      const [first, second] = city.rental.tenancies;
      await d.endTenancy({ ...first!, endedAt: '2026-03-01T00:00:00.000Z' });
      await d.endTenancy({ ...second!, endedAt: '2026-03-01T00:00:00.000Z' });
      await d.startTenancy({ ...second!, startedAt: '2026-04-01T00:00:00.000Z' });
    }
    const units = await roundUnits(enterprises, rental);
    expect(units).toEqual(await roundUnitsOneByOne(enterprises, rental));
    expect(units).toEqual(await roundUnits(enterprises, memory));
    expect(units.filter((u) => u.premises.length > 1).length).toBeGreaterThan(10);
  }, 60_000);
});
