import type { HazardSummary, Store, StoredEvent } from '@anjian/core';
import type {
  AppendInput,
  AppendResult,
  ClaimedOutboxMessage,
  CommandRecord,
  HazardPage,
  OutboxMessage,
  OutboxStatus,
  PrunedOutboxMessage,
  PruneOutboxInput,
  PruneOutboxResult,
  StoredCheckpoint,
  StoredDenial,
  StoredOutboxMessage,
} from '@anjian/core/ports';
import {
  checkDocumentContent,
  checkDocumentRequests,
  checkHazardStatsQuery,
  checkPruneOutboxInput,
  checkVoidDocumentInput,
  decodeKeysetCursor,
  documentTrailInput,
  documentVoidInput,
  encodeKeysetCursor,
  sealDocumentTrailEntry,
  sealDocumentVoidEntry,
} from '@anjian/core/ports';
import type { DocumentRecord, DocumentTrailEntry, RecordDocumentHashResult, VoidDocumentResult } from '@anjian/core/ports';
import pg from 'pg';
import { createGroupWriter, type GroupCommitInfo } from './group-commit.js';
import { guardPool, checkPostgresOptions, PostgresStoreError } from './postgres-store-error.js';
import { buildHazardQuery } from './hazard-query.js';
import { createReadBatcher, groupRows } from './read-batch.js';
import { readHazardStats } from './hazard-stats.js';
import { migrateSchema } from './migrate-schema.js';
import { pruneOutboxStatement } from './prune-outbox-sql.js';

export { PostgresStoreError };
export type { GroupCommitInfo };

/** Options of {@link createPostgresStore}. */
export interface PostgresStoreOptions {
  /** A `pg.Pool` the host owns, or a connection string for a pool the store owns. */
  pool?: pg.Pool;
  connectionString?: string;
  /** Schema holding the tables (created if missing). Default `anjian`. */
  schema?: string;
  /** Attempts for a transaction that fails with a serialization failure or deadlock. Default 5. */
  maxRetries?: number;
  /**
   * Group commits written at once, each on its own connection of the pool, so that one
   * group's WAL flush overlaps the next group's work. Default 2.
   */
  groupsInFlight?: number;
  /** Called after each group commit with its size and duration (for benchmarks and metrics). */
  onGroupCommit?: (group: GroupCommitInfo) => void;
}

/** The PostgreSQL store: a {@link Store} plus lifecycle. */
export interface PostgresStore extends Store {
  /** Create the schema and run pending migrations (idempotent, safe across instances). */
  migrate(): Promise<void>;
  /** Close the pool if the store created it. */
  close(): Promise<void>;
  /** Outbox retention (`Store.pruneOutbox`): one statement, so one short transaction, of at most `limit` deletions per call. */
  pruneOutbox(input: PruneOutboxInput): Promise<PruneOutboxResult>;
  /** What `pruneOutbox` deleted (`Store.readPrunedOutbox`). */
  readPrunedOutbox(fromSeq: number, limit: number): Promise<PrunedOutboxMessage[]>;
  readonly schema: string;
}

type Row = Record<string, unknown>;
const toEvent = (row: Row): StoredEvent => ({ ...(JSON.parse(row.body as string) as Omit<StoredEvent, 'seq'>), seq: Number(row.seq) });
const toMessage = (row: Row): OutboxMessage => ({
  id: row.id as string,
  hazardId: row.hazard_id as string,
  eventId: row.event_id as string,
  topic: row.topic as string,
  payload: JSON.parse(row.payload as string) as Record<string, unknown>,
  createdAt: row.created_at as string,
});

const toDocument = (r: Row): DocumentRecord => ({
  jurisdiction: r.jurisdiction as string,
  kind: r.kind as string,
  year: Number(r.year),
  seq: Number(r.seq),
  hazardId: r.hazard_id as string,
  eventId: r.event_id as string,
  issuedAt: r.issued_at as string,
  contentHash: (r.content_hash as string | null) ?? null,
  verificationCode: (r.verification_code as string | null) ?? null,
  hashedAt: (r.hashed_at as string | null) ?? null,
  voided: r.voided_at === null || r.voided_at === undefined ? null : { at: r.voided_at as string, reason: (r.void_reason as string | null) ?? '', actorId: (r.voided_by as string | null) ?? '' },
});

