import type { Rejection, RejectionCode } from './types.js';

/** The default message of each rejection code, in both languages. */
export const REJECTION_MESSAGES: Readonly<Record<RejectionCode, { 'zh-CN': string; en: string }>> = Object.freeze({
  FORBIDDEN: { 'zh-CN': '无权执行此操作', en: 'not allowed to do this' },
  UNKNOWN_ACTOR: { 'zh-CN': '未知或已停用的用户', en: 'unknown or disabled actor' },
  INVALID_TRANSITION: { 'zh-CN': '隐患当前状态下不能执行此操作', en: 'not possible in the hazard’s current state' },
  HAZARD_NOT_FOUND: { 'zh-CN': '隐患不存在', en: 'no such hazard' },
  HAZARD_EXISTS: { 'zh-CN': '隐患编号已存在', en: 'a hazard with this id already exists' },
  CONFLICT: { 'zh-CN': '隐患已被他人更新，请刷新后重试', en: 'the hazard changed meanwhile; reload and retry' },
  IDEMPOTENCY_KEY_REUSED: {
    'zh-CN': '同一命令编号已用于不同内容',
    en: 'this command id was already used with a different payload',
  },
  EVIDENCE_INSUFFICIENT: { 'zh-CN': '整改证据不足', en: 'the evidence does not meet the requirements' },
  EVIDENCE_INVALID: { 'zh-CN': '证据无效', en: 'invalid evidence' },
  SEPARATION_OF_DUTIES: { 'zh-CN': '不符合职责分离要求', en: 'separation of duties' },
  PROVISIONAL_UNCONFIRMED: {
    'zh-CN':
      '该隐患的等级为疑似等级（依据已废止或未核实，或判定标准把等级交由人确认，如重大火灾隐患须集体讨论），立案或重大隐患流程须以确认的等级为依据：请先由有管辖权的执法人员“确认等级”（写明理由），再办理',
    en: 'the hazard’s level is provisional (its basis is superseded or unverified, or the determination standard leaves the level to people, e.g. a major fire hazard to collective discussion) and a case or the major path rests on a confirmed level: an enforcement officer with jurisdiction first confirms the level ("confirm level", with a reason), then acts',
  },
  NOT_PROVISIONAL: { 'zh-CN': '该隐患等级不是疑似等级', en: 'the hazard’s level is not provisional' },
  DOWNGRADE_FORBIDDEN: { 'zh-CN': '企业不能降低隐患等级', en: 'an enterprise cannot lower a hazard’s level' },
  LEVEL_UNCHANGED: { 'zh-CN': '等级未改变', en: 'the level is unchanged' },
  PLAN_INCOMPLETE: {
    'zh-CN': '治理方案须包含六项内容：目标和任务、方法和措施、经费和物资、机构和人员、时限和要求、安全措施和应急预案',
    en: 'the treatment plan needs all six elements: objectives, measures, funds and materials, responsible people, time limit and milestones, safety measures and emergency plan',
  },
  NO_PENDING_EXTENSION: { 'zh-CN': '没有待审批的延期申请', en: 'no extension request is pending' },
  EXTENSION_PENDING: { 'zh-CN': '已有待审批的延期申请', en: 'an extension request is already pending' },
  OCCURRED_AT_OUT_OF_RANGE: {
    'zh-CN': '发生时间超出允许范围（晚于当前时间或早于上一事件）',
    en: 'occurredAt is out of range (in the future or before the previous event)',
  },
  REASON_REQUIRED: { 'zh-CN': '须填写理由', en: 'a reason is required' },
  INVALID_COMMAND: { 'zh-CN': '命令内容无效', en: 'the command is invalid' },
  NOT_DUE: { 'zh-CN': '时限尚未到达', en: 'the deadline has not been reached' },
  NOTICE_REQUIRED: {
    'zh-CN': '该隐患尚未下达整改通知，不能销号（只有当场整改的简易隐患可以不下通知）',
    en: 'no rectification notice was issued for this hazard; it cannot be closed (only simple hazards fixed on the spot close without one)',
  },
  NO_PENDING_PLAN: { 'zh-CN': '没有待批准的治理方案', en: 'no treatment plan is waiting for approval' },
  PLAN_NOT_APPROVED: {
    'zh-CN': '重大事故隐患治理方案须经执法人员批准后方可提交整改',
    en: 'the treatment plan of a major hazard must be approved by an enforcement officer before rectification is submitted',
  },
  NO_STOP_WORK: { 'zh-CN': '该隐患没有生效的停产停业决定', en: 'no stop-work order is in force for this hazard' },
  NOT_LISTED: { 'zh-CN': '该隐患未挂牌督办或已摘牌', en: 'the hazard is not listed for supervision' },
  CO_SIGN_CODE_INVALID: { 'zh-CN': '第二名执法人员的确认码无效', en: 'the second officer’s co-sign code is not valid' },
  CO_SIGN_CODE_LIMITED: { 'zh-CN': '确认码尝试次数过多', en: 'too many co-sign code attempts' },
  CO_SIGN_CONTENT_MISMATCH: { 'zh-CN': '提交的内容与第二名执法人员确认的内容不一致', en: 'the act differs from what the second officer co-signed' },
});

/** Builds a rejection; `detail` (both languages) is appended to the default message. */
export function reject(code: RejectionCode, detail?: { 'zh-CN': string; en: string }): { rejection: Rejection } {
  const base = REJECTION_MESSAGES[code];
  const message = detail ? { 'zh-CN': `${base['zh-CN']}：${detail['zh-CN']}`, en: `${base.en}: ${detail.en}` } : { 'zh-CN': base['zh-CN'], en: base.en };
  return { rejection: { code, message } };
}
