import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decidePermit, isPermitOpen } from './decide-permit.js';
import { evolvePermit, foldPermit } from './evolve-permit.js';
import { verifyPermitChain } from './permit-chain.js';
import { DEFAULT_PERMIT_RULES } from './permit-rules.js';
import { tickPermit } from './tick-permit.js';
import type { GasReadingInput, PermitActor, PermitCommand, PermitEvent, PermitState } from './permit-types.js';
import type { ActorProfile } from '../ports/directory.js';

const MIN = 60_000;
const T0 = Date.parse('2026-12-07T08:00:00.000Z');
const PEOPLE = ['p1', 'p2', 'p3', 'p4', 'p5'] as const;
const ROLES = ['principal_leader', 'safety_department', 'unit', 'specialist_department', 'plant_leader'] as const;
const KINDS = [
  // hot work declares no grade either: 特级 (a running tank), 一级 (a hazardous area), 二级 (neither), 特级 (a pipe rack in force-6 wind)
  { kind: 'hot_work', premises: 'hazchem', hotWork: { situations: ['in_service_equipment'], openAir: false, shutDown: [] } },
  { kind: 'hot_work', premises: 'hazchem', hotWork: { situations: ['hazardous_area'], openAir: false, shutDown: [] } },
  { kind: 'hot_work', premises: 'hazchem', hotWork: { situations: [], openAir: true, windForce: 3, shutDown: [] } },
  { kind: 'hot_work', premises: 'hazchem', hotWork: { situations: ['pipe_rack'], openAir: true, windForce: 6, shutDown: [] } },
  { kind: 'confined_space', grade: 'none', premises: 'hazchem' },
  { kind: 'confined_space', grade: 'none', premises: 'general' },
  // work at height declares no grade: the server derives Ⅰ, Ⅱ (a Note 2 situation) and Ⅳ (method B at 20 m)
  { kind: 'work_at_height', premises: 'general', height: { heightM: 4, fallFactors: [], situations: [] } },
  { kind: 'work_at_height', premises: 'hazchem', height: { heightM: 10, fallFactors: [], situations: ['near_opening'] } },
  { kind: 'work_at_height', premises: 'general', height: { heightM: 20, fallFactors: ['poor_light'], situations: [] } },
] as const;

const ATTACHMENTS = [
  { kind: 'video', source: 'paper', recordNo: 'SP-1' },
  { kind: 'signed_briefing', source: 'paper', recordNo: 'JD-2' },
] as const;

/** Every id resolves to a person of enterprise E (the apply checks the named persons). */
const STAFF = { get: (id: string) => ({ id, roles: ['enterprise' as const], enterpriseIds: ['E'] }) } as unknown as ReadonlyMap<string, ActorProfile>;

const reading = fc.record({
  ago: fc.integer({ min: 0, max: 45 }),
  flammablePctVol: fc.option(fc.constantFrom(0, 0.1, 0.1, 0.2, 0.3, 0.6), { nil: undefined, freq: 8 }),
  flammablePctLel: fc.option(fc.constantFrom(0, 5, 5, 10, 12), { nil: undefined, freq: 8 }),
  o2PctVol: fc.option(fc.constantFrom(18, 19.5, 20.8, 20.8, 20.8, 22, 24), { nil: undefined, freq: 8 }),
});

const op = fc.oneof(
  { weight: 2, arbitrary: fc.record({ type: fc.constant('approve' as const) }) },
  { weight: 4, arbitrary: fc.record({ type: fc.constant('record_gas_test' as const), reading }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('start' as const), attach: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ type: fc.constant('record_reading' as const), reading }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('attendant_present' as const) }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('attendant_absent' as const) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('resume' as const) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('close' as const) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('cancel' as const) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('tick' as const) }) },
  // a crew recovering from a suspension: a fresh test, the attendant back, resume (three commands)
  {
    weight: 3,
    arbitrary: fc.record({ type: fc.constant('recover' as const), ago: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 2 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 35 }) }) }),
  },
);

const step = fc.record({
  dt: fc.oneof({ weight: 15, arbitrary: fc.integer({ min: 0, max: 20 }) }, { weight: 1, arbitrary: fc.integer({ min: 20, max: 600 }) }),
  actor: fc.constantFrom(...PEOPLE, 'boss'),
  op,
});

