import type { ActorProfile } from '../ports/directory.js';
import type { AppendInput, HazardStats, OutboxStatus, Store } from '../ports/store.js';
import { decide } from '../chain/decide.js';
import { evolve } from '../chain/evolve.js';
import { handleCommand, foldEvents } from '../chain/handle-command.js';
import { commandFingerprint } from '../chain/command-fingerprint.js';
import { outboxMessagesFor } from '../chain/outbox-messages.js';
import { summarize } from '../chain/summarize.js';
import { verifyChain } from '../chain/verify-chain.js';
import { createStaticDirectory } from '../chain/static-directory.js';
import type { ChainCommand, HazardState, StoredEvent } from '../chain/types.js';
import { createFixedClock } from './fixed-clock.js';
import { evidence, reportCommand, TEST_CALENDAR_2026, testEvidenceRecord, type TestEvidenceRef } from './chain-fixtures.js';
import { createMemoryEvidenceStore } from '../chain/memory-evidence-store.js';
import { isStoreError } from '../ports/store-error.js';
import { createOutboxRelay, type RelayPass } from '../outbox/create-outbox-relay.js';
import { verifyAudit } from '../audit/verify-audit.js';

/** The subset of vitest's (or jest's) `expect` the suite uses. */
export interface ConformanceExpect {
  (actual: unknown): {
    toBe(expected: unknown): void;
    toEqual(expected: unknown): void;
    toBeNull(): void;
    toHaveLength(length: number): void;
    toBeGreaterThan(n: number): void;
    toBeLessThanOrEqual(n: number): void;
    toContain(item: unknown): void;
    toThrow(): void;
    rejects: { toThrow(): Promise<void> };
    not: { toBe(expected: unknown): void; toBeNull(): void; toContain(item: unknown): void };
  };
}

/** Options of {@link runStoreConformance}. */
export interface StoreConformanceOptions {
  /** Adapter name shown in the test titles. */
  name: string;
  /** A fresh store per test (an empty database, or one the suite can share: ids are unique per test). */
  createStore: () => Store | Promise<Store>;
  /**
   * A store no other test writes to while it is in use, empty at first, for the tests of
   * whole-store aggregates (`outboxStatus`). Defaults to `createStore`, which then MUST
   * return an empty store each time. `destroyStore` is called with it too.
   */
  createEmptyStore?: () => Store | Promise<Store>;
  /** Called after each test with the store it used (close connections). */
  destroyStore?: (store: Store) => void | Promise<void>;
  /** Tests to skip, each group with its reason (Hono's `runTest` style). */
  skip?: readonly { reason: string; tests: readonly string[] }[];
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => Promise<void>, timeout?: number) => void;
  expect: ConformanceExpect;
}

/** Names of every test of the suite (for `skip`). */
export const STORE_CONFORMANCE_TESTS = Object.freeze([
  'append and load a new hazard',
  'load returns null and readEvents [] for an unknown hazard',
  'seq is strictly increasing and contiguous across hazards',
  'a stale expectedVersion conflicts and writes nothing',
  'a new hazard with an existing id conflicts',
  'a duplicate command id returns the original record and writes nothing',
  'the duplicate check precedes the version check',
  'a command id is unique across hazards',
  'the list row follows the latest append',
  'readDenials pages from a seq',
  'invalid append input throws',
  'concurrent appends at one version: exactly one wins',
  'outbox rows are written atomically with their events',
  'claimOutbox leases a message to one owner; expired leases are reclaimed',
  'ackOutbox needs the lease; acknowledged messages are never claimed again',
  'failOutbox reschedules, then dead-letters',
  'denials are a separate log and write no event, outbox row or command',
  'query filters by level, status, domain, area, enterprise, provisional, deadline',
  'a hazard keeps its premises: the list row carries premisesId, query filters on it, later events keep it',
  'query pages by (updatedAt, hazardId) without repeats or gaps',
  'query rejects a cursor it did not issue with INVALID_CURSOR',
  'readLog pages from a seq',
  'stored events round-trip exactly (hashes verify)',
  'the chain verifies after many appends through handleCommand',
  'handleCommand: replay, key reuse and stale versions',
  'stats counts by level, status and domain, with closure rate and overdue',
  'stats groups by UTC+8 day and month over a half-open created range',
  'stats narrows by every filter and counts nothing outside it',
  'stats rejects malformed instants and groupBy',
  'outboxStatus of an empty store is zeros and nulls',
  'outboxStatus follows messages through claim, ack, retry and dead letter',
  'outboxStatus writes nothing',
  'readOutbox lists every message as appended, whatever its delivery state',
  'checkpoints are stored as given and read back in order',
  'invalid append input throws StoreError INVALID_APPEND',
  'requeueDeadLetters offers dead letters again, and only them',
  'the outbox relay reports passes and errors through its hooks, and delivers re-queued dead letters',
  'pruneOutbox deletes delivered messages acknowledged before the cut-off, keeps pending, leased and dead ones',
  'pruneOutbox deletes at most limit messages a call, delivered first, and says when there may be more',
  'pruneOutbox refuses malformed cut-offs and limits and deletes nothing',
  'verifyAudit passes after pruneOutbox',
] as const);

/** A test name of the suite. */
export type StoreConformanceTest = (typeof STORE_CONFORMANCE_TESTS)[number];

const T0 = Date.parse('2026-09-28T01:00:00.000Z');
/** The caller's clock for acknowledgements. */
const ACK_AT = new Date(T0 + 20_000_000).toISOString();

function uid(): string {
  return globalThis.crypto.randomUUID().slice(0, 8);
}

/** Everything one test needs: a namespace, actors scoped to it, and a drafting helper. */
function scope() {
  const ns = uid();
  const enterpriseId = `E-${ns}`;
  const area = `A-${ns}/G1`;
  const actor: ActorProfile = {
    id: `all-${ns}`,
    roles: ['enterprise', 'grid', 'enforcement', 'system'],
    enterpriseIds: [enterpriseId],
    gridAreas: [area],
    departments: [{ id: `dep-${ns}`, domains: ['gas'], areas: [`A-${ns}`] }],
    certificateNo: `CERT-${ns}-1`,
  };
  /** The second officer of two-officer acts. */
  const coOfficer: ActorProfile = {
    id: `co-${ns}`,
    roles: ['enforcement'],
    departments: [{ id: `dep-${ns}`, domains: ['gas'], areas: [`A-${ns}`] }],
    certificateNo: `CERT-${ns}-2`,
  };
  const report = (hazardId: string, extra: Partial<Parameters<typeof reportCommand>[1]> = {}) => reportCommand(hazardId, { enterpriseId, area, commandId: `${hazardId}:report`, ...extra });
  /** Chain deps over `store` with both officers, the enterprise and an evidence store. */
  const deps = (store: Store, clock: ReturnType<typeof createFixedClock>) => ({
    store,
    clock,
    directory: createStaticDirectory([actor, coOfficer], [{ id: enterpriseId, name: enterpriseId, area }]),
    calendar: TEST_CALENDAR_2026,
    evidence: createMemoryEvidenceStore(),
  });
  /** Decides a command as the all-roles actor and returns the append input (no store involved). */
  const draft = (state: HazardState | null, command: ChainCommand, at: number): { input: AppendInput; after: HazardState } => {
    // The records an upload of the command's test evidence would have (received at `takenAt`, else at `at`).
    const refs = ((command as { evidence?: TestEvidenceRef[] }).evidence ?? []) as TestEvidenceRef[];
    const records = new Map(refs.map((r) => [r.id, testEvidenceRecord(r, actor.id, state === null ? null : command.hazardId, new Date(at).toISOString())]));
    const plain = 'evidence' in command ? ({ ...command, evidence: refs.map(({ takenAt: _t, ...ref }) => ref) } as ChainCommand) : command;
    const decision = decide(state, plain, actor, new Date(at), { calendar: TEST_CALENDAR_2026 }, { evidence: records, coOfficer, coSignerId: coOfficer.id });
    if ('rejection' in decision) throw new Error(`fixture command refused: ${decision.rejection.code} ${command.type}`);
    let after = state;
    for (const e of decision.events) after = evolve(after, e);
    const a = after as HazardState;
    return {
      after: a,
      input: {
        hazardId: command.hazardId,
        expectedVersion: state?.version ?? 0,
        events: decision.events,
        outbox: outboxMessagesFor(decision.events, a),
        commandId: command.commandId,
        commandFingerprint: commandFingerprint(plain, actor.id),
        summary: summarize(a),
      },
    };
  };
  return { ns, enterpriseId, area, actor, coOfficer, report, draft, deps };
}

type Scope = ReturnType<typeof scope>;

