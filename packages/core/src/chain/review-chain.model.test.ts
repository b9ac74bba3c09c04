import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HazardLevel } from '../pack/types.js';
import { createHarness } from './chain-harness.test-util.js';
import { findTransition, TRANSITIONS } from './transitions.js';
import { PERMISSION_TABLE } from './permission-table.js';
import { runTick } from './run-tick.js';
import { verifyChain } from './verify-chain.js';
import { evolve as evolveState } from './evolve.js';
import { evidence, reportCommand, TEST_ACTORS, treatmentPlan } from '../testing/chain-fixtures.js';
import type { ChainCommand, CommandType, HazardState, StatusOrNew, StoredEvent } from './types.js';

type Harness = ReturnType<typeof createHarness>;

/** The reference model: what the chain must look like from outside. */
interface Model {
  state: HazardState | null;
  accepted: { actorId: string; command: ChainCommand; events: StoredEvent[] }[];
  commands: number;
}

const HID = 'H-MB';
const DAY = 86_400_000;
const ACTORS = Object.keys(TEST_ACTORS);
/** Enforcement officers whose jurisdiction covers the hazard (gas or confined space, D1). */
const OFFICERS_OF_AREA = new Set(['officer-gas-d1', 'officer2-gas-d1']);
const why = { 'zh-CN': '理由', en: 'reason' };

/** Abstract command: which edge-candidate command, which actor, and knobs for the payload. */
interface Spec {
  progress: boolean;
  pick: number;
  actorPick: number;
  plausible: boolean;
  level: HazardLevel;
  provisional: boolean;
  fixed: boolean;
  goodEvidence: boolean;
}

const PROGRESS: CommandType[] = ['report', 'issue_notice', 'escalate', 'file_case', 'submit_plan', 'submit_rectification', 'verify', 'accept', 'close'];

