/** A ```ts block of a Markdown file. */
export interface DocSnippet {
  /** 1-based line of the first code line. */
  line: number;
  code: string;
  /** The reason of a `<!-- doc-snippet: skip … -->` marker. */
  skip: string | undefined;
  /** The hidden lines of `<!-- doc-snippet: context … -->` markers. */
  context: string;
}
/** A compile error, located in the Markdown. */
export interface SnippetProblem {
  file: string;
  line: number;
  config: 'node16' | 'bundler';
  code: string;
  message: string;
}
/** The Markdown a host developer follows (repository-relative). */
export declare const DOC_FILES: string[];
/** The ```ts blocks of a Markdown text. */
export declare function snippetsOf(markdown: string): DocSnippet[];
/** Compile the snippets of `files` (repository-relative or absolute) in `projectDir` (default: the workspace's built packages), under `configs` (default both). */
export declare function checkDocSnippets(options?: { files?: string[]; projectDir?: string; keep?: boolean; configs?: ('node16' | 'bundler')[] }): {
  checked: number;
  skipped: { file: string; line: number; why: string }[];
  problems: SnippetProblem[];
  dir: string;
};
