/**
 * The photos of the items an inspection passed are bound to its record when the record is
 * written to a PostgreSQL inspection log (the shared case: scripts/test-utils/inspection-record-photos.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackEvaluator } from '@anjian/core';
import { inspectionRecordPhotosCase, loadFirePack } from '../../../scripts/test-utils/inspection-record-photos.js';
import { createPostgresInspectionLog } from '../src/index.js';
import { freshSchema } from './pg-env.js';

let env: Awaited<ReturnType<typeof freshSchema>>;
let fire: PackEvaluator;
beforeAll(async () => {
  env = await freshSchema('anjian_insp_photos');
  fire = await loadFirePack();
});
afterAll(async () => {
  await env?.drop();
});

describe('an inspection recorded in a PostgreSQL log keeps the photos of its passing items', () => {
  it('binds them to the record; the expiry leaves them; a retry binds only what the stored record names', async () => {
    const log = createPostgresInspectionLog({ pool: env.pool, schema: env.schema });
    await log.migrate();
    await inspectionRecordPhotosCase(fire, log, expect);
  });
});
