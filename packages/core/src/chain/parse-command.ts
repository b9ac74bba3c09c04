import { commandIssue, type CommandIssue } from './command-issue.js';
import { hazardIdRefusal } from '../permits/evidence-binding.js';
import { checkCommandShape, ID_PATTERN, isKnownCommandType } from './command-shape.js';
import type { UntrustedCommand } from './types.js';

/** Result of {@link parseCommand}. */
export type ParseCommandResult = { ok: true; command: UntrustedCommand } | { ok: false; issues: CommandIssue[] };

/** Where the ids of a parsed command come from (the URL and the `Idempotency-Key`, not the body). */
export interface ParseCommandIds {
  hazardId: string;
  commandId: string;
}

/**
 * The one parser of untrusted commands (an HTTP body, a queue message): checks `body`
 * against the shape of its `type` and returns a typed command, or every issue with a JSON
 * pointer into the body (HTTP answers 422 with them).
 *
 * - Unknown keys are refused at every level; `report` is refused (reports are derived by
 *   `reportInspection`; a manual observation is `report_observation`).
 * - Ids match {@link ID_PATTERN}; texts are trimmed, must not be blank once white space
 *   and invisible characters (U+200B–U+200D, U+2060, U+FEFF, U+3000, …) are removed, must
 *   not contain bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) or
 *   control characters, and are length-limited (titles 200, reasons 2 000, descriptions
 *   4 000).
 * - Times need an explicit offset (`Z` or `±hh:mm`) and a real calendar date.
 * - Numbers are integers within limits: deadline `days` and `workingDays` 1–3 650, `hours`
 *   1–8 760, `expectedVersion` 0–10⁹.
 * - Evidence references are `{ id, kind }` only, at most 60 per command.
 * - `coOfficerId` is refused (`SERVER_ASSIGNED`): the second officer of a two-officer act is
 *   derived from the co-sign code he generated (`handleCommand`'s `coSignCode`), never named.
 *
 * Runs in time linear in the body's size; never throws for any JSON value.
 *
 * @example
 * ```ts
 * const parsed = parseCommand(await request.json(), { hazardId: params.id, commandId: idempotencyKey });
 * if (!parsed.ok) return problem(422, parsed.issues);
 * const result = await handleCommand(deps, parsed.command, actorId);
 * ```
 */
export function parseCommand(body: unknown, ids: ParseCommandIds): ParseCommandResult {
  const issues: CommandIssue[] = [];
  if (typeof ids.commandId !== 'string' || !ID_PATTERN.test(ids.commandId)) {
    issues.push(commandIssue('PATTERN', '', '命令编号（幂等键）须为 1–128 个字母、数字或 . _ : -', 'the command id (idempotency key) must be 1–128 letters, digits or . _ : -'));
  }
  if (typeof ids.hazardId !== 'string' || !ID_PATTERN.test(ids.hazardId)) {
    issues.push(commandIssue('PATTERN', '', '隐患编号须为 1–128 个字母、数字或 . _ : -', 'the hazard id must be 1–128 letters, digits or . _ : -'));
  } else {
    const reserved = hazardIdRefusal(ids.hazardId);
    if (reserved) issues.push(commandIssue('PATTERN', '', reserved['zh-CN'], reserved.en));
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, issues: [...issues, commandIssue('NOT_AN_OBJECT', '', '指令应为 JSON 对象', 'a command is a JSON object')] };
  }
  const record = body as Record<string, unknown>;
  if (record.type === 'report') {
    issues.push(
      commandIssue(
        'REPORT_NOT_ALLOWED',
        '/type',
        '不能直接上报 report：请提交检查记录（由检查表判定等级），或用 report_observation 上报现场发现',
        'report cannot be sent directly: submit an inspection (the pack decides the level) or use report_observation',
      ),
    );
    return { ok: false, issues };
  }
  if (!isKnownCommandType(record.type)) {
    issues.push(commandIssue('UNKNOWN_TYPE', '/type', '未知的指令类型', 'unknown command type'));
    return { ok: false, issues };
  }
  const checked = checkCommandShape(record, false);
  if ('issues' in checked) issues.push(...checked.issues);
  if (issues.length > 0 || !('command' in checked)) return { ok: false, issues };
  return { ok: true, command: { ...checked.command, hazardId: ids.hazardId, commandId: ids.commandId } as unknown as UntrustedCommand };
}