const specArb: fc.Arbitrary<Spec> = fc.record({
  progress: fc.boolean(),
  pick: fc.nat(50),
  actorPick: fc.nat(50),
  plausible: fc.oneof({ weight: 6, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  level: fc.constantFrom<HazardLevel>('simple', 'general', 'major'),
  provisional: fc.boolean(),
  fixed: fc.boolean(),
  goodEvidence: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
});

function status(s: HazardState | null): StatusOrNew {
  return s === null ? 'new' : s.status;
}

function buildCommand(m: Model, h: Harness, spec: Spec): { actorId: string; command: ChainCommand } {
  const s = m.state;
  const now = h.clock.now().getTime();
  const taken = new Date(now - 60_000).toISOString();
  const level = s?.level ?? spec.level;
  const candidates = [...new Set(TRANSITIONS.filter((t) => t.levels.includes(level) && t.from.includes(status(s))).map((t) => t.command))];
  // Often prefer commands that move along a path, so long paths (major to 销号) are reached.
  const forward = candidates.filter((c) => PROGRESS.includes(c));
  const from = spec.progress && forward.length > 0 ? forward : candidates;
  const type = (from[spec.pick % from.length] ?? 'report') as CommandType;
  // Half the time pick among actors some row of the table could allow (generation bias only).
  const plausible = ACTORS.filter((a) => PERMISSION_TABLE.some((r) => r.command === type && TEST_ACTORS[a]?.roles.includes(r.role)));
  const pool = spec.plausible && plausible.length > 0 ? plausible : ACTORS;
  const actorId = pool[spec.actorPick % pool.length] as string;
  const commandId = `mb-${++m.commands}`;
  const base = { commandId, hazardId: HID };
  const proof = spec.goodEvidence
    ? [...evidence(commandId, 'photo_before', 1), ...evidence(commandId, 'photo_after', 3, taken), ...evidence(commandId, 'document', 1)]
    : evidence(commandId, 'photo_after', 1, '2020-01-01T00:00:00.000Z');
  let command: ChainCommand;
  switch (type) {
    case 'report':
      command = reportCommand(HID, {
        commandId,
        level: spec.level,
        provisional: spec.provisional,
        fixedOnSpot: spec.level === 'simple' && spec.fixed,
        deadline: spec.level === 'simple' ? 'immediate' : { workingDays: 3 },
        evidence: spec.goodEvidence ? [...evidence(commandId, 'photo_before', 1), ...evidence(commandId, 'photo_after', 1, taken)] : [],
      });
      break;
    case 'reclassify':
    case 'confirm_level':
      command = { ...base, type, level: spec.level, reason: why };
      break;
    case 'submit_rectification':
      command = { ...base, type, evidence: proof };
      break;
    case 'request_extension':
      command = { ...base, type, extension: { workingDays: 2 }, reason: why };
      break;
    case 'escalate':
      command = { ...base, type, reason: why };
      break;
    case 'file_case':
      command = { ...base, type, caseNo: `C-${commandId}` };
      break;
    case 'list_for_supervision':
      command = { ...base, type, authority: why };
      break;
    case 'submit_plan':
      command = { ...base, type, plan: treatmentPlan(new Date(now + 10 * DAY).toISOString()) };
      break;
    case 'order_stop_work':
      command = { ...base, type, scope: 'partial', reason: why };
      break;
    case 'accept':
      command = { ...base, type, note: why };
      break;
    case 'spot_check':
      command = { ...base, type, result: spec.fixed ? 'fail' : 'pass' };
      break;
    case 'warn_due_soon':
    case 'notice_overdue':
      command = { ...base, type, deadline: s?.deadline ?? '' };
      break;
    case 'reject':
    case 'deny_extension':
    case 'reopen':
      command = { ...base, type, reason: why };
      break;
    default:
      command = { ...base, type } as ChainCommand;
  }
  return { actorId, command };
}

/** Invariants over the whole stored log, checked after every step. */
function checkLog(log: StoredEvent[]): void {
  expect(verifyChain(log).ok).toBe(true);
  const escalations = new Map<string, number>();
  const stages = new Map<string, number>();
  let level: HazardLevel | null = null;
  let reporter = '';
  let rectifiers = new Set<string>();
  let acceptance: { actor: string; role: string } | null = null;
  for (const e of log) {
    if (e.type === 'reported') {
      level = (e.data as { level: HazardLevel }).level;
      reporter = e.actor.id;
    }
    if (e.type === 'reclassified' || e.type === 'level_confirmed') level = (e.data as { to: HazardLevel }).to;
    if (e.type === 'rectification_submitted' || e.type === 'plan_submitted') rectifiers.add(e.actor.id);
    if (e.type === 'accepted') acceptance = { actor: e.actor.id, role: e.actor.role };
    if (e.type === 'reopened' || (e.type === 'spot_checked' && (e.data as { result: string }).result === 'fail')) acceptance = null;
    if (e.type === 'reclassified' || e.type === 'level_confirmed') acceptance = null;
    if (e.type === 'closed' && level === 'major') {
      // No major hazard closed without acceptance by an enforcement officer of its area
      // who is neither its reporter nor its rectifier (nor is the closer).
      expect(acceptance).not.toBeNull();
      expect(acceptance?.role).toBe('enforcement');
      expect(OFFICERS_OF_AREA.has(acceptance?.actor ?? '')).toBe(true);
      expect(acceptance?.actor).not.toBe(reporter);
      expect(rectifiers.has(acceptance?.actor ?? '')).toBe(false);
      expect(OFFICERS_OF_AREA.has(e.actor.id) && e.actor.id !== reporter && !rectifiers.has(e.actor.id)).toBe(true);
    }
    const d = (e.data as { overdueDeadline?: string; deadline?: string });
    if (e.type === 'escalated' && d.overdueDeadline) escalations.set(d.overdueDeadline, (escalations.get(d.overdueDeadline) ?? 0) + 1);
    if (e.type === 'due_soon_warned' || e.type === 'overdue_noticed') {
      const key = `${e.type}:${d.deadline}`;
      stages.set(key, (stages.get(key) ?? 0) + 1);
    }
    if (e.type === 'reported') rectifiers = new Set();
  }
  for (const n of escalations.values()) expect(n).toBe(1);
  for (const n of stages.values()) expect(n).toBe(1);
}

class Send implements fc.AsyncCommand<Model, Harness> {
  constructor(readonly spec: Spec) {}
  check = () => true;
  async run(m: Model, h: Harness): Promise<void> {
    const { actorId, command } = buildCommand(m, h, this.spec);
    const before = m.state;
    const logBefore = h.store.unsafeLog.length;
    const result = await h.send(actorId, command);
    const after = await h.store.load(HID).then((events) => (events ? events.reduce<HazardState | null>((s, e) => evolveState(s, e), null) : null));
    if ('rejection' in result) {
      expect(h.store.unsafeLog.length).toBe(logBefore);
      expect(after?.version ?? 0).toBe(before?.version ?? 0);
    } else {
      expect(result.replayed).toBeFalsy();
      expect(h.store.unsafeLog.length).toBe(logBefore + result.events.length);
      if (result.events.length > 0) {
        // Every state change follows a declared edge of the command.
        const edge = findTransition(command.type, before?.level ?? (command as { level: HazardLevel }).level, status(before));
        expect(edge, `${command.type} from ${status(before)}`).toBeDefined();
        expect(edge?.to).toContain(after?.status);
        m.accepted.push({ actorId, command, events: result.events as StoredEvent[] });
      }
      m.state = after;
    }
    checkLog(h.store.unsafeLog);
  }
  toString = () => `send(${JSON.stringify(this.spec)})`;
}

class Replay implements fc.AsyncCommand<Model, Harness> {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => m.accepted.length > 0;
  async run(m: Model, h: Harness): Promise<void> {
    const original = m.accepted[this.pick % m.accepted.length];
    if (!original) return;
    const logBefore = h.store.unsafeLog.length;
    h.clock.advance(1000);
    const result = await h.send(original.actorId, original.command);
    // Replaying any accepted command changes nothing and returns the original result.
    expect(result).toEqual({ events: original.events, replayed: true });
    expect(h.store.unsafeLog.length).toBe(logBefore);
    // The same id with another payload is refused.
    const reused = await h.send(original.actorId, { ...original.command, occurredAt: '2000-01-01T00:00:00.000Z' });
    expect('rejection' in reused && reused.rejection.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(h.store.unsafeLog.length).toBe(logBefore);
  }
  toString = () => `replay(${this.pick})`;
}

class Stale implements fc.AsyncCommand<Model, Harness> {
  constructor(readonly spec: Spec) {}
  check = (m: Readonly<Model>) => (m.state?.version ?? 0) >= 1;
  async run(m: Model, h: Harness): Promise<void> {
    const { actorId, command } = buildCommand(m, h, { ...this.spec, plausible: true });
    if (command.type === 'report') return;
    const logBefore = h.store.unsafeLog.length;
    const stale = { ...command, expectedVersion: (m.state?.version ?? 1) - 1 } as ChainCommand;
    const result = await h.send(actorId, stale);
    // A stale expected version always conflicts (actor unknown to the decision: the version is checked first).
    expect('rejection' in result && result.rejection.code).toBe('CONFLICT');
    expect(h.store.unsafeLog.length).toBe(logBefore);
  }
  toString = () => `stale(${JSON.stringify(this.spec)})`;
}

class Advance implements fc.AsyncCommand<Model, Harness> {
  constructor(readonly hours: number) {}
  check = () => true;
  async run(_m: Model, h: Harness): Promise<void> {
    h.clock.advance(this.hours * 3_600_000);
  }
  toString = () => `advance(${this.hours}h)`;
}

class Tick implements fc.AsyncCommand<Model, Harness> {
  check = () => true;
  async run(m: Model, h: Harness): Promise<void> {
    await runTick(h.deps, { systemActorId: 'system:scheduler' });
    const log = [...h.store.unsafeLog];
    m.state = log.length === 0 ? null : log.reduce<HazardState | null>((s, e) => evolveState(s, e), null);
    // Idempotent: a second tick at the same time records nothing.
    expect(await runTick(h.deps, { systemActorId: 'system:scheduler' })).toEqual([]);
    expect(h.store.unsafeLog.length).toBe(log.length);
    // Every escalation that was due has fired.
    const s = m.state;
    if (s && s.status === 'rectifying' && s.deadline && s.level !== 'major') {
      expect(h.clock.now().getTime() < Date.parse(s.deadline) + DAY).toBe(true);
    }
    checkLog(h.store.unsafeLog);
  }
  toString = () => 'tick';
}


describe('review chain, model-based (fast-check)', () => {
  it('holds its invariants over 1 000 random command sequences (fixed seed)', async () => {
    const commands = fc.commands(
      [
        specArb.map((s) => new Send(s)),
        specArb.map((s) => new Send(s)),
        specArb.map((s) => new Send(s)),
        fc.nat(100).map((n) => new Replay(n)),
        specArb.map((s) => new Stale(s)),
        fc.integer({ min: 1, max: 120 }).map((n) => new Advance(n)),
        fc.constant(new Tick()),
      ],
      { maxCommands: 60, size: 'large' },
    );
    let acceptedMajor = 0;
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(commands, async (cmds) => {
        const h = createHarness('2026-11-02T01:00:00Z');
        await fc.asyncModelRun(() => ({ model: { state: null, accepted: [], commands: 0 }, real: h }), cmds);
        if (h.store.unsafeLog.some((e) => e.type === 'accepted')) acceptedMajor++;
        for (const e of h.store.unsafeLog) seen.set(e.type, (seen.get(e.type) ?? 0) + 1);
        const codes = await h.store.readDenials(1, 1000);
        for (const d of codes) seen.set(d.code, (seen.get(d.code) ?? 0) + 1);
      }),
      { seed: 20261128, numRuns: 1000 },
    );
    // Broad coverage: every kind of event occurs, and refusals of every main kind.
    for (const kind of ['accepted', 'closed', 'escalated', 'overdue_noticed', 'due_soon_warned', 'plan_submitted', 'rejected', 'extension_granted', 'FORBIDDEN', 'CONFLICT', 'IDEMPOTENCY_KEY_REUSED']) {
      expect(seen.get(kind) ?? 0, kind).toBeGreaterThan(0);
    }
    // The generator reaches the end of the major path in a fair share of runs.
    expect(acceptedMajor).toBeGreaterThan(10);
  }, 300_000);
});
