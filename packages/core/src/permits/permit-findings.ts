import type { PackEvaluator } from '../classify/compile-pack.js';
import type { FindingValue, HazardFinding, Inspection } from '../classify/types.js';
import { evolvePermit } from './evolve-permit.js';
import type { GasReadingInput, PermitEvent, PermitState } from './permit-types.js';

/** The id of the pack that classifies permit violations (`checklists/hazardous-work`). */
export const HAZARDOUS_WORK_PACK_ID = 'hazardous-work';

/** What the permit record shows at one moment that the pack is asked about. */
export type PermitObservationKind =
  /** The work started or resumed: the test it relied on, and when (the pack judges the window and the values). */
  | 'work_started'
  /** A monitoring reading the permit rules judged failing, taken while the work was in progress. */
  | 'reading_over_limit'
  /** The attendant left while the work was in progress. */
  | 'attendant_absent'
  /** The permit expired while the work was open (started, not closed). */
  | 'expired_open'
  /** A monitoring reading was not recorded in time. */
  | 'reading_missed';

/** One observation: the event it rests on and the inspection of the pack built from the record up to it. */
export interface PermitObservation {
  kind: PermitObservationKind;
  /** True when the permit rules themselves call it a violation (a failing reading, the attendant gone, expired while open, a missed reading). */
  ruleViolation: boolean;
  event: PermitEvent;
  inspection: Inspection;
}

/** The permit's events a finding rests on: the log up to the observed event (verify with `verifyPermitChain`). */
export interface PermitEvidence {
  permitId: string;
  /** The observed event. */
  eventId: string;
  events: Array<{ id: string; version: number; type: string; recordedAt: string; hash: string }>;
}

/** A hazard the pack found in the permit record. */
export interface PermitFinding {
  observation: PermitObservationKind;
  hazard: HazardFinding;
  inspection: Inspection;
  evidence: PermitEvidence;
}

/** Result of {@link permitFindings}. */
export interface PermitFindings {
  /** One per rule of the pack (the first observation that fired it). */
  findings: PermitFinding[];
  /** Violations by the permit rules for which the pack has no item (they stay visible, unclassified). */
  unclassified: Array<{ observation: PermitObservationKind; evidence: PermitEvidence }>;
}

/** Options of {@link permitObservations}. */
export interface PermitObservationOptions {
  /** The pack's premises for a `general` (non-hazchem) permit: `industrial_trade` or `other_unit` (default). */
  generalPremises?: 'industrial_trade' | 'other_unit';
}

const WORK_TYPE: Record<string, string> = { hot_work: 'hot_work', confined_space: 'confined_space', work_at_height: 'height', lifting: 'lifting' };
const HOT_GRADE: Record<string, string> = { special: 'special', first: 'grade1', second: 'grade2' };

function gasFacts(state: PermitState, r: GasReadingInput, findings: Record<string, FindingValue>): void {
  if (state.rule.kind === 'hot_work') {
    if (r.flammablePctVol !== undefined) findings.hot_gas_vol_percent = r.flammablePctVol;
    if (state.flammableLelPctVol !== null) findings.gas_lel_class = state.flammableLelPctVol >= 4 ? 'lel_ge_4' : 'lel_lt_4';
  }
  if (state.rule.kind === 'confined_space' && r.o2PctVol !== undefined) findings.cs_o2_percent = r.o2PctVol;
}

/**
 * Turns a permit's log into inspections of the hazardous-work pack, one per moment worth
 * asking about: each start and resume (the test it relied on), each failing reading, the
 * attendant leaving during the work, an expiry while the work was open, a missed reading.
 * Only what the record shows becomes a fact (work type, grade, the permit's start of
 * validity, the attendant's presence, the test's time and values, the substance's LEL
 * class and, while people are in a confined space, the last monitoring record); the pack
 * decides what is a hazard — no threshold or interval is compared here.
 * `inspectedAt` is the event's recorded time.
 */
