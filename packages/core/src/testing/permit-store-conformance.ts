import { chainPermitEvent, verifyPermitChain } from '../permits/permit-chain.js';
import { DEFAULT_PERMIT_RULES } from '../permits/permit-rules.js';
import { handlePermitCommand, PERMIT_APPROVAL_DUE_TOPIC, PERMIT_OVERDUE_TOPIC, PERMIT_SUSPENDED_TOPIC, tickPermits } from '../permits/permit-service.js';
import type { ApplyPermitCommand, GasReadingInput, PermitActor, PermitCommand, PermitEvent, PermitState } from '../permits/permit-types.js';
import type { HotWorkObservation } from '../permits/hot-work-grade.js';
import type { ActorProfile, EnterpriseRecord } from '../ports/directory.js';
import type { PermitStore } from '../ports/permit-store.js';
import type { ConformanceExpect } from './store-conformance.js';

/** Options of {@link runPermitStoreConformance}. */
export interface PermitStoreConformanceOptions {
  name: string;
  /** A fresh, empty store per test. */
  createStore: () => PermitStore | Promise<PermitStore>;
  /** Called after each test (close connections, drop the schema). */
  destroyStore?: (store: PermitStore) => void | Promise<void>;
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => Promise<void>, timeout?: number) => void;
  expect: ConformanceExpect;
}

/** Names of every test of the suite: the store's contract, then the standards' scenarios through the store. */
export const PERMIT_STORE_CONFORMANCE_TESTS = Object.freeze([
  'append, read and verify a permit’s chain',
  'a command id is appended once; a replay writes nothing',
  'a stale expected version conflicts and writes nothing',
  'events that do not continue the stored chain are refused and write nothing',
  'open permits by area and kind, counts, closed ones left out',
  'due permits: validity ends and monitoring intervals',
  'approval due: a permit still waiting for approval warns its approver once, from 60 minutes before its start',
  'the notification outbox claims, acknowledges, retries and dead-letters',
  'concurrent commands on one permit: none lost, a repeated command id written once',
  'scenario: the approver the grade requires (GB 30871-2022)',
  'scenario: a shut-down hot-work downgrade is approved twice and kept with the state (GB 30871-2022 5.1.4)',
  'scenario: a gas test 31 minutes before start is refused',
  'scenario: LEL < 4 % gas at 0.3 % vol fails',
  'scenario: 8 h validity, the expiry recorded and an overdue text queued',
  'scenario: a missed 15-minute reading in a confined space suspends the job and queues a text',
  'attachments and declared workers are kept with the state; a permit stored with a bare attachment ref still reads',
] as const);

const MIN = 60_000;
const T0 = Date.parse('2026-12-07T08:00:00.000Z');
const at = (m: number) => new Date(T0 + m * MIN);
const iso = (m: number) => at(m).toISOString();

/**
 * The directory of the suite: everyone is a person of E-1, a hazardous-chemical enterprise
 * (GB 30871-2022), and of E-G, a general one (GB 46768-2025 confined space): the regime
 * that picks a permit's rules is the directory's, so a test picks it by the enterprise.
 */
const STAFF = {
  resolve: async (id: string): Promise<ActorProfile> => ({ id, roles: ['enterprise'], enterpriseIds: ['E-1', 'E-G'] }),
  enterprise: async (id: string): Promise<EnterpriseRecord | null> =>
    id === 'E-1' ? { id, name: 'E-1', area: '330106', regime: 'hazchem' } : id === 'E-G' ? { id, name: 'E-G', area: '330106', regime: 'general' } : null,
};

const applicant: PermitActor = { id: 'applicant', roles: [] };
const leader: PermitActor = { id: 'leader', roles: ['principal_leader'] };
const safety: PermitActor = { id: 'safety', roles: ['safety_department'] };
const unit: PermitActor = { id: 'unit', roles: ['unit'] };
const attendant: PermitActor = { id: 'attendant', roles: [] };
const tester: PermitActor = { id: 'tester', roles: [] };

/** Hot-work site facts from which the server derives each grade (the grade itself is never sent). */
const HOT_WORK_FACTS: Record<string, HotWorkObservation> = {
  special: { situations: ['in_service_equipment'], openAir: false, shutDown: [] },
  first: { situations: ['hazardous_area'], openAir: false, shutDown: [] },
  second: { situations: [], openAir: false, shutDown: [] },
};

