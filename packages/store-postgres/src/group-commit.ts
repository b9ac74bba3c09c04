import type { StoredEvent } from '@anjian/core';
import type { AppendInput, AppendResult, CommandRecord, DocumentNumber } from '@anjian/core/ports';
import type pg from 'pg';
import { PostgresStoreError } from './postgres-store-error.js';

type Row = Record<string, unknown>;

/** One group commit, as reported to `onGroupCommit`. */
export interface GroupCommitInfo {
  /** Appends written in the group. */
  appends: number;
  /** Milliseconds from sending the group to hearing its durable COMMIT. */
  ms: number;
}

/** What the group writer needs from the store. @internal */
export interface GroupCommitContext {
  pool: pg.Pool;
  /** Quoted schema name. */
  s: string;
  /** Unquoted schema name, for statement names. */
  schemaName: string;
  maxRetries: number;
  /** Groups written at once (each on its own connection). */
  groupsInFlight: number;
  commandRecord(commandId: string): Promise<CommandRecord | null>;
  onGroupCommit?: ((group: GroupCommitInfo) => void) | undefined;
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
/** Parameters of `append_group_v2` (migration 9). */
const COLUMNS = 28;

/**
 * The group as the column arrays `append_group_v2` takes: per append, its checks and list
 * row; per event and per outbox row, their fields, with each append's counts. The events'
 * hazard ids and versions are not sent (the store checked that they follow the append's
 * expectedVersion). @internal
 */
function groupColumns(inputs: readonly AppendInput[]): unknown[][] {
  const c: unknown[][] = Array.from({ length: COLUMNS }, () => []);
  for (const input of inputs) {
    const m = input.summary;
    c[0]!.push(input.hazardId);
    c[1]!.push(input.expectedVersion);
    c[2]!.push(input.commandId);
    c[3]!.push(input.commandFingerprint);
    c[4]!.push(m.version);
    c[5]!.push(m.status);
    c[6]!.push(m.level);
    c[7]!.push(m.provisional);
    c[8]!.push(m.domain);
    c[9]!.push(m.area);
    c[10]!.push(m.enterpriseId);
    c[11]!.push(m.premisesId ?? null);
    c[12]!.push(m.deadline);
    c[13]!.push(m.createdAt);
    c[14]!.push(m.updatedAt);
    c[15]!.push(input.events.length);
    for (const e of input.events) {
      c[16]!.push(e.id);
      c[17]!.push(e.type);
      c[18]!.push(e.commandId);
      c[19]!.push(e.recordedAt);
      c[20]!.push(JSON.stringify(e));
    }
    c[21]!.push(input.outbox.length);
    for (const o of input.outbox) {
      c[22]!.push(o.id);
      c[23]!.push(o.hazardId);
      c[24]!.push(o.eventId);
      c[25]!.push(o.topic);
      c[26]!.push(JSON.stringify(o.payload));
      c[27]!.push(o.createdAt);
    }
  }
  return c;
}

/**
 * Group commit for the PostgreSQL store. Appends made in one turn of the event loop, or
 * while the groups in flight are written, go into the next group together, each with its
 * own checks and result. A group is ONE round trip: the named statement
 * `SELECT * FROM append_group_v2(…)` (migration 9) runs outside an explicit transaction,
 * so its implicit transaction commits before the server answers — no append is
 * acknowledged before its COMMIT, and one WAL flush acknowledges the group. The function
 * reads the group's state in one statement and writes each table once (set-based). Log
 * positions are taken once per group, last, from the counter row, which keeps the log
 * contiguous and in commit order across instances. @internal
 */
export function createGroupWriter(ctx: GroupCommitContext): (input: AppendInput) => Promise<AppendResult> {
  const { pool, s } = ctx;
  const queue: Pending[] = [];
  let inFlight = 0;
  const statement = {
    name: `anjian_append_group_v2:${ctx.schemaName}`,
    text: `SELECT r_verdict, r_actual, r_logged, r_first FROM ${s}.append_group_v2(${Array.from({ length: COLUMNS }, (_, i) => `$${i + 1}`).join(', ')})`,
  };

  const allocate = {
    name: `anjian_allocate_document:${ctx.schemaName}`,
    text: `WITH n AS (
        INSERT INTO ${s}.document_series AS d (jurisdiction, kind, year, last) VALUES ($1, $2, $3, 1)
        ON CONFLICT (jurisdiction, kind, year) DO UPDATE SET last = d.last + 1 RETURNING last)
      INSERT INTO ${s}.documents (jurisdiction, kind, year, seq, hazard_id, event_id, issued_at)
        SELECT $1, $2, $3, n.last, $4, $5, $6 FROM n RETURNING seq`,
  };

  async function writeGroup(batch: Pending[]): Promise<Array<{ result: AppendResult } | { error: unknown }>> {
    const cols = groupColumns(batch.map((p) => p.input));
    const started = performance.now();
    const numbered = batch.some(({ input }) => input.documents !== undefined && input.documents.length > 0);
    const allocated = new Map<number, DocumentNumber[]>();
    const rows = numbered ? await writeNumberedGroup(batch, cols, allocated) : ((await pool.query({ ...statement, values: cols })).rows as Row[]);
    ctx.onGroupCommit?.({ appends: batch.length, ms: performance.now() - started });
    return Promise.all(
      batch.map(async ({ input }, i): Promise<{ result: AppendResult } | { error: unknown }> => {
        const row = rows[i]!;
        switch (row.r_verdict) {
          case 'ok': {
            const first = Number(row.r_first);
            const events: StoredEvent[] = input.events.map((e, k) => ({ ...e, seq: first + k }));
            const documents = allocated.get(i);
            return { result: documents ? { kind: 'ok', events, documents } : { kind: 'ok', events } };
          }
          case 'duplicate': {
            const original = await ctx.commandRecord(input.commandId);
            if (!original) return { error: new Error(`command id ${input.commandId} is taken but its record is not readable`) };
            return { result: { kind: 'duplicate-command', original } };
          }
          case 'conflict':
            return { result: { kind: 'conflict', actualVersion: Number(row.r_actual) } };
          default:
            return {
              error: new PostgresStoreError(
                'TRAIL_MISMATCH',
                `hazard ${input.hazardId}: list row at version ${Number(row.r_actual)}, event log at version ${Number(row.r_logged)}; the database was changed outside the store (run anjian audit verify)`,
              ),
            };
        }
      }),
    );
  }

  /**
   * A group with document numbers to allocate: the same `append_group_v2` call inside an
   * explicit transaction, then, for each append it accepted, the next number of each series
   * (the series row's upsert locks it until COMMIT), then COMMIT. Only a group holding the
   * log-head row lock (taken by `append_group_v2` for accepted appends) reaches the series
   * rows, and each group takes them in one order, so groups cannot deadlock on them.
   */
  async function writeNumberedGroup(batch: Pending[], cols: unknown[][], allocated: Map<number, DocumentNumber[]>): Promise<Row[]> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const rows = (await client.query({ ...statement, values: cols })).rows as Row[];
      const wanted = batch.flatMap(({ input }, i) => (rows[i]?.r_verdict === 'ok' ? (input.documents ?? []).map((request, order) => ({ i, order, request, input })) : []));
      wanted.sort(
        (a, b) =>
          (a.request.jurisdiction < b.request.jurisdiction ? -1 : a.request.jurisdiction > b.request.jurisdiction ? 1 : 0) ||
          (a.request.kind < b.request.kind ? -1 : a.request.kind > b.request.kind ? 1 : 0) ||
          a.request.year - b.request.year ||
          a.i - b.i ||
          a.order - b.order,
      );
      const byAppend = new Map<number, { order: number; number: DocumentNumber }[]>();
      for (const { i, order, request: r, input } of wanted) {
        const issuedAt = (input.events.find((e) => e.id === r.eventId) as StoredEvent).recordedAt;
        const result = await client.query({ ...allocate, values: [r.jurisdiction, r.kind, r.year, input.hazardId, r.eventId, issuedAt] });
        const seq = Number((result.rows[0] as Row).seq);
        const list = byAppend.get(i) ?? [];
        list.push({ order, number: { jurisdiction: r.jurisdiction, kind: r.kind, year: r.year, eventId: r.eventId, seq, hazardId: input.hazardId, issuedAt } });
        byAppend.set(i, list);
      }
      await client.query('COMMIT');
      for (const [i, list] of byAppend)
        allocated.set(
          i,
          list.sort((a, b) => a.order - b.order).map((x) => x.number),
        );
      return rows;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Write one group, retrying it whole on a serialization failure, deadlock or twin command id. */
  async function runGroup(batch: Pending[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const outcomes = await writeGroup(batch);
        outcomes.forEach((o, i) => ('result' in o ? batch[i]!.resolve(o.result) : batch[i]!.reject(o.error)));
        return;
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code && RETRYABLE.has(code) && attempt < ctx.maxRetries) {
          await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
          continue;
        }
        for (const item of batch) item.reject(error);
        return;
      }
    }
  }

  let scheduled = false;
  /**
   * Up to `groupsInFlight` groups are written at once, on separate connections, so one
   * group's WAL flush overlaps the next group's work (PostgreSQL then flushes them
   * together). They are independent transactions, exactly as groups of two instances are.
   */
  function drain(): void {
    while (queue.length > 0 && inFlight < ctx.groupsInFlight) {
      const batch = queue.splice(0, MAX_GROUP);
      inFlight++;
      void runGroup(batch).finally(() => {
        inFlight--;
        drain();
      });
    }
  }

  /**
   * A free connection starts its group at the end of the event loop's turn, not at the
   * first append: the appends of one turn (the commands whose reads came back together)
   * share a group. Started at once, the first append of a turn went alone and the rest
   * queued behind it — groups of 1, 1 and 14 instead of 16, each paying a round trip, a
   * function call and a COMMIT. Appends queued behind groups in flight go as soon as one
   * finishes.
   */
  return (input) =>
    new Promise<AppendResult>((resolve, reject) => {
      queue.push({ input, resolve, reject });
      if (scheduled) return;
      scheduled = true;
      setImmediate(() => {
        scheduled = false;
        drain();
      });
    });
}
