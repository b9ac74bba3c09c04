import type { ChainEvent, HazardSummary } from '@anjian/core';
import type { InspectionRecord, OutboxMessage } from '@anjian/core/ports';
import pg from 'pg';
import { createPostgresInspectionLog } from './create-postgres-inspection-log.js';
import { createPostgresStore } from './create-postgres-store.js';
import { PostgresStoreError } from './postgres-store-error.js';

/** One hazard's whole history, as a bulk loader writes it. */
export interface PostgresBulkHazard {
  /** Versions 1, 2, 3 … of one hazard, hash-chained. */
  events: readonly ChainEvent[];
  /** The list row after the last event. */
  summary: HazardSummary;
  /** The outbox messages of the events; written as delivered (this is history). */
  outbox: readonly OutboxMessage[];
}

/** Options of {@link createPostgresBulkLoader}. */
export interface PostgresBulkLoaderOptions {
  pool?: pg.Pool;
  connectionString?: string;
  /** The store's schema (migrated first). Default `anjian`. */
  schema?: string;
}

/** Writes histories and inspections in large transactions. */
export interface PostgresBulkLoader {
  readonly schema: string;
  /** Migrates the store's schema and the inspection log's table. Call once first. */
  migrate(): Promise<void>;
  /** Writes the hazards in one transaction (all or nothing); a hazard that already exists fails the batch. */
  writeHazards(hazards: readonly PostgresBulkHazard[]): Promise<void>;
  /** Records inspections in one statement; ids already recorded are kept. */
  writeInspections(records: readonly InspectionRecord[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * The PostgreSQL store's bulk path, for importing history: per batch, one transaction that
 * takes a block of log positions from the counter row (so live appends queue behind it and
 * the log stays contiguous) and writes events, list rows and delivered outbox rows with one
 * `INSERT … SELECT FROM unnest(arrays)` each; inspections the same way. Checks what `append`
 * would (versions contiguous from 1, list row at the last version); it does not run the
 * chain's decisions — `verifyAudit` tells whether the history is what the chain would write.
 */
export function createPostgresBulkLoader(options: PostgresBulkLoaderOptions): PostgresBulkLoader {
  const schema = options.schema ?? 'anjian';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new PostgresStoreError('CONFIG_INVALID', `schema must be a lower-case SQL identifier, got ${JSON.stringify(schema)}`);
  if (!options.pool && !options.connectionString) throw new PostgresStoreError('CONFIG_INVALID', 'give a pool or a connectionString');
  const ownsPool = !options.pool;
  const pool = options.pool ?? new pg.Pool({ connectionString: options.connectionString, max: 4 });
  const s = `"${schema}"`;
  return {
    schema,
    async migrate() {
      await createPostgresStore({ pool, schema }).migrate();
      await createPostgresInspectionLog({ pool, schema }).migrate();
    },
    async writeHazards(hazards) {
      const events: ChainEvent[] = [];
      for (const h of hazards) {
        const id = h.summary.hazardId;
        h.events.forEach((e, i) => {
          if (e.hazardId !== id || e.version !== i + 1) {
            throw new PostgresStoreError('INVALID_APPEND', `bulk load: hazard ${id}: event ${i + 1} must be version ${i + 1} of ${id}, got ${e.hazardId} v${e.version}`);
          }
          events.push(e);
        });
        if (h.events.length === 0 || h.summary.version !== h.events.length) {
          throw new PostgresStoreError('INVALID_APPEND', `bulk load: hazard ${id}: the list row must be at the last version (${h.events.length}), got ${h.summary.version}`);
        }
      }
      if (hazards.length === 0) return;
      const rows = hazards.map((h) => h.summary);
      const outbox = hazards.flatMap((h) => h.outbox);
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const base = Number((await client.query(`UPDATE ${s}.log_head SET seq = seq + $1 RETURNING seq - $1 AS base`, [events.length])).rows[0].base);
        await client.query(
          `INSERT INTO ${s}.events (seq, hazard_id, version, id, type, command_id, recorded_at, body)
           SELECT $1::bigint + ord, h, v, i, t, c, r, b FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) WITH ORDINALITY AS x(h, v, i, t, c, r, b, ord)`,
          [
            base,
            events.map((e) => e.hazardId),
            events.map((e) => e.version),
            events.map((e) => e.id),
            events.map((e) => e.type),
            events.map((e) => e.commandId),
            events.map((e) => e.recordedAt),
            events.map((e) => JSON.stringify(e)),
          ],
        );
        await client.query(
          `INSERT INTO ${s}.hazards (hazard_id, version, status, level, provisional, domain, area, enterprise_id, deadline, created_at, updated_at)
           SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::boolean[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])`,
          [
            rows.map((r) => r.hazardId),
            rows.map((r) => r.version),
            rows.map((r) => r.status),
            rows.map((r) => r.level),
            rows.map((r) => r.provisional),
            rows.map((r) => r.domain),
            rows.map((r) => r.area),
            rows.map((r) => r.enterpriseId),
            rows.map((r) => r.deadline),
            rows.map((r) => r.createdAt),
            rows.map((r) => r.updatedAt),
          ],
        );
        await client.query(
          `INSERT INTO ${s}.outbox (id, hazard_id, event_id, topic, payload, created_at, available_at, status, done_at)
           SELECT i, h, e, t, p, c, c, 'done', c FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS x(i, h, e, t, p, c, ord) ORDER BY ord`,
          [
            outbox.map((m) => m.id),
            outbox.map((m) => m.hazardId),
            outbox.map((m) => m.eventId),
            outbox.map((m) => m.topic),
            outbox.map((m) => JSON.stringify(m.payload)),
            outbox.map((m) => m.createdAt),
          ],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async writeInspections(records) {
      if (records.length === 0) return;
      await pool.query(
        `INSERT INTO ${s}.inspection_log (id, enterprise_id, recorded_at, body)
         SELECT i, e, r, b::jsonb FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS x(i, e, r, b, ord) ORDER BY ord ON CONFLICT (id) DO NOTHING`,
        [records.map((r) => r.id), records.map((r) => r.enterpriseId), records.map((r) => r.recordedAt), records.map((r) => JSON.stringify(r))],
      );
    },
    async close() {
      if (ownsPool) await pool.end();
    },
  };
}
