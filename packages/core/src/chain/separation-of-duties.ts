import { LEVEL_RANK } from '../pack/types.js';
import type { ActorProfile, Role } from '../ports/directory.js';
import { areaCovers } from './authorize.js';
import type { ChainCommand, HazardState, RecordedOfficer } from './types.js';

/** Commands that are always enforcement acts by two officers (立案, 责令停产停业, 挂牌督办, 复产, 摘牌, 行政处罚告知, 行政处罚决定). */
export const TWO_OFFICER_COMMANDS: readonly ChainCommand['type'][] = Object.freeze([
  'file_case',
  'order_stop_work',
  'list_for_supervision',
  'lift_stop_work',
  'delist',
  'notify_penalty',
  'decide_penalty',
]);

/**
 * Commands that are enforcement acts when an enforcement officer performs them (现场检查,
 * 责令限期整改, 复查): they issue enforcement documents (现场检查记录, 责令限期整改指令书,
 * 整改复查意见书), which carry two officers. The acting officer names the second one
 * (`coOfficerId`); it is then checked like any two-officer act and both are recorded in the
 * event. Without it the event records the actor alone and issues no enforcement document
 * (no number is allocated for one).
 */
export const ENFORCEMENT_DOCUMENT_COMMANDS: readonly ChainCommand['type'][] = Object.freeze(['report', 'report_observation', 'issue_notice', 'verify', 'reject']);

/** True when `command`, performed in `role`, may name a second officer to record (see {@link ENFORCEMENT_DOCUMENT_COMMANDS}). */
export function mayNameSecondOfficer(command: Pick<ChainCommand, 'type'>, role: Role): boolean {
  return role === 'enforcement' && ENFORCEMENT_DOCUMENT_COMMANDS.includes(command.type);
}

/** Where the act takes place: the hazard's domain and area (or, for a report, the reported ones), and the role acted in. */
export interface ActScope {
  role: Role;
  domain: string;
  area: string;
}

/**
 * True when the command needs a second enforcement officer (`coOfficerId`):
 * `file_case`, `order_stop_work`, `list_for_supervision`, `lift_stop_work`, `delist`, `notify_penalty`, `decide_penalty`
 * always; `accept` and `close` of a
 * major hazard; a `reclassify` or `confirm_level` that lowers a major hazard.
 */
export function needsTwoOfficers(state: HazardState | null, command: ChainCommand): boolean {
  if (state === null) return false;
  switch (command.type) {
    case 'file_case':
    case 'order_stop_work':
    case 'list_for_supervision':
    case 'lift_stop_work':
    case 'delist':
    case 'notify_penalty':
    case 'decide_penalty':
      return true;
    case 'accept':
    case 'close':
      return state.level === 'major';
    case 'reclassify':
    case 'confirm_level':
      return state.level === 'major' && LEVEL_RANK[command.level] < LEVEL_RANK.major;
    default:
      return false;
  }
}

function hasCertificate(profile: ActorProfile): profile is ActorProfile & { certificateNo: string } {
  return typeof profile.certificateNo === 'string' && profile.certificateNo.trim() !== '';
}

/** True when `profile` is an enforcement officer whose department covers the hazard's domain and area. */
export function hasJurisdiction(profile: ActorProfile, state: Pick<HazardState, 'domain' | 'area'>): boolean {
  return profile.roles.includes('enforcement') && (profile.departments ?? []).some((d) => d.domains.includes(state.domain) && d.areas.some((a) => areaCovers(a, state.area)));
}

type Problem = { 'zh-CN': string; en: string };

/**
 * Separation-of-duties rules beyond the permission table (the table has already allowed
 * `actor`). Returns the officers to record for a two-officer act, or the problem
 * (`SEPARATION_OF_DUTIES`):
 *
 * - a two-officer act needs a second officer: another person, enforcement with
 *   jurisdiction over the hazard, both officers with a certificate number (执法证号), and
 *   present — he confirmed this act from his own session (`coSignerId`: the officer whose
 *   co-sign code came with the act, or whom the host confirmed), so the first officer cannot
 *   put a colleague's name on it alone;
 * - on `accept` / `close` of a major hazard the second officer is neither the reporter nor
 *   a rectifier, and the officer who closes (销号) is not the one who accepted (验收);
 * - a hazard that was ever major is never verified or closed by its reporter;
 * - a manual observation's level is confirmed by someone other than its reporter;
 * - an enforcement officer's report, notice, verification or rejection
 *   ({@link ENFORCEMENT_DOCUMENT_COMMANDS}) that names a second officer has it checked the
 *   same way and recorded; naming one in another role is refused.
 */
