// Used before migrate(): every store and read model of the package says to run migrate()
// (NOT_MIGRATED, English and 中文), not PostgreSQL's raw `relation … does not exist` (42P01).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPostgresDeviceRegistry,
  createPostgresDocumentServiceLog,
  createPostgresInspectionLog,
  createPostgresPermitStore,
  createPostgresReportReadModel,
  createPostgresRentalDirectory,
  createPostgresRoundStore,
  createPostgresStore,
  isStoreError,
  PostgresStoreError,
} from '../src/index.js';
import { freshSchema } from './pg-env.js';

let env: Awaited<ReturnType<typeof freshSchema>>;
beforeAll(async () => {
  env = await freshSchema('anjian_unmigrated');
});
afterAll(async () => {
  await env?.drop();
});

async function refusal(p: Promise<unknown>): Promise<PostgresStoreError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PostgresStoreError);
  return error as PostgresStoreError;
}

describe('PostgreSQL stores used before migrate()', () => {
  it('the store says NOT_MIGRATED and to run `await store.migrate()`, in both languages, with the raw error as cause', async () => {
    const store = createPostgresStore({ pool: env.pool, schema: env.schema });
    const e = await refusal(store.load('H-1'));
    expect(isStoreError(e)).toBe(true);
    expect(e.code).toBe('NOT_MIGRATED');
    expect(e.message).toContain('await store.migrate()');
    expect(e.localized['zh-CN']).toContain('请在使用前运行 await store.migrate()');
    expect((e.cause as { code?: string }).code).toMatch(/^(42P01|3F000)$/);
  });

  it('every other store and read model says the same once the schema exists without its tables', async () => {
    await env.pool.query(`CREATE SCHEMA "${env.schema}"`);
    const opts = { pool: env.pool, schema: env.schema };
    const codes = await Promise.all(
      [
        createPostgresStore(opts).load('H-1'),
        createPostgresInspectionLog(opts).readInspection('I-1'),
        createPostgresRoundStore(opts).roundEntries('R-1'),
        createPostgresPermitStore(opts).readPermit('P-1'),
        createPostgresDeviceRegistry(opts).getDevice('D-1'),
        createPostgresDocumentServiceLog(opts).readService('H-1'),
        createPostgresRentalDirectory(opts).premises('PR-1'),
        // The report read model creates its own tables, then reads the store's log.
        createPostgresReportReadModel(opts).refresh(),
      ].map(async (p) => (await refusal(p)).code),
    );
    expect(codes).toEqual(Array(8).fill('NOT_MIGRATED'));
  });

  it('after migrate() the same calls answer', async () => {
    const store = createPostgresStore({ pool: env.pool, schema: env.schema });
    await store.migrate();
    expect(await store.load('H-1')).toBeNull();
  });
});
