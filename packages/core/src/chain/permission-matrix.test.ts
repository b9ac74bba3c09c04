import { describe, expect, it } from 'vitest';
import type { HazardLevel } from '../pack/types.js';
import { EXPECTED_PERMISSIONS, EXPECTED_TWO_OFFICER_ACTS } from './permission-matrix.expected.js';
import { decide } from './decide.js';
import { PERMISSION_TABLE } from './permission-table.js';
import { findTransition, TRANSITIONS } from './transitions.js';
import { createHarness } from './chain-harness.test-util.js';
import { attachedEvidence, evidence, reportCommand, TEST_ACTORS, TEST_CALENDAR_2026, testEvidenceRecord, treatmentPlan } from '../testing/chain-fixtures.js';
import type { DecideInputs } from './decide.js';
import { COMMAND_TYPES, HAZARD_STATUSES, type ChainCommand, type CommandType, type HazardState, type HazardStatus, type StatusOrNew } from './types.js';

const LEVELS: HazardLevel[] = ['simple', 'general', 'major'];
const STATES: StatusOrNew[] = ['new', ...HAZARD_STATUSES];
const RANK: Record<HazardLevel, number> = { simple: 0, general: 1, major: 2 };
const ACTORS = Object.keys(TEST_ACTORS);
/** Who satisfies each grant of the expectation file for the fixture hazard (gas, D1/G1, E1). */
const GRANTEE: Record<string, string[]> = {
  enterprise: ['owner-e1'],
  grid: ['grid-g1'],
  enforcement: ['officer-gas-d1', 'officer2-gas-d1'],
  system: ['system:scheduler'],
};

const expectation = EXPECTED_PERMISSIONS.trim()
  .split('\n')
  .map((line) => line.split('|').map((c) => c.trim()))
  .map(([command, levels, states, grants]) => ({
    command: command as CommandType,
    levels: (levels ?? '').split(/\s+/),
    states: (states ?? '').split(/\s+/),
    grants: (grants ?? '').split(/\s+/).map((g) => g.split(':')),
  }));

function expected(actorId: string, command: CommandType, level: HazardLevel, state: StatusOrNew, reporter: boolean, rectifier: boolean, target: HazardLevel): boolean {
  return expectation.some(
    (row) =>
      row.command === command &&
      row.levels.includes(level) &&
      row.states.includes(state) &&
      row.grants.some(([role, ...mods]) => {
        if (!GRANTEE[role as string]?.includes(actorId)) return false;
        if (mods.includes('!reporter') && reporter) return false;
        if (mods.includes('!rectifier') && rectifier) return false;
        if (mods.includes('up') && RANK[target] < RANK[level]) return false;
        return true;
      }),
  );
}

const twoOfficerActs = EXPECTED_TWO_OFFICER_ACTS.trim()
  .split('\n')
  .map((line) => line.split('|').map((c) => c.trim()))
  .map(([command, levels, targets]) => ({ command, levels: (levels ?? '').split(/\s+/), targets: (targets ?? '').split(/\s+/) }));

function twoOfficers(command: CommandType, level: HazardLevel, target: HazardLevel): boolean {
  return twoOfficerActs.some((row) => row.command === command && row.levels.includes(level) && (row.targets.includes('any') || row.targets.includes(target)));
}

const NOW = new Date('2026-11-10T02:00:00.000Z');
const DEADLINE = '2026-11-09T15:59:59.999Z';

/** The fixture's 行政处罚告知书, served when it was notified: the reply period runs from then (and has run by NOW). */
const NOTICE_SERVED = { penaltyNotices: [{ issuedAt: '2026-11-02T00:00:00.000Z', servedAt: '2026-11-02T00:00:00.000Z' }] };

