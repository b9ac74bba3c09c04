import { collectPackIssues } from '../classify/compile-pack.js';
import type { IssueCode } from './issue-codes.js';
import { locateInPackFiles } from './locate-in-pack-files.js';
import type { SemanticContext } from './semantic-context.js';
import type { Issue, LocalizedText } from './types.js';
import { dateValueHint, durationValueHint, operatorHint } from './value-hints.js';

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
    const hint = fittedHint(ctx.index.pack, issue.code, issue.pointer) ?? issue.hint;
    ctx.report(issue.code as IssueCode, { ...at, ...(issue.key ? { key: true } : {}) }, issue.message, hint ? { hint } : {});
  }
}

const DATE_OPERATORS = new Set(['before', 'after']);
const DAY_OPERATORS = new Set(['withinDays', 'olderThanDays']);
const MINUTE_OPERATORS = new Set(['withinMinutes', 'olderThanMinutes']);

/**
 * A hint fitted to what the author wrote, for the compiler's issues whose own hint is
 * general: the operator meant by an unknown one (`gt`, `>`, `大于`, `olderThan`), the date of
 * a date comparison written `YYYY-MM-DD` or the day that does not exist, a number of days
 * or minutes written as words.
 */
function fittedHint(pack: unknown, code: string, pointer: string): LocalizedText | undefined {
  const slash = pointer.lastIndexOf('/');
  const leaf = valueAt(pack, pointer.slice(0, slash));
  if (leaf === null || typeof leaf !== 'object' || Array.isArray(leaf)) return undefined;
  const { operator, value } = leaf as { operator?: unknown; value?: unknown };
  const at = pointer.slice(slash + 1);
  if (code === 'UNKNOWN_OPERATOR' && at === 'operator' && typeof operator === 'string') return operatorHint(operator);
  if (code !== 'VALUE_SHAPE' || at !== 'value' || typeof operator !== 'string') return undefined;
  if (DATE_OPERATORS.has(operator)) return dateValueHint(value);
  if (DAY_OPERATORS.has(operator)) return durationValueHint(value, 'days');
  if (MINUTE_OPERATORS.has(operator)) return durationValueHint(value, 'minutes');
  return undefined;
}

/** The value at a JSON Pointer, or undefined. */
function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const raw of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
