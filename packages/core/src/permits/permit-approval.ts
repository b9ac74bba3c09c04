import { heightGradeReason } from './height-grade.js';
import { HOT_WORK_DOWNGRADE_ROLE, hotWorkGradeReason } from './hot-work-grade.js';
import { permitRejection as reject } from './permit-rejection.js';
import type { PermitRules } from './permit-rules.js';
import type { PermitActor, PermitRejection, PermitState } from './permit-types.js';

/** True while a hot-work permit managed as 二级 after a shut-down (5.1.4) waits for the downgrade's approval. */
function awaitsDowngrade(state: PermitState): boolean {
  return state.hotWork?.downgraded === true && (state.downgradeApproverId ?? null) === null;
}

/**
 * The permit role whose holder approves the permit next: the rule's `approverRole`, except
 * while a hot-work permit downgraded to 二级 (GB 30871-2022 5.1.4) waits for the downgrade to
 * be approved — then {@link HOT_WORK_DOWNGRADE_ROLE} (生产负责人或安全管理负责人) first.
 */
export function permitApproverRole(state: PermitState): string {
  return awaitsDowngrade(state) ? HOT_WORK_DOWNGRADE_ROLE : state.rule.approverRole;
}

/**
 * Why `actor` may not approve the permit, or `null` when it may: the approver holds the permit
 * role {@link permitApproverRole} names (e.g. 所在基层单位 — named by the rules' `roles` label,
 * not its id) and is neither a worker nor the attendant (separation of duties). `decidePermit`
 * refuses an `approve` with exactly this; a UI asks it to offer 审批 only to who may (the host
 * gives the actor's permit roles for the permit's enterprise). The permit's status is not
 * checked here: `decidePermit` checks it first.
 *
 * For work at height and hot work the role follows from the grade the server derived at
 * application (GB 30871-2022 附录B 表B.1: height Ⅰ 所在基层单位, Ⅱ–Ⅲ 所在单位专业部门, Ⅳ
 * 主管厂长或总工程师; hot work 特级 主管领导, 一级 安全管理部门, 二级 所在基层单位); the refusal
 * says why the job is at that grade and points at the fact of the application that decided it
 * (`/height/…`, `/hotWork/situations/<i>`, `/hotWork/windForce`, `/hotWork/shutDown`). The role
 * must be the one named — a holder of another level (higher or lower) does not approve. A
 * hot-work permit downgraded after a shut-down is approved twice: the downgrade, then the
 * permit, by two different persons.
 */
export function permitApprovalRefusal(state: PermitState, actor: PermitActor, rules: PermitRules): PermitRejection | null {
  const role = permitApproverRole(state);
  if (!actor.roles.includes(role)) {
    const name = rules.roles[role] ?? { 'zh-CN': role, en: role };
    const downgrade = role !== state.rule.approverRole;
    const refusal = downgrade
      ? reject(
          'APPROVER_ROLE',
          `${state.rule.title['zh-CN']}（停车降级）须先由${name['zh-CN']}批准降级：你不是本企业该降级的审批人`,
          `${state.rule.title.en} (downgraded after a shut-down) must first have the downgrade approved by the ${name.en}: you do not approve it for the enterprise`,
        )
      : reject(
          'APPROVER_ROLE',
          `${state.rule.title['zh-CN']}须由${name['zh-CN']}审批：你不是本企业该类作业的审批人`,
          `${state.rule.title.en} must be approved by the ${name.en}: you do not approve this kind of work for the enterprise`,
        );
    const why = state.height !== undefined ? heightGradeReason(state.height) : state.hotWork !== undefined ? hotWorkGradeReason(state.hotWork) : null;
    if (why === null) return refusal;
    return {
      code: refusal.code,
      message: { 'zh-CN': `${refusal.message['zh-CN']}（${why.text['zh-CN']}）`, en: `${refusal.message.en} (${why.text.en})` },
      pointer: why.pointer,
    };
  }
  if (state.workerIds.includes(actor.id) || actor.id === state.attendantId) {
    return reject('SEPARATION_OF_DUTIES', '审批人不得是作业人员或监护人', 'The approver must be neither a worker nor the attendant');
  }
  if (state.hotWork?.downgraded === true && actor.id === state.downgradeApproverId) {
    return reject('SEPARATION_OF_DUTIES', '批准降级的人不得再审批该许可', 'The one who approved the downgrade must not also approve the permit');
  }
  return null;
}