function fixtureState(level: HazardLevel, status: HazardStatus, reporterId: string, rectifierIds: string[], provisional: boolean, pendingExtension: boolean, command?: CommandType): HazardState {
  return {
    hazardId: 'H-M',
    version: 3,
    status,
    level,
    provisional,
    title: { 'zh-CN': '测试隐患', en: 'test hazard' },
    domain: 'gas',
    area: 'D1/G1',
    enterpriseId: 'E1',
    unitId: null,
    source: 'grid_patrol',
    pack: { id: 'gas', version: '1.0.0' },
    deadlinePolicy: { workingDays: 7 },
    reporterId,
    manual: false,
    wasMajor: false,
    rectifierIds,
    reportEvidence: [],
    rectificationEvidence: [
      ...attachedEvidence('m', 'photo_before', 2, '2026-11-05T00:00:00.000Z'),
      ...attachedEvidence('m', 'photo_after', 3, '2026-11-05T00:00:00.000Z'),
      ...attachedEvidence('m', 'document', 1, '2026-11-05T00:00:00.000Z'),
    ],
    rectificationSubmittedAt: status === 'submitted' ? '2026-11-05T00:00:00.000Z' : null,
    evidenceIds: [],
    evidenceHashes: [],
    noticeIssuedAt: '2026-11-01T00:00:00.000Z',
    deadline: DEADLINE,
    pendingExtension: pendingExtension ? { workingDays: 3 } : null,
    warnedFor: null,
    overdueNoticedFor: null,
    escalatedFor: null,
    // The penalty commands need a filed case, and after the notice a proceeding whose reply period has run — except
    // record_statement, taken within it (a statement after the period is refused whoever sends it).
    caseFiledAt: command !== undefined && PENALTY_COMMANDS.includes(command) ? '2026-01-01T00:00:00.000Z' : null,
    caseNo: null,
    ...(command === 'record_statement' || command === 'record_hearing' || command === 'withdraw_hearing' || command === 'decide_penalty'
      ? {
          penalty: {
            notified: FINE,
            notifiedAt: '2026-11-02T00:00:00.000Z',
            statementDeadline: command === 'record_statement' ? '2026-11-12T15:59:59.999Z' : '2026-11-05T15:59:59.999Z',
            hearingRight: false,
            hearingDeadline: null,
            // record_hearing: the party asked for one; the notice's officers are not among the actors tested.
            statement: command === 'record_hearing' || command === 'withdraw_hearing' ? { recordedAt: '2026-11-03T00:00:00.000Z', hearingRequested: true, byParty: true } : null,
            notifiedBy: ['officer-x', 'officer-y'],
            hearing: null,
            hearingWithdrawn: null,
            decided: null,
            decidedAt: null,
          },
        }
      : {}),
    listed: true,
    stopWork: 'whole',
    // A plan waiting for approval for `approve_plan`, an approved one for everything else.
    plan: level === 'major' ? treatmentPlan('2026-12-31T00:00:00.000Z') : null,
    planApproved: level === 'major' && command !== 'approve_plan',
    acceptedBy: null,
    acceptedOfficers: [],
    acceptedAt: null,
    closedBy: null,
    closedAt: status === 'closed' ? '2026-11-05T00:00:00.000Z' : null,
    reopenCount: 0,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-05T00:00:00.000Z',
    lastOccurredAt: '2026-11-05T00:00:00.000Z',
    lastHash: 'a'.repeat(64),
  };
}

const why = { 'zh-CN': '理由', en: 'reason' };
const FINE = { article: 'work-safety-law-2021/102', kind: 'fine', fineAmount: 10_000 } as const;
const PENALTY_COMMANDS: readonly CommandType[] = ['notify_penalty', 'record_statement', 'record_hearing', 'withdraw_hearing', 'decide_penalty'];

/** The second officer an actor names on a two-officer act (the other gas officer of D1). */
function coOfficerOf(actorId: string): string {
  return actorId === 'officer-gas-d1' ? 'officer2-gas-d1' : 'officer-gas-d1';
}

/** What handleCommand would look up for `commandFor(…)` sent by `actorId`. */
function inputsFor(actorId: string): DecideInputs {
  const records = new Map(
    [...evidence('s', 'photo_before', 2), ...evidence('s', 'photo_after', 3, '2026-11-09T00:00:00.000Z'), ...evidence('s', 'document', 1)].map((ref) => [
      ref.id,
      testEvidenceRecord(ref, actorId, 'H-M', '2026-11-09T00:00:00.000Z'),
    ]),
  );
  // The named second officer authenticated on the act (handleCommand's coSignerId).
  return { evidence: records, coOfficer: TEST_ACTORS[coOfficerOf(actorId)] ?? null, coSignerId: coOfficerOf(actorId), enterprise: { id: 'E1', name: 'E1', area: 'D1/G1' } };
}

const strip = <T extends { takenAt?: string }>(refs: T[]) => refs.map(({ takenAt: _t, ...ref }) => ref);

