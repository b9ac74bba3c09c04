import { collectPackIssues } from '../classify/compile-pack.js';
import type { IssueCode } from './issue-codes.js';
import { locateInPackFiles } from './locate-in-pack-files.js';
import type { SemanticContext } from './semantic-context.js';
import type { Issue } from './types.js';

/** Codes the structural walk of `checkConditions` reports with better positions; the compiler's copy of them is dropped. */
const STRUCTURAL = new Set(['CONDITION_CYCLE', 'CONDITION_TOO_DEEP', 'CONDITION_TOO_LARGE']);

/**
 * Run the compiler over the merged pack in its collecting mode — the one place conditions
 * are checked (operators, value shapes and types against the declared facts, paths,
 * params, references) — and report its issues in the files they come from. A problem the
 * other checks already reported at the same place is not repeated.
 *
 * @internal
 */
export function checkCompiles(ctx: SemanticContext, earlier: readonly Issue[]): void {
  const seen = new Set(earlier.map((i) => `${i.file}#${i.pointer}`));
  const codes = new Set(earlier.map((i) => i.code));
  for (const issue of collectPackIssues(ctx.index.pack)) {
    if (STRUCTURAL.has(issue.code) && codes.has(issue.code)) continue;
    const at = locateInPackFiles(ctx.index, issue.pointer);
    if (seen.has(`${at.file}#${at.pointer}`)) continue;
    seen.add(`${at.file}#${at.pointer}`);
    ctx.report(issue.code as IssueCode, { ...at, ...(issue.key ? { key: true } : {}) }, issue.message, issue.hint ? { hint: issue.hint } : {});
  }
}
