import type { CommandIssue } from '@anjian/core/internal';
import { HttpProblem, type ProblemIssue } from './problem.js';

/** Issues of a refused command body as a problem carries them. */
export function problemIssues(issues: readonly CommandIssue[]): ProblemIssue[] {
  return issues.map((i) => ({ code: i.code, severity: 'error', pointer: i.pointer, message: i.message }));
}

/**
 * The 422 of a command body that `parseCommand` refused, with every issue and its JSON
 * pointer. A `report` gets its own code and says where reports go instead: an inspection
 * (`POST {base}/inspections?report=true`, the pack decides the level) or a
 * `report_observation` command.
 */
export function invalidCommand(issues: readonly CommandIssue[], basePath: string): HttpProblem {
  if (issues.some((i) => i.code === 'REPORT_NOT_ALLOWED')) {
    return new HttpProblem(
      422,
      'REPORT_NOT_ALLOWED',
      { 'zh-CN': '不能直接上报', en: 'Report not accepted here' },
      {
        'zh-CN': `隐患由检查记录判定：请 POST ${basePath}/inspections?report=true；检查表之外的现场发现用 report_observation 指令`,
        en: `hazards are derived from inspections: POST ${basePath}/inspections?report=true; for an observation outside any pack send a report_observation command`,
      },
      problemIssues(issues),
    );
  }
  return new HttpProblem(
    422,
    'INVALID_COMMAND',
    { 'zh-CN': '指令无效', en: 'Invalid command' },
    { 'zh-CN': `指令有 ${issues.length} 处错误`, en: `the command has ${issues.length} error(s)` },
    problemIssues(issues),
  );
}
