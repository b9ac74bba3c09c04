import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '@anjian/core/audit';
import { cityLandlordViews, runReportReadModelConformance, generateCity } from '@anjian/core/testing';
import type { ChainEvent } from '@anjian/core';
import { createPostgresBulkLoader, createPostgresInspectionLog, createPostgresReportReadModel, createPostgresStore } from '../src/index.js';
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
      store: createPostgresStore({ pool: env.pool, schema }),
      close: async () => void (await env.pool.query(`DROP SCHEMA "${schema}" CASCADE`)),
    };
  },
  describe,
  it,
  expect,
});

describe('PostgreSQL bulk loader', () => {
  it('loads a history the audit accepts, and refuses a hazard already there; landlords read their tenants’ hazards at the premises as on the in-memory store', async () => {
    // One district of two grids, so there are tenants (and hazards at the premises they rent).
    const city = generateCity({ seed: 'postgres-reports', enterprises: 30, inspectionsPerEnterprise: 40, hazardRate: 0.1, districts: 1, gridsPerDistrict: 2 });
    const loader = createPostgresBulkLoader({ pool: env.pool, schema: env.schema });
    await loader.migrate();
    const hazards = [...city.chunks()].flatMap((c) => c.hazards);
    await loader.writeHazards(hazards);
    await expect(loader.writeHazards([hazards[0]!])).rejects.toThrow();
    const store = createPostgresStore({ pool: env.pool, schema: env.schema });
    expect((await verifyAudit(store, { now: city.until })).problems).toEqual([]);
    const views = await cityLandlordViews(city, store);
    expect(views.flatMap((v) => v.premises.flatMap((p) => p.tenants)).filter((t) => t.open + t.closed > 0).length).toBeGreaterThan(0);
    expect(views).toEqual(await cityLandlordViews(city));
  });

  it('copies text with tabs, newlines, backslashes and 中文 as it was, nulls as null, JSON intact; keeps an inspection id already recorded', async () => {
    const schema = `${env.schema}_copy`;
    const loader = createPostgresBulkLoader({ pool: env.pool, schema });
    await loader.migrate();
    const city = generateCity({ seed: 'postgres-copy', enterprises: 4, inspectionsPerEnterprise: 20, hazardRate: 0.3 });
    const chunks = [...city.chunks()];
    const awkward = 'tab\there\nline\r\n back\\slash \\N \\t \\. 隐患整改 "q" 😀';
    const [first, ...rest] = chunks.flatMap((c) => c.hazards);
    const hazard = {
      events: first!.events.map((e, i) => (i === 0 ? ({ ...e, data: { ...e.data, title: { 'zh-CN': awkward, en: awkward } } } as ChainEvent) : e)),
      summary: { ...first!.summary, premisesId: awkward, deadline: null },
      outbox: first!.outbox.map((m) => ({ ...m, payload: { ...m.payload, note: awkward } })),
    };
    await loader.writeHazards([hazard, ...rest]);
    const store = createPostgresStore({ pool: env.pool, schema });
    expect((await store.readEvents(hazard.summary.hazardId)).map(({ seq: _seq, ...e }) => e)).toEqual(hazard.events);
    const page = await store.query({ premisesId: awkward }, { limit: 10 });
    expect(page.items).toEqual([expect.objectContaining({ hazardId: hazard.summary.hazardId, premisesId: awkward, deadline: null })]);
    const outbox = await store.readOutbox(0, 1000);
    expect(outbox.filter((m) => m.hazardId === hazard.summary.hazardId).map(({ seq: _seq, ...m }) => m)).toEqual(hazard.outbox);
    expect(outbox.length).toBe([hazard, ...rest].reduce((n, h) => n + h.outbox.length, 0));

    const [a, b, c] = chunks.flatMap((x) => x.inspections);
    const odd = { ...a!, id: `in-${awkward}`, actorId: awkward };
    await loader.writeInspections([odd, b!]);
    // b again with another body, and a new record: b is kept as first recorded, c is added.
    await loader.writeInspections([{ ...b!, actorId: 'changed' }, c!]);
    const log = createPostgresInspectionLog({ pool: env.pool, schema });
    expect(await log.readInspection(odd.id)).toEqual(odd);
    expect(await log.readInspection(b!.id)).toEqual(b);
    expect(await log.readInspection(c!.id)).toEqual(c);
    expect(Number((await env.pool.query(`SELECT count(*) AS n FROM "${schema}".inspection_log`)).rows[0].n)).toBe(3);
    // A batch of many COPY chunks that meets a recorded id in its first row takes the same path.
    const many = generateCity({ seed: 'postgres-copy-many', enterprises: 10, inspectionsPerEnterprise: 150, hazardRate: 0 });
    const records = [...many.chunks()].flatMap((x) => x.inspections);
    await loader.writeInspections([b!, ...records]);
    expect(Number((await env.pool.query(`SELECT count(*) AS n FROM "${schema}".inspection_log`)).rows[0].n)).toBe(3 + records.length);
    expect(await log.readInspection(b!.id)).toEqual(b);
    await env.pool.query(`DROP SCHEMA "${schema}" CASCADE`);
  });

  it('rows are written as COPY reads them: an event that is not JSON deep in a many-chunk call fails the call mid-copy and writes nothing of it', async () => {
    const schema = `${env.schema}_midcopy`;
    const loader = createPostgresBulkLoader({ pool: env.pool, schema });
    await loader.migrate();
    const hazards = [...generateCity({ seed: 'postgres-midcopy', enterprises: 200, inspectionsPerEnterprise: 1, hazardRate: 1 }).chunks()].flatMap((c) => c.hazards);
    const last = hazards.length - 1;
    const broken = hazards.map((h, i) => (i === last ? { ...h, events: h.events.map((e, j) => (j === 0 ? ({ ...e, data: { n: 1n } } as unknown as ChainEvent) : e)) } : h));
    // More than one 256 KB chunk of COPY text comes before the bad event.
    expect(hazards.reduce((n, h) => n + h.events.reduce((m, e) => m + JSON.stringify(e).length, 0), 0)).toBeGreaterThan(1 << 19);
    await expect(loader.writeHazards(broken)).rejects.toThrow(/BigInt/);
    const count = async (table: string) => Number((await env.pool.query(`SELECT count(*) AS n FROM "${schema}".${table}`)).rows[0].n);
    expect([await count('events'), await count('hazards'), await count('outbox')]).toEqual([0, 0, 0]);
    // The log position block was not taken either, and the pool's connections still work.
    await loader.writeHazards(hazards);
    const store = createPostgresStore({ pool: env.pool, schema });
    expect((await store.readLog(1, 1)).map((e) => e.seq)).toEqual([1]);
    expect(await count('events')).toBe(hazards.reduce((n, h) => n + h.events.length, 0));
    await env.pool.query(`DROP SCHEMA "${schema}" CASCADE`);
  });
});