/**
 * Seeds nine hazards in the scope's area `A-<ns>` (one in the sibling area `A-<ns>0`, which
 * the area filter must exclude) for the stats tests. China time (UTC+8) in the comments.
 * Returns the running deadlines of the two rectifying hazards.
 */
async function seedStats(store: Store, s: Scope): Promise<{ overdueDeadline: string; runningDeadline: string }> {
  const put = async (id: string, createdAt: string, extra: Parameters<Scope['report']>[1], notice: boolean): Promise<string | null> => {
    const at = Date.parse(createdAt);
    const r = s.draft(null, s.report(`${s.ns}-${id}`, extra), at);
    expectOk(await store.append(r.input));
    if (!notice) return r.input.summary.deadline;
    const n = s.draft(r.after, { type: 'issue_notice', commandId: `${s.ns}-${id}:n`, hazardId: `${s.ns}-${id}` }, at + 1);
    expectOk(await store.append(n.input));
    return n.input.summary.deadline;
  };
  const closedOnSpot = (id: string) => ({
    level: 'simple' as const,
    fixedOnSpot: true,
    evidence: [...evidence(`${s.ns}-${id}`, 'photo_before', 1), ...evidence(`${s.ns}-${id}`, 'photo_after', 1)],
  });
  await put('p', '2026-09-30T15:59:59.999Z', {}, false); // Sep 30 23:59:59.999: before the range
  const overdueDeadline = await put('a', '2026-10-15T02:00:00.000Z', {}, true); // Oct 15, rectifying
  await put('b', '2026-10-31T15:59:59.999Z', closedOnSpot('b'), false); // Oct 31 23:59:59.999, closed
  await put('c', '2026-10-31T17:00:00.000Z', { domain: 'fire' }, false); // Nov 1 01:00, reported
  await put('d', '2026-11-20T03:00:00.000Z', { ...closedOnSpot('d'), domain: 'fire' }, false); // Nov 20, closed
  const runningDeadline = await put('e', '2026-11-25T02:00:00.000Z', {}, true); // Nov 25, rectifying
  await put('f', '2026-11-26T02:00:00.000Z', { level: 'major', provisional: true }, false); // Nov 26, reported
  await put('q', '2026-11-30T16:00:00.000Z', {}, false); // Dec 1 00:00: at the range's open end
  await put('x', '2026-11-02T02:00:00.000Z', { area: `A-${s.ns}0/G1` }, false); // sibling area
  if (overdueDeadline === null || runningDeadline === null) throw new Error('fixture: a notice set no deadline');
  return { overdueDeadline, runningDeadline };
}

function expectOk(result: Awaited<ReturnType<Store['append']>>): void {
  if (result.kind !== 'ok') throw new Error(`fixture append failed: ${result.kind}`);
}

/** The range of the stats tests: October and November 2026 in China time. */
const STATS_RANGE = { createdFrom: '2026-09-30T16:00:00.000Z', createdTo: '2026-11-30T16:00:00.000Z' } as const;
const STATS_NOW = '2026-11-28T06:00:00.000Z';

function emptyStats(): HazardStats {
  return {
    total: 0,
    byLevel: { simple: 0, general: 0, major: 0 },
    byStatus: { reported: 0, rectifying: 0, submitted: 0, verified: 0, escalated: 0, case_filed: 0, accepted: 0, closed: 0 },
    byDomain: {},
    closed: 0,
    closureRate: 0,
    overdue: 0,
  };
}

/**
 * The Store conformance suite. Every Store adapter runs it unchanged against a real
 * backend; it takes the test functions as parameters so core never imports a test runner.
 *
 * @example
 * ```ts
 * import { describe, it, expect } from 'vitest';
 * import { runStoreConformance } from '@anjian/core/testing';
 * runStoreConformance({ name: 'sqlite', createStore: () => openSqliteStore(tmpFile()), describe, it, expect });
 * ```
 */