const scenario = fc.record({
  kind: fc.constantFrom(...KINDS),
  lel: fc.constantFrom(2.5, 4, 5),
  workers: fc.subarray([...PEOPLE, 'boss'], { minLength: 1, maxLength: 3 }),
  attendant: fc.constantFrom(...PEOPLE, 'boss'),
  roles: fc.array(fc.subarray([...ROLES], { maxLength: 2 }), { minLength: 5, maxLength: 5 }),
  bossRoles: fc.oneof({ weight: 3, arbitrary: fc.constant([...ROLES]) }, { weight: 1, arbitrary: fc.subarray([...ROLES]) }),
  guided: fc.boolean(),
  steps: fc.array(step, { minLength: 1, maxLength: 25 }),
});

/** The apply's fields of a drawn kind: all but the regime, which the directory states. */
function kindOf<K extends { premises: string }>(kind: K): Omit<K, 'premises'> {
  const { premises: _premises, ...rest } = kind;
  return rest;
}

function toReading(r: { ago: number; flammablePctVol?: number; flammablePctLel?: number; o2PctVol?: number }, now: number): GasReadingInput {
  const out: GasReadingInput = { sampledAt: new Date(now - r.ago * MIN).toISOString(), instrument: 'PID', place: 'inlet' };
  if (r.flammablePctVol !== undefined) out.flammablePctVol = r.flammablePctVol;
  if (r.flammablePctLel !== undefined) out.flammablePctLel = r.flammablePctLel;
  if (r.o2PctVol !== undefined) out.o2PctVol = r.o2PctVol;
  return out;
}

/** Checks one event against the state before it; throws on a broken invariant. */
function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

function checkEvent(before: PermitState | null, e: PermitEvent, actor: PermitActor | null): void {
  if (before === null) return;
  const t = Date.parse(e.recordedAt);
  // every expiry recorded: nothing but the expiry itself happens to an open permit past its validity
  if (isPermitOpen(before) && t > Date.parse(before.validUntil)) check(e.type === 'expired', `${e.type} recorded on an open permit past its validity`);
  if (e.type === 'approved') {
    check(!before.workerIds.includes(e.actorId), 'approver is a worker');
    check(e.actorId !== before.attendantId, 'approver is the attendant');
    check(actor?.roles.includes(before.rule.approverRole) === true, 'approver lacks the grade’s role');
  }
  if (e.type === 'started' || e.type === 'resumed') {
    check(t >= Date.parse(before.validFrom) && t <= Date.parse(before.validUntil), `${e.type} outside the validity`);
    check(before.attendantPresent, `${e.type} without the attendant`);
    if (e.type === 'started') {
      const kinds = (e.data as { attachments: { kind: string }[] }).attachments.map((a) => a.kind);
      check(
        before.rule.requiredAttachments.every((k) => kinds.includes(k)),
        'started without a required attachment',
      );
    }
    const gas = before.rule.gasTest;
    if (gas !== null) {
      check(before.lastTest?.pass === true, `${e.type} without a passing test`);
      const sampled = Date.parse(before.lastTest!.sampledAt);
      check(t - sampled >= 0 && t - sampled <= gas.windowMinutes * MIN, `${e.type} ${(t - sampled) / MIN} min after the test`);
      if (e.type === 'resumed') check(sampled >= Date.parse(before.suspendedAt!), 'resumed on a test from before the suspension');
    }
  }
}

