import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '@anjian/core/audit';
import { createMemoryEvidenceStore, createStaticDirectory, handleCommand } from '@anjian/core';
import { buildPeriodicReport, createMemoryRentalDirectory, narrow, readScopes, withLandlordTenancies } from '@anjian/core/internal';
import type { HazardFilter } from '@anjian/core/ports';
import {
  cityLandlordViews,
  createFixedClock,
  reportCommand,
  runReportReadModelConformance,
  TEST_ACTORS,
  TEST_CALENDAR_2026,
  TEST_ENTERPRISES,
  generateCity,
  type CityChunk,
} from '@anjian/core/testing';
import { createSqliteBulkLoader, createSqliteReportReadModel, createSqliteStore, type SqliteReportReadModel, type SqliteStore } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'anjian-reports-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runReportReadModelConformance({
  name: 'sqlite (bulk loader)',
  open: () => {
    const path = join(dir, `conformance-${++n}.db`);
    const loader = createSqliteBulkLoader({ path });
    const model = createSqliteReportReadModel({ path });
    const store = createSqliteStore({ path });
    return {
      model,
      writeHazards: (h) => loader.writeHazards(h),
      writeInspections: (r) => loader.writeInspections(r),
      store,
      close: () => {
        loader.close();
        model.close();
        store.close();
      },
    };
  },
  describe,
  it,
  expect,
});

describe('SQLite bulk loader and report projection', () => {
  const path = join(dir, 'city.db');
  const city = generateCity({ seed: 'sqlite-reports', enterprises: 60, inspectionsPerEnterprise: 40, hazardRate: 0.1 });
  const chunks: CityChunk[] = [...city.chunks()];
  let model: SqliteReportReadModel;
  beforeAll(() => {
    const loader = createSqliteBulkLoader({ path });
    for (const chunk of chunks) {
      loader.writeHazards(chunk.hazards);
      loader.writeInspections(chunk.inspections);
    }
    loader.close();
    model = createSqliteReportReadModel({ path });
  });
  afterAll(() => model.close());

  it('loads a history the audit accepts, and refuses a broken one whole', async () => {
    const store = createSqliteStore({ path });
    try {
      expect((await verifyAudit(store, { now: city.until })).problems).toEqual([]);
    } finally {
      store.close();
    }
    const [h] = generateCity({ seed: 'broken', enterprises: 3, hazardRate: 0.3 }).chunks().next().value!.hazards;
    const loader = createSqliteBulkLoader({ path });
    try {
      expect(() => loader.writeHazards([{ ...h!, events: h!.events.slice(1) }])).toThrow(/version 1/);
      expect(() => loader.writeHazards([h!, h!])).toThrow();
    } finally {
      loader.close();
    }
    const check = createSqliteStore({ path });
    try {
      expect(await check.load(h!.summary.hazardId)).toBeNull();
    } finally {
      check.close();
    }
  });

  it('is rebuilt from the log when the facts’ definition changes', async () => {
    const Database = (await import('better-sqlite3')).default;
    const report = () => buildPeriodicReport(model, { kind: 'quarterly', period: '2026-Q3', now: '2026-12-01T00:00:00.000Z' });
    const before = await report();
    const db = new Database(path);
    db.prepare("UPDATE report_hazards SET level = 'major'").run();
    db.prepare("UPDATE report_cursor SET seq = 1 WHERE name = 'fact-version'").run();
    db.close();
    expect(await report()).toEqual(before);
  });
});

describe('SQLite bulk loader and premises', () => {
  it('a seeded city’s landlords read, in their landlord view, their tenants’ hazards at the premises they rent, as on the in-memory store', async () => {
    const city = generateCity({ seed: 'sqlite-landlords', enterprises: 40, inspectionsPerEnterprise: 20, hazardRate: 0.1, districts: 1, gridsPerDistrict: 2 });
    const path = join(dir, 'landlords.db');
    const loader = createSqliteBulkLoader({ path });
    for (const chunk of city.chunks()) loader.writeHazards(chunk.hazards);
    loader.close();
    const store = createSqliteStore({ path });
    try {
      const views = await cityLandlordViews(city, store);
      expect(views.flatMap((v) => v.premises.flatMap((p) => p.tenants)).filter((t) => t.open + t.closed > 0).length).toBeGreaterThan(0);
      expect(views).toEqual(await cityLandlordViews(city));
    } finally {
      store.close();
    }
  });

  it('a bulk-loaded hazard at a tenant’s premises is found by the landlord and the premises query exactly like one appended through the chain', async () => {
    // E2 lets premises PA to E1; the hazard is E1's, found at PA.
    const flags = { kinds: ['restaurant'], nineSmall: true, labourIntensive: false, groupRental: false };
    const rental = createMemoryRentalDirectory({
      premises: [{ id: 'PA', enterpriseId: 'E2', address: '工业路 1 号', area: 'D1/G1', ...flags }],
      tenancies: [{ premisesId: 'PA', tenantEnterpriseId: 'E1' }],
    });
    const chained = createSqliteStore({ path: join(dir, 'premises-chain.db') });
    const deps = {
      store: chained,
      clock: createFixedClock('2026-11-02T01:00:00Z'),
      directory: createStaticDirectory(Object.values(TEST_ACTORS), TEST_ENTERPRISES),
      calendar: TEST_CALENDAR_2026,
      evidence: createMemoryEvidenceStore(),
    };
    for (const [hazardId, at] of [
      ['h-pa', { premisesId: 'PA', landlordEnterpriseId: 'E2' }],
      ['h-none', {}],
    ] as const) {
      const r = await handleCommand(deps, reportCommand(hazardId, at), 'grid-g1');
      if ('rejection' in r) throw new Error(r.rejection.message.en);
    }
    // The same histories, bulk-loaded into another file.
    const bulkPath = join(dir, 'premises-bulk.db');
    const loader = createSqliteBulkLoader({ path: bulkPath });
    const outbox = await chained.readOutbox(0, 100);
    const summaries = (await chained.query({}, { limit: 10 })).items;
    loader.writeHazards(
      await Promise.all(
        summaries.map(async (summary) => ({
          events: (await chained.readEvents(summary.hazardId)).map(({ seq: _seq, ...e }) => e),
          summary,
          outbox: outbox.filter((m) => m.hazardId === summary.hazardId).map(({ seq: _seq, ...m }) => m),
        })),
      ),
    );
    loader.close();
    const bulk = createSqliteStore({ path: bulkPath });
    try {
      const landlord = readScopes(await withLandlordTenancies({ id: 'owner-e2', roles: ['enterprise'], enterpriseIds: ['E2'] }, rental));
      if (landlord === 'all') throw new Error('unexpected');
      const read = async (store: SqliteStore, filter: HazardFilter) => {
        const rows = [];
        for (const scope of landlord) {
          const f = narrow(filter, scope);
          if (f) rows.push(...(await store.query(f, { limit: 100 })).items);
        }
        return rows;
      };
      for (const store of [chained, bulk]) {
        expect((await read(store, {})).map((r) => [r.hazardId, r.premisesId])).toEqual([['h-pa', 'PA']]);
        expect((await store.query({ premisesId: 'PA' }, { limit: 10 })).items.map((r) => r.hazardId)).toEqual(['h-pa']);
      }
      expect(await read(bulk, {})).toEqual(await read(chained, {}));
      expect((await bulk.query({}, { limit: 10 })).items).toEqual(summaries);
    } finally {
      bulk.close();
      chained.close();
    }
  });
});