export function runStoreConformance(options: StoreConformanceOptions): void {
  const { describe, expect } = options;
  const skipped = new Map<string, string>();
  for (const group of options.skip ?? []) for (const t of group.tests) skipped.set(t, group.reason);

  const test = (name: StoreConformanceTest, fn: (store: Store) => Promise<void>, timeout?: number, create = options.createStore): void => {
    const reason = skipped.get(name);
    if (reason !== undefined) {
      options.it(`${name} [skipped: ${reason}]`, async () => {});
      return;
    }
    options.it(
      name,
      async () => {
        const store = await create();
        try {
          await fn(store);
        } finally {
          await options.destroyStore?.(store);
        }
      },
      timeout,
    );
  };

  describe(`Store conformance: ${options.name}`, () => {
    test('append and load a new hazard', async (store) => {
      const s = scope();
      const { input } = s.draft(null, s.report(`H-${s.ns}`), T0);
      const result = await store.append(input);
      expect(result.kind).toBe('ok');
      if (result.kind !== 'ok') return;
      expect(result.events).toHaveLength(1);
      expect(result.events[0]?.seq).toBeGreaterThan(0);
      const loaded = await store.load(`H-${s.ns}`);
      expect(loaded).toEqual(result.events);
      expect(foldEvents(loaded)?.version).toBe(1);
      expect(await store.readEvents(`H-${s.ns}`)).toEqual(result.events);
      const cmd = await store.findCommand(input.commandId);
      expect(cmd?.fingerprint).toBe(input.commandFingerprint);
      expect(cmd?.events).toEqual(result.events);
    });

    test('load returns null and readEvents [] for an unknown hazard', async (store) => {
      expect(await store.load(`missing-${uid()}`)).toBeNull();
      expect(await store.readEvents(`missing-${uid()}`)).toEqual([]);
      expect(await store.findCommand(`missing-${uid()}`)).toBeNull();
    });

    test('seq is strictly increasing and contiguous across hazards', async (store) => {
      const s = scope();
      const seqs: number[] = [];
      const states = new Map<string, HazardState>();
      for (let i = 0; i < 6; i++) {
        const id = `H-${s.ns}-${i % 3}`;
        const prev = states.get(id) ?? null;
        const command: ChainCommand = prev
          ? { type: 'reclassify', commandId: `${id}:rc${i}`, hazardId: id, level: prev.level === 'general' ? 'simple' : 'general', reason: { 'zh-CN': '复核' } }
          : s.report(id);
        const { input, after } = s.draft(prev, command, T0 + i * 1000);
        const r = await store.append(input);
        expect(r.kind).toBe('ok');
        if (r.kind === 'ok') seqs.push(...r.events.map((e) => e.seq));
        states.set(id, after);
      }
      for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBe((seqs[i - 1] as number) + 1);
    });

    test('a stale expectedVersion conflicts and writes nothing', async (store) => {
      const s = scope();
      const id = `H-${s.ns}`;
      const first = s.draft(null, s.report(id), T0);
      await store.append(first.input);
      const second = s.draft(first.after, { type: 'issue_notice', commandId: `${id}:n`, hazardId: id }, T0 + 1000);
      expect((await store.append(second.input)).kind).toBe('ok');
      const stale = s.draft(first.after, { type: 'escalate', commandId: `${id}:e`, hazardId: id, reason: { 'zh-CN': '升级' } }, T0 + 2000);
      const r = await store.append(stale.input);
      expect(r).toEqual({ kind: 'conflict', actualVersion: 2 });
      expect(await store.readEvents(id)).toHaveLength(2);
      expect(await store.findCommand(`${id}:e`)).toBeNull();
      const page = await store.query({ enterpriseId: s.enterpriseId }, { limit: 10 });
      expect(page.items[0]?.status).toBe('rectifying');
      expect(page.items[0]?.version).toBe(2);
    });

    test('a new hazard with an existing id conflicts', async (store) => {
      const s = scope();
      const id = `H-${s.ns}`;
      await store.append(s.draft(null, s.report(id), T0).input);
      const again = s.draft(null, s.report(id, { commandId: `${id}:again` }), T0 + 1);
      expect(await store.append(again.input)).toEqual({ kind: 'conflict', actualVersion: 1 });
      expect(await store.readEvents(id)).toHaveLength(1);
    });

    test('a duplicate command id returns the original record and writes nothing', async (store) => {
      const s = scope();
      const id = `H-${s.ns}`;
      const first = s.draft(null, s.report(id), T0);
      const ok = await store.append(first.input);
      const dup = await store.append(first.input);
      expect(dup.kind).toBe('duplicate-command');
      if (dup.kind === 'duplicate-command' && ok.kind === 'ok') {
        expect(dup.original.events).toEqual(ok.events);
        expect(dup.original.fingerprint).toBe(first.input.commandFingerprint);
      }
      expect(await store.readEvents(id)).toHaveLength(1);
      const claimed = await store.claimOutbox({ owner: 'r', now: new Date(T0 + 5000).toISOString(), leaseMs: 1000, limit: 100 });
      expect(claimed.filter((m) => m.hazardId === id)).toHaveLength(1);
    });

    test('the duplicate check precedes the version check', async (store) => {
      const s = scope();
      const id = `H-${s.ns}`;
      const first = s.draft(null, s.report(id), T0);
      await store.append(first.input);
      await store.append(s.draft(first.after, { type: 'issue_notice', commandId: `${id}:n`, hazardId: id }, T0 + 1).input);
      // Replaying the first command (expectedVersion 0, now stale) must say duplicate, not conflict.
      const dup = await store.append(first.input);
      expect(dup.kind).toBe('duplicate-command');
    });

    test('a command id is unique across hazards', async (store) => {
      const s = scope();
      const a = s.draft(null, s.report(`A-${s.ns}`, { commandId: `shared-${s.ns}` }), T0);
      expect((await store.append(a.input)).kind).toBe('ok');
      const b = s.draft(null, s.report(`B-${s.ns}`, { commandId: `shared-${s.ns}` }), T0 + 1);
      const r = await store.append(b.input);
      expect(r.kind).toBe('duplicate-command');
      if (r.kind === 'duplicate-command') expect(r.original.hazardId).toBe(`A-${s.ns}`);
      expect(await store.load(`B-${s.ns}`)).toBeNull();
      const page = await store.query({ enterpriseId: s.enterpriseId }, { limit: 10 });
      expect(page.items.map((i) => i.hazardId)).toEqual([`A-${s.ns}`]);
    });

    test('the list row follows the latest append', async (store) => {
      const s = scope();
      const id = `H-${s.ns}`;
      const first = s.draft(null, s.report(id), T0);
      await store.append(first.input);
      const second = s.draft(first.after, { type: 'issue_notice', commandId: `${id}:n`, hazardId: id }, T0 + 60_000);
      await store.append(second.input);
      const page = await store.query({ enterpriseId: s.enterpriseId }, { limit: 10 });
      expect(page.items).toEqual([second.input.summary]);
      expect(page.items[0]?.updatedAt).toBe(new Date(T0 + 60_000).toISOString());
      expect(page.next).toBeNull();
    });

    test('readDenials pages from a seq', async (store) => {
      const s = scope();
      const before = await store.readDenials(1, 1_000_000);
      const start = (before[before.length - 1]?.seq ?? 0) + 1;
      for (let i = 0; i < 5; i++) {
        await store.recordDenial({
          commandId: `${s.ns}:d${i}`,
          hazardId: `H-${s.ns}`,
          commandType: 'verify',
          actorId: 'x',
          code: 'FORBIDDEN',
          message: { 'zh-CN': '无权执行此操作', en: 'not allowed' },
          recordedAt: new Date(T0 + i).toISOString(),
        });
      }
      const mine = (await store.readDenials(start, 1_000_000)).filter((d) => d.commandId.startsWith(`${s.ns}:`));
      expect(mine.map((d) => d.commandId)).toEqual([0, 1, 2, 3, 4].map((i) => `${s.ns}:d${i}`));
      for (let i = 1; i < mine.length; i++) expect((mine[i]?.seq ?? 0) > (mine[i - 1]?.seq ?? 0)).toBe(true);
      const page = await store.readDenials(mine[1]?.seq ?? 0, 3);
      expect(page.map((d) => d.commandId)).toEqual([`${s.ns}:d1`, `${s.ns}:d2`, `${s.ns}:d3`]);
    });

    test('invalid append input throws', async (store) => {
      const s = scope();
      const id = `H-${s.ns}`;
      const first = s.draft(null, s.report(id), T0);
      await expect(store.append({ ...first.input, events: [] })).rejects.toThrow();
      await expect(store.append({ ...first.input, expectedVersion: 3 })).rejects.toThrow();
      expect(await store.readEvents(id)).toHaveLength(0);
    });

    test('invalid append input throws StoreError INVALID_APPEND', async (store) => {
      const s = scope();
      const id = `H-${s.ns}`;
      const first = s.draft(null, s.report(id), T0);
      for (const bad of [
        { ...first.input, events: [] },
        { ...first.input, expectedVersion: 3 },
      ]) {
        let caught: unknown = null;
        try {
          await store.append(bad);
        } catch (error) {
          caught = error;
        }
        expect(isStoreError(caught)).toBe(true);
        expect((caught as { code?: unknown }).code).toBe('INVALID_APPEND');
      }
      expect(await store.readEvents(id)).toHaveLength(0);
    });

    test('requeueDeadLetters offers dead letters again, and only them', async (store) => {
      const s = scope();
      const ids = [0, 1, 2].map((i) => `${s.ns}-${i}`);
      for (const [i, id] of ids.entries()) expectOk(await store.append(s.draft(null, s.report(id), T0 + i).input));
      const at = (ms: number) => new Date(T0 + ms).toISOString();
      const mine = async (ms: number) => (await store.claimOutbox({ owner: 'A', now: at(ms), leaseMs: 1000, limit: 1000 })).filter((m) => ids.includes(m.hazardId));
      const claimed = await mine(1000);
      expect(claimed).toHaveLength(3);
      const [deadA, deadB, pending] = claimed.map((m) => m.id) as [string, string, string];
      expect(await store.failOutbox({ id: deadA, owner: 'A', error: 'HTTP 401: wrong secret', retryAt: null })).toBe(true);
      expect(await store.failOutbox({ id: deadB, owner: 'A', error: 'HTTP 401: wrong secret', retryAt: null })).toBe(true);
      expect(await store.failOutbox({ id: pending, owner: 'A', error: 'timeout', retryAt: at(5_000_000) })).toBe(true);
      // Only the named dead letter, and an id that is not dead is ignored.
      expect(await store.requeueDeadLetters({ ids: [deadA, pending, `${s.ns}-none/1`], now: at(2000) })).toBe(1);
      const dead = (await store.readDeadLetters(100_000)).filter((m) => ids.includes(m.hazardId)).map((m) => m.id);
      expect(dead).toEqual([deadB]);
      const again = await mine(2000);
      expect(again.map((m) => m.id)).toEqual([deadA]);
      expect(again[0]?.attempts).toBe(0);
      const original = claimed.find((m) => m.id === deadA);
      expect(again[0]?.payload).toEqual(original?.payload);
      expect(again[0]?.topic).toBe(original?.topic);
    });

    test('the outbox relay reports passes and errors through its hooks, and delivers re-queued dead letters', async (store) => {
      const s = scope();
      const id = `H-${s.ns}`;
      expectOk(await store.append(s.draft(null, s.report(id), T0).input));
      const clock = createFixedClock(new Date(T0 + 30_000_000).toISOString());
      const passes: RelayPass[] = [];
      const errors: unknown[] = [];
      let secretFixed = false;
      const delivered: string[] = [];
      // Only this test's messages reach the fake receiver; others' (a shared database) are acknowledged untouched.
      const relay = createOutboxRelay({
        store,
        owner: `relay-${s.ns}`,
        clock,
        batchSize: 100_000,
        deliver: async (m) => {
          if (m.hazardId !== id) return { ok: true };
          if (!secretFixed) return { ok: false, retryable: false, error: 'receiver answered HTTP 401' };
          delivered.push(m.id);
          return { ok: true };
        },
        onPass: (pass) => passes.push(pass),
        onError: (error) => errors.push(error),
      });
      const pass = await relay.runOnce();
      expect(pass.dead).toBeGreaterThan(0);
      const dead = (await store.readDeadLetters(100_000)).filter((m) => m.hazardId === id);
      expect(dead).toHaveLength(1);
      expect(dead[0]?.lastError).toBe('receiver answered HTTP 401');
      secretFixed = true;
      expect(await store.requeueDeadLetters({ ids: dead.map((m) => m.id), now: clock.now().toISOString() })).toBe(1);
      // The loop: one pass delivers the re-queued message and is reported to onPass.
      relay.start(5);
      for (let i = 0; i < 400 && delivered.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
      await relay.stop();
      expect(delivered).toEqual([`${id}/1`]);
      expect(passes.length).toBeGreaterThan(0);
      expect(errors).toEqual([]);
      // A store that fails: the error reaches onError, the loop goes on.
      const failing = createOutboxRelay({
        store: { claimOutbox: () => Promise.reject(new Error('connection lost')), ackOutbox: store.ackOutbox.bind(store), failOutbox: store.failOutbox.bind(store) },
        owner: `broken-${s.ns}`,
        clock,
        deliver: async () => ({ ok: true }),
        onError: (error) => errors.push(error),
      });
      failing.start(5);
      for (let i = 0; i < 400 && errors.length < 2; i++) await new Promise((r) => setTimeout(r, 5));
      await failing.stop();
      expect(errors.length).toBeGreaterThan(1);
      expect((errors[0] as Error).message).toBe('connection lost');
    });

    test('concurrent appends at one version: exactly one wins', async (store) => {
      const s = scope();
      const id = `H-${s.ns}`;
      const first = s.draft(null, s.report(id), T0);
      await store.append(first.input);
      const racers = Array.from(
        { length: 20 },
        (_, i) => s.draft(first.after, { type: 'reclassify', commandId: `${id}:race${i}`, hazardId: id, level: 'simple', reason: { 'zh-CN': `竞争 ${i}` } }, T0 + 10 + i).input,
      );
      const results = await Promise.all(racers.map((input) => store.append(input)));
      expect(results.filter((r) => r.kind === 'ok')).toHaveLength(1);
      expect(results.filter((r) => r.kind === 'conflict')).toHaveLength(19);
      expect(await store.readEvents(id)).toHaveLength(2);
      const claimed = await store.claimOutbox({ owner: 'r', now: new Date(T0 + 60_000).toISOString(), leaseMs: 1000, limit: 1000 });
      expect(claimed.filter((m) => m.hazardId === id)).toHaveLength(2);
    });

    test('outbox rows are written atomically with their events', async (store) => {
      const s = scope();
      const id = `H-${s.ns}`;
      const simple = s.draft(null, s.report(id, { level: 'simple', fixedOnSpot: true, evidence: [...evidence(id, 'photo_before', 1), ...evidence(id, 'photo_after', 1)] }), T0);
      expect(simple.input.events).toHaveLength(2);
      await store.append(simple.input);
      const claimed = await store.claimOutbox({ owner: 'r', now: new Date(T0 + 1000).toISOString(), leaseMs: 1000, limit: 1000 });
      const mine = claimed.filter((m) => m.hazardId === id);
      expect(mine.map((m) => m.id)).toEqual(simple.input.outbox.map((m) => m.id));
      expect(mine.map((m) => m.topic)).toEqual(['hazard.reported', 'hazard.closed']);
      expect(mine[0]?.payload).toEqual(simple.input.outbox[0]?.payload);
      expect(mine[0]?.attempts).toBe(0);
    });

    test('claimOutbox leases a message to one owner; expired leases are reclaimed', async (store) => {
      const s = scope();
      const id = `H-${s.ns}`;
      await store.append(s.draft(null, s.report(id), T0).input);
      const at = (ms: number) => new Date(T0 + ms).toISOString();
      const [a, b] = await Promise.all([
        store.claimOutbox({ owner: 'A', now: at(1000), leaseMs: 30_000, limit: 1000 }),
        store.claimOutbox({ owner: 'B', now: at(1000), leaseMs: 30_000, limit: 1000 }),
      ]);
      const mineA = (a ?? []).filter((m) => m.hazardId === id);
      const mineB = (b ?? []).filter((m) => m.hazardId === id);
      expect(mineA.length + mineB.length).toBe(1);
      const holder = mineA.length === 1 ? 'A' : 'B';
      const during = await store.claimOutbox({ owner: 'C', now: at(20_000), leaseMs: 30_000, limit: 1000 });
      expect(during.filter((m) => m.hazardId === id)).toHaveLength(0);
      const after = await store.claimOutbox({ owner: 'C', now: at(40_000), leaseMs: 30_000, limit: 1000 });
      const mineC = after.filter((m) => m.hazardId === id);
      expect(mineC).toHaveLength(1);
      expect(mineC[0]?.leaseOwner).toBe('C');
      // The old holder lost its lease: its ack does nothing.
      expect(await store.ackOutbox(holder, [`${id}/1`], ACK_AT)).toBe(0);
      expect(await store.ackOutbox('C', [`${id}/1`], ACK_AT)).toBe(1);
    });

    test('ackOutbox needs the lease; acknowledged messages are never claimed again', async (store) => {
      const s = scope();
      const id = `H-${s.ns}`;
      await store.append(s.draft(null, s.report(id), T0).input);
      const at = (ms: number) => new Date(T0 + ms).toISOString();
      const claimed = (await store.claimOutbox({ owner: 'A', now: at(1000), leaseMs: 10_000, limit: 1000 })).filter((m) => m.hazardId === id);
      expect(claimed).toHaveLength(1);
      expect(await store.ackOutbox('B', [`${id}/1`], ACK_AT)).toBe(0);
      expect(await store.ackOutbox('A', [`${id}/1`], ACK_AT)).toBe(1);
      expect(await store.ackOutbox('A', [`${id}/1`], ACK_AT)).toBe(0);
      const later = await store.claimOutbox({ owner: 'A', now: at(10_000_000), leaseMs: 10_000, limit: 1000 });
      expect(later.filter((m) => m.hazardId === id)).toHaveLength(0);
    });

    test('failOutbox reschedules, then dead-letters', async (store) => {
      const s = scope();
      const id = `H-${s.ns}`;
      await store.append(s.draft(null, s.report(id), T0).input);
      const at = (ms: number) => new Date(T0 + ms).toISOString();
      const mine = async (owner: string, ms: number) => (await store.claimOutbox({ owner, now: at(ms), leaseMs: 1000, limit: 1000 })).filter((m) => m.hazardId === id);
      expect(await mine('A', 1000)).toHaveLength(1);
      expect(await store.failOutbox({ id: `${id}/1`, owner: 'B', error: 'not mine', retryAt: at(2000) })).toBe(false);
      expect(await store.failOutbox({ id: `${id}/1`, owner: 'A', error: 'timeout', retryAt: at(60_000) })).toBe(true);
      expect(await mine('A', 30_000)).toHaveLength(0);
      const again = await mine('A', 60_000);
      expect(again).toHaveLength(1);
      expect(again[0]?.attempts).toBe(1);
      expect(await store.failOutbox({ id: `${id}/1`, owner: 'A', error: 'gateway 400', retryAt: null })).toBe(true);
      expect(await mine('A', 10_000_000)).toHaveLength(0);
      const dead = (await store.readDeadLetters(1000)).filter((m) => m.hazardId === id);
      expect(dead).toHaveLength(1);
      expect(dead[0]?.attempts).toBe(2);
      expect(dead[0]?.lastError).toBe('gateway 400');
    });

    test('denials are a separate log and write no event, outbox row or command', async (store) => {
      const s = scope();
      const id = `H-${s.ns}`;
      const before = await store.readDenials(1, 1_000_000);
      await store.recordDenial({
        commandId: `${id}:x`,
        hazardId: id,
        commandType: 'close',
        actorId: 'owner',
        code: 'FORBIDDEN',
        message: { 'zh-CN': '无权执行此操作', en: 'not allowed' },
        recordedAt: new Date(T0).toISOString(),
      });
      const after = await store.readDenials(1, 1_000_000);
      expect(after.length).toBe(before.length + 1);
      const last = after[after.length - 1];
      expect(last?.code).toBe('FORBIDDEN');
      expect(last?.hazardId).toBe(id);
      expect(last?.message).toEqual({ 'zh-CN': '无权执行此操作', en: 'not allowed' });
      expect(await store.load(id)).toBeNull();
      expect(await store.findCommand(`${id}:x`)).toBeNull();
      const claimed = await store.claimOutbox({ owner: 'r', now: new Date(T0 + 1000).toISOString(), leaseMs: 1000, limit: 1000 });
      expect(claimed.filter((m) => m.hazardId === id)).toHaveLength(0);
      const page = await store.query({ enterpriseId: s.enterpriseId }, { limit: 10 });
      expect(page.items).toHaveLength(0);
    });

    test('query filters by level, status, domain, area, enterprise, provisional, deadline', async (store) => {
      const s = scope();
      const put = async (id: string, extra: Parameters<typeof s.report>[1], notice: boolean, at: number) => {
        const r = s.draft(null, s.report(id, extra), at);
        await store.append(r.input);
        if (notice) await store.append(s.draft(r.after, { type: 'issue_notice', commandId: `${id}:n`, hazardId: id }, at + 1).input);
      };
      await put(`${s.ns}-a`, { level: 'general' }, true, T0);
      await put(`${s.ns}-b`, { level: 'simple', deadline: 'immediate' }, true, T0 + 10);
      await put(`${s.ns}-c`, { level: 'major', provisional: true, area: `A-${s.ns}/G2` }, false, T0 + 20);
      await put(`${s.ns}-d`, { level: 'general', domain: 'fire' }, false, T0 + 30);
      const ids = async (filter: Parameters<Store['query']>[0]) => (await store.query({ enterpriseId: s.enterpriseId, ...filter }, { limit: 100 })).items.map((i) => i.hazardId).sort();
      expect(await ids({})).toEqual([`${s.ns}-a`, `${s.ns}-b`, `${s.ns}-c`, `${s.ns}-d`]);
      expect(await ids({ level: 'general' })).toEqual([`${s.ns}-a`, `${s.ns}-d`]);
      expect(await ids({ level: ['simple', 'major'] })).toEqual([`${s.ns}-b`, `${s.ns}-c`]);
      expect(await ids({ status: 'rectifying' })).toEqual([`${s.ns}-a`, `${s.ns}-b`]);
      expect(await ids({ status: ['reported'] })).toEqual([`${s.ns}-c`, `${s.ns}-d`]);
      expect(await ids({ domain: 'fire' })).toEqual([`${s.ns}-d`]);
      expect(await ids({ area: `A-${s.ns}/G2` })).toEqual([`${s.ns}-c`]);
      expect(await ids({ area: `A-${s.ns}` })).toHaveLength(4);
      expect(await ids({ provisional: true })).toEqual([`${s.ns}-c`]);
      // The simple hazard's immediate deadline is the end of the notice's local day (Sep 28, UTC+8).
      expect(await ids({ deadlineBefore: '2026-09-28T16:00:00.000Z' })).toEqual([`${s.ns}-b`]);
      expect(await ids({ deadlineBefore: '2027-01-01T00:00:00.000Z' })).toEqual([`${s.ns}-a`, `${s.ns}-b`]);
      expect(await ids({ enterpriseId: `other-${s.ns}` })).toEqual([]);
    });

    test('a hazard keeps its premises: the list row carries premisesId, query filters on it, later events keep it', async (store) => {
      const s = scope();
      const at = s.draft(null, s.report(`${s.ns}-p`, { premisesId: `P-${s.ns}`, landlordEnterpriseId: `L-${s.ns}` }), T0);
      await store.append(at.input);
      await store.append(s.draft(at.after, { type: 'issue_notice', commandId: `${s.ns}-p:n`, hazardId: `${s.ns}-p` }, T0 + 1).input);
      await store.append(s.draft(null, s.report(`${s.ns}-q`), T0 + 2).input);
      const rows = (await store.query({ enterpriseId: s.enterpriseId }, { limit: 10 })).items;
      expect(rows.map((r) => r.hazardId).sort()).toEqual([`${s.ns}-p`, `${s.ns}-q`]);
      expect(rows.find((r) => r.hazardId === `${s.ns}-p`)?.premisesId).toBe(`P-${s.ns}`);
      expect(rows.find((r) => r.hazardId === `${s.ns}-q`)?.premisesId).toBe(undefined);
      const ids = async (premisesId: string) => (await store.query({ premisesId }, { limit: 10 })).items.map((i) => i.hazardId);
      expect(await ids(`P-${s.ns}`)).toEqual([`${s.ns}-p`]);
      expect(await ids(`P-other-${s.ns}`)).toEqual([]);
      // The work-queue shape (area + status) with a premises still filters on the premises.
      expect((await store.query({ area: s.area, status: ['rectifying', 'reported'], premisesId: `P-${s.ns}` }, { limit: 10 })).items.map((i) => i.hazardId)).toEqual([`${s.ns}-p`]);
      expect((await store.stats({ filter: { premisesId: `P-${s.ns}` }, now: new Date(T0 + 10).toISOString() })).total).toBe(1);
    });

    test('query pages by (updatedAt, hazardId) without repeats or gaps', async (store) => {
      const s = scope();
      const all: string[] = [];
      for (let i = 0; i < 23; i++) {
        const id = `${s.ns}-${String(i).padStart(2, '0')}`;
        // Several hazards share an updatedAt, so the id breaks ties.
        await store.append(s.draft(null, s.report(id), T0 + Math.floor(i / 4) * 1000).input);
        all.push(id);
      }
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const page = await store.query({ enterpriseId: s.enterpriseId }, { limit: 5, after });
        expect(page.items.length).toBeLessThanOrEqual(5);
        seen.push(...page.items.map((i) => i.hazardId));
        after = page.next;
        pages++;
      } while (after !== null && pages < 50);
      expect(seen).toEqual(all);
      expect(pages).toBe(5);
    });

    test('query rejects a cursor it did not issue with INVALID_CURSOR', async (store) => {
      for (const bad of ['not a cursor', '["a"]', 'eHl6', '%%%']) {
        let code: unknown;
        try {
          await store.query({}, { limit: 5, after: bad });
        } catch (error) {
          code = (error as { code?: unknown }).code;
        }
        expect(code).toBe('INVALID_CURSOR');
      }
    });

    test('readLog pages from a seq', async (store) => {
      const s = scope();
      const seqs: number[] = [];
      for (let i = 0; i < 7; i++) {
        const r = await store.append(s.draft(null, s.report(`${s.ns}-${i}`), T0 + i).input);
        if (r.kind === 'ok') seqs.push(r.events[0]?.seq as number);
      }
      const from = seqs[2] as number;
      const page = await store.readLog(from, 3);
      expect(page.map((e) => e.seq)).toEqual([from, from + 1, from + 2]);
      expect(page.map((e) => e.hazardId)).toEqual([`${s.ns}-2`, `${s.ns}-3`, `${s.ns}-4`]);
    });

    test('stored events round-trip exactly (hashes verify)', async (store) => {
      const s = scope();
      const id = `H-${s.ns}`;
      const r = s.draft(
        null,
        s.report(id, {
          title: { 'zh-CN': '引号"与反斜杠\\、<尖括号>和 emoji 🔥', en: 'quote " backslash \\ <angle> emoji 🔥' },
          // Trusted data the decider does not re-read: line breaks, tabs and separators round-trip too.
          findings: [{ rule: 'R-1', explanation: { 'zh-CN': '换行\n制表\t与\u2028分隔', en: 'newline \n tab \t and \u2028 separator' } } as never],
          unitId: 'kitchen-2',
        }),
        T0,
      );
      await store.append(r.input);
      const [stored] = await store.readEvents(id);
      const { seq: _seq, ...event } = stored as StoredEvent;
      expect(event).toEqual(r.input.events[0]);
      expect(verifyChain([stored as StoredEvent], { contiguousSeq: false }).ok).toBe(true);
    });

    test('the chain verifies after many appends through handleCommand', async (store) => {
      const s = scope();
      const clock = createFixedClock(new Date(T0));
      const deps = s.deps(store, clock);
      const ids = Array.from({ length: 30 }, (_, i) => `${s.ns}-${i}`);
      const steps = (id: string): ChainCommand[] => [
        s.report(id),
        { type: 'issue_notice', commandId: `${id}:n`, hazardId: id },
        { type: 'request_extension', commandId: `${id}:x`, hazardId: id, extension: { days: 3 }, reason: { 'zh-CN': '等待配件' } },
        { type: 'grant_extension', commandId: `${id}:g`, hazardId: id },
        { type: 'escalate', commandId: `${id}:e`, hazardId: id, reason: { 'zh-CN': '拒不整改' } },
        { type: 'file_case', commandId: `${id}:c`, hazardId: id },
        { type: 'issue_notice', commandId: `${id}:n2`, hazardId: id },
      ];
      for (let step = 0; step < 7; step++) {
        for (const id of ids) {
          clock.advance(1000);
          // the second officer confirms only the act that takes one (his co-sign code names its act)
          const result = await handleCommand(deps, steps(id)[step] as ChainCommand, s.actor.id, step === 5 ? { coSignerId: s.coOfficer.id } : {});
          expect('rejection' in result ? result.rejection.code + ' ' + String(step) : 'ok').toBe('ok');
        }
      }
      const mine: StoredEvent[] = [];
      for (const id of ids) mine.push(...(await store.readEvents(id)));
      mine.sort((a, b) => a.seq - b.seq);
      expect(mine).toHaveLength(210);
      for (let i = 1; i < mine.length; i++) expect((mine[i] as StoredEvent).seq).toBeGreaterThan((mine[i - 1] as StoredEvent).seq);
      const streamsOk = ids.every(
        (id) =>
          verifyChain(
            mine.filter((e) => e.hazardId === id),
            { contiguousSeq: false },
          ).ok,
      );
      expect(streamsOk).toBe(true);
      const first = mine[0]?.seq as number;
      const log = await store.readLog(first, 1_000_000);
      const chain = verifyChain(log.filter((e) => ids.includes(e.hazardId)).map(({ seq: _s, ...e }) => e));
      expect(chain.ok).toBe(true);
    }, 60_000);

    test('handleCommand: replay, key reuse and stale versions', async (store) => {
      const s = scope();
      const clock = createFixedClock(new Date(T0));
      const deps = s.deps(store, clock);
      const id = `H-${s.ns}`;
      const first = await handleCommand(deps, s.report(id), s.actor.id);
      expect('events' in first).toBe(true);
      clock.advance(5000);
      const replay = await handleCommand(deps, s.report(id), s.actor.id);
      expect(replay).toEqual({ ...first, replayed: true });
      const reused = await handleCommand(deps, s.report(id, { level: 'major' }), s.actor.id);
      expect('rejection' in reused && reused.rejection.code).toBe('IDEMPOTENCY_KEY_REUSED');
      const ok = await handleCommand(deps, { type: 'issue_notice', commandId: `${id}:n`, hazardId: id, expectedVersion: 1 }, s.actor.id);
      expect('events' in ok).toBe(true);
      const stale = await handleCommand(deps, { type: 'escalate', commandId: `${id}:e`, hazardId: id, expectedVersion: 1, reason: { 'zh-CN': '升级' } }, s.actor.id);
      expect('rejection' in stale && stale.rejection.code).toBe('CONFLICT');
      expect(await store.readEvents(id)).toHaveLength(2);
      const denials = (await store.readDenials(1, 1_000_000)).filter((d) => d.hazardId === id).map((d) => d.code);
      expect(denials).toEqual(['IDEMPOTENCY_KEY_REUSED', 'CONFLICT']);
    });

    test('stats counts by level, status and domain, with closure rate and overdue', async (store) => {
      const s = scope();
      const { overdueDeadline, runningDeadline } = await seedStats(store, s);
      expect(overdueDeadline < STATS_NOW && STATS_NOW < runningDeadline).toBe(true);
      const area = `A-${s.ns}`;
      const inRange = await store.stats({ filter: { area }, ...STATS_RANGE, now: STATS_NOW });
      expect(inRange).toEqual({
        total: 6,
        byLevel: { simple: 2, general: 3, major: 1 },
        byStatus: { ...emptyStats().byStatus, reported: 2, rectifying: 2, closed: 2 },
        byDomain: { gas: 4, fire: 2 },
        closed: 2,
        closureRate: 2 / 6,
        overdue: 1,
      });
      expect(inRange.periods).toBe(undefined);
      // Without a range: the two hazards at the range's edges count too.
      const all = await store.stats({ filter: { area }, now: STATS_NOW });
      expect([all.total, all.closed, all.closureRate, all.byStatus.reported, all.byDomain.gas]).toEqual([8, 2, 2 / 8, 4, 6]);
      // Overdue means a deadline strictly before now; a closed hazard is never overdue.
      expect((await store.stats({ filter: { area }, now: overdueDeadline })).overdue).toBe(0);
      const justAfter = new Date(Date.parse(overdueDeadline) + 1).toISOString();
      expect((await store.stats({ filter: { area }, now: justAfter })).overdue).toBe(1);
      expect((await store.stats({ filter: { area }, now: '2099-01-01T00:00:00.000Z' })).overdue).toBe(2);
      expect((await store.stats({ filter: { area, status: 'closed' }, now: '2099-01-01T00:00:00.000Z' })).overdue).toBe(0);
      // The counts agree with the list the same filter selects.
      const listed = await store.query({ area }, { limit: 100 });
      expect(listed.items).toHaveLength(all.total);
    });

    test('stats groups by UTC+8 day and month over a half-open created range', async (store) => {
      const s = scope();
      await seedStats(store, s);
      const area = `A-${s.ns}`;
      const months = await store.stats({ filter: { area }, ...STATS_RANGE, now: STATS_NOW, groupBy: 'month' });
      expect(months.total).toBe(6);
      // Created 2026-10-31T17:00Z is November 1 in China: it counts in November.
      expect(months.periods).toEqual([
        { period: '2026-10', total: 2, closed: 1, closureRate: 0.5 },
        { period: '2026-11', total: 4, closed: 1, closureRate: 0.25 },
      ]);
      const days = await store.stats({ filter: { area }, ...STATS_RANGE, now: STATS_NOW, groupBy: 'day' });
      expect(days.periods).toEqual([
        { period: '2026-10-15', total: 1, closed: 0, closureRate: 0 },
        { period: '2026-10-31', total: 1, closed: 1, closureRate: 1 },
        { period: '2026-11-01', total: 1, closed: 0, closureRate: 0 },
        { period: '2026-11-20', total: 1, closed: 1, closureRate: 1 },
        { period: '2026-11-25', total: 1, closed: 0, closureRate: 0 },
        { period: '2026-11-26', total: 1, closed: 0, closureRate: 0 },
      ]);
      const all = await store.stats({ filter: { area }, now: STATS_NOW, groupBy: 'month' });
      expect(all.periods?.map((p) => [p.period, p.total])).toEqual([
        ['2026-09', 1],
        ['2026-10', 2],
        ['2026-11', 4],
        ['2026-12', 1],
      ]);
      // [from, to): the bound instants themselves.
      const edge = async (createdFrom: string, createdTo: string) => (await store.stats({ filter: { area }, createdFrom, createdTo, now: STATS_NOW })).total;
      expect(await edge('2026-11-30T16:00:00.000Z', '2026-11-30T16:00:00.001Z')).toBe(1);
      expect(await edge('2026-11-30T15:00:00.000Z', '2026-11-30T16:00:00.000Z')).toBe(0);
      expect(await edge('2026-10-31T15:59:59.999Z', '2026-10-31T17:00:00.000Z')).toBe(1);
      expect(await edge('2026-10-31T15:59:59.999Z', '2026-10-31T17:00:00.001Z')).toBe(2);
    });

    test('stats narrows by every filter and counts nothing outside it', async (store) => {
      const s = scope();
      await seedStats(store, s);
      const area = `A-${s.ns}`;
      const count = async (filter: Parameters<Store['query']>[0]) => {
        const r = await store.stats({ filter: { ...filter }, ...STATS_RANGE, now: STATS_NOW });
        return [r.total, r.closed, r.closureRate];
      };
      expect(await count({ area, domain: 'fire' })).toEqual([2, 1, 0.5]);
      expect(await count({ area, level: ['simple', 'major'] })).toEqual([3, 2, 2 / 3]);
      expect(await count({ area, level: 'general' })).toEqual([3, 0, 0]);
      expect(await count({ area, status: 'closed' })).toEqual([2, 2, 1]);
      expect(await count({ area, status: ['reported', 'rectifying'] })).toEqual([4, 0, 0]);
      expect(await count({ area, provisional: true })).toEqual([1, 0, 0]);
      expect(await count({ area: `A-${s.ns}/G1` })).toEqual([6, 2, 2 / 6]);
      // The sibling area A-<ns>0 is not a sub-area of A-<ns>.
      expect(await count({ area: `A-${s.ns}0` })).toEqual([1, 0, 0]);
      expect(await count({ enterpriseId: s.enterpriseId })).toEqual([7, 2, 2 / 7]);
      expect(await count({ enterpriseId: s.enterpriseId, area: `A-${s.ns}/G2` })).toEqual([0, 0, 0]);
      const none = await store.stats({ filter: { area: `none-${s.ns}` }, now: STATS_NOW, groupBy: 'day' });
      expect(none).toEqual({ ...emptyStats(), periods: [] });
    });

    test('stats rejects malformed instants and groupBy', async (store) => {
      await expect(store.stats({ now: '2026-11-28' })).rejects.toThrow();
      await expect(store.stats({ now: STATS_NOW, createdFrom: '2026-11-01T00:00:00Z' })).rejects.toThrow();
      await expect(store.stats({ now: STATS_NOW, createdTo: 'soon' })).rejects.toThrow();
      await expect(store.stats({ now: STATS_NOW, groupBy: 'week' as 'day' })).rejects.toThrow();
      expect((await store.stats({ filter: { area: `none-${uid()}` }, now: STATS_NOW })).total).toBe(0);
    });

    const emptyStore = options.createEmptyStore ?? options.createStore;
    const at = (ms: number) => new Date(T0 + ms).toISOString();
    const noMessages: OutboxStatus = { pending: 0, retrying: 0, leased: 0, delivered: 0, dead: 0, oldestPendingAt: null, nextRetryAt: null };

    test(
      'outboxStatus of an empty store is zeros and nulls',
      async (store) => {
        expect(await store.outboxStatus(at(0))).toEqual(noMessages);
        // A denial writes no outbox row.
        await store.recordDenial({
          commandId: `${uid()}:x`,
          hazardId: `H-${uid()}`,
          commandType: 'close',
          actorId: 'owner',
          code: 'FORBIDDEN',
          message: { 'zh-CN': '无权执行此操作', en: 'not allowed' },
          recordedAt: at(0),
        });
        expect(await store.outboxStatus(at(1000))).toEqual(noMessages);
      },
      undefined,
      emptyStore,
    );

    test(
      'outboxStatus follows messages through claim, ack, retry and dead letter',
      async (store) => {
        const s = scope();
        const ids = [0, 1, 2, 3].map((i) => `${s.ns}-${i}`);
        // Four hazards reported 1 s apart: four messages, `<id>/1`, created at T0 … T0 + 3 s.
        for (const [i, id] of ids.entries()) expectOk(await store.append(s.draft(null, s.report(id), T0 + i * 1000).input));
        const status = (ms: number) => store.outboxStatus(at(ms));
        expect(await status(5000)).toEqual({ ...noMessages, pending: 4, oldestPendingAt: at(0) });

        // Two claimed under a 10 s lease: still pending, now leased until T0 + 15 s.
        const claimed = await store.claimOutbox({ owner: 'A', now: at(5000), leaseMs: 10_000, limit: 2 });
        expect(claimed.map((m) => m.id)).toEqual([`${ids[0]}/1`, `${ids[1]}/1`]);
        expect(await status(5000)).toEqual({ ...noMessages, pending: 4, leased: 2, oldestPendingAt: at(0) });
        // A lease counts while it runs, strictly: at its end it has expired.
        expect((await status(14_999)).leased).toBe(2);
        expect((await status(15_000)).leased).toBe(0);

        // The oldest is delivered: the oldest pending message is now the second one.
        expect(await store.ackOutbox('A', [`${ids[0]}/1`], ACK_AT)).toBe(1);
        expect(await status(6000)).toEqual({ ...noMessages, pending: 3, leased: 1, delivered: 1, oldestPendingAt: at(1000) });

        // The second fails and waits for a retry at T0 + 60 s.
        expect(await store.failOutbox({ id: `${ids[1]}/1`, owner: 'A', error: 'gateway 503', retryAt: at(60_000) })).toBe(true);
        expect(await status(7000)).toEqual({ ...noMessages, pending: 3, retrying: 1, delivered: 1, oldestPendingAt: at(1000), nextRetryAt: at(60_000) });
        // Past its retry time and not yet claimed, it is still the next retry (the relay is behind).
        expect((await status(90_000)).nextRetryAt).toBe(at(60_000));

        // Claimed again, then dead-lettered: it leaves the queue.
        const again = await store.claimOutbox({ owner: 'A', now: at(60_000), leaseMs: 10_000, limit: 3 });
        expect(again.map((m) => m.id)).toEqual([`${ids[1]}/1`, `${ids[2]}/1`, `${ids[3]}/1`]);
        expect(await status(61_000)).toEqual({ ...noMessages, pending: 3, retrying: 1, leased: 3, delivered: 1, oldestPendingAt: at(1000) });
        expect(await store.failOutbox({ id: `${ids[1]}/1`, owner: 'A', error: 'gateway 400', retryAt: null })).toBe(true);
        expect(await store.failOutbox({ id: `${ids[2]}/1`, owner: 'A', error: 'timeout', retryAt: at(120_000) })).toBe(true);
        const after = await status(62_000);
        expect(after).toEqual({ ...noMessages, pending: 2, retrying: 1, leased: 1, delivered: 1, dead: 1, oldestPendingAt: at(2000), nextRetryAt: at(120_000) });
        expect(after.dead).toBe((await store.readDeadLetters(1000)).length);

        // Everything settled: nothing pending, so no age and no retry.
        expect(await store.ackOutbox('A', [`${ids[3]}/1`], ACK_AT)).toBe(1);
        const [last] = await store.claimOutbox({ owner: 'B', now: at(120_000), leaseMs: 10_000, limit: 10 });
        expect(last?.attempts).toBe(1);
        expect(await store.ackOutbox('B', [`${ids[2]}/1`], ACK_AT)).toBe(1);
        expect(await status(121_000)).toEqual({ ...noMessages, delivered: 3, dead: 1 });
      },
      undefined,
      emptyStore,
    );

    test(
      'outboxStatus writes nothing',
      async (store) => {
        const s = scope();
        const ids = [0, 1, 2].map((i) => `${s.ns}-${i}`);
        for (const [i, id] of ids.entries()) expectOk(await store.append(s.draft(null, s.report(id), T0 + i * 1000).input));
        await store.claimOutbox({ owner: 'A', now: at(5000), leaseMs: 10_000, limit: 2 });
        expect(await store.failOutbox({ id: `${ids[0]}/1`, owner: 'A', error: 'timeout', retryAt: at(30_000) })).toBe(true);
        const log = await store.readLog(1, 1000);
        const dead = await store.readDeadLetters(1000);
        // At instants where a lease has expired and a retry is due: a store that "tidied up"
        // (released the lease, rescheduled or dead-lettered) would change what follows.
        const first = await store.outboxStatus(at(40_000));
        expect(await store.outboxStatus(at(40_000))).toEqual(first);
        expect(await store.outboxStatus(at(10_000_000))).toEqual({ ...first });
        expect(await store.readLog(1, 1000)).toEqual(log);
        expect(await store.readDeadLetters(1000)).toEqual(dead);
        expect(await store.outboxStatus(at(6000))).toEqual({ ...noMessages, pending: 3, retrying: 1, leased: 1, oldestPendingAt: at(0), nextRetryAt: at(30_000) });
        const claimed = await store.claimOutbox({ owner: 'B', now: at(40_000), leaseMs: 10_000, limit: 10 });
        expect(claimed.map((m) => [m.id, m.attempts])).toEqual([
          [`${ids[0]}/1`, 1],
          [`${ids[1]}/1`, 0],
          [`${ids[2]}/1`, 0],
        ]);
        // The first lease of A on ids[1] ran out at T0 + 15 s; B holds it now, A's ack does nothing.
        expect(await store.ackOutbox('A', [`${ids[1]}/1`], ACK_AT)).toBe(0);
      },
      undefined,
      emptyStore,
    );

    test(
      'readOutbox lists every message as appended, whatever its delivery state',
      async (store) => {
        const s = scope();
        const ids = [0, 1, 2].map((i) => `${s.ns}-${i}`);
        const inputs = ids.map((id, i) => s.draft(null, s.report(id), T0 + i * 1000).input);
        for (const input of inputs) expectOk(await store.append(input));
        const claimed = await store.claimOutbox({ owner: `o-${s.ns}`, now: at(10_000_000), leaseMs: 10_000, limit: 1000 });
        const mine = claimed.filter((m) => ids.includes(m.hazardId)).map((m) => m.id);
        await store.ackOutbox(`o-${s.ns}`, mine.slice(0, 1), ACK_AT);
        for (const id of mine.slice(1, 2)) await store.failOutbox({ id, owner: `o-${s.ns}`, error: 'x', retryAt: null });
        const all = await store.readOutbox(1, 100_000);
        const seqs = all.map((m) => m.seq);
        expect(seqs.every((q, i) => i === 0 || q > (seqs[i - 1] as number))).toBe(true);
        const got = all.filter((m) => ids.includes(m.hazardId));
        expect(got.map(({ seq: _seq, ...m }) => m)).toEqual(inputs.flatMap((i) => i.outbox));
        const second = got[1]?.seq as number;
        expect((await store.readOutbox(second, 1)).map((m) => m.id)).toEqual([`${ids[1]}/1`]);
        expect(await store.readOutbox(second, 0)).toEqual([]);
      },
      undefined,
      emptyStore,
    );

    test(
      'checkpoints are stored as given and read back in order',
      async (store) => {
        expect(await store.latestCheckpoint()).toBeNull();
        expect(await store.readCheckpoints(1, 10)).toEqual([]);
        const head = (c: string) => c.repeat(64);
        const inputs = [0, 1, 2].map((i) => ({ size: i * 10, head: head(String(i)), text: `origin\n${i * 10}\n\u2014 sig ${i}\n`, createdAt: at(i * 1000) }));
        const stored = [];
        for (const input of inputs) stored.push(await store.appendCheckpoint(input));
        expect(stored).toEqual(inputs.map((input, i) => ({ ...input, seq: i + 1 })));
        expect(await store.latestCheckpoint()).toEqual(stored[2]);
        expect(await store.readCheckpoints(1, 10)).toEqual(stored);
        expect(await store.readCheckpoints(2, 1)).toEqual([stored[1]]);
        // Checkpoints are not events: the log is untouched.
        expect(await store.readLog(1, 10)).toEqual([]);
      },
      undefined,
      emptyStore,
    );

    // Retention (optional port methods: a store without them keeps every message). Whole-outbox
    // operations, so each test has a store of its own.
    test(
      'pruneOutbox deletes delivered messages acknowledged before the cut-off, keeps pending, leased and dead ones',
      async (store) => {
        if (!store.pruneOutbox || !store.readPrunedOutbox) return;
        const prune = store.pruneOutbox.bind(store);
        const s = scope();
        const ids = [0, 1, 2, 3, 4].map((i) => `${s.ns}-${i}`);
        const m = ids.map((id) => `${id}/1`) as [string, string, string, string, string];
        for (const [i, id] of ids.entries()) expectOk(await store.append(s.draft(null, s.report(id), T0 + i * 1000).input));
        const claimed = await store.claimOutbox({ owner: 'A', now: at(10_000), leaseMs: 600_000, limit: 4 });
        expect(claimed.map((c) => c.id)).toEqual(m.slice(0, 4));
        expect(await store.ackOutbox('A', [m[0]], at(20_000))).toBe(1);
        expect(await store.ackOutbox('A', [m[1]], at(30_000))).toBe(1);
        expect(await store.failOutbox({ id: m[2], owner: 'A', error: 'HTTP 400', retryAt: null })).toBe(true);
        // m[3] stays leased to A, m[4] was never claimed.
        const FAR = at(1e12);
        // Strictly before: a message acknowledged at the cut-off stays.
        expect(await prune({ deliveredBefore: at(20_000), limit: 100 })).toEqual({ delivered: 0, dead: 0, more: false });
        expect(await prune({ deliveredBefore: at(20_001), limit: 100 })).toEqual({ delivered: 1, dead: 0, more: false });
        // Whatever the cut-off, without deadBefore only delivered messages go.
        expect(await prune({ deliveredBefore: FAR, limit: 100 })).toEqual({ delivered: 1, dead: 0, more: false });
        expect((await store.readOutbox(1, 100)).map((x) => x.id)).toEqual(m.slice(2));
        expect(await store.outboxStatus(at(40_000))).toEqual({ ...noMessages, pending: 2, leased: 1, dead: 1, oldestPendingAt: at(3000) });
        // Dead letters with their own cut-off, on their creation: strictly before it.
        expect(await prune({ deliveredBefore: FAR, deadBefore: at(2000), limit: 100 })).toEqual({ delivered: 0, dead: 0, more: false });
        expect(await prune({ deliveredBefore: FAR, deadBefore: FAR, limit: 100 })).toEqual({ delivered: 0, dead: 1, more: false });
        expect((await store.readOutbox(1, 100)).map((x) => x.id)).toEqual(m.slice(3));
        expect(await store.readDeadLetters(100)).toEqual([]);
        // The pending messages are still delivered: the leased one by its owner, the other through a claim.
        expect(await store.ackOutbox('A', [m[3]], at(50_000))).toBe(1);
        expect((await store.claimOutbox({ owner: 'B', now: at(50_000), leaseMs: 1000, limit: 10 })).map((x) => x.id)).toEqual([m[4]]);
        // A pruned message is gone: it cannot be acknowledged or re-queued.
        expect(await store.ackOutbox('A', [m[0]], at(60_000))).toBe(0);
        expect(await store.requeueDeadLetters({ ids: [m[2]], now: at(60_000) })).toBe(0);
        // The store kept what it pruned, in order, with the state it was pruned in.
        const pruned = await store.readPrunedOutbox(1, 100);
        expect(pruned.map(({ seq: _seq, ...p }) => p)).toEqual([
          { id: m[0], hazardId: ids[0], eventId: m[0], state: 'delivered' },
          { id: m[1], hazardId: ids[1], eventId: m[1], state: 'delivered' },
          { id: m[2], hazardId: ids[2], eventId: m[2], state: 'dead' },
        ]);
        expect(pruned.every((p, i) => i === 0 || p.seq > (pruned[i - 1] as { seq: number }).seq)).toBe(true);
        expect((await store.readPrunedOutbox((pruned[1] as { seq: number }).seq, 1)).map((p) => p.id)).toEqual([m[1]]);
        expect(await store.readPrunedOutbox(1, 0)).toEqual([]);
      },
      undefined,
      emptyStore,
    );

    test(
      'pruneOutbox deletes at most limit messages a call, delivered first, and says when there may be more',
      async (store) => {
        if (!store.pruneOutbox || !store.readPrunedOutbox) return;
        const prune = store.pruneOutbox.bind(store);
        const s = scope();
        const ids = [0, 1, 2, 3, 4, 5].map((i) => `${s.ns}-${i}`);
        const m = ids.map((id) => `${id}/1`) as [string, string, string, string, string, string];
        for (const [i, id] of ids.entries()) expectOk(await store.append(s.draft(null, s.report(id), T0 + i * 1000).input));
        expect(await store.claimOutbox({ owner: 'A', now: at(10_000), leaseMs: 600_000, limit: 10 })).toHaveLength(6);
        // Acknowledged in another order than appended; two dead letters.
        for (const [k, id] of [m[4], m[3], m[0], m[1]].entries()) expect(await store.ackOutbox('A', [id], at(20_000 + k * 1000))).toBe(1);
        for (const id of [m[2], m[5]]) expect(await store.failOutbox({ id, owner: 'A', error: 'HTTP 404', retryAt: null })).toBe(true);
        const all = { deliveredBefore: at(1e12), deadBefore: at(1e12) };
        const prunedIds = async () => (await store.readPrunedOutbox!(1, 100)).map((p) => p.id);
        expect(await prune({ ...all, limit: 2 })).toEqual({ delivered: 2, dead: 0, more: true });
        expect(await prunedIds()).toEqual([m[4], m[3]]);
        expect(await prune({ ...all, limit: 3 })).toEqual({ delivered: 2, dead: 1, more: true });
        expect(await prunedIds()).toEqual([m[4], m[3], m[0], m[1], m[2]]);
        expect(await prune({ ...all, limit: 3 })).toEqual({ delivered: 0, dead: 1, more: false });
        expect(await prune({ ...all, limit: 3 })).toEqual({ delivered: 0, dead: 0, more: false });
        expect(await prunedIds()).toEqual([m[4], m[3], m[0], m[1], m[2], m[5]]);
        expect(await store.readOutbox(1, 100)).toEqual([]);
      },
      undefined,
      emptyStore,
    );

    test(
      'pruneOutbox refuses malformed cut-offs and limits and deletes nothing',
      async (store) => {
        if (!store.pruneOutbox) return;
        const s = scope();
        const id = `${s.ns}-0`;
        expectOk(await store.append(s.draft(null, s.report(id), T0).input));
        await store.claimOutbox({ owner: 'A', now: at(1000), leaseMs: 60_000, limit: 10 });
        expect(await store.ackOutbox('A', [`${id}/1`], at(2000))).toBe(1);
        const FAR = at(1e12);
        for (const bad of [
          { deliveredBefore: '2099-01-01', limit: 10 },
          { deliveredBefore: '2099-01-01T00:00:00Z', limit: 10 },
          { deliveredBefore: FAR, deadBefore: 'soon', limit: 10 },
          { deliveredBefore: FAR, limit: 0 },
          { deliveredBefore: FAR, limit: 10_001 },
          { deliveredBefore: FAR, limit: 1.5 },
          { deliveredBefore: FAR, limit: Number.NaN },
        ]) {
          let caught: unknown = null;
          try {
            await store.pruneOutbox(bad);
          } catch (error) {
            caught = error;
          }
          expect(isStoreError(caught)).toBe(true);
          expect((caught as { code?: unknown }).code).toBe('INVALID_PRUNE');
        }
        expect((await store.readOutbox(1, 10)).map((x) => x.id)).toEqual([`${id}/1`]);
        expect(await store.pruneOutbox({ deliveredBefore: FAR, limit: 10_000 })).toEqual({ delivered: 1, dead: 0, more: false });
      },
      undefined,
      emptyStore,
    );

    test(
      'verifyAudit passes after pruneOutbox',
      async (store) => {
        if (!store.pruneOutbox) return;
        const s = scope();
        const ids = [0, 1, 2].map((i) => `${s.ns}-${i}`);
        for (const [i, id] of ids.entries()) {
          const first = s.draft(null, s.report(id), T0 + i * 1000);
          expectOk(await store.append(first.input));
          expectOk(await store.append(s.draft(first.after, { type: 'issue_notice', commandId: `${id}:n`, hazardId: id }, T0 + i * 1000 + 500).input));
        }
        const claimed = await store.claimOutbox({ owner: 'A', now: at(10_000), leaseMs: 600_000, limit: 100 });
        expect(claimed).toHaveLength(6);
        const [dead, pending, ...delivered] = claimed.map((c) => c.id) as [string, string, ...string[]];
        expect(await store.ackOutbox('A', delivered, at(20_000))).toBe(4);
        expect(await store.failOutbox({ id: dead, owner: 'A', error: 'HTTP 410', retryAt: null })).toBe(true);
        expect(await store.pruneOutbox({ deliveredBefore: at(1e12), deadBefore: at(1e12), limit: 100 })).toEqual({ delivered: 4, dead: 1, more: false });
        expect((await store.readOutbox(1, 100)).map((x) => x.id)).toEqual([pending]);
        const audit = await verifyAudit(store, { now: at(30_000) });
        expect(audit.problems).toEqual([]);
        expect(audit.ok).toBe(true);
      },
      undefined,
      emptyStore,
    );
  });
}
