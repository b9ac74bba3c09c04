import type { HazardLevel } from '../pack/types.js';
import type { Role } from '../ports/directory.js';
import type { CommandType, StatusOrNew } from './types.js';

/**
 * How an actor must relate to the hazard for a row to apply:
 * - `own_enterprise`: the hazard's enterprise is one of the actor's enterprises;
 * - `own_area`: the hazard's area is (inside) one of the actor's grid areas;
 * - `jurisdiction`: one of the actor's departments supervises the hazard's domain and
 *   covers its area;
 * - `any`: no relation (the `system` role: timers, sensors, permit checks).
 */
export type Relation = 'own_enterprise' | 'own_area' | 'jurisdiction' | 'any';

/** One allow-row of the permission table. Anything no row allows is denied. */
export interface PermissionRule {
  command: CommandType;
  role: Role;
  levels: readonly HazardLevel[];
  states: readonly StatusOrNew[];
  relation: Relation;
  /** Separation of duties: the actor must not be the hazard's reporter. */
  notReporter?: boolean;
  /** Separation of duties: the actor must not have submitted a rectification or plan. */
  notRectifier?: boolean;
  /** The command's target level must not be lower than the current one. */
  noDowngrade?: boolean;
}

const ALL: readonly HazardLevel[] = ['simple', 'general', 'major'];
const SG: readonly HazardLevel[] = ['simple', 'general'];
const MAJOR: readonly HazardLevel[] = ['major'];
const OPEN: readonly StatusOrNew[] = ['reported', 'rectifying', 'submitted', 'verified', 'escalated', 'case_filed', 'accepted'];
const CASE: readonly StatusOrNew[] = ['case_filed', 'rectifying', 'submitted', 'verified', 'accepted', 'closed'];

function rows(
  command: CommandType,
  levels: readonly HazardLevel[],
  states: readonly StatusOrNew[],
  grants: readonly [Role, Relation, Partial<Pick<PermissionRule, 'notReporter' | 'notRectifier' | 'noDowngrade'>>?][],
): PermissionRule[] {
  return grants.map(([role, relation, extra]) => ({ command, role, levels, states, relation, ...extra }));
}

/**
 * Who may do what: role × command × level × state, with relation and separation-of-duty
 * conditions. Deny by default. `department_admin` publishes packs and has no row here.
 *
 * Reviewed against docs/security.md T20 and T28: an enterprise acts only for its own
 * units and never lowers a level; a grid inspector only inside its area and never on the
 * major path's official acts; a major hazard is accepted and closed only by an enforcement
 * officer of its domain and area who is neither its reporter nor its rectifier; nobody
 * verifies or closes their own rectification. A manual observation (`report_observation`)
 * is a grid inspector's or an officer's. The rules that need a second person (two
 * officers, acceptance ≠ closing, reporter of a once-major hazard) are in
 * `checkSeparationOfDuties` and refuse with `SEPARATION_OF_DUTIES`.
 */
