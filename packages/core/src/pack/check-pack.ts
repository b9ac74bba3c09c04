import { checkCompiles } from './check-compiles.js';
import { checkConditions } from './check-conditions.js';
import { checkIds } from './check-ids.js';
import { checkReferences } from './check-references.js';
import { checkFoldedChinese, checkTexts } from './check-texts.js';
import { createIssue } from './create-issue.js';
import { createHinter } from './did-you-mean.js';
import { locatePointer } from './locate-pointer.js';
import type { PackIndex } from './merge-pack-files.js';
import type { Reporter } from './semantic-context.js';
import type { Fact, Issue } from './types.js';

/** Semantic issues beyond this many add nothing for an author; the rest are dropped. */
const MAX_ISSUES = 1000;

/**
 * Run every semantic check on a merged pack — ids, references, the structure of
 * conditions, texts, then the compiler itself (`checkCompiles`) — and return the issues, located in the file
 * each entry came from, sorted by file (include order), line and column.
 *
 * @internal
 */
export function checkPack(index: PackIndex): Issue[] {
  const issues: Issue[] = [];
  const report: Reporter = (code, at, message, extra = {}) => {
    if (issues.length >= MAX_ISSUES) return;
    const parsed = index.files.get(at.file);
    const pos = parsed ? locatePointer(parsed.doc, parsed.lineCounter, at.pointer, { key: at.key ?? false }) : undefined;
    const { hint, severity } = extra;
    issues.push(
      createIssue(code, { file: at.file, line: pos?.line, column: pos?.column, pointer: at.pointer }, message, {
        ...(hint ? { hint } : {}),
        ...(severity ? { severity } : {}),
      }),
    );
  };
  const facts = new Map<string, Fact>();
  for (const f of index.facts) if (!facts.has(f.value.id)) facts.set(f.value.id, f.value);
  const ctx = { index, facts, report, hint: createHinter() };
  checkIds(ctx);
  checkReferences(ctx);
  checkConditions(ctx);
  checkTexts(ctx);
  checkFoldedChinese(ctx);
  checkCompiles(ctx, issues);
  const order = [...index.files.keys()];
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => order.indexOf(a.issue.file ?? '') - order.indexOf(b.issue.file ?? '') || (a.issue.line ?? 0) - (b.issue.line ?? 0) || (a.issue.column ?? 0) - (b.issue.column ?? 0) || a.i - b.i)
    .map((x) => x.issue);
}
