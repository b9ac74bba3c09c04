// commitBatch decides a batch in memory after locking the devices' state rows; a first state
// inserted by another writer in between is not locked by that read. The counts of the writes
// tell, and the batch is redone step by step: it answers conflict, writes nothing of its own.
import { initialDeviceState } from '@anjian/core/internal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDeviceRegistry, type PostgresDeviceRegistry } from '../src/index.js';
import { freshSchema } from './pg-env.js';

let env: Awaited<ReturnType<typeof freshSchema>>;
let registry: PostgresDeviceRegistry;
beforeAll(async () => {
  env = await freshSchema('anjian_race');
  registry = createPostgresDeviceRegistry({ pool: env.pool, schema: env.schema });
  await registry.migrate();
});
afterAll(async () => {
  await env?.drop();
});

describe('PostgreSQL device registry: a batch raced by another writer', () => {
  it('a first state inserted meanwhile: the batch is redone step by step and conflicts, nothing of it written', async () => {
    const T0 = '2026-12-06T01:00:00.000Z';
    const state = initialDeviceState('D-1', new Date(T0));
    const other = await env.pool.connect();
    try {
      await other.query('BEGIN');
      await other.query(`INSERT INTO "${env.schema}".monitoring_state (device_id, version, body) VALUES ('D-1', 1, $1)`, [JSON.stringify({ ...state, version: 1 })]);
      const batch = registry.commitBatch([
        { deviceId: 'D-1', expectedVersion: 0, state: { ...state, alarm: true }, messageId: 'm-1', warnings: [], now: T0 },
        { deviceId: 'D-1', expectedVersion: 1, state: { ...state, alarm: true }, messageId: 'm-2', warnings: [], now: T0 },
      ]);
      // The batch waits on the other writer's row; let it get there, then commit the other.
      await new Promise((r) => setTimeout(r, 300));
      await other.query('COMMIT');
      expect(await batch).toEqual([
        { kind: 'conflict', actualVersion: 1 },
        { kind: 'conflict', actualVersion: 1 },
      ]);
    } finally {
      other.release();
    }
    expect(await registry.hasMessage('D-1', 'm-1', T0)).toBe(false);
    expect(await registry.hasMessage('D-1', 'm-2', T0)).toBe(false);
    expect((await registry.loadState('D-1'))?.alarm).toBe(false);
  });
});