/** An apply (first-grade hot work by default); for hot work a `grade` names the grade wanted and the facts that derive it are sent. */
function apply(permitId: string, over: Partial<ApplyPermitCommand> = {}): ApplyPermitCommand {
  const { grade = 'first', ...o } = over;
  return {
    type: 'apply',
    permitId,
    kind: 'hot_work',
    ...((o.kind ?? 'hot_work') === 'hot_work' ? { hotWork: HOT_WORK_FACTS[grade]! } : { grade }),
    enterpriseId: 'E-1',
    area: '330106',
    workerIds: ['worker-1'],
    attendantId: 'attendant',
    validFrom: iso(0),
    flammableLelPctVol: 5,
    ...o,
  };
}
const reading = (m: number, v: Partial<GasReadingInput>): GasReadingInput => ({ sampledAt: iso(m), instrument: 'PID-7', place: 'inlet', ...v });

/** Drives permits through `handlePermitCommand` on one store. */
function driver(store: PermitStore) {
  let n = 0;
  const run = async (permitId: string, command: PermitCommand, actor: PermitActor, m: number, commandId?: string) =>
    handlePermitCommand({ store, rules: DEFAULT_PERMIT_RULES, directory: STAFF }, { permitId, command, actor, now: at(m), commandId: commandId ?? `cmd-${permitId}-${++n}` });
  return {
    run,
    async code(permitId: string, command: PermitCommand, actor: PermitActor, m: number): Promise<string> {
      const r = await run(permitId, command, actor, m);
      return r.ok ? 'OK' : r.rejection.code;
    },
    async ok(permitId: string, command: PermitCommand, actor: PermitActor, m: number): Promise<PermitState> {
      const r = await run(permitId, command, actor, m);
      if (!r.ok) throw new Error(`${command.type} at ${m} refused: ${r.rejection.code} ${r.rejection.message.en}`);
      return r.state;
    },
    /** Applied, approved, tested at `testAt` and the attendant present: ready to start at minute 0. */
    async ready(permitId: string, o: Partial<ApplyPermitCommand>, approver: PermitActor, test: GasReadingInput | null): Promise<void> {
      await this.ok(permitId, apply(permitId, o), applicant, -60);
      await this.ok(permitId, { type: 'approve' }, approver, -30);
      if (test) await this.ok(permitId, { type: 'record_gas_test', reading: test }, tester, -1);
      await this.ok(permitId, { type: 'attendant_present' }, attendant, -1);
    },
  };
}

/**
 * The PermitStore conformance suite, and the standards' scenarios run through the store
 * with `handlePermitCommand`/`tickPermits`: every implementation runs it unchanged.
 *
 * @example
 * ```ts
 * runPermitStoreConformance({ name: 'sqlite', createStore: () => createSqlitePermitStore({ path }), describe, it, expect });
 * ```
 */
