/**
 * The photos of the items an inspection passed are bound to its record when the record is
 * written to a SQLite inspection log, a real file (the shared case:
 * scripts/test-utils/inspection-record-photos.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackEvaluator } from '@anjian/core';
import { inspectionRecordPhotosCase, loadFirePack } from '../../../scripts/test-utils/inspection-record-photos.js';
import { createSqliteInspectionLog } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'anjian-inspection-photos-'));
let fire: PackEvaluator;
beforeAll(async () => {
  fire = await loadFirePack();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an inspection recorded in a SQLite log keeps the photos of its passing items', () => {
  it('binds them to the record; the expiry leaves them; a retry binds only what the stored record names', async () => {
    const log = createSqliteInspectionLog({ path: join(dir, 'inspections.db') });
    try {
      await inspectionRecordPhotosCase(fire, log, expect);
    } finally {
      log.close();
    }
  });
});
