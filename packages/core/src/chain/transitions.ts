import type { HazardLevel } from '../pack/types.js';
import type { CommandType, HazardStatus, StatusOrNew } from './types.js';

/** One declared edge: `command` on a hazard of one of `levels` in `from` may lead to `to`. */
export interface TransitionRule {
  command: CommandType;
  levels: readonly HazardLevel[];
  from: readonly StatusOrNew[];
  to: readonly HazardStatus[];
}

const ALL: readonly HazardLevel[] = ['simple', 'general', 'major'];
const SG: readonly HazardLevel[] = ['simple', 'general'];
const MAJOR: readonly HazardLevel[] = ['major'];
const OPEN: readonly HazardStatus[] = ['reported', 'rectifying', 'submitted', 'verified', 'escalated', 'case_filed', 'accepted'];
/** Where a hazard with a filed case can be: its administrative penalty runs in any of them. */
const CASE: readonly HazardStatus[] = ['case_filed', 'rectifying', 'submitted', 'verified', 'accepted', 'closed'];

/**
 * The state machine of the review chain, as data. A command is possible only on a declared
 * edge; `to` lists every status the command may lead to (e.g. `report` of a simple hazard
 * fixed on the spot ends `closed`; a reclassification restarts the path at `reported`).
 *
 * Paths: simple — report with evidence of the fix → closed (spot-check later);
 * general — notice → rectifying → submitted → verified → closed, rejected back to
 * rectifying, overdue → warning → escalated; major — escalated → case filed (listed for
 * supervision) → plan → plan approved → rectifying (stop-work) → submitted → accepted (验收)
 * → closed (销号), stop-work lifted (复产) after acceptance, listing ended (摘牌) after 销号.
 */
export const TRANSITIONS: readonly TransitionRule[] = Object.freeze([
  { command: 'report', levels: ALL, from: ['new'], to: ['reported', 'closed'] },
  { command: 'report_observation', levels: ALL, from: ['new'], to: ['reported'] },
  { command: 'reclassify', levels: ALL, from: ['reported', 'rectifying', 'submitted', 'escalated', 'case_filed'], to: ['reported'] },
  { command: 'confirm_level', levels: ALL, from: OPEN, to: [...OPEN] },
  { command: 'issue_notice', levels: SG, from: ['reported', 'escalated', 'case_filed'], to: ['rectifying'] },
  { command: 'submit_rectification', levels: SG, from: ['reported', 'rectifying', 'escalated'], to: ['submitted'] },
  { command: 'submit_rectification', levels: MAJOR, from: ['rectifying'], to: ['submitted'] },
  { command: 'verify', levels: SG, from: ['submitted'], to: ['verified'] },
  { command: 'reject', levels: ALL, from: ['submitted'], to: ['rectifying'] },
  { command: 'request_extension', levels: ['general', 'major'], from: ['rectifying'], to: ['rectifying'] },
  { command: 'grant_extension', levels: ['general', 'major'], from: ['rectifying'], to: ['rectifying'] },
  { command: 'deny_extension', levels: ['general', 'major'], from: ['rectifying'], to: ['rectifying'] },
  { command: 'escalate', levels: SG, from: ['reported', 'rectifying'], to: ['escalated'] },
  { command: 'escalate', levels: MAJOR, from: ['reported'], to: ['escalated'] },
  { command: 'file_case', levels: ['general', 'major'], from: ['reported', 'escalated'], to: ['case_filed'] },
  { command: 'file_case', levels: ['simple'], from: ['escalated'], to: ['case_filed'] },
  { command: 'list_for_supervision', levels: MAJOR, from: ['case_filed', 'rectifying', 'submitted'], to: ['case_filed', 'rectifying', 'submitted'] },
  { command: 'submit_plan', levels: MAJOR, from: ['case_filed', 'rectifying'], to: ['rectifying'] },
  { command: 'approve_plan', levels: MAJOR, from: ['rectifying'], to: ['rectifying'] },
  { command: 'order_stop_work', levels: MAJOR, from: ['case_filed', 'rectifying', 'submitted'], to: ['case_filed', 'rectifying', 'submitted'] },
  { command: 'accept', levels: MAJOR, from: ['submitted'], to: ['accepted'] },
  { command: 'close', levels: SG, from: ['verified'], to: ['closed'] },
  { command: 'close', levels: MAJOR, from: ['accepted'], to: ['closed'] },
  { command: 'lift_stop_work', levels: MAJOR, from: ['accepted', 'closed'], to: ['accepted', 'closed'] },
  { command: 'delist', levels: MAJOR, from: ['closed'], to: ['closed'] },
  { command: 'reopen', levels: ALL, from: ['closed'], to: ['reported'] },
  { command: 'spot_check', levels: ALL, from: ['closed'], to: ['closed', 'reported'] },
  { command: 'warn_due_soon', levels: ALL, from: ['reported', 'rectifying'], to: ['reported', 'rectifying'] },
  { command: 'notice_overdue', levels: ALL, from: ['reported', 'rectifying'], to: ['reported', 'rectifying'] },
  // The penalty of a filed case runs beside rectification and leaves the status alone; decide() refuses it without a case.
  { command: 'notify_penalty', levels: ALL, from: CASE, to: CASE },
  { command: 'record_statement', levels: ALL, from: CASE, to: CASE },
  { command: 'record_hearing', levels: ALL, from: CASE, to: CASE },
  { command: 'withdraw_hearing', levels: ALL, from: CASE, to: CASE },
  { command: 'decide_penalty', levels: ALL, from: CASE, to: CASE },
] satisfies TransitionRule[]);

/** The declared edge for a command on a hazard, or undefined when none exists. */
export function findTransition(command: CommandType, level: HazardLevel, from: StatusOrNew): TransitionRule | undefined {
  return TRANSITIONS.find((t) => t.command === command && t.levels.includes(level) && t.from.includes(from));
}

const LEVEL_ZH: Readonly<Record<HazardLevel, string>> = { simple: '简易隐患', general: '一般事故隐患', major: '重大事故隐患' };

/**
 * Why `command` has no declared edge on a hazard of `level` in status `from`, in both
 * languages: the statuses in which it is possible for that level, or the levels it applies to
 * when none. The detail of an `INVALID_TRANSITION` refusal (ids as the API writes them).
 */
export function transitionRefusalDetail(command: CommandType, level: HazardLevel, from: StatusOrNew): { 'zh-CN': string; en: string } {
  const zhLevel = (l: HazardLevel) => `${LEVEL_ZH[l]}（${l}）`;
  const edges = TRANSITIONS.filter((t) => t.command === command && t.levels.includes(level));
  if (edges.length === 0) {
    const levels = ALL.filter((l) => TRANSITIONS.some((t) => t.command === command && t.levels.includes(l)));
    return {
      'zh-CN': `“${command}” 不适用于${zhLevel(level)}，仅适用于：${levels.map(zhLevel).join('、')}`,
      en: `"${command}" does not apply to a ${level} hazard (only to: ${levels.join(', ')})`,
    };
  }
  const statuses = [...new Set(edges.flatMap((t) => t.from))];
  return {
    'zh-CN': `${zhLevel(level)}处于 “${from}” 状态，不能执行 “${command}”（可执行的状态：${statuses.map((s) => `“${s}”`).join('、')}）`,
    en: `"${command}" is not possible on a ${level} hazard in status "${from}" (possible in: ${statuses.map((s) => `"${s}"`).join(', ')})`,
  };
}