export const PERMISSION_TABLE: readonly PermissionRule[] = Object.freeze([
  ...rows(
    'report',
    ALL,
    ['new'],
    [
      ['enterprise', 'own_enterprise'],
      ['grid', 'own_area'],
      ['enforcement', 'jurisdiction'],
      ['system', 'any'],
    ],
  ),
  ...rows(
    'report_observation',
    ALL,
    ['new'],
    [
      ['grid', 'own_area'],
      ['enforcement', 'jurisdiction'],
    ],
  ),
  ...rows('reclassify', SG, ['reported'], [['enterprise', 'own_enterprise', { noDowngrade: true }]]),
  ...rows('reclassify', SG, ['reported', 'rectifying', 'submitted', 'escalated'], [['grid', 'own_area']]),
  ...rows('reclassify', ALL, ['reported', 'rectifying', 'submitted', 'escalated', 'case_filed'], [['enforcement', 'jurisdiction']]),
  ...rows('confirm_level', ALL, OPEN, [['enforcement', 'jurisdiction']]),
  ...rows(
    'issue_notice',
    SG,
    ['reported', 'escalated'],
    [
      ['grid', 'own_area'],
      ['enforcement', 'jurisdiction'],
    ],
  ),
  ...rows('issue_notice', SG, ['case_filed'], [['enforcement', 'jurisdiction']]),
  ...rows('submit_rectification', SG, ['reported', 'rectifying', 'escalated'], [['enterprise', 'own_enterprise']]),
  ...rows('submit_rectification', MAJOR, ['rectifying'], [['enterprise', 'own_enterprise']]),
  ...rows(
    'verify',
    SG,
    ['submitted'],
    [
      ['grid', 'own_area', { notRectifier: true }],
      ['enforcement', 'jurisdiction', { notRectifier: true }],
    ],
  ),
  ...rows(
    'reject',
    SG,
    ['submitted'],
    [
      ['grid', 'own_area'],
      ['enforcement', 'jurisdiction'],
    ],
  ),
  ...rows('reject', MAJOR, ['submitted'], [['enforcement', 'jurisdiction']]),
  ...rows('request_extension', ['general', 'major'], ['rectifying'], [['enterprise', 'own_enterprise']]),
  ...rows(
    'grant_extension',
    ['general'],
    ['rectifying'],
    [
      ['grid', 'own_area'],
      ['enforcement', 'jurisdiction'],
    ],
  ),
  ...rows('grant_extension', MAJOR, ['rectifying'], [['enforcement', 'jurisdiction']]),
  ...rows(
    'deny_extension',
    ['general'],
    ['rectifying'],
    [
      ['grid', 'own_area'],
      ['enforcement', 'jurisdiction'],
    ],
  ),
  ...rows('deny_extension', MAJOR, ['rectifying'], [['enforcement', 'jurisdiction']]),
  ...rows(
    'escalate',
    SG,
    ['reported', 'rectifying'],
    [
      ['grid', 'own_area'],
      ['system', 'any'],
    ],
  ),
  ...rows(
    'escalate',
    MAJOR,
    ['reported'],
    [
      ['enterprise', 'own_enterprise'],
      ['grid', 'own_area'],
      ['system', 'any'],
    ],
  ),
  ...rows('file_case', ALL, ['escalated'], [['enforcement', 'jurisdiction']]),
  // An officer who finds a general or major hazard may open a case at once (安全生产法 2021: the order to
  // eliminate a hazard comes with a fine; 行政处罚法 第五十四条: a case when a penalty is due). A simple
  // hazard — fixed on the spot — only after escalation (行政处罚法 第三十三条: minor and corrected, no penalty).
  ...rows('file_case', ['general', 'major'], ['reported'], [['enforcement', 'jurisdiction']]),
  ...rows('list_for_supervision', MAJOR, ['case_filed', 'rectifying', 'submitted'], [['enforcement', 'jurisdiction']]),
  ...rows('submit_plan', MAJOR, ['case_filed', 'rectifying'], [['enterprise', 'own_enterprise']]),
  ...rows('approve_plan', MAJOR, ['rectifying'], [['enforcement', 'jurisdiction', { notRectifier: true }]]),
  ...rows('order_stop_work', MAJOR, ['case_filed', 'rectifying', 'submitted'], [['enforcement', 'jurisdiction']]),
  ...rows('accept', MAJOR, ['submitted'], [['enforcement', 'jurisdiction', { notReporter: true, notRectifier: true }]]),
  ...rows(
    'close',
    SG,
    ['verified'],
    [
      ['grid', 'own_area', { notRectifier: true }],
      ['enforcement', 'jurisdiction', { notRectifier: true }],
    ],
  ),
  ...rows('close', MAJOR, ['accepted'], [['enforcement', 'jurisdiction', { notReporter: true, notRectifier: true }]]),
  ...rows('lift_stop_work', MAJOR, ['accepted', 'closed'], [['enforcement', 'jurisdiction', { notRectifier: true }]]),
  ...rows('delist', MAJOR, ['closed'], [['enforcement', 'jurisdiction', { notRectifier: true }]]),
  ...rows(
    'reopen',
    SG,
    ['closed'],
    [
      ['grid', 'own_area'],
      ['enforcement', 'jurisdiction'],
    ],
  ),
  ...rows('reopen', MAJOR, ['closed'], [['enforcement', 'jurisdiction']]),
  ...rows(
    'spot_check',
    SG,
    ['closed'],
    [
      ['grid', 'own_area'],
      ['enforcement', 'jurisdiction'],
    ],
  ),
  ...rows('spot_check', MAJOR, ['closed'], [['enforcement', 'jurisdiction']]),
  ...rows('warn_due_soon', ALL, ['reported', 'rectifying'], [['system', 'any']]),
  ...rows('notice_overdue', ALL, ['reported', 'rectifying'], [['system', 'any']]),
  // The penalty of a filed case (行政处罚): notice and decision are the officers' (two, checked by
  // checkSeparationOfDuties); the party states and defends itself, or an officer records what it said.
  ...rows('notify_penalty', ALL, CASE, [['enforcement', 'jurisdiction']]),
  ...rows('record_statement', ALL, CASE, [
    ['enterprise', 'own_enterprise'],
    ['enforcement', 'jurisdiction'],
  ]),
  // The hearing is presided by an officer who investigated nothing of the case (decide() checks the notice's officers).
  ...rows('record_hearing', ALL, CASE, [['enforcement', 'jurisdiction']]),
  // Only the party withdraws its hearing request (waiving the hearing is its right alone, 《行政处罚法》第六十三、六十四条):
  // no officer records a withdrawal for it — not even from a declaration, which would let the notice's officers waive it.
  ...rows('withdraw_hearing', ALL, CASE, [['enterprise', 'own_enterprise']]),
  ...rows('decide_penalty', ALL, CASE, [['enforcement', 'jurisdiction']]),
]);
