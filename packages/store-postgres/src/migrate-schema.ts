import type pg from 'pg';
import { PG_MIGRATIONS } from './migrations.js';
import { PostgresStoreError } from './postgres-store-error.js';

/**
 * Creates `schemaName` and runs its pending {@link PG_MIGRATIONS}, each in a transaction,
 * under an advisory lock so instances starting together migrate once. Used by the store's
 * `migrate()` and by the stores whose tables are part of these migrations (co-sign codes).
 */
export async function migrateSchema(pool: pg.Pool, schemaName: string): Promise<void> {
  const s = `"${schemaName}"`;
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [`anjian-migrate:${schemaName}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${s}.schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = await client.query(`SELECT coalesce(max(version), 0) AS v FROM ${s}.schema_migrations`);
    const current = Number((done.rows[0] as { v: unknown }).v);
    if (current > PG_MIGRATIONS.length) {
      throw new PostgresStoreError('SCHEMA_TOO_NEW', `schema ${schemaName} is at version ${current}, newer than this release knows (${PG_MIGRATIONS.length})`);
    }
    for (let version = current + 1; version <= PG_MIGRATIONS.length; version++) {
      await client.query('BEGIN');
      try {
        await client.query(PG_MIGRATIONS[version - 1]!.replaceAll('{schema}', s));
        await client.query(`INSERT INTO ${s}.schema_migrations (version) VALUES ($1)`, [version]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`anjian-migrate:${schemaName}`]).catch(() => undefined);
    client.release();
  }
}