describe('permit lifecycle model (fast-check)', () => {
  it('never in progress without a passing test in its window, never approver = worker, every expiry recorded', () => {
    const reached = { started: 0, resumed: 0, suspended: 0, expired: 0, closed: 0 };
    fc.assert(
      fc.property(scenario, (s) => {
        const actors: PermitActor[] = [...PEOPLE.map((id, i) => ({ id, roles: s.roles[i] ?? [] })), { id: 'boss', roles: s.guided ? [...ROLES] : s.bossRoles }];
        // half the sequences begin on the happy path (approve, attendant, a fresh test, start), the rest are free
        const good = { ago: 5, flammablePctVol: 0.1, flammablePctLel: 5, o2PctVol: 20.8 };
        const prefix = s.guided
          ? [
              { dt: 0, actor: 'boss', op: { type: 'approve' as const } },
              { dt: 0, actor: 'p1', op: { type: 'attendant_present' as const } },
              { dt: 12, actor: 'p1', op: { type: 'record_gas_test' as const, reading: good } },
              { dt: 0, actor: 'p1', op: { type: 'start' as const, attach: true } },
            ]
          : [];
        let now = T0;
        let state: PermitState | null = null;
        const log: PermitEvent[] = [];
        const record = (events: PermitEvent[], actor: PermitActor | null): void => {
          for (const e of events) {
            checkEvent(state, e, actor);
            state = evolvePermit(state, e);
            log.push(e);
          }
        };
        const apply = decidePermit(
          null,
          {
            type: 'apply',
            permitId: 'P',
            ...kindOf(s.kind),
            enterpriseId: 'E',
            area: 'A',
            workerIds: s.workers,
            attendantId: s.attendant,
            validFrom: new Date(T0 + 10 * MIN).toISOString(),
            flammableLelPctVol: s.lel,
          },
          { id: 'applicant', roles: [] },
          new Date(now),
          // The regime of the kind drawn is the directory's record of E (the command declares none).
          { rules: DEFAULT_PERMIT_RULES, persons: STAFF, enterprise: { id: 'E', name: 'E', area: 'A', regime: s.kind.premises } },
        );
        if (!apply.ok) {
          check(apply.rejection.code === 'SEPARATION_OF_DUTIES' && s.workers.includes(s.attendant), `apply refused: ${apply.rejection.code}`);
          return;
        }
        record(apply.events, null);
        for (const st of [...prefix, ...s.steps]) {
          now += st.dt * MIN;
          const actor = actors.find((a) => a.id === st.actor)!;
          if (st.op.type === 'tick') {
            record(tickPermit(state!, new Date(now)), null);
            continue;
          }
          if (st.op.type === 'recover') {
            const attendantActor = actors.find((a) => a.id === s.attendant)!;
            const test = toReading({ ago: st.op.ago, flammablePctVol: 0.1, flammablePctLel: 5, o2PctVol: 20.8 }, now);
            for (const [command, who] of [
              [{ type: 'record_gas_test', reading: test }, actor],
              [{ type: 'attendant_present' }, attendantActor],
              [{ type: 'resume' }, actor],
            ] as const) {
              const d = decidePermit(state, command, who, new Date(now), { rules: DEFAULT_PERMIT_RULES });
              if (d.ok) record(d.events, who);
            }
            continue;
          }
          const command: PermitCommand =
            st.op.type === 'record_gas_test' || st.op.type === 'record_reading'
              ? { type: st.op.type, reading: toReading(st.op.reading, now) }
              : st.op.type === 'start'
                ? { type: 'start', ...(st.op.attach ? { attachments: ATTACHMENTS } : {}) }
                : st.op.type === 'cancel'
                  ? { type: 'cancel', reason: 'weather' }
                  : { type: st.op.type };
          const attendantActor = st.op.type === 'attendant_present' ? actors.find((a) => a.id === s.attendant)! : actor;
          const d = decidePermit(state, command, attendantActor, new Date(now), { rules: DEFAULT_PERMIT_RULES });
          if (d.ok) record(d.events, attendantActor);
          else check(d.rejection.message['zh-CN'].length > 0 && d.rejection.message.en.length > 0, 'a rejection without both messages');
        }
        // the clock runs on past the validity: the expiry of a still-open permit is recorded
        const end = Math.max(now, Date.parse(state!.validUntil)) + MIN;
        const wasOpen = isPermitOpen(state!);
        for (let i = 0; i < 3; i++) record(tickPermit(state!, new Date(end)), null);
        const final = state as unknown as PermitState;
        check(!isPermitOpen(final), 'an open permit past its validity after tick');
        if (wasOpen) check(log.at(-1)?.type === 'expired', 'the expiry was not recorded');
        check(log.filter((e) => e.type === 'expired').length <= 1, 'expired twice');
        check(verifyPermitChain(log).ok, 'the log does not verify');
        check(JSON.stringify(foldPermit(log)) === JSON.stringify(final), 'folding the log differs from the running state');
        for (const k of Object.keys(reached) as (keyof typeof reached)[]) if (log.some((e) => e.type === k)) reached[k]++;
      }),
      { numRuns: 1000, seed: 19 },
    );
    // the generator reaches the interesting states
    if (process.env.PERMIT_MODEL_STATS) console.log(reached);
    for (const count of Object.values(reached)) expect(count).toBeGreaterThan(20);
  });
});
