import type { Bilingual } from './create-issue.js';
import type { IssueCode } from './issue-codes.js';
import type { PackIndex } from './merge-pack-files.js';
import type { Fact, IssueSeverity, LocalizedText } from './types.js';

/** Where a semantic issue is: a file of the pack and a pointer into it. @internal */
export interface SemanticAt {
  file: string;
  pointer: string;
  /** Locate the key rather than the value (for names). */
  key?: boolean;
}

/** Records one semantic issue. @internal */
export type Reporter = (code: IssueCode, at: SemanticAt, message: Bilingual, extra?: { hint?: LocalizedText | undefined; severity?: IssueSeverity }) => void;

/** What every semantic check reads. @internal */
export interface SemanticContext {
  index: PackIndex;
  /** Declared facts by id (first declaration wins; duplicates are reported separately). */
  facts: ReadonlyMap<string, Fact>;
  report: Reporter;
  /** "Did you mean" hint with a per-load budget (see `createHinter`). */
  hint: (name: string, candidates: Iterable<string>) => LocalizedText | undefined;
}