export function checkSeparationOfDuties(
  state: HazardState | null,
  command: ChainCommand,
  actor: ActorProfile,
  coOfficer: ActorProfile | null | undefined,
  scope?: ActScope,
  coSignerId?: string,
): { officers?: readonly [RecordedOfficer, RecordedOfficer] } | { problem: Problem } {
  const problem = (zh: string, en: string) => ({ problem: { 'zh-CN': zh, en } });
  const named = (command as { coOfficerId?: unknown }).coOfficerId;
  const optional = scope !== undefined && ENFORCEMENT_DOCUMENT_COMMANDS.includes(command.type);
  if (optional && named !== undefined && !mayNameSecondOfficer(command, scope.role)) {
    return problem('只有执法人员的执法行为可填写第二名执法人员（coOfficerId）', 'only an enforcement officer’s act names a second officer (coOfficerId)');
  }
  if (state === null) {
    return optional && named !== undefined ? secondOfficer(command, actor, coOfficer, scope as ActScope, null, coSignerId) : {};
  }
  if ((command.type === 'verify' || command.type === 'close') && state.wasMajor && actor.id === state.reporterId) {
    return problem('该隐患曾为重大隐患，上报人不得验证或销号', 'this hazard was major: its reporter may not verify or close it');
  }
  if (command.type === 'confirm_level' && state.manual && actor.id === state.reporterId) {
    return problem('现场发现的等级须由上报人以外的人员确认', 'a manual observation’s level is confirmed by someone other than its reporter');
  }
  if (command.type === 'close' && state.level === 'major' && actor.id === state.acceptedBy) {
    return problem('重大隐患的验收与销号须由不同执法人员办理', 'a major hazard is accepted and closed by different officers');
  }
  if (!needsTwoOfficers(state, command)) return optional && named !== undefined ? secondOfficer(command, actor, coOfficer, state, state, coSignerId) : {};
  return secondOfficer(command, actor, coOfficer, state, state, coSignerId);
}

function secondOfficer(
  command: ChainCommand,
  actor: ActorProfile,
  coOfficer: ActorProfile | null | undefined,
  place: Pick<HazardState, 'domain' | 'area'>,
  state: HazardState | null,
  coSignerId: string | undefined,
): { officers: readonly [RecordedOfficer, RecordedOfficer] } | { problem: Problem } {
  const problem = (zh: string, en: string) => ({ problem: { 'zh-CN': zh, en } });
  const coOfficerId = (command as { coOfficerId?: unknown }).coOfficerId;
  if (typeof coOfficerId !== 'string') {
    return problem(
      '执法行为须由两名执法人员办理：请第二名执法人员在本人账号中为此隐患和此行为生成确认码，随本次操作提交',
      'an enforcement act needs two officers: the second one generates a co-sign code for this hazard and act in his own session, and it is sent with the act',
    );
  }
  if (!coOfficer || coOfficer.id !== coOfficerId) return problem(`第二名执法人员 ${coOfficerId} 未知或已停用`, `the second officer ${coOfficerId} is unknown or disabled`);
  if (coOfficer.id === actor.id) return problem('第二名执法人员须为另一人', 'the second officer must be another person');
  if (!hasJurisdiction(coOfficer, place)) {
    return problem('第二名执法人员须为对该隐患有管辖权的执法人员', 'the second officer must be an enforcement officer with jurisdiction over the hazard');
  }
  if (state !== null && (command.type === 'accept' || command.type === 'close') && (coOfficer.id === state.reporterId || state.rectifierIds.includes(coOfficer.id))) {
    return problem('验收或销号的执法人员不得为隐患上报人或整改人', 'officers who accept or close may not be the hazard’s reporter or rectifier');
  }
  if (!hasCertificate(actor) || !hasCertificate(coOfficer)) {
    return problem('两名执法人员均须持有执法证号', 'both officers need a law-enforcement certificate number');
  }
  // Named is not present: he confirms the act from his own session (《行政处罚法》第四十二条).
  if (coSignerId !== coOfficer.id) {
    return problem(
      `第二名执法人员 ${coOfficer.id} 须本人确认参与：请其在本人账号中为此隐患和此行为生成确认码，随本次操作提交；仅填写其编号不够`,
      `the second officer ${coOfficer.id} confirms his part himself: he generates a co-sign code for this hazard and act in his own session, and it is sent with the act; naming him is not enough`,
    );
  }
  return {
    officers: [
      { id: actor.id, certificateNo: actor.certificateNo },
      { id: coOfficer.id, certificateNo: coOfficer.certificateNo },
    ],
  };
}
