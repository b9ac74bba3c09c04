import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresStore, InvalidCursorError, PostgresStoreError, type PostgresStore } from '../src/index.js';
import { appendInput } from '../../../scripts/test-utils/store-fixtures.js';
import { freshSchema } from './pg-env.js';

let env: Awaited<ReturnType<typeof freshSchema>>;
let store: PostgresStore;

beforeAll(async () => {
  env = await freshSchema('anjian_store');
  store = createPostgresStore({ pool: env.pool, schema: env.schema });
  await store.migrate();
  await store.migrate(); // idempotent
});
afterAll(async () => {
  await env?.drop();
});

describe('PostgreSQL store', () => {
  it('writes nothing on a conflict or a duplicate command id', async () => {
    expect((await store.append(appendInput('A-1', 0, 'a1'))).kind).toBe('ok');
    expect(await store.append(appendInput('A-1', 0, 'a2'))).toEqual({ kind: 'conflict', actualVersion: 1 });
    const dup = await store.append(appendInput('A-2', 0, 'a1'));
    expect(dup.kind).toBe('duplicate-command');
    expect(dup.kind === 'duplicate-command' && dup.original.events.map((e) => e.id)).toEqual(['A-1/1']);
    expect(await store.load('A-2')).toBeNull();
    expect(await store.findCommand('a2')).toBeNull();
  });

  it('rejects malformed input', async () => {
    await expect(store.append({ ...appendInput('A-3', 0, 'a3'), events: [] })).rejects.toThrow(PostgresStoreError);
    expect(() => createPostgresStore({ pool: env.pool, schema: 'Bad-Name' })).toThrow(/identifier/);
  });

  it('100 concurrent appends on the same hazard version: exactly one succeeds, the rest conflict', async () => {
    await store.append(appendInput('C-1', 0, 'c-create'));
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => store.append(appendInput('C-1', 1, `c-${i}`))));
    const kinds = results.map((r) => r.kind);
    expect(kinds.filter((k) => k === 'ok')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'conflict')).toHaveLength(99);
    expect((await store.load('C-1'))?.map((e) => e.version)).toEqual([1, 2]);
  });

  it('concurrent replays of one command id: one append, every other call gets the original', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => store.append(appendInput('R-1', 0, 'same-command'))));
    expect(results.filter((r) => r.kind === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r.kind === 'duplicate-command')).toHaveLength(19);
  });

  it('one group: each append sees the earlier appends of its group (a chain on one hazard, a repeated command id)', async () => {
    const groups: number[] = [];
    const grouped = createPostgresStore({ pool: env.pool, schema: env.schema, onGroupCommit: (g) => groups.push(g.appends) });
    const [first, second, twin, stale] = await Promise.all([
      grouped.append(appendInput('G-1', 0, 'g1')),
      grouped.append(appendInput('G-1', 1, 'g2')),
      grouped.append(appendInput('G-2', 0, 'g1')),
      grouped.append(appendInput('G-1', 1, 'g3')),
    ]);
    expect(groups).toEqual([4]); // appended in one turn: one group
    expect(first.kind === 'ok' && second.kind === 'ok' && second.events[0]!.seq).toBe(first.kind === 'ok' && first.events[0]!.seq + 1);
    expect(twin.kind === 'duplicate-command' && twin.original.events.map((e) => e.id)).toEqual(['G-1/1']);
    expect(stale).toEqual({ kind: 'conflict', actualVersion: 2 });
    expect((await grouped.load('G-1'))?.map((e) => e.version)).toEqual([1, 2]);
    expect(await grouped.load('G-2')).toBeNull();
    expect(await grouped.findCommand('g3')).toBeNull();
  });

  it("the previous release's append_group still appends during an upgrade, and takes the premises from the reported event", async () => {
    const input = appendInput('U-1', 0, 'u1');
    const event = { ...input.events[0]!, data: { premisesId: 'P-U1' } } as (typeof input.events)[0];
    const [m, o] = [input.summary, input.outbox[0]!];
    const columns = [
      ...[input.hazardId, 0, input.commandId, input.commandFingerprint, m.version, m.status, m.level, m.provisional, m.domain, m.area, m.enterpriseId, m.deadline, m.createdAt, m.updatedAt, 1],
      ...[event.hazardId, event.version, event.id, event.type, event.commandId, event.recordedAt, JSON.stringify(event)],
      ...[1, o.id, o.hazardId, o.eventId, o.topic, JSON.stringify(o.payload), o.createdAt],
    ].map((v) => [v]);
    const { rows } = await env.pool.query(`SELECT * FROM "${env.schema}".append_group(${columns.map((_, i) => `$${i + 1}`).join(', ')})`, columns);
    expect(rows.map((r: { r_verdict: string }) => r.r_verdict)).toEqual(['ok']);
    expect((await store.load('U-1'))?.map((e) => e.seq)).toEqual([Number(rows[0].r_first)]);
    expect((await store.query({ premisesId: 'P-U1' }, { limit: 5 })).items.map((h) => h.hazardId)).toEqual(['U-1']);
  });

  it('keeps the log sequence contiguous and in commit order under concurrent writers', async () => {
    await Promise.all(Array.from({ length: 60 }, (_, i) => store.append(appendInput(`S-${i}`, 0, `s-${i}`))));
    const log = await store.readLog(1, 10_000);
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
  });

  it("a list row another instance moves between the group's read and its write: that append is a duplicate or a conflict, the rest of the group is written", async () => {
    await store.append(appendInput('F-1', 0, 'f-create'));
    await store.append(appendInput('F-3', 0, 'f3-create'));
    // Another instance's transaction: the twin of our command on F-1 and a command on F-3,
    // both not yet committed while our group reads, then committed while its write waits.
    const other = await env.pool.connect();
    const q = (text: string, values: unknown[] = []) => other.query(text.replaceAll('{s}', `"${env.schema}"`), values);
    await q('BEGIN');
    await q("INSERT INTO {s}.commands VALUES ('f-twin', 'fp-f-twin', 'F-1'), ('f3-other', 'fp-f3-other', 'F-3')");
    await q("UPDATE {s}.hazards SET version = 2 WHERE hazard_id IN ('F-1', 'F-3')");
    const { rows } = await q('UPDATE {s}.log_head SET seq = seq + 2 RETURNING seq - 2 AS base');
    const base = Number(rows[0].base);
    for (const [k, [hazard, command]] of [
      ['F-1', 'f-twin'],
      ['F-3', 'f3-other'],
    ].entries()) {
      const event = { ...appendInput(hazard!, 1, command!).events[0]!, seq: undefined };
      await q('INSERT INTO {s}.events (seq, hazard_id, version, id, type, command_id, recorded_at, body) VALUES ($1, $2, 2, $3, $4, $5, $6, $7)', [
        base + k + 1,
        hazard,
        event.id,
        event.type,
        command,
        event.recordedAt,
        JSON.stringify(event),
      ]);
    }
    const results = Promise.all([store.append(appendInput('F-1', 1, 'f-twin')), store.append(appendInput('F-2', 0, 'f2-new')), store.append(appendInput('F-3', 1, 'f3-mine'))]);
    await new Promise((r) => setTimeout(r, 300)); // the group has read and waits for the rows
    await q('COMMIT');
    other.release();
    const [twin, fresh, stale] = await results;
    expect(twin.kind === 'duplicate-command' && twin.original.events.map((e) => e.id)).toEqual(['F-1/2']);
    expect(fresh.kind).toBe('ok');
    expect(stale).toEqual({ kind: 'conflict', actualVersion: 2 });
    expect(await store.findCommand('f3-mine')).toBeNull();
    expect((await store.load('F-3'))?.map((e) => e.version)).toEqual([1, 2]);
    const log = await store.readLog(1, 100_000);
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
  });

  it('a reader following readLog never skips a transaction that commits late', async () => {
    // A holds the log-head lock (it took its position and has not committed); B commits
    // after it. The reader must see A before B or neither: never B alone with a gap.
    const before = (await store.readLog(1, 100_000)).length;
    const clientA = await env.pool.connect();
    await clientA.query('BEGIN');
    await clientA.query(`UPDATE "${env.schema}".log_head SET seq = seq + 1 RETURNING seq`);
    const b = store.append(appendInput('L-B', 0, 'late-b'));
    await new Promise((r) => setTimeout(r, 200));
    expect((await store.readLog(before + 1, 100)).map((e) => e.hazardId)).toEqual([]); // B waits behind A
    await clientA.query('ROLLBACK');
    clientA.release();
    await b;
    expect((await store.readLog(before + 1, 100)).map((e) => e.hazardId)).toEqual(['L-B']);
  });

  it('pages hazards by keyset without repeats or gaps', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page = await store.query({ area: 'D1' }, { limit: 9, after });
      seen.push(...page.items.map((h) => h.hazardId));
      after = page.next;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThan(60);
    expect((await store.query({ area: 'D10' }, { limit: 10 })).items).toEqual([]);
    await expect(store.query({}, { limit: 5, after: 'eHl6' })).rejects.toThrow(InvalidCursorError);
  });

  it('leases each outbox message to exactly one of several concurrent relays', async () => {
    const now = '2030-01-01T00:00:00.000Z';
    const claims = await Promise.all(['r1', 'r2', 'r3', 'r4'].map((owner) => store.claimOutbox({ owner, now, leaseMs: 60_000, limit: 1000 })));
    const ids = claims.flat().map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(60);
    // Leased messages are not offered again until the lease runs out.
    expect(await store.claimOutbox({ owner: 'r5', now, leaseMs: 60_000, limit: 1000 })).toEqual([]);
    const later = await store.claimOutbox({ owner: 'r5', now: '2030-01-01T00:01:01.000Z', leaseMs: 60_000, limit: 5 });
    expect(later).toHaveLength(5);
    // Only the holder of the lease may acknowledge or fail a message.
    expect(
      await store.ackOutbox(
        'r1',
        later.map((m) => m.id),
        new Date().toISOString(),
      ),
    ).toBe(0);
    expect(
      await store.ackOutbox(
        'r5',
        later.map((m) => m.id),
        new Date().toISOString(),
      ),
    ).toBe(5);
    const [first] = await store.claimOutbox({ owner: 'r6', now: '2030-01-01T00:02:02.000Z', leaseMs: 1000, limit: 1 });
    expect(await store.failOutbox({ id: first!.id, owner: 'r6', error: 'HTTP 400', retryAt: null })).toBe(true);
    expect((await store.readDeadLetters(10)).map((m) => [m.id, m.attempts, m.lastError])).toEqual([[first!.id, 1, 'HTTP 400']]);
  });
});
