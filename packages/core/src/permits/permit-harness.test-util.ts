import type { ActorProfile, EnterpriseRecord } from '../ports/directory.js';
import type { EvidenceRecord } from '../ports/evidence-store.js';
import { decidePermit } from './decide-permit.js';
import { evolvePermit } from './evolve-permit.js';
import { DEFAULT_PERMIT_RULES, type PermitRules } from './permit-rules.js';
import { tickPermit } from './tick-permit.js';
import type { HotWorkObservation } from './hot-work-grade.js';
import type { ApplyPermitCommand, GasReadingInput, PermitActor, PermitCommand, PermitDecision, PermitEvent, PermitState } from './permit-types.js';

export const MIN = 60_000;
export const T0 = Date.parse('2026-12-07T08:00:00.000Z');
export const at = (minutes: number): Date => new Date(T0 + minutes * MIN);
export const iso = (minutes: number): string => at(minutes).toISOString();

export const applicant: PermitActor = { id: 'applicant', roles: [] };
export const leader: PermitActor = { id: 'leader', roles: ['principal_leader'] };
export const safety: PermitActor = { id: 'safety', roles: ['safety_department'] };
export const unit: PermitActor = { id: 'unit', roles: ['unit'] };
export const attendant: PermitActor = { id: 'attendant', roles: [] };
export const tester: PermitActor = { id: 'tester', roles: [] };

/** A directory in which every id is a person of E-1. */
const STAFF = { get: (id: string) => ({ id, roles: ['enterprise' as const], enterpriseIds: ['E-1'] }) } as unknown as ReadonlyMap<string, ActorProfile | null>;

/** Hot-work site facts from which the server derives each grade (GB 30871-2022 5.1.2–5.1.4): a running tank, a hazardous area, neither. */
export const HOT_WORK_FACTS: Record<string, HotWorkObservation> = {
  special: { situations: ['in_service_equipment'], openAir: false, shutDown: [] },
  first: { situations: ['hazardous_area'], openAir: false, shutDown: [] },
  second: { situations: [], openAir: false, shutDown: [] },
};

/**
 * An apply command (hot work, first grade by default). For hot work a `grade` override names the
 * grade the test wants: the command carries the facts that derive it ({@link HOT_WORK_FACTS}), never the grade.
 */
export function applyCommand(
  /** The command's fields, and `premises`: the regime the directory states for E-1 (moved there by {@link PermitRun.do}). */
  overrides: Partial<ApplyPermitCommand> & { premises?: 'hazchem' | 'general' } = {},
): ApplyPermitCommand {
  const { grade: declared, ...rest } = overrides;
  const grade = 'grade' in overrides ? declared : 'first';
  const hot = (rest.kind ?? 'hot_work') === 'hot_work';
  return {
    type: 'apply',
    permitId: 'P-1',
    kind: 'hot_work',
    enterpriseId: 'E-1',
    area: '330106',
    workerIds: ['worker-1', 'worker-2'],
    attendantId: 'attendant',
    validFrom: iso(0),
    flammableLelPctVol: 5,
    ...(hot ? { hotWork: HOT_WORK_FACTS[grade ?? 'first']! } : grade === undefined ? {} : { grade }),
    ...rest,
  };
}

export function reading(minutes: number, values: Partial<GasReadingInput> = {}): GasReadingInput {
  return { sampledAt: iso(minutes), instrument: 'PID-7', place: 'inlet', ...values };
}

/** A permit driven through decide/evolve/tick, keeping its log. */
export class PermitRun {
  state: PermitState | null = null;
  readonly log: PermitEvent[] = [];
  /** The directory's profiles of named persons (default: every id a person of E-1; `null` for one it does not know). */
  persons: ReadonlyMap<string, ActorProfile | null> = STAFF;
  /** The directory's record of E-1: hazchem unless an apply names `premises` (moved here by {@link PermitRun.do}). */
  enterprise: EnterpriseRecord | null = { id: 'E-1', name: 'E-1', area: '330106', regime: 'hazchem' };
  /**
   * When true (the default) an apply's `premises` is taken off the command and set as the
   * regime of E-1 in the directory; false sends it as declared (to test its refusal).
   */
  regimeFromApply = true;
  /** The evidence store's records (undefined: no evidence store). */
  evidence: ReadonlyMap<string, EvidenceRecord> | undefined = undefined;
  constructor(readonly rules: PermitRules = DEFAULT_PERMIT_RULES) {}

  do(given: PermitCommand, actor: PermitActor, minutes: number): PermitDecision {
    let command = given;
    if (command.type === 'apply' && 'premises' in command && this.regimeFromApply) {
      const { premises, ...rest } = command as ApplyPermitCommand & { premises: 'hazchem' | 'general' };
      command = rest;
      this.enterprise = { id: 'E-1', name: 'E-1', area: '330106', regime: premises };
    }
    const d = decidePermit(this.state, command, actor, at(minutes), {
      rules: this.rules,
      persons: this.persons,
      enterprise: this.enterprise,
      ...(this.evidence ? { evidence: this.evidence } : {}),
    });
    if (d.ok) this.record(d.events);
    return d;
  }

  ok(command: PermitCommand, actor: PermitActor, minutes: number): PermitEvent[] {
    const d = this.do(command, actor, minutes);
    if (!d.ok) throw new Error(`${command.type} at ${minutes} refused: ${d.rejection.code} ${d.rejection.message.en}`);
    return d.events;
  }

  code(command: PermitCommand, actor: PermitActor, minutes: number): string {
    const d = this.do(command, actor, minutes);
    return d.ok ? 'OK' : d.rejection.code;
  }

  tick(minutes: number): PermitEvent[] {
    if (this.state === null) return [];
    const events = tickPermit(this.state, at(minutes));
    this.record(events);
    return events;
  }

  get status(): string | undefined {
    return this.state?.status;
  }

  record(events: PermitEvent[]): void {
    for (const e of events) {
      this.state = evolvePermit(this.state, e);
      this.log.push(e);
    }
  }
}
