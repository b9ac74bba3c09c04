// Which review-chain actions the UI offers: a copy of core's PERMISSION_TABLE
// (packages/core/src/chain/permission-table.ts) as plain data, kept equal to it by
// test/permissions-mirror.test.ts. The server decides; this only hides buttons that would
// be refused. The relation of a row (own enterprise, own grid area, jurisdiction) is the
// same as the read scope of GET /hazards/{id}, so a hazard the page shows already relates.
const ALL = ['simple', 'general', 'major'];
const SG = ['simple', 'general'];
const MAJOR = ['major'];
const OPEN = ['reported', 'rectifying', 'submitted', 'verified', 'escalated', 'case_filed', 'accepted'];

const rows = (command, levels, states, grants) => grants.map(([role, relation, extra]) => ({ command, role, levels, states, relation, ...extra }));

/** The permission table's rows: { command, role, levels, states, relation, notReporter?, notRectifier?, noDowngrade? }. */
export const PERMISSION_ROWS = [
  ...rows('report', ALL, ['new'], [['enterprise', 'own_enterprise'], ['grid', 'own_area'], ['enforcement', 'jurisdiction'], ['system', 'any']]),
  ...rows('reclassify', SG, ['reported'], [['enterprise', 'own_enterprise', { noDowngrade: true }]]),
  ...rows('reclassify', SG, ['reported', 'rectifying', 'submitted', 'escalated'], [['grid', 'own_area']]),
  ...rows('reclassify', ALL, ['reported', 'rectifying', 'submitted', 'escalated', 'case_filed'], [['enforcement', 'jurisdiction']]),
  ...rows('confirm_level', ALL, OPEN, [['enforcement', 'jurisdiction']]),
  ...rows('issue_notice', SG, ['reported', 'escalated'], [['grid', 'own_area'], ['enforcement', 'jurisdiction']]),
  ...rows('issue_notice', SG, ['case_filed'], [['enforcement', 'jurisdiction']]),
  ...rows('submit_rectification', SG, ['reported', 'rectifying', 'escalated'], [['enterprise', 'own_enterprise']]),
  ...rows('submit_rectification', MAJOR, ['rectifying'], [['enterprise', 'own_enterprise']]),
  ...rows('verify', SG, ['submitted'], [['grid', 'own_area', { notRectifier: true }], ['enforcement', 'jurisdiction', { notRectifier: true }]]),
  ...rows('reject', SG, ['submitted'], [['grid', 'own_area'], ['enforcement', 'jurisdiction']]),
  ...rows('reject', MAJOR, ['submitted'], [['enforcement', 'jurisdiction']]),
  ...rows('request_extension', ['general', 'major'], ['rectifying'], [['enterprise', 'own_enterprise']]),
  ...rows('grant_extension', ['general'], ['rectifying'], [['grid', 'own_area'], ['enforcement', 'jurisdiction']]),
  ...rows('grant_extension', MAJOR, ['rectifying'], [['enforcement', 'jurisdiction']]),
  ...rows('deny_extension', ['general'], ['rectifying'], [['grid', 'own_area'], ['enforcement', 'jurisdiction']]),
  ...rows('deny_extension', MAJOR, ['rectifying'], [['enforcement', 'jurisdiction']]),
  ...rows('escalate', SG, ['reported', 'rectifying'], [['grid', 'own_area'], ['system', 'any']]),
  ...rows('escalate', MAJOR, ['reported'], [['enterprise', 'own_enterprise'], ['grid', 'own_area'], ['system', 'any']]),
  ...rows('file_case', ALL, ['escalated'], [['enforcement', 'jurisdiction']]),
  ...rows('file_case', MAJOR, ['reported'], [['enforcement', 'jurisdiction']]),
  ...rows('list_for_supervision', MAJOR, ['case_filed', 'rectifying', 'submitted'], [['enforcement', 'jurisdiction']]),
  ...rows('submit_plan', MAJOR, ['case_filed', 'rectifying'], [['enterprise', 'own_enterprise']]),
  ...rows('order_stop_work', MAJOR, ['case_filed', 'rectifying', 'submitted'], [['enforcement', 'jurisdiction']]),
  ...rows('accept', MAJOR, ['submitted'], [['enforcement', 'jurisdiction', { notReporter: true, notRectifier: true }]]),
  ...rows('close', SG, ['verified'], [['grid', 'own_area', { notRectifier: true }], ['enforcement', 'jurisdiction', { notRectifier: true }]]),
  ...rows('close', MAJOR, ['accepted'], [['enforcement', 'jurisdiction', { notReporter: true, notRectifier: true }]]),
  ...rows('reopen', SG, ['closed'], [['grid', 'own_area'], ['enforcement', 'jurisdiction']]),
  ...rows('reopen', MAJOR, ['closed'], [['enforcement', 'jurisdiction']]),
  ...rows('spot_check', SG, ['closed'], [['grid', 'own_area'], ['enforcement', 'jurisdiction']]),
  ...rows('spot_check', MAJOR, ['closed'], [['enforcement', 'jurisdiction']]),
  ...rows('warn_due_soon', ALL, ['rectifying'], [['system', 'any']]),
  ...rows('notice_overdue', ALL, ['rectifying'], [['system', 'any']]),
];

const RANK = { simple: 0, general: 1, major: 2 };

/**
 * True when a user with `roles` and id `userId` may send `command` on hazard `state`
 * (a HazardState); `target` is the level a reclassification asks for.
 */
export function allowed(roles, userId, command, state, target) {
  return PERMISSION_ROWS.some((r) =>
    r.command === command &&
    roles.includes(r.role) &&
    r.levels.includes(state.level) &&
    r.states.includes(state.status) &&
    !(r.notReporter && state.reporterId === userId) &&
    !(r.notRectifier && (state.rectifierIds ?? []).includes(userId)) &&
    !(r.noDowngrade && target !== undefined && RANK[target] < RANK[state.level]));
}
