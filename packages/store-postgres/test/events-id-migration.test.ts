// Migration 11 on a schema at version 10 (the previous release) holding a log: the events
// lose UNIQUE (id) and gain CHECK (id = hazard_id || '/' || version), rows and positions
// unchanged; ids stay unique through UNIQUE (hazard_id, version), for the store and for any
// other writer; a log holding an id of another form stops the migration at version 10.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresBulkLoader, createPostgresStore, PG_MIGRATIONS, PostgresStoreError } from '../src/index.js';
import { appendInput } from '../../../scripts/test-utils/store-fixtures.js';
import { freshSchema } from './pg-env.js';

let env: Awaited<ReturnType<typeof freshSchema>>;
beforeAll(async () => {
  env = await freshSchema('anjian_events_id');
});
afterAll(async () => {
  await env?.drop();
});

/** A schema as the previous release's migrate() left it (version 10). */
async function version10(schema: string): Promise<string> {
  const s = `"${schema}"`;
  await env.pool.query(`CREATE SCHEMA ${s}`);
  await env.pool.query(`CREATE TABLE ${s}.schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  for (const [i, sql] of PG_MIGRATIONS.slice(0, 10).entries()) {
    await env.pool.query(sql.replaceAll('{schema}', s));
    await env.pool.query(`INSERT INTO ${s}.schema_migrations (version) VALUES ($1)`, [i + 1]);
  }
  return s;
}

const eventsShape = async (schema: string) => {
  const r = await env.pool.query(
    `SELECT c.conname, c.contype FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = $1 AND t.relname = 'events' ORDER BY c.conname`,
    [schema],
  );
  const version = await env.pool.query(`SELECT max(version) AS v FROM "${schema}".schema_migrations`);
  return { constraints: r.rows.map((row: { conname: string; contype: string }) => `${row.conname}:${row.contype}`), version: Number((version.rows[0] as { v: number }).v) };
};

const ids = async (schema: string) => (await env.pool.query(`SELECT seq::int AS seq, id FROM "${schema}".events ORDER BY seq`)).rows.map((r: { seq: number; id: string }) => [r.seq, r.id]);

describe('migration 11: events without UNIQUE (id)', () => {
  it('a version-10 log keeps its rows and positions; ids stay unique through (hazard_id, version); appends go on', async () => {
    const schema = `${env.schema}_a`;
    const s = await version10(schema);
    const before = createPostgresStore({ pool: env.pool, schema });
    for (const input of [appendInput('H-1', 0, 'c1'), appendInput('H-2', 0, 'c2'), appendInput('H-1', 1, 'c3'), appendInput('H-3', 0, 'c4')]) {
      expect((await before.append(input)).kind).toBe('ok');
    }
    expect((await eventsShape(schema)).constraints).toEqual(['events_hazard_id_version_key:u', 'events_id_key:u', 'events_pkey:p']);

    const store = createPostgresStore({ pool: env.pool, schema });
    await store.migrate();
    expect(await eventsShape(schema)).toEqual({ constraints: ['events_hazard_id_version_key:u', 'events_id_derived:c', 'events_pkey:p'], version: PG_MIGRATIONS.length });
    expect(await ids(schema)).toEqual([
      [1, 'H-1/1'],
      [2, 'H-2/1'],
      [3, 'H-1/2'],
      [4, 'H-3/1'],
    ]);
    expect((await store.findCommand('c3'))?.events.map((e) => e.id)).toEqual(['H-1/2']);
    expect((await store.append(appendInput('H-1', 2, 'c5'))).kind).toBe('ok');
    expect(await store.append(appendInput('H-2', 0, 'c6'))).toEqual({ kind: 'conflict', actualVersion: 1 });
    expect((await store.append(appendInput('H-4', 0, 'c7'))).kind).toBe('ok');

    // Another writer (an instance of the previous release calling append_group_v2, a hand-made
    // INSERT): an id already taken is refused by (hazard_id, version), any other form by the CHECK.
    const insert = (seq: number, hazard: string, version: number, id: string) =>
      env.pool.query(`INSERT INTO ${s}.events (seq, hazard_id, version, id, type, command_id, recorded_at, body) VALUES ($1, $2, $3, $4, 'reported', 'x', '', '{}')`, [seq, hazard, version, id]);
    await expect(insert(100, 'H-1', 1, 'H-1/1')).rejects.toMatchObject({ code: '23505' });
    await expect(insert(100, 'H-9', 1, 'H-1/1')).rejects.toMatchObject({ code: '23514' });
    await expect(insert(100, 'H-9', 1, 'H-9/2')).rejects.toMatchObject({ code: '23514' });
    expect(await ids(schema)).toEqual([
      [1, 'H-1/1'],
      [2, 'H-2/1'],
      [3, 'H-1/2'],
      [4, 'H-3/1'],
      [5, 'H-1/3'],
      [6, 'H-4/1'],
    ]);
    // Migrating again runs nothing more.
    await store.migrate();
    expect((await eventsShape(schema)).version).toBe(PG_MIGRATIONS.length);
  });

  it('a version-10 log holding an id of another form stays at version 10, its UNIQUE (id) kept, and says which event', async () => {
    const schema = `${env.schema}_b`;
    const s = await version10(schema);
    await env.pool.query(
      `INSERT INTO ${s}.events (seq, hazard_id, version, id, type, command_id, recorded_at, body) VALUES (1, 'H-1', 1, 'H-1/1', 'reported', 'c1', '', '{}'), (2, 'H-2', 1, 'ev-7', 'reported', 'c2', '', '{}')`,
    );
    const store = createPostgresStore({ pool: env.pool, schema });
    await expect(store.migrate()).rejects.toThrow(/seq 2 has id ev-7, not <hazard_id>\/<version> \(H-2\/1\).*日志位置 2 的事件编号 ev-7/);
    expect(await eventsShape(schema)).toEqual({ constraints: ['events_hazard_id_version_key:u', 'events_id_key:u', 'events_pkey:p'], version: 10 });
  });

  it('the store and the bulk loader refuse an event whose id is not <hazardId>/<version>, writing nothing', async () => {
    const schema = `${env.schema}_c`;
    const store = createPostgresStore({ pool: env.pool, schema });
    await store.migrate();
    const input = appendInput('H-1', 0, 'c1');
    const twin = { ...input, events: [{ ...input.events[0]!, id: 'H-0/1' }] };
    await expect(store.append(twin)).rejects.toThrow(PostgresStoreError);
    await expect(store.append(twin)).rejects.toThrow(/<hazardId>\/<version>/);
    const loader = createPostgresBulkLoader({ pool: env.pool, schema });
    await expect(loader.writeHazards([{ events: twin.events, summary: input.summary, outbox: [] }])).rejects.toThrow(/with id H-1\/1, got H-1 v1 \(H-0\/1\)/);
    expect(await store.readLog(1, 10)).toEqual([]);
  });
});
