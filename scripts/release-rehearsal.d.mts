/** One publishable package in the rehearsal: its version before and after `changeset version`, and the files the release would publish. */
export interface RehearsedPackage {
  name: string;
  dir: string;
  from: string;
  to: string;
  files: string[];
}
/** What the rehearsal found; `problems` fail it, `warnings` do not. */
export interface Rehearsal {
  work: string;
  packages: RehearsedPackage[];
  problems: string[];
  warnings: string[];
}
/** The name pnpm gives a package's tarball: `@anjian/core@0.1.0` → `anjian-core-0.1.0.tgz`. */
export declare function tarballName(name: string, version: string): string;
/** The files of `used` (a consumer tarball's) not in `published`, each as a located bilingual message. */
export declare function missingFromRelease(name: string, tarball: string, used: string[], published: string[]): string[];
/** Rehearse the release in a temporary copy (the working tree is never touched). */
export declare function rehearse(options?: { tarballs?: string; publish?: boolean; keep?: boolean; log?: (line: string) => void }): Promise<Rehearsal>;