export function runPermitStoreConformance(options: PermitStoreConformanceOptions): void {
  const { expect } = options;
  const test = (name: (typeof PERMIT_STORE_CONFORMANCE_TESTS)[number], fn: (s: PermitStore) => Promise<void>) =>
    options.it(
      name,
      async () => {
        const store = await options.createStore();
        try {
          await fn(store);
        } finally {
          await options.destroyStore?.(store);
        }
      },
      30_000,
    );

  options.describe(`PermitStore conformance: ${options.name}`, () => {
    test('append, read and verify a permit’s chain', async (s) => {
      expect(await s.readPermit('P-1')).toBeNull();
      expect(await s.loadState('P-1')).toBeNull();
      const d = driver(s);
      await d.ready('P-1', {}, safety, reading(-5, { flammablePctVol: 0.1 }));
      const started = await d.ok('P-1', { type: 'start' }, applicant, 0);
      expect(started.status).toBe('in_progress');
      const read = await s.readPermit('P-1');
      expect(read?.events.map((e) => e.type)).toEqual(['applied', 'approved', 'gas_tested', 'attendant_present', 'started']);
      expect(read?.events.map((e) => e.version)).toEqual([1, 2, 3, 4, 5]);
      expect(verifyPermitChain(read?.events ?? [])).toEqual({ ok: true });
      expect(read?.state).toEqual(started);
      expect(await s.loadState('P-1')).toEqual(started);
    });

    test('a command id is appended once; a replay writes nothing', async (s) => {
      const d = driver(s);
      const first = await d.run('P-1', apply('P-1'), applicant, -60, 'key-1');
      expect(first.ok && !first.replayed).toBe(true);
      const again = await d.run('P-1', apply('P-1'), applicant, -59, 'key-1');
      expect(again.ok && again.replayed).toBe(true);
      const seen = await s.commandVersion('key-1');
      expect([seen?.permitId, seen?.version, /^[0-9a-f]{64}$/.test(seen?.fingerprint ?? '')]).toEqual(['P-1', 1, true]);
      // The same id with another command is refused, nothing written.
      const other = await d.run('P-1', apply('P-1', { area: '330102' }), applicant, -59, 'key-1');
      expect(other.ok ? 'OK' : other.rejection.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await s.commandVersion('key-none')).toBeNull();
      expect((await s.readPermit('P-1'))?.events).toHaveLength(1);
      // The store itself: a known command id answers duplicate before any version check.
      const state = (await s.loadState('P-1')) as PermitState;
      const e = chainPermitEvent(state, 'P-1', 'approved', { role: 'safety_department' }, 'safety', iso(-30));
      expect(await s.append({ permitId: 'P-1', expectedVersion: 7, events: [e], commandId: 'key-1' })).toEqual({ kind: 'duplicate', permitId: 'P-1', version: 1 });
      expect((await s.readPermit('P-1'))?.events).toHaveLength(1);
    });

    test('a stale expected version conflicts and writes nothing', async (s) => {
      const d = driver(s);
      await d.ok('P-1', apply('P-1'), applicant, -60);
      const v1 = (await s.loadState('P-1')) as PermitState;
      const approve = chainPermitEvent(v1, 'P-1', 'approved', { role: 'safety_department' }, 'safety', iso(-30));
      expect((await s.append({ permitId: 'P-1', expectedVersion: 1, events: [approve], commandId: 'a' })).kind).toBe('ok');
      const late = chainPermitEvent(v1, 'P-1', 'attendant_present', {}, 'attendant', iso(-29));
      expect(await s.append({ permitId: 'P-1', expectedVersion: 1, events: [late], commandId: 'b', notifications: [{ id: 'n-b', topic: 't', payload: {}, createdAt: iso(-29) }] })).toEqual({
        kind: 'conflict',
        actualVersion: 2,
      });
      expect(await s.commandVersion('b')).toBeNull();
      expect(await s.readNotifications()).toEqual([]);
      expect((await s.readPermit('P-1'))?.events).toHaveLength(2);
      // A second apply of the same id conflicts too (the permit exists at version 2).
      expect(
        (await s.append({ permitId: 'P-1', expectedVersion: 0, events: [chainPermitEvent(null, 'P-1', 'applied', (await s.readPermit('P-1'))!.events[0]!.data as never, 'x', iso(-28))] })).kind,
      ).toBe('conflict');
    });

    test('events that do not continue the stored chain are refused and write nothing', async (s) => {
      const d = driver(s);
      await d.ok('P-1', apply('P-1'), applicant, -60);
      const v1 = (await s.loadState('P-1')) as PermitState;
      const good = chainPermitEvent(v1, 'P-1', 'approved', { role: 'safety_department' }, 'safety', iso(-30));
      const tampered: PermitEvent = { ...good, actorId: 'someone-else' };
      const wrongPrev = chainPermitEvent({ version: 1, lastHash: '0'.repeat(64) }, 'P-1', 'approved', { role: 'x' }, 'safety', iso(-30));
      const other = chainPermitEvent(v1, 'P-2', 'approved', { role: 'x' }, 'safety', iso(-30));
      expect(await s.append({ permitId: 'P-1', expectedVersion: 1, events: [tampered], commandId: 'c1' })).toEqual({ kind: 'invalid', reason: 'hash' });
      expect(await s.append({ permitId: 'P-1', expectedVersion: 1, events: [wrongPrev] })).toEqual({ kind: 'invalid', reason: 'prev_hash' });
      expect(await s.append({ permitId: 'P-1', expectedVersion: 1, events: [other] })).toEqual({ kind: 'invalid', reason: 'permit_id' });
      expect(await s.append({ permitId: 'P-1', expectedVersion: 1, events: [] })).toEqual({ kind: 'invalid', reason: 'empty' });
      expect(await s.append({ permitId: 'P-9', expectedVersion: 0, events: [chainPermitEvent(null, 'P-9', 'approved', { role: 'x' }, 'safety', iso(-30))] })).toEqual({
        kind: 'invalid',
        reason: 'first_event',
      });
      expect(await s.commandVersion('c1')).toBeNull();
      expect(await s.loadState('P-9')).toBeNull();
      expect((await s.readPermit('P-1'))?.events).toHaveLength(1);
    });

    test('open permits by area and kind, counts, closed ones left out', async (s) => {
      const d = driver(s);
      await d.ok('P-a', apply('P-a', { area: '330106' }), applicant, -60);
      await d.ok('P-b', apply('P-b', { area: '330106', kind: 'confined_space', grade: 'none' }), applicant, -60);
      await d.ok('P-c', apply('P-c', { area: '330102' }), applicant, -60);
      await d.ready('P-d', { area: '330106' }, safety, reading(-5, { flammablePctVol: 0.1 }));
      await d.ok('P-d', { type: 'start' }, applicant, 0);
      await d.ok('P-e', apply('P-e', { area: '330106' }), applicant, -60);
      await d.ok('P-f', apply('P-f', { area: '330106/G2' }), applicant, -60);
      await d.ok('P-g', apply('P-g', { area: '3301060' }), applicant, -60);
      await d.ok('P-e', { type: 'cancel', reason: 'weather' }, applicant, -50);
      const ids = (xs: PermitState[]) => xs.map((x) => x.permitId);
      // An area covers its sub-areas (330106/G2), not a longer code (3301060).
      expect(ids(await s.listOpen({ area: '330106' }))).toEqual(['P-a', 'P-b', 'P-d', 'P-f']);
      expect(ids(await s.listOpen({ area: '330106/G2' }))).toEqual(['P-f']);
      expect(ids(await s.listOpen({ area: '330106', kind: 'hot_work' }))).toEqual(['P-a', 'P-d', 'P-f']);
      expect(ids(await s.listOpen({ area: '330106', statuses: ['in_progress'] }))).toEqual(['P-d']);
      expect(ids(await s.listOpen({ kind: 'hot_work', afterId: 'P-a', limit: 2 }))).toEqual(['P-c', 'P-d']);
      expect(ids(await s.listOpen({ enterpriseId: 'E-none' }))).toEqual([]);
      expect(await s.countOpen({ area: '330106' })).toEqual([
        { kind: 'confined_space', status: 'applied', count: 1 },
        { kind: 'hot_work', status: 'applied', count: 2 },
        { kind: 'hot_work', status: 'in_progress', count: 1 },
      ]);
      expect((await s.countOpen()).reduce((n, c) => n + c.count, 0)).toBe(6);
      await d.ok('P-d', { type: 'close' }, applicant, 60);
      expect(ids(await s.listOpen({ area: '330106' }))).toEqual(['P-a', 'P-b', 'P-f']);
    });

    test('due permits: validity ends and monitoring intervals', async (s) => {
      const d = driver(s);
      const cs = { kind: 'confined_space', grade: 'none', enterpriseId: 'E-G' } as const;
      await d.ready('P-cs', cs, unit, reading(-5, { o2PctVol: 20.8, flammablePctLel: 2 }));
      await d.ok('P-cs', { type: 'start', attachments: [{ kind: 'signed_briefing', source: 'paper', recordNo: 'JD-1' }] }, applicant, 0);
      await d.ok('P-hw', apply('P-hw'), applicant, -60);
      // Approved, so only its validity's end is due (a permit waiting for approval is due earlier: next test).
      await d.ok('P-hw', { type: 'approve' }, safety, -59);
      expect(await s.listDue(iso(15), 10)).toEqual([]);
      expect((await s.listDue(iso(16), 10)).map((x) => x.permitId)).toEqual(['P-cs']);
      expect((await s.listDue(iso(8 * 60 + 1), 10)).map((x) => x.permitId)).toEqual(['P-cs', 'P-hw']);
      expect((await s.listDue(iso(8 * 60 + 1), 1)).map((x) => x.permitId)).toEqual(['P-cs']);
      await d.ok('P-cs', { type: 'record_reading', reading: reading(10, { o2PctVol: 20.8, flammablePctLel: 2 }) }, attendant, 10);
      expect(await s.listDue(iso(16), 10)).toEqual([]);
    });

    test('approval due: a permit still waiting for approval warns its approver once, from 60 minutes before its start', async (s) => {
      const d = driver(s);
      await d.ok('P-ad', apply('P-ad', { validFrom: iso(120) }), applicant, -60);
      await d.ok('P-ok', apply('P-ok', { validFrom: iso(120) }), applicant, -60);
      await d.ok('P-ok', { type: 'approve' }, safety, -50);
      await d.ok('P-cmd', apply('P-cmd', { validFrom: iso(120) }), applicant, -60);
      expect(await s.listDue(iso(59), 10)).toEqual([]);
      expect((await s.listDue(iso(60), 10)).map((x) => x.permitId)).toEqual(['P-ad', 'P-cmd']);
      // A command does not record the warning first (it decides nothing): only the tick does.
      await d.ok('P-cmd', { type: 'attendant_present' }, attendant, 61);
      expect((await s.readPermit('P-cmd'))?.events.map((e) => e.type)).toEqual(['applied', 'attendant_present']);
      expect((await tickPermits({ store: s }, at(59))).approvalDue).toEqual([]);
      const run = await tickPermits({ store: s }, at(62));
      expect([...run.approvalDue].sort()).toEqual(['P-ad', 'P-cmd']);
      expect(run.events).toBe(2);
      expect((await tickPermits({ store: s }, at(63))).events).toBe(0);
      expect(await s.listDue(iso(63), 10)).toEqual([]);
      expect((await s.readPermit('P-ad'))?.events.map((e) => [e.type, e.actorId])).toEqual([
        ['applied', 'applicant'],
        ['approval_due', 'system'],
      ]);
      const texts = (await s.readNotifications()).filter((t) => t.payload.permitId === 'P-ad');
      expect(texts.map((t) => [t.id, t.topic, t.payload.approverRole, t.payload.validFrom])).toEqual([['permit/P-ad/2/permit.approval_due', PERMIT_APPROVAL_DUE_TOPIC, 'safety_department', iso(120)]]);
      // The warning decides nothing: the approver approves as before.
      expect((await d.ok('P-ad', { type: 'approve' }, safety, 64)).status).toBe('approved');
    });

    test('the notification outbox claims, acknowledges, retries and dead-letters', async (s) => {
      const d = driver(s);
      await d.ok('P-1', apply('P-1'), applicant, -60);
      const v1 = (await s.loadState('P-1')) as PermitState;
      const e = chainPermitEvent(v1, 'P-1', 'approved', { role: 'safety_department' }, 'safety', iso(-30));
      const n = (id: string) => ({ id, topic: 'permit.test', payload: { id }, createdAt: iso(-30) });
      expect((await s.append({ permitId: 'P-1', expectedVersion: 1, events: [e], notifications: [n('n1'), n('n2'), n('n3'), n('n1')] })).kind).toBe('ok');
      const claimed = await s.claimOutbox({ owner: 'r1', now: iso(-29), leaseMs: 60_000, limit: 10 });
      expect(claimed.map((c) => [c.id, c.topic, c.payload])).toEqual([
        ['n1', 'permit.test', { id: 'n1' }],
        ['n2', 'permit.test', { id: 'n2' }],
        ['n3', 'permit.test', { id: 'n3' }],
      ]);
      expect(await s.claimOutbox({ owner: 'r2', now: iso(-29), leaseMs: 60_000, limit: 10 })).toEqual([]);
      expect(await s.ackOutbox('r2', ['n1'], iso(-29))).toBe(0);
      expect(await s.ackOutbox('r1', ['n1'], iso(-29))).toBe(1);
      expect(await s.failOutbox({ id: 'n2', owner: 'r1', error: 'busy', retryAt: iso(-20) })).toBe(true);
      expect(await s.failOutbox({ id: 'n3', owner: 'r1', error: 'bad number', retryAt: null })).toBe(true);
      expect(await s.claimOutbox({ owner: 'r1', now: iso(-25), leaseMs: 60_000, limit: 10 })).toEqual([]);
      expect((await s.claimOutbox({ owner: 'r1', now: iso(-20), leaseMs: 60_000, limit: 10 })).map((c) => [c.id, c.attempts])).toEqual([['n2', 1]]);
      expect((await s.readNotifications()).map((r) => [r.id, r.status, r.attempts])).toEqual([
        ['n1', 'done', 0],
        ['n2', 'pending', 1],
        ['n3', 'dead', 1],
      ]);
    });

    test('concurrent commands on one permit: none lost, a repeated command id written once', async (s) => {
      const d = driver(s);
      const good = (m: number) => reading(m, { o2PctVol: 20.8, flammablePctLel: 2 });
      await d.ready('P-c', { kind: 'confined_space', grade: 'none', enterpriseId: 'E-G' }, unit, good(-5));
      await d.ok('P-c', { type: 'start', attachments: [{ kind: 'signed_briefing', source: 'paper', recordNo: 'JD-1' }] }, applicant, 0);
      const deps = { store: s, rules: DEFAULT_PERMIT_RULES, directory: STAFF };
      const results = await Promise.all(
        // Five at once: each round one wins and the others re-decide (handlePermitCommand tries five times).
        Array.from({ length: 5 }, (_, i) =>
          handlePermitCommand(deps, { permitId: 'P-c', command: { type: 'record_reading', reading: good(1 + i) }, actor: attendant, now: at(10), commandId: `reading-${i}` }),
        ),
      );
      expect(results.map((r) => (r.ok ? 'OK' : r.rejection.code))).toEqual(['OK', 'OK', 'OK', 'OK', 'OK']);
      const same = await Promise.all(
        Array.from({ length: 4 }, () =>
          handlePermitCommand(deps, { permitId: 'P-c', command: { type: 'record_reading', reading: good(9) }, actor: attendant, now: at(11), commandId: 'reading-same' }),
        ),
      );
      expect(same.filter((r) => r.ok && !r.replayed)).toHaveLength(1);
      expect(same.every((r) => r.ok)).toBe(true);
      const read = await s.readPermit('P-c');
      expect(read?.events.filter((e) => e.type === 'reading_recorded')).toHaveLength(6);
      expect(verifyPermitChain(read?.events ?? [])).toEqual({ ok: true });
      expect(read?.state.version).toBe(read?.events.length);
    });

    test('scenario: a shut-down hot-work downgrade is approved twice and kept with the state (GB 30871-2022 5.1.4)', async (s) => {
      const d = driver(s);
      const hotWork = { situations: ['in_service_equipment'], openAir: false, shutDown: ['shut_down', 'cleaned', 'purged', 'gas_tested', 'isolated'] };
      await d.ok('P-dg', apply('P-dg', { hotWork }), applicant, -60);
      expect(await d.code('P-dg', { type: 'approve' }, unit, -40)).toBe('APPROVER_ROLE');
      const head: PermitActor = { id: 'head', roles: ['production_safety_head'] };
      expect((await d.ok('P-dg', { type: 'approve' }, head, -35)).status).toBe('applied');
      expect(await d.code('P-dg', { type: 'approve' }, { id: 'head', roles: ['unit'] }, -34)).toBe('SEPARATION_OF_DUTIES');
      expect(await d.code('P-dg', { type: 'approve' }, unit, -30)).toBe('OK');
      const read = await s.readPermit('P-dg');
      expect(read?.events.map((e) => e.type)).toEqual(['applied', 'downgrade_approved', 'approved']);
      const state = read?.state;
      expect({
        status: state?.status,
        approverId: state?.approverId,
        downgradeApproverId: state?.downgradeApproverId,
        grade: state?.rule.grade,
        hotWork: { siteGrade: state?.hotWork?.siteGrade, downgraded: state?.hotWork?.downgraded, grade: state?.hotWork?.grade },
      }).toEqual({
        status: 'approved',
        approverId: 'unit',
        downgradeApproverId: 'head',
        grade: 'second',
        hotWork: { siteGrade: 'special', downgraded: true, grade: 'second' },
      });
      expect(verifyPermitChain(read?.events ?? [])).toEqual({ ok: true });
    });

    test('scenario: the approver the grade requires (GB 30871-2022)', async (s) => {
      const d = driver(s);
      const cases = [
        ['special', leader, [safety, unit]],
        ['first', safety, [leader, unit]],
        ['second', unit, [leader, safety]],
      ] as const;
      for (const [grade, right, wrong] of cases) {
        const id = `P-${grade}`;
        await d.ok(id, apply(id, { grade }), applicant, -60);
        for (const w of wrong) expect(await d.code(id, { type: 'approve' }, w, -30)).toBe('APPROVER_ROLE');
        expect(await d.code(id, { type: 'approve' }, { id: 'worker-1', roles: [right.roles[0]!] }, -30)).toBe('SEPARATION_OF_DUTIES');
        expect(await d.code(id, { type: 'approve' }, { id: 'attendant', roles: [right.roles[0]!] }, -30)).toBe('SEPARATION_OF_DUTIES');
        expect(await d.code(id, { type: 'approve' }, right, -30)).toBe('OK');
        expect((await s.loadState(id))?.approverId).toBe(right.id);
      }
      expect(await d.code('P-x', apply('P-x', { attendantId: 'worker-1' }), applicant, -60)).toBe('SEPARATION_OF_DUTIES');
      expect(await s.loadState('P-x')).toBeNull();
    });

    test('scenario: a gas test 31 minutes before start is refused', async (s) => {
      const d = driver(s);
      await d.ready('P-31', {}, safety, reading(-31, { flammablePctVol: 0.1 }));
      expect(await d.code('P-31', { type: 'start' }, applicant, 0)).toBe('GAS_TEST_STALE');
      expect((await s.loadState('P-31'))?.status).toBe('approved');
      await d.ready('P-30', {}, safety, reading(-30, { flammablePctVol: 0.1 }));
      expect(await d.code('P-30', { type: 'start' }, applicant, 0)).toBe('OK');
      expect((await s.loadState('P-30'))?.status).toBe('in_progress');
    });

    test('scenario: LEL < 4 % gas at 0.3 % vol fails', async (s) => {
      const d = driver(s);
      await d.ready('P-low', { flammableLelPctVol: 2.5 }, safety, reading(-5, { flammablePctVol: 0.3 }));
      const tested = (await s.readPermit('P-low'))?.events.find((e) => e.type === 'gas_tested');
      expect((tested?.data as { verdict: unknown }).verdict).toEqual({ pass: false, failures: [{ measure: 'flammable_pct_vol', value: 0.3, max: 0.2 }], missing: [] });
      expect(await d.code('P-low', { type: 'start' }, applicant, 0)).toBe('NO_PASSING_TEST');
      await d.ready('P-high', { flammableLelPctVol: 5 }, safety, reading(-5, { flammablePctVol: 0.3 }));
      expect(await d.code('P-high', { type: 'start' }, applicant, 0)).toBe('OK');
    });

    test('scenario: 8 h validity, the expiry recorded and an overdue text queued', async (s) => {
      const d = driver(s);
      await d.ready('P-8h', {}, safety, reading(-5, { flammablePctVol: 0.1 }));
      const started = await d.ok('P-8h', { type: 'start' }, applicant, 0);
      expect(started.validUntil).toBe(iso(8 * 60));
      expect((await tickPermits({ store: s }, at(8 * 60))).events).toBe(0);
      const run = await tickPermits({ store: s }, at(8 * 60 + 1));
      expect(run.expired).toEqual(['P-8h']);
      expect((await s.loadState('P-8h'))?.status).toBe('expired');
      expect((await tickPermits({ store: s }, at(8 * 60 + 2))).events).toBe(0);
      const texts = await s.readNotifications();
      expect(texts.map((t) => [t.topic, t.payload.permitId, t.status])).toEqual([[PERMIT_OVERDUE_TOPIC, 'P-8h', 'pending']]);
      expect(await s.listOpen({ area: '330106' })).toEqual([]);
      expect(await d.code('P-8h', { type: 'close' }, applicant, 8 * 60 + 3)).toBe('OK');
      // A command on an overdue permit records the expiry first (no tick needed).
      await d.ok('P-late', apply('P-late'), applicant, -60);
      expect(await d.code('P-late', { type: 'approve' }, safety, 8 * 60 + 5)).toBe('WRONG_STATUS');
      expect((await s.readPermit('P-late'))?.events.map((e) => [e.type, e.actorId])).toEqual([
        ['applied', 'applicant'],
        ['expired', 'system'],
      ]);
    });

    test('scenario: a missed 15-minute reading in a confined space suspends the job and queues a text', async (s) => {
      const d = driver(s);
      const good = (m: number) => reading(m, { o2PctVol: 20.8, flammablePctLel: 2 });
      await d.ready('P-cs', { kind: 'confined_space', grade: 'none', enterpriseId: 'E-G' }, unit, good(-5));
      await d.ok('P-cs', { type: 'start', attachments: [{ kind: 'signed_briefing', source: 'paper', recordNo: 'JD-1' }] }, applicant, 0);
      await d.ok('P-cs', { type: 'record_reading', reading: good(15) }, attendant, 15);
      expect((await tickPermits({ store: s }, at(30))).events).toBe(0);
      expect(await s.readNotifications()).toEqual([]);
      const run = await tickPermits({ store: s }, at(30.5));
      expect(run.suspended).toEqual(['P-cs']);
      const state = await s.loadState('P-cs');
      expect([state?.status, state?.suspendReason]).toEqual(['suspended', 'reading_missed']);
      const texts = await s.readNotifications();
      expect(texts.map((t) => [t.topic, t.payload.permitId, t.payload.reason])).toEqual([[PERMIT_SUSPENDED_TOPIC, 'P-cs', 'reading_missed']]);
      expect(await d.code('P-cs', { type: 'resume' }, applicant, 35)).toBe('NO_PASSING_TEST');
      await d.ok('P-cs', { type: 'record_gas_test', reading: good(36) }, tester, 36);
      expect(await d.code('P-cs', { type: 'resume' }, applicant, 37)).toBe('OK');
      expect(verifyPermitChain((await s.readPermit('P-cs'))?.events ?? [])).toEqual({ ok: true });
    });

    test('attachments and declared workers are kept with the state; a permit stored with a bare attachment ref still reads', async (s) => {
      const d = driver(s);
      const good = (m: number) => reading(m, { o2PctVol: 20.8, flammablePctLel: 2 });
      // The directory of the suite knows every id; a worker it did not know would be listed here.
      await d.ready('P-a', { kind: 'confined_space', grade: 'none', enterpriseId: 'E-G' }, unit, good(-5));
      const started = await d.ok('P-a', { type: 'start', attachments: [{ kind: 'signed_briefing', source: 'paper', recordNo: 'JD-2026-0412' }] }, applicant, 0);
      expect(started.declaredWorkerIds).toEqual([]);
      expect(started.attachments).toEqual([{ kind: 'signed_briefing', source: 'paper', recordNo: 'JD-2026-0412' }]);
      expect((await s.loadState('P-a'))?.attachments).toEqual(started.attachments);
      // What an older release wrote: no declaredWorkerIds, attachments as { kind, ref }.
      const { declaredWorkerIds: _dropped, ...oldApplied } = (await s.readPermit('P-a'))?.events[0]?.data as { declaredWorkerIds?: unknown };
      const first = chainPermitEvent(null, 'P-old', 'applied', oldApplied as never, 'applicant', iso(-60));
      const startedOld = chainPermitEvent(
        { version: 1, lastHash: first.hash },
        'P-old',
        'started',
        { testSampledAt: null, attachments: [{ kind: 'signed_briefing', ref: 'JD-1' }] },
        'applicant',
        iso(0),
      );
      expect((await s.append({ permitId: 'P-old', expectedVersion: 0, events: [first, startedOld] })).kind).toBe('ok');
      const old = await s.readPermit('P-old');
      expect([old?.state.status, old?.state.declaredWorkerIds, old?.state.attachments]).toEqual(['in_progress', undefined, [{ kind: 'signed_briefing', ref: 'JD-1' }]]);
      expect(verifyPermitChain(old?.events ?? [])).toEqual({ ok: true });
    });
  });
}
