import type { DocumentIssue, DocumentIssueCode, SourceMap } from './types.js';

/** Build an issue, located at `pointer` of `source` when both are given. @internal */
export function documentIssue(code: DocumentIssueCode, message: { 'zh-CN': string; en: string }, source?: SourceMap, pointer?: string, options: { key?: boolean } = {}): DocumentIssue {
  const issue: DocumentIssue = { code, severity: 'error', message };
  if (source) {
    issue.file = source.file;
    if (pointer !== undefined) {
      const at = source.locate(pointer, options);
      issue.line = at.line;
      issue.column = at.column;
    }
  }
  if (pointer !== undefined) issue.pointer = pointer;
  return issue;
}

/** `file:line:col CODE 中文 / English`, one line per issue. */
export function formatDocumentIssues(issues: readonly DocumentIssue[]): string {
  return issues.map((i) => `${i.file ?? ''}${i.line !== undefined ? `:${i.line}:${i.column ?? 1}` : ''} ${i.code} ${i.message['zh-CN']} / ${i.message.en}`.trim()).join('\n');
}

const BRAND = Symbol.for('anjian.DocumentError');

/** Thrown by the `…OrThrow` helpers: carries every issue. */
export class DocumentError extends Error {
  readonly issues: readonly DocumentIssue[];
  readonly [BRAND] = true;
  constructor(issues: readonly DocumentIssue[]) {
    super(`document refused: ${formatDocumentIssues(issues).split('\n')[0] ?? ''}`);
    this.name = 'DocumentError';
    this.issues = issues;
  }
  /** True for any `DocumentError`, even from another copy of the package. */
  static is(value: unknown): value is DocumentError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}