const toTrailEntry = (r: Row): DocumentTrailEntry => {
  const common = {
    seq: Number(r.seq),
    prevHash: r.prev_hash as string,
    jurisdiction: r.jurisdiction as string,
    kind: r.kind as string,
    year: Number(r.year),
    documentSeq: Number(r.document_seq),
    hazardId: r.hazard_id as string,
    eventId: r.event_id as string,
    logSize: Number(r.log_size),
    hash: r.hash as string,
  };
  if (r.entry_type === 'voided') {
    return { ...common, type: 'voided', voidedAt: r.voided_at as string, reason: r.void_reason as string, actorId: r.voided_by as string, chainedAt: r.chained_at as string };
  }
  return {
    ...common,
    contentHash: r.content_hash as string,
    verificationCode: r.verification_code as string,
    contentDigest: r.content_digest as string,
    issuedAt: r.issued_at as string,
    ...(r.chained_at === null || r.chained_at === undefined ? {} : { chainedAt: r.chained_at as string }),
  };
};

const toCheckpoint = (r: Row): StoredCheckpoint => ({
  seq: Number(r.seq),
  size: Number(r.size),
  head: r.head as string,
  text: r.text as string,
  createdAt: r.created_at as string,
});

/**
 * Create the PostgreSQL store, for portals that run several instances.
 *
 * Guarantees (the same as the SQLite store's): each `append` is atomic — the command-id
 * insert (`PRIMARY KEY`), the hazard's compare-and-set on its version, the events
 * (`UNIQUE(hazard_id, version)`), the outbox rows and the list row — and is acknowledged
 * only after its COMMIT. Appends made in the same turn of the event loop, or while groups
 * are in flight, are grouped, written by one server-side function call in one round trip
 * (group commit: one WAL flush for many commands); groups failing with `40001`/`40P01` are
 * retried a bounded number of times. The global log sequence comes
 * from a one-row counter updated last in the transaction, so it is contiguous and in commit
 * order: a reader following `readLog(fromSeq)` never skips a transaction that commits late.
 * The outbox is claimed with `FOR UPDATE SKIP LOCKED` and leases.
 *
 * @example
 * ```ts
 * const store = createPostgresStore({ connectionString: process.env.DATABASE_URL });
 * await store.migrate();
 * ```
 */
