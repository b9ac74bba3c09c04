import type { HazardState } from './types.js';

/** How far ahead a treatment plan's completion time may lie: ten years. */
export const MAX_PLAN_MS = 3650 * 86_400_000;

/** Why a plan step is refused at a time: its rejection code and core's words. */
export interface PlanStepRefusal {
  code: 'PLAN_INCOMPLETE';
  detail: { 'zh-CN': string; en: string };
}

/**
 * The completion times a treatment plan may name when it is submitted at `now` (the server's
 * clock): after `now` (`after`, exclusive) and at most ten years on (`latest`, inclusive). `decide`
 * refuses a plan outside it; a form offers only dates inside it.
 */
export function planDeadlineWindow(now: Date): { after: string; latest: string } {
  return { after: now.toISOString(), latest: new Date(now.getTime() + MAX_PLAN_MS).toISOString() };
}

/** Why a plan naming completion time `deadline` is refused at `now` (outside {@link planDeadlineWindow}), or null. */
export function planDeadlineRefusal(deadline: string, now: Date): PlanStepRefusal | null {
  const due = Date.parse(deadline);
  if (due > now.getTime() && due <= now.getTime() + MAX_PLAN_MS) return null;
  return {
    code: 'PLAN_INCOMPLETE',
    detail: { 'zh-CN': '方案的完成时限须晚于现在，且不超过十年', en: 'the plan’s completion date must lie after now and within ten years' },
  };
}

/**
 * Why the submitted plan of `state` may not be approved at `now` (the server's clock): its
 * completion date has passed — the enterprise submits a new plan. `null` when there is no plan
 * waiting (the permission table and `NO_PENDING_PLAN` say so) or it may be approved.
 */
export function planApprovalRefusal(state: Pick<HazardState, 'plan' | 'planApproved'>, now: Date): PlanStepRefusal | null {
  if (state.plan === null || state.planApproved) return null;
  if (Date.parse(state.plan.deadline) > now.getTime()) return null;
  return {
    code: 'PLAN_INCOMPLETE',
    detail: { 'zh-CN': '方案的完成时限已过，请企业重新提交方案', en: 'the plan’s completion date has passed; the enterprise must submit a new plan' },
  };
}