/** A command of `type` whose payload satisfies every rule but authorisation and state. */
function commandFor(type: CommandType, level: HazardLevel, target: HazardLevel, state: HazardState | null, actorId = 'officer-gas-d1'): ChainCommand {
  const base = { commandId: `m-${type}`, hazardId: 'H-M' };
  const co = { coOfficerId: coOfficerOf(actorId) };
  switch (type) {
    case 'report':
      return reportCommand('H-M', { level });
    case 'report_observation':
      return { ...base, type, title: why, enterpriseId: 'E1', domain: 'gas', level, evidence: [] };
    case 'reclassify':
    case 'confirm_level':
      return { ...base, type, level: target, reason: why, ...co };
    case 'close':
      return { ...base, type, ...co };
    case 'issue_notice':
    case 'verify':
    case 'grant_extension':
      return { ...base, type };
    case 'submit_rectification':
      return {
        ...base,
        type,
        evidence: strip([...evidence('s', 'photo_before', 2), ...evidence('s', 'photo_after', 3, '2026-11-09T00:00:00.000Z'), ...evidence('s', 'document', 1)]),
      };
    case 'reject':
    case 'deny_extension':
    case 'reopen':
      return { ...base, type, reason: why };
    case 'request_extension':
      return { ...base, type, extension: { days: 3 }, reason: why };
    case 'escalate':
      return { ...base, type, reason: why };
    case 'file_case':
      return { ...base, type, ...co };
    case 'list_for_supervision':
      return { ...base, type, authority: why, ...co };
    case 'submit_plan':
      return { ...base, type, plan: treatmentPlan('2026-12-31T00:00:00.000Z') };
    case 'order_stop_work':
      return { ...base, type, scope: 'whole', reason: why, ...co };
    case 'accept':
    case 'lift_stop_work':
    case 'delist':
      return { ...base, type, note: why, ...co };
    case 'approve_plan':
      return { ...base, type };
    case 'notify_penalty':
    case 'decide_penalty':
      return { ...base, type, penalty: FINE, ...co };
    case 'record_statement':
      return { ...base, type, statement: why, hearingRequested: false };
    case 'record_hearing':
      return { ...base, type, report: why };
    case 'withdraw_hearing':
      return { ...base, type, reason: why };
    case 'spot_check':
      return { ...base, type, result: 'pass' };
    case 'warn_due_soon':
    case 'notice_overdue':
      return { ...base, type, deadline: state?.deadline ?? DEADLINE };
  }
}