export function permitObservations(events: readonly PermitEvent[], options: PermitObservationOptions = {}): PermitObservation[] {
  const out: PermitObservation[] = [];
  let state: PermitState | null = null;
  let startedAt: string | null = null;
  let testRelied: string | null = null;
  const tests = new Map<string, GasReadingInput>();
  for (const e of events) {
    const before: PermitState | null = state;
    state = evolvePermit(state, e);
    const s = state;
    if (e.type === 'gas_tested') {
      const r = (e as PermitEvent<'gas_tested'>).data.reading;
      tests.set(r.sampledAt, r);
    }
    const base = (): Inspection => {
      const findings: Record<string, FindingValue> = {
        work_type: WORK_TYPE[s.rule.kind] ?? s.rule.kind,
        permit_issued: true,
        permit_valid_from: s.validFrom,
        attendant_present: s.attendantPresent,
      };
      if (s.rule.kind === 'hot_work' && HOT_GRADE[s.rule.grade]) findings.hot_grade = HOT_GRADE[s.rule.grade]!;
      if (s.rule.gasTest !== null) {
        findings.gas_analysis_done = testRelied !== null;
        if (testRelied !== null && startedAt !== null) {
          findings.gas_analysis_at = testRelied;
          findings.work_started_at = startedAt;
          // While people are in the space (the work was going on, or starts now): the start of the
          // current monitoring interval (start, resume or last reading, as recorded). The pack
          // judges whether the gap to this moment is too long (HW-024); a suspended job is not asked.
          if (s.rule.kind === 'confined_space' && s.lastMonitoredAt !== null && (before?.status === 'in_progress' || s.status === 'in_progress')) {
            findings.cs_last_monitoring_record_at = s.lastMonitoredAt;
          }
        }
      }
      return {
        pack: HAZARDOUS_WORK_PACK_ID,
        premises: s.rule.premises === 'hazchem' ? 'chemical' : (options.generalPremises ?? 'other_unit'),
        inspectedAt: e.recordedAt,
        source: 'permit',
        subject: { id: s.permitId, area: s.area },
        findings,
      };
    };
    const push = (kind: PermitObservationKind, ruleViolation: boolean, inspection: Inspection) => out.push({ kind, ruleViolation, event: e, inspection });
    switch (e.type) {
      case 'started':
      case 'resumed': {
        startedAt = e.recordedAt;
        testRelied = (e as PermitEvent<'started'>).data.testSampledAt;
        const inspection = base();
        const test = testRelied === null ? undefined : tests.get(testRelied);
        if (test) gasFacts(s, test, inspection.findings);
        push('work_started', false, inspection);
        break;
      }
      case 'reading_recorded': {
        const d = (e as PermitEvent<'reading_recorded'>).data;
        // Only while the work goes on: a failing reading of a suspended job (people out, ventilating) is what suspension is for.
        if (d.verdict.pass || before?.status !== 'in_progress') break;
        const inspection = base();
        gasFacts(s, d.reading, inspection.findings);
        push('reading_over_limit', true, inspection);
        break;
      }
      case 'attendant_absent':
        if (before?.status === 'in_progress') push('attendant_absent', true, base());
        break;
      case 'expired':
        if (before?.status === 'in_progress' || before?.status === 'suspended') push('expired_open', true, base());
        break;
      case 'suspended':
        if ((e as PermitEvent<'suspended'>).data.reason === 'reading_missed') push('reading_missed', true, base());
        break;
      default:
        break;
    }
  }
  return out;
}

function evidenceUpTo(events: readonly PermitEvent[], event: PermitEvent): PermitEvidence {
  return {
    permitId: event.permitId,
    eventId: event.id,
    events: events.filter((x) => x.version <= event.version).map((x) => ({ id: x.id, version: x.version, type: x.type, recordedAt: x.recordedAt, hash: x.hash })),
  };
}

/**
 * The hazards in a permit's record, classified by the hazardous-work pack
 * ({@link permitObservations}), each with the permit's events up to the observed one as
 * evidence. A rule fires once (its first observation). A violation by the permit rules
 * that the pack does not classify is returned in `unclassified`, not dropped.
 *
 * @example
 * ```ts
 * const { findings } = permitFindings(compilePack(hazardousWorkPack), (await permits.readPermit(id)).events);
 * ```
 */
export function permitFindings(pack: PackEvaluator, events: readonly PermitEvent[], options: PermitObservationOptions = {}): PermitFindings {
  if (pack.pack.id !== HAZARDOUS_WORK_PACK_ID) throw new TypeError(`permit findings need the "${HAZARDOUS_WORK_PACK_ID}" pack, got "${pack.pack.id}"`);
  const findings: PermitFinding[] = [];
  const unclassified: PermitFindings['unclassified'] = [];
  const seen = new Set<string>();
  for (const o of permitObservations(events, options)) {
    const classification = pack.evaluate(o.inspection);
    const evidence = evidenceUpTo(events, o.event);
    for (const hazard of classification.hazards) {
      if (seen.has(hazard.rule)) continue;
      seen.add(hazard.rule);
      findings.push({ observation: o.kind, hazard, inspection: o.inspection, evidence });
    }
    if (o.ruleViolation && classification.hazards.length === 0) unclassified.push({ observation: o.kind, evidence });
  }
  return { findings, unclassified };
}