export function createPostgresStore(options: PostgresStoreOptions): PostgresStore {
  checkPostgresOptions(options, 'createPostgresStore');
  const schemaName = options.schema ?? 'anjian';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schemaName)) {
    throw new PostgresStoreError('CONFIG_INVALID', `schema must be a lower-case SQL identifier, got ${JSON.stringify(schemaName)}`);
  }
  const ownsPool = !options.pool;
  const pool = guardPool(options.pool ?? new pg.Pool({ connectionString: options.connectionString, max: 20 }), schemaName);
  const s = `"${schemaName}"`;
  const maxRetries = options.maxRetries ?? 5;

  /**
   * The statements of the command path run as named (prepared) statements: parsed and
   * planned once per connection rather than on every call.
   */
  const named = (key: string, text: string) => ({ name: `anjian_${key}:${schemaName}`, text });
  const sql = {
    // Through the command's hazard (UNIQUE (hazard_id, version)): no index on events.command_id.
    eventsOfCommand: named(
      'events_of_command',
      `SELECT e.seq, e.body FROM ${s}.commands c JOIN ${s}.events e ON e.hazard_id = c.hazard_id AND e.command_id = c.command_id
       WHERE c.command_id = $1 ORDER BY e.seq`,
    ),
    readLog: named('read_log', `SELECT seq, body FROM ${s}.events WHERE seq >= $1 ORDER BY seq LIMIT $2`),
    // The two point reads of every command, batched per turn of the event loop (read-batch.ts),
    // through functions whose plans stay on the indexes (migration 9).
    findCommands: named('commands_of', `SELECT command_id, fingerprint, hazard_id FROM ${s}.commands_of($1::text[])`),
    eventsOfHazards: named('events_of_hazards', `SELECT hazard_id, seq, body FROM ${s}.events_of_hazards($1::text[])`),
  };
  const findCommandRow = createReadBatcher<Row | null>(async (ids) => {
    const rows = groupRows(await pool.query({ ...sql.findCommands, values: [ids] }), 'command_id');
    return new Map([...rows].map(([id, [row]]) => [id, row ?? null]));
  }, null);
  // Rows, not events: each caller parses its own copy.
  const eventRowsOfHazard = createReadBatcher<Row[]>(async (ids) => groupRows(await pool.query({ ...sql.eventsOfHazards, values: [ids] }), 'hazard_id'), []);

  // What the next trail entry of a number chains to — the trail's last entry and the log's size —
  // or null when the number already has an entry of this type (one of each per number).
  async function trailTail(client: pg.PoolClient, record: DocumentRecord, type: 'issued' | 'voided'): Promise<{ previous: { seq: number; hash: string } | null; logSize: number } | null> {
    const has = await client.query(`SELECT 1 FROM ${s}.document_trail WHERE jurisdiction = $1 AND kind = $2 AND year = $3 AND document_seq = $4 AND entry_type = $5`, [
      record.jurisdiction,
      record.kind,
      record.year,
      record.seq,
      type,
    ]);
    if (has.rows.length > 0) return null;
    const last = (await client.query(`SELECT seq, hash FROM ${s}.document_trail ORDER BY seq DESC LIMIT 1`)).rows[0] as Row | undefined;
    const size = (await client.query(`SELECT coalesce(max(seq), 0) AS n FROM ${s}.events`)).rows[0] as Row;
    return { previous: last ? { seq: Number(last.seq), hash: last.hash as string } : null, logSize: Number(size.n) };
  }

  // One entry of the document trail per issued number, chained to the last one, in the issuing
  // transaction that holds the trail's lock (decision 009).
  async function chainDocument(client: pg.PoolClient, record: DocumentRecord, content: string, at: string): Promise<void> {
    const tail = await trailTail(client, record, 'issued');
    if (!tail) return;
    const e = sealDocumentTrailEntry(tail.previous, documentTrailInput(record, content, tail.logSize, at));
    await client.query(
      `INSERT INTO ${s}.document_trail (seq, prev_hash, hash, jurisdiction, kind, year, document_seq, hazard_id, event_id, content_hash, verification_code, content_digest, issued_at, chained_at, log_size)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [e.seq, e.prevHash, e.hash, e.jurisdiction, e.kind, e.year, e.documentSeq, e.hazardId, e.eventId, e.contentHash, e.verificationCode, e.contentDigest, e.issuedAt, at, e.logSize],
    );
  }

  // One void entry per voided number, in the voiding transaction that holds the trail's lock (decision 009, voids).
  async function chainVoid(client: pg.PoolClient, record: DocumentRecord, at: string): Promise<void> {
    if (!record.voided) return;
    const tail = await trailTail(client, record, 'voided');
    if (!tail) return;
    const e = sealDocumentVoidEntry(tail.previous, documentVoidInput(record, tail.logSize, at));
    await client.query(
      `INSERT INTO ${s}.document_trail (seq, prev_hash, hash, entry_type, jurisdiction, kind, year, document_seq, hazard_id, event_id, voided_at, void_reason, voided_by, chained_at, log_size)
       VALUES ($1, $2, $3, 'voided', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [e.seq, e.prevHash, e.hash, e.jurisdiction, e.kind, e.year, e.documentSeq, e.hazardId, e.eventId, e.voidedAt, e.reason, e.actorId, e.chainedAt, e.logSize],
    );
  }

  async function commandRecord(commandId: string): Promise<CommandRecord | null> {
    const row = await findCommandRow(commandId);
    if (!row) return null;
    const events = await pool.query({ ...sql.eventsOfCommand, values: [commandId] });
    return { commandId, fingerprint: row.fingerprint as string, hazardId: row.hazard_id as string, events: events.rows.map(toEvent) };
  }

  const writeAppend = createGroupWriter({ pool, s, schemaName, maxRetries, groupsInFlight: Math.max(1, Math.floor(options.groupsInFlight ?? 2)), commandRecord, onGroupCommit: options.onGroupCommit });

  const store: PostgresStore = {
    schema: schemaName,

    async migrate() {
      await migrateSchema(pool, schemaName);
    },

    async append(input: AppendInput): Promise<AppendResult> {
      if (input.events.length === 0) throw new PostgresStoreError('INVALID_APPEND', 'append needs at least one event');
      input.events.forEach((event, i) => {
        if (event.hazardId !== input.hazardId || event.version !== input.expectedVersion + i + 1) {
          throw new PostgresStoreError('INVALID_APPEND', 'event versions must follow expectedVersion, for the same hazard');
        }
        // Ids stay unique through UNIQUE (hazard_id, version) since migration 11 (no index on id).
        if (event.id !== `${event.hazardId}/${event.version}`) throw new PostgresStoreError('INVALID_APPEND', 'an event id must be <hazardId>/<version>');
      });
      checkDocumentRequests(input.events, input.documents);
      return writeAppend(input);
    },

    async readDocuments(hazardId) {
      const result = await pool.query(`SELECT * FROM ${s}.documents WHERE hazard_id = $1 ORDER BY ord`, [hazardId]);
      return (result.rows as Row[]).map(toDocument);
    },

    async readDocumentRegister(after, limit) {
      // Keyset on the primary key: the row comparison and the order use the same collation.
      const key = after === null ? null : [after.jurisdiction, after.kind, after.year, after.seq];
      const result = await pool.query(
        `SELECT d.*, c.content FROM ${s}.documents d LEFT JOIN ${s}.document_contents c USING (jurisdiction, kind, year, seq)
         ${key === null ? '' : 'WHERE (d.jurisdiction, d.kind, d.year, d.seq) > ($2, $3, $4, $5)'}
         ORDER BY d.jurisdiction, d.kind, d.year, d.seq LIMIT $1`,
        [Math.max(0, Math.floor(limit)), ...(key ?? [])],
      );
      return (result.rows as Row[]).map((r) => ({ ...toDocument(r), content: (r.content as string | null) ?? null }));
    },

    async readDocumentSeries(series, fromSeq, limit) {
      const result = await pool.query(`SELECT * FROM ${s}.documents WHERE jurisdiction = $1 AND kind = $2 AND year = $3 AND seq >= $4 ORDER BY seq LIMIT $5`, [
        series.jurisdiction,
        series.kind,
        series.year,
        fromSeq,
        Math.max(0, Math.floor(limit)),
      ]);
      return (result.rows as Row[]).map(toDocument);
    },

    async recordDocumentHash(input) {
      checkDocumentContent(input.content);
      // One transaction that first locks the document trail (SHARE ROW EXCLUSIVE: issuers run
      // one at a time, readers are not blocked), so every statement after it sees every issue
      // committed before, and the trail entry it appends follows the last one (decision 009).
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`LOCK TABLE ${s}.document_trail IN SHARE ROW EXCLUSIVE MODE`);
        const key = [input.jurisdiction, input.kind, input.year, input.seq];
        const found = await client.query(`SELECT * FROM ${s}.documents WHERE jurisdiction = $1 AND kind = $2 AND year = $3 AND seq = $4`, key);
        const row = found.rows[0] as Row | undefined;
        let result: RecordDocumentHashResult;
        if (!row) result = { kind: 'not-found' };
        else if (row.content_hash !== null) {
          // Issued before contents (or the trail) were kept: the same hash stores the same
          // document's content (never over one) and chains it.
          if (row.content_hash === input.contentHash) {
            await client.query(`INSERT INTO ${s}.document_contents (jurisdiction, kind, year, seq, content) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`, [...key, input.content]);
            await chainDocument(client, toDocument(row), input.content, input.at);
          }
          result = { kind: 'exists', record: toDocument(row) };
        } else if ((await client.query(`SELECT 1 FROM ${s}.documents WHERE verification_code = $1`, [input.verificationCode])).rows.length > 0) {
          result = { kind: 'code-taken' };
        } else {
          const updated = await client.query(
            `UPDATE ${s}.documents SET content_hash = $5, verification_code = $6, hashed_at = $7 WHERE jurisdiction = $1 AND kind = $2 AND year = $3 AND seq = $4 RETURNING *`,
            [...key, input.contentHash, input.verificationCode, input.at],
          );
          await client.query(`INSERT INTO ${s}.document_contents (jurisdiction, kind, year, seq, content) VALUES ($1, $2, $3, $4, $5)`, [...key, input.content]);
          const record = toDocument(updated.rows[0] as Row);
          await chainDocument(client, record, input.content, input.at);
          result = { kind: 'recorded', record };
        }
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },

    async readDocumentTrail(fromSeq, limit) {
      const result = await pool.query(`SELECT * FROM ${s}.document_trail WHERE seq >= $1 ORDER BY seq LIMIT $2`, [fromSeq, Math.max(0, Math.floor(limit))]);
      return (result.rows as Row[]).map(toTrailEntry);
    },

    async readHazardDocumentTrail(hazardId) {
      const result = await pool.query(`SELECT * FROM ${s}.document_trail WHERE hazard_id = $1 ORDER BY seq`, [hazardId]);
      return (result.rows as Row[]).map(toTrailEntry);
    },

    async readDocumentIssueBefore(series, documentSeq) {
      const result = await pool.query(
        `SELECT * FROM ${s}.document_trail WHERE jurisdiction = $1 AND kind = $2 AND year = $3 AND document_seq < $4 AND entry_type = 'issued' ORDER BY document_seq DESC LIMIT 1`,
        [series.jurisdiction, series.kind, series.year, documentSeq],
      );
      const row = result.rows[0] as Row | undefined;
      const entry = row ? toTrailEntry(row) : null;
      return entry && entry.type === undefined ? entry : null;
    },

    async readDocumentContent(key) {
      const result = await pool.query(`SELECT content FROM ${s}.document_contents WHERE jurisdiction = $1 AND kind = $2 AND year = $3 AND seq = $4`, [key.jurisdiction, key.kind, key.year, key.seq]);
      return (result.rows[0] as { content: string } | undefined)?.content ?? null;
    },

    async voidDocument(input) {
      // One transaction that first locks the document trail, as recordDocumentHash does (its
      // writers run one at a time): void where not yet voided, read the row as it is, chain the
      // void once (decision 009, voids). A reason no store keeps as given is refused first.
      checkVoidDocumentInput(input);
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`LOCK TABLE ${s}.document_trail IN SHARE ROW EXCLUSIVE MODE`);
        const result = await client.query(
          `WITH upd AS (
             UPDATE ${s}.documents SET voided_at = $5, void_reason = $6, voided_by = $7
             WHERE jurisdiction = $1 AND kind = $2 AND year = $3 AND seq = $4 AND voided_at IS NULL
             RETURNING *)
           SELECT 'voided' AS outcome, upd.* FROM upd
           UNION ALL
           SELECT 'existing' AS outcome, d.* FROM ${s}.documents d
             WHERE jurisdiction = $1 AND kind = $2 AND year = $3 AND seq = $4 AND NOT EXISTS (SELECT 1 FROM upd)`,
          [input.jurisdiction, input.kind, input.year, input.seq, input.at, input.reason, input.actorId],
        );
        const row = result.rows[0] as Row | undefined;
        let answer: VoidDocumentResult;
        if (!row) answer = { kind: 'not-found' };
        else {
          const record = toDocument(row);
          await chainVoid(client, record, input.at);
          answer = { kind: row.outcome === 'voided' ? 'voided' : 'already-voided', record };
        }
        await client.query('COMMIT');
        return answer;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },

    async findDocumentByCode(code) {
      const result = await pool.query(`SELECT * FROM ${s}.documents WHERE verification_code = $1`, [code]);
      const row = result.rows[0] as Row | undefined;
      return row ? toDocument(row) : null;
    },

    async load(hazardId) {
      const events = await store.readEvents(hazardId);
      return events.length === 0 ? null : events;
    },

    async readEvents(hazardId) {
      return (await eventRowsOfHazard(hazardId)).map(toEvent);
    },

    async readLog(fromSeq, limit) {
      const result = await pool.query({ ...sql.readLog, values: [fromSeq, Math.max(0, Math.floor(limit))] });
      return result.rows.map(toEvent);
    },

    async findCommand(commandId) {
      return commandRecord(commandId);
    },

    async recordDenial(d) {
      await pool.query(`INSERT INTO ${s}.denials (command_id, hazard_id, command_type, actor_id, code, message, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        d.commandId,
        d.hazardId,
        d.commandType,
        d.actorId,
        d.code,
        JSON.stringify(d.message),
        d.recordedAt,
      ]);
    },

    async readDenials(fromSeq, limit): Promise<StoredDenial[]> {
      const result = await pool.query(`SELECT * FROM ${s}.denials WHERE seq >= $1 ORDER BY seq LIMIT $2`, [fromSeq, Math.max(0, Math.floor(limit))]);
      return result.rows.map((r: Row) => ({
        seq: Number(r.seq),
        commandId: r.command_id as string,
        hazardId: r.hazard_id as string,
        commandType: r.command_type as string,
        actorId: r.actor_id as string,
        code: r.code as StoredDenial['code'],
        message: JSON.parse(r.message as string) as StoredDenial['message'],
        recordedAt: r.recorded_at as string,
      }));
    },

    async query(filter, page): Promise<HazardPage> {
      const limit = Math.max(1, Math.min(1000, Math.floor(page.limit)));
      const { sql, params } = buildHazardQuery(`${s}.hazards`, filter, page.after ? decodeKeysetCursor(page.after) : null, limit + 1);
      const rows = (await pool.query(sql, params)).rows as Row[];
      const items: HazardSummary[] = rows.slice(0, limit).map((r) => ({
        hazardId: r.hazard_id as string,
        version: Number(r.version),
        status: r.status as HazardSummary['status'],
        level: r.level as HazardSummary['level'],
        provisional: r.provisional as boolean,
        domain: r.domain as string,
        area: r.area as string,
        enterpriseId: r.enterprise_id as string,
        ...(r.premises_id === null || r.premises_id === undefined ? {} : { premisesId: r.premises_id as string }),
        deadline: (r.deadline as string | null) ?? null,
        createdAt: r.created_at as string,
        updatedAt: r.updated_at as string,
      }));
      const last = items[items.length - 1];
      return { items, next: rows.length > limit && last ? encodeKeysetCursor(last.updatedAt, last.hazardId) : null };
    },

    async claimOutbox(input): Promise<ClaimedOutboxMessage[]> {
      const until = new Date(Date.parse(input.now) + input.leaseMs).toISOString();
      const result = await pool.query(
        `UPDATE ${s}.outbox SET lease_owner = $1, lease_until = $2
         WHERE seq IN (
           SELECT seq FROM ${s}.outbox
           WHERE status = 'pending' AND available_at <= $3 AND (lease_until IS NULL OR lease_until <= $3)
           ORDER BY seq LIMIT $4 FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [input.owner, until, input.now, Math.max(0, Math.floor(input.limit))],
      );
      return (result.rows as Row[]).sort((a, b) => Number(a.seq) - Number(b.seq)).map((r) => ({ ...toMessage(r), attempts: Number(r.attempts), leaseOwner: input.owner, leaseUntil: until }));
    },

    async ackOutbox(owner, ids, now) {
      if (ids.length === 0) return 0;
      const result = await pool.query(
        `UPDATE ${s}.outbox SET status = 'done', done_at = $3, lease_owner = NULL, lease_until = NULL
         WHERE id = ANY($1::text[]) AND lease_owner = $2 AND status = 'pending'`,
        [ids, owner, now],
      );
      return result.rowCount ?? 0;
    },

    async requeueDeadLetters(input) {
      const result = await pool.query(
        `UPDATE ${s}.outbox SET status = 'pending', attempts = 0, available_at = $1, lease_owner = NULL, lease_until = NULL
         WHERE status = 'dead' AND ($2::text[] IS NULL OR id = ANY($2::text[]))`,
        [input.now, input.ids === undefined ? null : [...input.ids]],
      );
      return result.rowCount ?? 0;
    },

    async failOutbox(input) {
      const result =
        input.retryAt === null
          ? await pool.query(
              `UPDATE ${s}.outbox SET status = 'dead', attempts = attempts + 1, last_error = $1, lease_owner = NULL, lease_until = NULL
               WHERE id = $2 AND lease_owner = $3 AND status = 'pending'`,
              [input.error, input.id, input.owner],
            )
          : await pool.query(
              `UPDATE ${s}.outbox SET attempts = attempts + 1, last_error = $1, available_at = $2, lease_owner = NULL, lease_until = NULL
               WHERE id = $3 AND lease_owner = $4 AND status = 'pending'`,
              [input.error, input.retryAt, input.id, input.owner],
            );
      return result.rowCount === 1;
    },

    async pruneOutbox(input): Promise<PruneOutboxResult> {
      checkPruneOutboxInput(input);
      const result = await pool.query(pruneOutboxStatement(s), [input.deliveredBefore, input.deadBefore ?? null, input.limit]);
      const r = result.rows[0] as Row;
      const delivered = Number(r.delivered);
      const dead = Number(r.dead);
      return { delivered, dead, more: delivered + dead === input.limit };
    },

    async readPrunedOutbox(fromSeq, limit): Promise<PrunedOutboxMessage[]> {
      const result = await pool.query(`SELECT * FROM ${s}.outbox_pruned WHERE seq >= $1 ORDER BY seq LIMIT $2`, [fromSeq, Math.max(0, Math.floor(limit))]);
      return (result.rows as Row[]).map((r) => ({ seq: Number(r.seq), id: r.id as string, hazardId: r.hazard_id as string, eventId: r.event_id as string, state: r.state as 'delivered' | 'dead' }));
    },

    async readOutbox(fromSeq, limit): Promise<StoredOutboxMessage[]> {
      const result = await pool.query(`SELECT * FROM ${s}.outbox WHERE seq >= $1 ORDER BY seq LIMIT $2`, [fromSeq, Math.max(0, Math.floor(limit))]);
      return (result.rows as Row[]).map((r) => ({ ...toMessage(r), seq: Number(r.seq) }));
    },

    async appendCheckpoint(input): Promise<StoredCheckpoint> {
      const result = await pool.query(`INSERT INTO ${s}.checkpoints (size, head, text, created_at) VALUES ($1, $2, $3, $4) RETURNING seq`, [input.size, input.head, input.text, input.createdAt]);
      return { seq: Number((result.rows[0] as Row).seq), size: input.size, head: input.head, text: input.text, createdAt: input.createdAt };
    },

    async latestCheckpoint() {
      const result = await pool.query(`SELECT * FROM ${s}.checkpoints ORDER BY seq DESC LIMIT 1`);
      const row = result.rows[0] as Row | undefined;
      return row ? toCheckpoint(row) : null;
    },

    async readCheckpoints(fromSeq, limit) {
      const result = await pool.query(`SELECT * FROM ${s}.checkpoints WHERE seq >= $1 ORDER BY seq LIMIT $2`, [fromSeq, Math.max(0, Math.floor(limit))]);
      return (result.rows as Row[]).map(toCheckpoint);
    },

    async readDeadLetters(limit) {
      const result = await pool.query(`SELECT * FROM ${s}.outbox WHERE status = 'dead' ORDER BY seq LIMIT $1`, [Math.max(0, Math.floor(limit))]);
      return (result.rows as Row[]).map((r) => ({ ...toMessage(r), attempts: Number(r.attempts), lastError: r.last_error as string }));
    },

    async outboxStatus(now): Promise<OutboxStatus> {
      // One statement, so one snapshot; the pending details are served by the partial index outbox_ready.
      const result = await pool.query(
        `SELECT
           (SELECT count(*) FROM ${s}.outbox WHERE status = 'done') AS delivered,
           (SELECT count(*) FROM ${s}.outbox WHERE status = 'dead') AS dead,
           count(*) AS pending,
           count(*) FILTER (WHERE attempts > 0) AS retrying,
           count(*) FILTER (WHERE lease_until > $1) AS leased,
           min(created_at COLLATE "C") AS oldest_pending_at,
           min(available_at COLLATE "C") FILTER (WHERE attempts > 0 AND (lease_until IS NULL OR lease_until <= $1)) AS next_retry_at
         FROM ${s}.outbox WHERE status = 'pending'`,
        [now],
      );
      const r = result.rows[0] as Row;
      return {
        pending: Number(r.pending),
        retrying: Number(r.retrying),
        leased: Number(r.leased),
        delivered: Number(r.delivered),
        dead: Number(r.dead),
        oldestPendingAt: (r.oldest_pending_at as string | null) ?? null,
        nextRetryAt: (r.next_retry_at as string | null) ?? null,
      };
    },

    async stats(query) {
      checkHazardStatsQuery(query);
      return readHazardStats(pool, `${s}.hazards`, query);
    },

    async close() {
      if (ownsPool) await pool.end();
    },
  };
  return store;
}
