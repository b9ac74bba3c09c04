// The register a round works on (core's roundUnits: GET /queues/{role}, /rounds, /rounds/{id},
// /reports) read from a SQLite file in two calls — the current tenancies and listPremises — gives
// the units of the per-enterprise reading; and every tenancy query is served by an index (the
// `(@x IS NULL OR col = @x)` form scanned every tenancy period per call: 1.6 ms at a city's
// 4 000 tenancies, 28 s for one work queue's 15 000 enterprises).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryRentalDirectory } from '@anjian/core';
import type { EnterpriseRecord } from '@anjian/core/ports';
import { roundUnits } from '@anjian/core/internal';
import { generateCity, roundUnitsOneByOne } from '@anjian/core/testing';
import { createSqliteRentalDirectory } from '../src/index.js';
import { tenancySelect } from '../src/create-sqlite-rental-directory.js';

const dir = mkdtempSync(join(tmpdir(), 'anjian-round-units-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const city = generateCity({ seed: 'round-units-sqlite', enterprises: 600 });
const enterprises = city.enterprises as unknown as EnterpriseRecord[];

describe('roundUnits over the SQLite rental directory (file)', () => {
  it('two reads give the units of the per-enterprise reading, and of the memory directory', async () => {
    const path = join(dir, 'units.db');
    const rental = createSqliteRentalDirectory({ path });
    const memory = createMemoryRentalDirectory(city.rental);
    rental.load(city.rental);
    // Ended and renewed tenancies: only current ones count.
    for (const d of [rental, memory]) {
      const [first, second] = city.rental.tenancies;
      await d.endTenancy({ ...first!, endedAt: '2026-03-01T00:00:00.000Z' });
      await d.endTenancy({ ...second!, endedAt: '2026-03-01T00:00:00.000Z' });
      await d.startTenancy({ ...second!, startedAt: '2026-04-01T00:00:00.000Z' });
    }
    try {
      const units = await roundUnits(enterprises, rental);
      expect(units).toEqual(await roundUnitsOneByOne(enterprises, rental));
      expect(units).toEqual(await roundUnits(enterprises, memory));
      expect(units.filter((u) => u.premises.length > 1).length).toBeGreaterThan(10);
      // The rewritten tenancy query answers as the memory directory does, for every field a query names.
      const t = city.rental.tenancies[5]!;
      const landlord = city.rental.premises.find((p) => p.id === t.premisesId)!.enterpriseId;
      for (const landlordEnterpriseId of [undefined, landlord])
        for (const tenantEnterpriseId of [undefined, t.tenantEnterpriseId, city.rental.tenancies[1]!.tenantEnterpriseId])
          for (const premisesId of [undefined, t.premisesId])
            for (const includeEnded of [undefined, true]) {
              const q = { landlordEnterpriseId, tenantEnterpriseId, premisesId, includeEnded };
              const query = Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined));
              expect(await rental.tenancies(query), JSON.stringify(query)).toEqual(await memory.tenancies(query));
            }
    } finally {
      rental.close();
    }
  });

  it('every tenancy query names its fields as equalities and is served by an index, never a scan of the periods', () => {
    const path = join(dir, 'plan.db');
    createSqliteRentalDirectory({ path }).close();
    const db = new Database(path, { readonly: true });
    try {
      for (const landlord of [false, true])
        for (const tenant of [false, true])
          for (const premises of [false, true]) {
            if (!landlord && !tenant && !premises) continue; // the whole list reads every current period by design
            for (const ended of [false, true]) {
              const plan = (db.prepare(`EXPLAIN QUERY PLAN ${tenancySelect(landlord, tenant, premises, ended)}`).all({ landlord: 'L', tenant: 'T', premises: 'P' }) as { detail: string }[]).map(
                (r) => r.detail,
              );
              expect(plan.join(' | '), JSON.stringify({ landlord, tenant, premises, ended })).not.toMatch(/SCAN (r|rental_tenancy_period)\b/);
            }
          }
    } finally {
      db.close();
    }
  });
});
