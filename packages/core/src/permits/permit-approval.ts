import { heightGradeReason } from './height-grade.js';
import { permitRejection as reject } from './permit-rejection.js';
import type { PermitRules } from './permit-rules.js';
import type { PermitActor, PermitRejection, PermitState } from './permit-types.js';

/**
 * Why `actor` may not approve the permit, or `null` when it may: the approver holds the permit
 * role its rule names (`approverRole`, e.g. 所在基层单位 — named by the rules' `roles` label, not
 * its id) and is neither a worker nor the attendant (separation of duties). `decidePermit`
 * refuses an `approve` with exactly this; a UI asks it to offer 审批 only to who may (the host
 * gives the actor's permit roles for the permit's enterprise). The permit's status is not
 * checked here: `decidePermit` checks it first.
 *
 * For work at height the role follows from the grade the server derived at application
 * (GB 30871-2022 附录B 表B.1: Ⅰ 所在基层单位, Ⅱ–Ⅲ 所在单位专业部门, Ⅳ 主管厂长或总工程师); the
 * refusal says why the job is at that grade and points at the fact of the application that
 * decided it (`/height/heightM`, `/height/fallFactors/0`, `/height/situations/<i>`). The role must
 * be the one the rule names — a holder of another level (higher or lower) does not approve.
 */
export function permitApprovalRefusal(state: PermitState, actor: PermitActor, rules: PermitRules): PermitRejection | null {
  const role = state.rule.approverRole;
  if (!actor.roles.includes(role)) {
    const name = rules.roles[role] ?? { 'zh-CN': role, en: role };
    const refusal = reject(
      'APPROVER_ROLE',
      `${state.rule.title['zh-CN']}须由${name['zh-CN']}审批：你不是本企业该类作业的审批人`,
      `${state.rule.title.en} must be approved by the ${name.en}: you do not approve this kind of work for the enterprise`,
    );
    if (state.height === undefined) return refusal;
    const why = heightGradeReason(state.height);
    return {
      code: refusal.code,
      message: { 'zh-CN': `${refusal.message['zh-CN']}（${why.text['zh-CN']}）`, en: `${refusal.message.en} (${why.text.en})` },
      pointer: why.pointer,
    };
  }
  if (state.workerIds.includes(actor.id) || actor.id === state.attendantId) {
    return reject('SEPARATION_OF_DUTIES', '审批人不得是作业人员或监护人', 'The approver must be neither a worker nor the attendant');
  }
  return null;
}
