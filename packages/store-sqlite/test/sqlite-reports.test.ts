import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '@anjian/core/audit';
import { buildPeriodicReport, generateCity, type CityChunk } from '@anjian/core/internal';
import { runReportReadModelConformance } from '@anjian/core/testing';
import { createSqliteBulkLoader, createSqliteReportReadModel, createSqliteStore, type SqliteReportReadModel } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'anjian-reports-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runReportReadModelConformance({
  name: 'sqlite (bulk loader)',
  open: () => {
    const path = join(dir, `conformance-${++n}.db`);
    const loader = createSqliteBulkLoader({ path });
    const model = createSqliteReportReadModel({ path });
    return {
      model,
      writeHazards: (h) => loader.writeHazards(h),
      writeInspections: (r) => loader.writeInspections(r),
      close: () => {
        loader.close();
        model.close();
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
