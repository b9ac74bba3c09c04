import type { AppendInput, AppendResult, CommandRecord, StoredEvent } from '@anjian/core';
import type pg from 'pg';
import { PostgresStoreError } from './postgres-store-error.js';

type Row = Record<string, unknown>;

/** What the group writer needs from the store. @internal */
export interface GroupCommitContext {
  pool: pg.Pool;
  /** Quoted schema name. */
  s: string;
  maxRetries: number;
  commandRecord(client: pg.PoolClient, commandId: string): Promise<CommandRecord | null>;
}

interface Pending {
  input: AppendInput;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

/** Serialization failure, deadlock, and a twin command id that committed meanwhile: retry the group. */
const RETRYABLE = new Set(['40001', '40P01', '23505']);
/** Most appends in one transaction. */
const MAX_GROUP = 128;

/**
 * Group commit for the PostgreSQL store. Appends made while a transaction is in flight
 * queue up and go into the next transaction together, each with its own checks and result
 * (one statement each, writing nothing unless its checks pass), so one WAL flush
 * acknowledges the group; no append is acknowledged before its COMMIT. Log positions are taken once per group, last, from the counter row,
 * which keeps the log contiguous and in commit order across instances. @internal
 */
export function createGroupWriter(ctx: GroupCommitContext): (input: AppendInput) => Promise<AppendResult> {
  const { pool, s } = ctx;
  const queue: Pending[] = [];
  let writing = false;

  async function writeGroup(batch: Pending[]): Promise<Array<{ result: AppendResult } | { error: unknown }>> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const outcomes: Array<{ result: AppendResult } | { error: unknown }> = [];
      const written: AppendInput[] = [];
      // Versions appended earlier in this group: their events are inserted at the end.
      const groupVersions = new Map<string, number>();
      for (const { input } of batch) {
        const verdict = await checkAndWrite(client, input, groupVersions.get(input.hazardId) ?? 0);
        if (verdict instanceof Error) outcomes.push({ error: verdict });
        else if (verdict) outcomes.push({ result: verdict });
        else {
          written.push(input);
          groupVersions.set(input.hazardId, input.summary.version);
          outcomes.push({ result: { kind: 'ok', events: [] } });
        }
      }
      // Last: log positions for every event of the group, then the events themselves.
      const total = written.reduce((n, input) => n + input.events.length, 0);
      const stored = new Map<AppendInput, StoredEvent[]>();
      if (total > 0) {
        const head = await client.query(`UPDATE ${s}.log_head SET seq = seq + $1 RETURNING seq`, [total]);
        let seq = Number((head.rows[0] as Row).seq) - total;
        const cols: unknown[][] = [[], [], [], [], [], [], [], []];
        for (const input of written) {
          const events: StoredEvent[] = [];
          for (const event of input.events) {
            seq += 1;
            const values = [seq, event.hazardId, event.version, event.id, event.type, event.commandId, event.recordedAt, JSON.stringify(event)];
            values.forEach((v, i) => cols[i]!.push(v));
            events.push({ ...event, seq });
          }
          stored.set(input, events);
        }
        await client.query(
          `INSERT INTO ${s}.events (seq, hazard_id, version, id, type, command_id, recorded_at, body)
           SELECT * FROM unnest($1::bigint[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])`,
          cols,
        );
      }
      await client.query('COMMIT');
      return outcomes.map((outcome, i) =>
        'result' in outcome && outcome.result.kind === 'ok' ? { result: { kind: 'ok', events: stored.get(batch[i]!.input)! } } : outcome,
      );
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Checks and writes one append inside the group in ONE statement (round trips are the
   * cost here): the duplicate check, the compare-and-set on the hazard's list row, then —
   * only if both pass — the command row and the outbox rows. Returns a verdict when nothing
   * was written. A twin command committing concurrently elsewhere makes the command insert
   * fail with 23505, which aborts and retries the whole group (it then sees the twin).
   */
  async function checkAndWrite(client: pg.PoolClient, input: AppendInput, groupVersion: number): Promise<AppendResult | Error | null> {
    const sum = input.summary;
    const m = input.outbox;
    // The list row may move only when the event log agrees with it on the current version.
    const cas =
      input.expectedVersion === 0
        ? `INSERT INTO ${s}.hazards (hazard_id, version, status, level, provisional, domain, area, enterprise_id, deadline, created_at, updated_at)
           SELECT $1::text, $2::int, $3::text, $4::text, $5::bool, $6::text, $7::text, $8::text, $9::text, $10::text, $11::text
           WHERE NOT EXISTS (SELECT 1 FROM dup) AND (SELECT v FROM logged) = 0
           ON CONFLICT (hazard_id) DO NOTHING RETURNING 1`
        : `UPDATE ${s}.hazards SET version = $2, status = $3, level = $4, provisional = $5, domain = $6, area = $7,
             enterprise_id = $8, deadline = $9, created_at = $10, updated_at = $11
           WHERE hazard_id = $1 AND version = $12 AND NOT EXISTS (SELECT 1 FROM dup) AND (SELECT v FROM logged) = $12 RETURNING 1`;
    const result = await client.query(
      `WITH dup AS (SELECT 1 FROM ${s}.commands WHERE command_id = $13::text),
            logged AS (SELECT greatest(coalesce(max(version), 0), $21::int) AS v FROM ${s}.events WHERE hazard_id = $1),
            cas AS (${cas}),
            cmd AS (INSERT INTO ${s}.commands (command_id, fingerprint, hazard_id) SELECT $13::text, $14::text, $1::text WHERE EXISTS (SELECT 1 FROM cas) RETURNING 1),
            box AS (INSERT INTO ${s}.outbox (id, hazard_id, event_id, topic, payload, created_at, available_at)
                    SELECT id, hazard_id, event_id, topic, payload, created_at, created_at
                    FROM unnest($15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::text[]) AS t(id, hazard_id, event_id, topic, payload, created_at)
                    WHERE EXISTS (SELECT 1 FROM cas) RETURNING 1)
       SELECT (SELECT count(*) FROM dup) AS dup, (SELECT count(*) FROM cas) AS cas, (SELECT version FROM ${s}.hazards WHERE hazard_id = $1) AS current,
              (SELECT count(*) FROM cmd) AS cmd, (SELECT count(*) FROM box) AS box, $12::int AS expected, (SELECT v FROM logged) AS logged`,
      [
        sum.hazardId, sum.version, sum.status, sum.level, sum.provisional, sum.domain, sum.area, sum.enterpriseId, sum.deadline, sum.createdAt, sum.updatedAt,
        input.expectedVersion, input.commandId, input.commandFingerprint,
        m.map((x) => x.id), m.map((x) => x.hazardId), m.map((x) => x.eventId), m.map((x) => x.topic), m.map((x) => JSON.stringify(x.payload)), m.map((x) => x.createdAt),
        groupVersion,
      ],
    );
    const row = result.rows[0] as Row;
    if (Number(row.dup) > 0) {
      const original = await ctx.commandRecord(client, input.commandId);
      if (!original) throw new Error(`command id ${input.commandId} is taken but its record is not readable`);
      return { kind: 'duplicate-command', original };
    }
    // `current` is read from the statement's snapshot, i.e. before its own write.
    if (Number(row.cas) !== 1) {
      const current = Number(row.current ?? 0);
      if (current !== Number(row.logged)) {
        return new PostgresStoreError(
          'TRAIL_MISMATCH',
          `hazard ${input.hazardId}: list row at version ${current}, event log at version ${Number(row.logged)}; the database was changed outside the store (run anjian audit verify)`,
        );
      }
      return { kind: 'conflict', actualVersion: current };
    }
    return null;
  }

  async function drain(): Promise<void> {
    writing = true;
    while (queue.length > 0) {
      const batch = queue.splice(0, MAX_GROUP);
      for (let attempt = 1; ; attempt++) {
        try {
          const outcomes = await writeGroup(batch);
          outcomes.forEach((o, i) => ('result' in o ? batch[i]!.resolve(o.result) : batch[i]!.reject(o.error)));
          break;
        } catch (error) {
          const code = (error as { code?: string }).code;
          if (code && RETRYABLE.has(code) && attempt < ctx.maxRetries) {
            await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
            continue;
          }
          for (const item of batch) item.reject(error);
          break;
        }
      }
    }
    writing = false;
  }

  return (input) =>
    new Promise<AppendResult>((resolve, reject) => {
      queue.push({ input, resolve, reject });
      if (!writing) void drain();
    });
}
