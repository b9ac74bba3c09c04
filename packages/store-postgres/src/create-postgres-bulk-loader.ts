import type { ChainEvent, HazardSummary } from '@anjian/core';
import type { InspectionRecord, OutboxMessage } from '@anjian/core/ports';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createPostgresInspectionLog } from './create-postgres-inspection-log.js';
import { createPostgresStore } from './create-postgres-store.js';
import { guardPool, checkPostgresOptions, PostgresStoreError } from './postgres-store-error.js';

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

/** Writes histories and inspections in large transactions, with `COPY`. */
export interface PostgresBulkLoader {
  readonly schema: string;
  /** Migrates the store's schema and the inspection log's table. Call once first. */
  migrate(): Promise<void>;
  /** Writes the hazards in one transaction (all or nothing); a hazard that already exists fails the batch. */
  writeHazards(hazards: readonly PostgresBulkHazard[]): Promise<void>;
  /** Records inspections in one transaction; ids already recorded are kept. */
  writeInspections(records: readonly InspectionRecord[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * The PostgreSQL store's bulk path, for importing history. Rows go in with `COPY … FROM STDIN`
 * (text format, through `pg-copy-streams`), not with one statement per row or parameter arrays.
 *
 * `writeHazards`: one transaction per call that takes a block of log positions from the
 * counter row (so live appends queue behind it and the log stays contiguous) and copies the
 * events, the list rows (with the premises of the hazard's report) and the delivered outbox
 * rows. It checks what `append` would (versions contiguous from 1, list row at the last
 * version); it does not run the chain's decisions — `verifyAudit` tells whether the history
 * is what the chain would write. A hazard or event already in the store fails the whole call
 * (the unique keys stay in place during the copy) and nothing of it is written.
 *
 * `writeInspections`: one transaction per call that copies the records straight into the
 * inspection log; when an id is already there (the copy fails on the unique key and is rolled
 * back), the call copies into a temporary table instead and inserts from it with
 * `ON CONFLICT (id) DO NOTHING`, so ids already recorded are kept, in input order, as before.
 */
export function createPostgresBulkLoader(options: PostgresBulkLoaderOptions): PostgresBulkLoader {
  checkPostgresOptions(options, 'createPostgresBulkLoader');
  const schema = options.schema ?? 'anjian';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new PostgresStoreError('CONFIG_INVALID', `schema must be a lower-case SQL identifier, got ${JSON.stringify(schema)}`);
  const ownsPool = !options.pool;
  const pool = guardPool(options.pool ?? new pg.Pool({ connectionString: options.connectionString, max: 4 }), schema);
  const s = `"${schema}"`;
  /** Runs `work` in one transaction on one connection; a connection whose ROLLBACK fails too is discarded, not reused. */
  async function inTransaction(work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      await work(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch((e: unknown) => (broken = e instanceof Error ? e : new Error(String(e))));
      throw error;
    } finally {
      client.release(broken);
    }
  }
  // Rows are generated as COPY reads them, never as arrays of the whole call: what a call holds
  // beyond its input is one chunk of COPY text (docs/decisions/003-stores.md, bulk memory).
  function* inspectionRows(records: readonly InspectionRecord[]): Generator<readonly CopyField[]> {
    for (const r of records) yield [r.id, r.enterpriseId, r.recordedAt, JSON.stringify(r)];
  }
  return {
    schema,
    async migrate() {
      await createPostgresStore({ pool, schema }).migrate();
      await createPostgresInspectionLog({ pool, schema }).migrate();
    },
    async writeHazards(hazards) {
      let eventCount = 0;
      for (const h of hazards) {
        const id = h.summary.hazardId;
        h.events.forEach((e, i) => {
          if (e.hazardId !== id || e.version !== i + 1 || e.id !== `${id}/${i + 1}`) {
            throw new PostgresStoreError(
              'INVALID_APPEND',
              `bulk load: hazard ${id}: event ${i + 1} must be version ${i + 1} of ${id} with id ${id}/${i + 1}, got ${e.hazardId} v${e.version} (${e.id})`,
            );
          }
        });
        if (h.events.length === 0 || h.summary.version !== h.events.length) {
          throw new PostgresStoreError('INVALID_APPEND', `bulk load: hazard ${id}: the list row must be at the last version (${h.events.length}), got ${h.summary.version}`);
        }
        eventCount += h.events.length;
      }
      if (hazards.length === 0) return;
      await inTransaction(async (client) => {
        const base = Number((await client.query(`UPDATE ${s}.log_head SET seq = seq + $1 RETURNING seq - $1 AS base`, [eventCount])).rows[0].base);
        // List rows first: the premises trigger on events (migration 7) then finds its row; the
        // premises is also copied from the list row, so it is there whichever way.
        await copyIn(
          client,
          `COPY ${s}.hazards (hazard_id, version, status, level, provisional, domain, area, enterprise_id, deadline, created_at, updated_at, premises_id) FROM STDIN`,
          (function* () {
            for (const { summary: r } of hazards)
              yield [r.hazardId, r.version, r.status, r.level, r.provisional, r.domain, r.area, r.enterpriseId, r.deadline, r.createdAt, r.updatedAt, r.premisesId ?? null];
          })(),
        );
        await copyIn(
          client,
          `COPY ${s}.events (seq, hazard_id, version, id, type, command_id, recorded_at, body) FROM STDIN`,
          (function* () {
            let seq = base;
            for (const h of hazards) for (const e of h.events) yield [++seq, e.hazardId, e.version, e.id, e.type, e.commandId, e.recordedAt, JSON.stringify(e)];
          })(),
        );
        await copyIn(
          client,
          `COPY ${s}.outbox (id, hazard_id, event_id, topic, payload, created_at, available_at, status, done_at) FROM STDIN`,
          (function* () {
            for (const h of hazards) for (const m of h.outbox) yield [m.id, m.hazardId, m.eventId, m.topic, JSON.stringify(m.payload), m.createdAt, m.createdAt, 'done', m.createdAt];
          })(),
        );
      });
    },
    async writeInspections(records) {
      if (records.length === 0) return;
      try {
        await inTransaction((client) => copyIn(client, `COPY ${s}.inspection_log (id, enterprise_id, recorded_at, body) FROM STDIN`, inspectionRows(records)));
        return;
      } catch (error) {
        if ((error as { code?: unknown }).code !== '23505') throw error;
      }
      // Some id is already recorded (or twice in the batch): the slow path keeps the first.
      await inTransaction(async (client) => {
        await client.query(`CREATE TEMPORARY TABLE anjian_bulk_inspections (ord bigint, id text, enterprise_id text, recorded_at text, body jsonb) ON COMMIT DROP`);
        await copyIn(
          client,
          `COPY anjian_bulk_inspections (ord, id, enterprise_id, recorded_at, body) FROM STDIN`,
          (function* () {
            let i = 0;
            for (const row of inspectionRows(records)) yield [i++, ...row];
          })(),
        );
        await client.query(
          `INSERT INTO ${s}.inspection_log (id, enterprise_id, recorded_at, body) SELECT id, enterprise_id, recorded_at, body FROM anjian_bulk_inspections ORDER BY ord ON CONFLICT (id) DO NOTHING`,
        );
      });
    },
    async close() {
      if (ownsPool) await pool.end();
    },
  };
}

type CopyField = string | number | boolean | null;

/** One field in COPY's text format: `\N` for null; backslash, tab, newline and carriage return escaped. */
function copyField(value: CopyField): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c] as string) : value;
}
const COPY_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** The rows as COPY text, in chunks of about 256 KB. */
function* copyText(rows: Iterable<readonly CopyField[]>): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    chunk += `${row.map(copyField).join('\t')}\n`;
    if (chunk.length >= 1 << 18) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

/** Streams the rows into `COPY … FROM STDIN` on this connection; resolves when the server has taken them all. */
async function copyIn(client: pg.PoolClient, sql: string, rows: Iterable<readonly CopyField[]>): Promise<void> {
  await pipeline(Readable.from(copyText(rows), { objectMode: false }), client.query(copyFrom(sql)));
}
