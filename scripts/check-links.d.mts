/** A link that does not resolve. */
export interface BrokenLink {
  file: string;
  line: number;
  target: string;
  why: string;
}
/** What `checkTarget` needs: the repository root, its web prefixes, its tracked files and folders. */
export interface LinkContext {
  root: string;
  prefixes: string[];
  tracked: { files: Set<string>; dirs: Set<string> };
  anchorCache: Map<string, Set<string>>;
}
/** The anchor GitHub gives a heading. */
export declare function slug(text: string): string;
/** The anchors of a Markdown text (headings, `<a id>`). */
export declare function anchorsOf(markdown: string): Set<string>;
/** The link targets of a Markdown text with their line. */
export declare function linksOf(markdown: string): { target: string; line: number }[];
/** The web prefixes under which this repository's files are linked. */
export declare function repositoryPrefixes(root?: string): string[];
/** Tracked (and untracked, not ignored) files and their folders. */
export declare function trackedPaths(root?: string): { files: Set<string>; dirs: Set<string> };
/** Undefined when `target`, seen from `fromFile`, resolves; else the reason. */
export declare function checkTarget(target: string, fromFile: string, context: LinkContext): string | undefined;
/** A checking context for the repository at `root`. */
export declare function linkContext(root?: string): LinkContext;
/** Every link of the given Markdown files (default: every tracked `*.md`) that does not resolve. */
export declare function checkLinks(files?: string[], context?: LinkContext): { checked: number; problems: BrokenLink[] };
