import { quoteInput } from '../pack/quote-input.js';
import { sha256Hex } from './hash-event.js';
import type { ChainCommand } from './types.js';

/**
 * The command id of the scheduler's stage `kind` of a hazard's deadline:
 * `tick:<kind>:<hazard>:<deadline>`, or a hash of it when that would exceed the 128-character
 * id limit. Derived, so two schedulers, or a run after a restart, record each stage once.
 */
export function tickCommandId(kind: 'due_soon' | 'overdue' | 'escalate', hazardId: string, deadline: string): string {
  const id = `tick:${kind}:${hazardId}:${deadline}`;
  return id.length <= 128 ? id : `tick:${kind}:${sha256Hex(`${hazardId}\n${deadline}`).slice(0, 40)}`;
}

/** The command id of the server's report of a hazard (an inspection's, a permit's findings'): `<hazard>:report`, so a retry replays. */
export const reportCommandId = (hazardId: string): string => `${hazardId}:report`;

/** The id the server derives for `command` when it is one of the server's own (a scheduler stage, a report), else null. */
function derivedId(command: ChainCommand): string | null {
  switch (command.type) {
    case 'warn_due_soon':
      return tickCommandId('due_soon', command.hazardId, command.deadline);
    case 'notice_overdue':
      return tickCommandId('overdue', command.hazardId, command.deadline);
    case 'escalate':
      return command.overdueDeadline === undefined ? null : tickCommandId('escalate', command.hazardId, command.overdueDeadline);
    case 'report':
      return reportCommandId(command.hazardId);
    default:
      return null;
  }
}

/**
 * The form of the hazard ids the server derives for its reports (`reportHazardId`: `hz-` and 24
 * hex digits of SHA-256 over reporter, key and rule) — the sensors' and the permit findings' among
 * them, computable from the device or the permit.
 */
const REPORT_HAZARD_ID = /^hz-[0-9a-f]{24}$/;

/**
 * Why a command may not carry its command id (or, a manual observation, its hazard id), or `null`. Command ids are one namespace, and the
 * server derives some of them ({@link tickCommandId}: `tick:…`; {@link reportCommandId}:
 * `…:report`): an id of those forms is only the command it is derived for. Otherwise a client
 * whose command was accepted under such an id first (an enterprise's extension request sent with
 * `Idempotency-Key: tick:overdue:<its hazard>:<its deadline>`) would make the server's own
 * command a reused key on every run — no overdue notice and no escalation, ever; a sensor's or a
 * permit's report, whose hazard id can be computed, never recorded. A manual observation, whose
 * hazard id its sender names, may not take the form of a report's (`hz-` and 24 hex digits):
 * created first under a sensor's or a permit's computed id, it would make that report
 * `HAZARD_EXISTS`.
 */
export function serverCommandIdRefusal(command: ChainCommand): { 'zh-CN': string; en: string } | null {
  // A manual observation names its own hazard: under a report's derived id it would make that report HAZARD_EXISTS.
  if (command.type === 'report_observation' && REPORT_HAZARD_ID.test(command.hazardId)) {
    return {
      'zh-CN': `隐患编号 ${quoteInput(command.hazardId)} 属于服务器为上报的隐患生成的编号（hz- 加 24 位十六进制，传感器和作业许可上报的隐患也用这种编号）：现场发现请用另一个编号（如 obs- 开头）`,
      en: `hazard id ${quoteInput(command.hazardId)} is of the form the server derives for reported hazards (hz- and 24 hex digits, also a sensor's or a permit's report): give an observation another id (e.g. starting with obs-)`,
    };
  }
  const id = command.commandId;
  if (!id.startsWith('tick:') && !id.endsWith(':report')) return null;
  if (derivedId(command) === id) return null;
  return {
    'zh-CN': `命令编号 ${quoteInput(id)} 属于服务器自行生成的编号（以 tick: 开头或以 :report 结尾，用于期限提醒、逾期通知、升级和上报）：请另用一个幂等键`,
    en: `command id ${quoteInput(id)} is of the forms the server derives for its own commands (starting with tick: or ending in :report: deadline warnings, overdue notices, escalations, reports): use another idempotency key`,
  };
}