describe('permission matrix', () => {
  it('every role × command × level × state × relation cell matches the reviewed expectation; denials carry no events', () => {
    let cells = 0;
    let allowed = 0;
    const mismatches: string[] = [];
    for (const command of COMMAND_TYPES) {
      const targets: HazardLevel[] = command === 'reclassify' || command === 'confirm_level' ? LEVELS : ['general'];
      for (const level of LEVELS) {
        for (const status of STATES) {
          if ((status === 'new') !== (command === 'report' || command === 'report_observation')) continue; // existence is not an authorisation question
          for (const actorId of ACTORS) {
            const relations: [boolean, boolean][] =
              status === 'new'
                ? [[false, false]]
                : [
                    [false, false],
                    [true, false],
                    [false, true],
                    [true, true],
                  ];
            for (const [isReporter, isRectifier] of relations) {
              for (const target of targets) {
                cells++;
                const state =
                  status === 'new'
                    ? null
                    : fixtureState(level, status, isReporter ? actorId : 'someone-else', isRectifier ? [actorId, 'x'] : ['x'], command === 'confirm_level', command !== 'request_extension', command);
                const actor = TEST_ACTORS[actorId];
                if (!actor) throw new Error(actorId);
                const result = decide(
                  state,
                  commandFor(command, level, target, state, actorId),
                  actor,
                  NOW,
                  { calendar: TEST_CALENDAR_2026 },
                  { ...inputsFor(actorId), ...(command === 'decide_penalty' ? NOTICE_SERVED : {}) },
                );
                const denied = 'rejection' in result && (result.rejection.code === 'FORBIDDEN' || result.rejection.code === 'INVALID_TRANSITION');
                const want = expected(actorId, command, level, status, isReporter, isRectifier, target);
                if (want) allowed++;
                const cell = `${actorId} ${command} ${level} ${status} reporter=${isReporter} rectifier=${isRectifier} target=${target}`;
                if (want === denied) mismatches.push(`${cell}: expected ${want ? 'allow' : 'deny'}, got ${'rejection' in result ? result.rejection.code : 'events'}`);
                if (denied && 'events' in result) mismatches.push(`${cell}: denial with events`);
                // An allowed cell with a valid payload produces events (a reclassification to the same level excepted).
                if (want && 'rejection' in result && !(result.rejection.code === 'LEVEL_UNCHANGED' && target === level)) {
                  mismatches.push(`${cell}: allowed but refused ${result.rejection.code}`);
                }
              }
            }
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(cells).toBeGreaterThan(20_000);
    expect(allowed).toBeGreaterThan(300);
  });

  it('every allowed cell needs a second officer exactly where the two-officer expectation says', () => {
    let checked = 0;
    const mismatches: string[] = [];
    for (const command of COMMAND_TYPES) {
      if (command === 'report' || command === 'report_observation') continue;
      const targets: HazardLevel[] = command === 'reclassify' || command === 'confirm_level' ? LEVELS : ['general'];
      for (const level of LEVELS) {
        for (const status of HAZARD_STATUSES) {
          for (const actorId of ACTORS) {
            for (const target of targets) {
              if (!expected(actorId, command, level, status, false, false, target)) continue;
              const state = fixtureState(level, status, 'someone-else', ['x'], command === 'confirm_level', command !== 'request_extension', command);
              const actor = TEST_ACTORS[actorId];
              if (!actor) throw new Error(actorId);
              const { coOfficerId: _co, ...alone } = commandFor(command, level, target, state, actorId) as ChainCommand & { coOfficerId?: string };
              const inputs = inputsFor(actorId);
              const cell = `${actorId} ${command} ${level} ${status} target=${target}`;
              const without = decide(state, alone as ChainCommand, actor, NOW, { calendar: TEST_CALENDAR_2026 }, { ...inputs, coOfficer: undefined });
              const withSelf = decide(state, { ...alone, coOfficerId: actorId } as ChainCommand, actor, NOW, { calendar: TEST_CALENDAR_2026 }, { ...inputs, coOfficer: actor });
              const need = twoOfficers(command, level, target);
              const carriesCoOfficer = ['reclassify', 'confirm_level', 'file_case', 'list_for_supervision', 'order_stop_work', 'accept', 'close', 'notify_penalty', 'decide_penalty'].includes(command);
              for (const [name, result] of carriesCoOfficer
                ? ([
                    ['without', without],
                    ['with self', withSelf],
                  ] as const)
                : ([['without', without]] as const)) {
                const code = 'rejection' in result ? result.rejection.code : 'events';
                const ok = need ? code === 'SEPARATION_OF_DUTIES' : code === 'events' || (code === 'LEVEL_UNCHANGED' && target === level);
                if (!ok) mismatches.push(`${cell} ${name}: ${code}`);
              }
              const recorded = (r: typeof without) => ('events' in r ? (r.events[0]?.data as { officers?: unknown }).officers : undefined);
              const withCo = decide(state, commandFor(command, level, target, state, actorId), actor, NOW, { calendar: TEST_CALENDAR_2026 }, inputs);
              if ('events' in withCo && (recorded(withCo) !== undefined) !== need) mismatches.push(`${cell}: officers ${need ? 'missing' : 'recorded'}`);
              // Named but not confirmed: the second officer did not authenticate on the act.
              const unconfirmed = decide(state, commandFor(command, level, target, state, actorId), actor, NOW, { calendar: TEST_CALENDAR_2026 }, { ...inputs, coSignerId: undefined });
              if (need && !('rejection' in unconfirmed && unconfirmed.rejection.code === 'SEPARATION_OF_DUTIES')) mismatches.push(`${cell}: accepted a second officer who did not confirm`);
              checked++;
            }
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(150);
  });

  it('the permission table only allows declared edges, and every declared edge has someone allowed', () => {
    for (const rule of PERMISSION_TABLE) {
      for (const level of rule.levels) for (const state of rule.states) expect(findTransition(rule.command, level, state), `${rule.command} ${level} ${state}`).toBeDefined();
    }
    for (const t of TRANSITIONS) {
      for (const level of t.levels) {
        for (const from of t.from) {
          expect(
            PERMISSION_TABLE.some((r) => r.command === t.command && r.levels.includes(level) && r.states.includes(from)),
            `${t.command} ${level} ${from}`,
          ).toBe(true);
        }
      }
    }
  });

  it('department_admin, anonymous profiles and strangers are denied everything', () => {
    for (const actorId of ['admin-gas', 'nobody', 'owner-e2', 'grid-g2', 'officer-gas-d2', 'officer-fire-d1']) {
      expect(expectation.some((row) => row.grants.some(([role]) => GRANTEE[role as string]?.includes(actorId)))).toBe(false);
    }
  });
});

/** Drives a real hazard (reporter grid-g1, rectifier owner-e1) to `status`. Returns null when unreachable. */
async function reach(level: HazardLevel, status: HazardStatus) {
  const h = createHarness('2026-11-02T01:00:00Z');
  const id = 'H-R';
  const paths: Record<HazardLevel, Partial<Record<HazardStatus, [string, Omit<ChainCommand, 'commandId' | 'hazardId'>][]>>> = {
    simple: {},
    general: {},
    major: {},
  };
  const submit = (docs: number): [string, Omit<ChainCommand, 'commandId' | 'hazardId'>] => [
    'owner-e1',
    { type: 'submit_rectification', evidence: [...evidence('r', 'photo_before', 1), ...evidence('r', 'photo_after', 3, 'NOW'), ...evidence('r', 'document', docs)] } as never,
  ];
  for (const l of ['simple', 'general'] as const) {
    const notice: [string, never] = ['grid-g1', { type: 'issue_notice' } as never];
    paths[l] = {
      reported: [],
      rectifying: [notice],
      submitted: [notice, submit(0)],
      verified: [notice, submit(0), ['grid-g1', { type: 'verify' } as never]],
      closed: [notice, submit(0), ['grid-g1', { type: 'verify' } as never], ['grid-g1', { type: 'close' } as never]],
      escalated: [['grid-g1', { type: 'escalate', reason: why } as never]],
      case_filed: [
        ['grid-g1', { type: 'escalate', reason: why } as never],
        ['officer-gas-d1', { type: 'file_case', coOfficerId: 'officer2-gas-d1' } as never],
      ],
    };
  }
  const fc: [string, never] = ['officer-gas-d1', { type: 'file_case', coOfficerId: 'officer2-gas-d1' } as never];
  const submitPlan: [string, never] = ['owner-e1', { type: 'submit_plan', plan: treatmentPlan('2026-12-31T00:00:00.000Z') } as never];
  const approvePlan: [string, never] = ['officer-gas-d1', { type: 'approve_plan' } as never];
  const accept: [string, never] = ['officer-gas-d1', { type: 'accept', note: why, coOfficerId: 'officer2-gas-d1' } as never];
  paths.major = {
    reported: [],
    escalated: [['grid-g1', { type: 'escalate', reason: why } as never]],
    case_filed: [fc],
    rectifying: [fc, submitPlan],
    submitted: [fc, submitPlan, approvePlan, submit(1)],
    accepted: [fc, submitPlan, approvePlan, submit(1), accept],
    closed: [fc, submitPlan, approvePlan, submit(1), accept, ['officer2-gas-d1', { type: 'close', coOfficerId: 'officer-gas-d1' } as never]],
  };
  const steps = paths[level][status];
  if (!steps) return null;
  await h.ok('grid-g1', reportCommand(id, { level }));
  for (const [actor, command] of steps) {
    h.clock.advance(86_400_000);
    const taken = new Date(h.clock.now().getTime() - 60_000).toISOString();
    const withTime = JSON.parse(JSON.stringify(command).replaceAll('"NOW"', JSON.stringify(taken))) as typeof command;
    await h.ok(actor, { ...withTime, hazardId: id } as never);
  }
  expect((await h.state(id)).status).toBe(status);
  return { h, id };
}

describe('permission matrix through handleCommand and the store', () => {
  it('on real hazards in every reachable level × state, each denied actor × command writes no event and no outbox row, and is recorded', async () => {
    let denials = 0;
    for (const level of LEVELS) {
      for (const status of HAZARD_STATUSES) {
        const reached = await reach(level, status);
        if (!reached) continue;
        const { h, id } = reached;
        const state = await h.state(id);
        const outboxBefore = (await h.store.claimOutbox({ owner: 'peek', now: '2030-01-01T00:00:00.000Z', leaseMs: 1, limit: 10_000 })).length;
        for (const command of COMMAND_TYPES) {
          if (command === 'report' || command === 'report_observation') continue;
          for (const actorId of ACTORS) {
            const want = expected(actorId, command, level, status, actorId === 'grid-g1', state.rectifierIds.includes(actorId), 'general');
            if (want) continue;
            const logBefore = h.store.unsafeLog.length;
            const denialsBefore = (await h.store.readDenials(1, 100_000)).length;
            const result = await h.send(actorId, { ...commandFor(command, level, 'general', state, actorId), commandId: undefined, hazardId: id } as never);
            expect('rejection' in result, `${actorId} ${command} ${level} ${status}`).toBe(true);
            expect(h.store.unsafeLog.length).toBe(logBefore);
            expect((await h.store.readDenials(1, 100_000)).length).toBe(denialsBefore + 1);
            denials++;
          }
        }
        // No outbox row was added by any denial (leases of the peek expired long ago).
        const outboxAfter = (await h.store.claimOutbox({ owner: 'peek2', now: '2031-01-01T00:00:00.000Z', leaseMs: 1, limit: 10_000 })).length;
        expect(outboxAfter).toBe(outboxBefore);
      }
    }
    expect(denials).toBeGreaterThan(3000);
  }, 120_000);
});
