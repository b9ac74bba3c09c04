import { ISSUE_CODES, issueDocsUrl, type IssueCode } from './issue-codes.js';
import type { Issue, IssueSeverity, LocalizedText } from './types.js';

/** Where an issue is: file, 1-based line/column and JSON pointer, each optional. */
export interface IssueLocation {
  file?: string;
  line?: number;
  column?: number;
  pointer?: string;
}

/** Bilingual text with both languages present. */
export type Bilingual = LocalizedText & { en: string };

/**
 * Build an {@link Issue} from the code table: default severity and docs link come from
 * {@link ISSUE_CODES}; the message says what was found, the hint how to fix it.
 *
 * @internal
 */
export function createIssue(code: IssueCode, at: IssueLocation, message: Bilingual, extra: { hint?: LocalizedText; severity?: IssueSeverity } = {}): Issue {
  const spec = ISSUE_CODES[code];
  const issue: Issue = { code, severity: extra.severity ?? spec.severity, message };
  if (at.file !== undefined) issue.file = at.file;
  if (at.line !== undefined) issue.line = at.line;
  if (at.column !== undefined) issue.column = at.column;
  if (at.pointer !== undefined) issue.pointer = at.pointer;
  issue.hint = extra.hint ?? { ...spec.fix };
  issue.docs = issueDocsUrl(code);
  return issue;
}

/** Escape one JSON Pointer segment (RFC 6901). @internal */
export function escapePointerSegment(segment: string | number): string {
  const text = String(segment);
  // the loader joins a pointer for every node of every file: most segments need no escape
  return text.includes('~') || text.includes('/') ? text.replace(/~/g, '~0').replace(/\//g, '~1') : text;
}

/** Join a base pointer and segments. @internal */
export function pointerJoin(base: string, ...segments: (string | number)[]): string {
  let pointer = base;
  for (const segment of segments) pointer += '/' + escapePointerSegment(segment);
  return pointer;
}
