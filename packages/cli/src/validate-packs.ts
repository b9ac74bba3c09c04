import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Issue } from '@anjian/core';
import { loadPackFromPath } from '@anjian/core/node';
import { misnamedPackIssue } from './find-misnamed-packs.js';
import { packWithOverlay, readOverlay } from './read-overlay.js';
import { UsageError } from './usage-error.js';
import { walkPackFolders } from './walk-pack-folders.js';

/** The outcome of one pack. */
export interface PackReport {
  /** The pack's folder (or entry file), relative to the working directory, POSIX separators. */
  path: string;
  /** The pack's id and version when it loaded, else `null`. */
  id: string | null;
  version: string | null;
  /** True when the pack has no error. */
  ok: boolean;
  /** Its issues, files relative to the working directory. */
  issues: ReportIssue[];
}

/** An {@link Issue} with the pack it belongs to. */
export type ReportIssue = Issue & { pack: string };

/** What `anjian validate` found, before formatting. */
export interface ValidationReport {
  packs: PackReport[];
  /** Every issue of every pack, in pack order. */
  issues: ReportIssue[];
  summary: { errors: number; warnings: number; infos: number };
}

/** Options of {@link validatePacks}. */
export interface ValidatePacksOptions {
  /** Directory the paths and the reported file names are relative to. */
  cwd: string;
  /** Called before each pack is loaded (progress lines). */
  onProgress?: (done: number, total: number, path: string) => void;
  /** A local overlay file: checked (tighten only) against the pack it extends. */
  overlay?: string;
  /** Called for each argument that is a file but not a pack (left out), with its path as shown. */
  onSkip?: (path: string) => void;
}

/** Relative POSIX path for display; `.` for the directory itself. */
export function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, isAbsolute(file) ? file : resolve(cwd, file));
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

/**
 * Find the packs under `paths` (folders are searched recursively, a `pack.yaml` or other
 * YAML file with a `format:` line is one pack; any other file is left out, see `onSkip`) and
 * load each with the safe loader.
 *
 * @throws {UsageError} when a path does not exist or no pack is found.
 * @example
 * ```ts
 * const report = await validatePacks(['checklists'], { cwd: process.cwd() });
 * console.log(report.summary.errors);
 * ```
 */
export async function validatePacks(paths: string[], options: ValidatePacksOptions): Promise<ValidationReport> {
  // a folder whose entry file is named pack.yml, Pack.yaml, pack.json… is a pack left unchecked: an error, never silence
  const folders = await walkPackFolders(paths, { cwd: options.cwd, command: 'validate', misnamed: true, onSkip: options.onSkip });
  const overlay = options.overlay === undefined ? undefined : readOverlay(options.overlay, options.cwd, 'validate');
  let overlaid = false;
  const packs: PackReport[] = [];
  for (const [index, { dir, path, misnamed }] of folders.entries()) {
    options.onProgress?.(index, folders.length, path);
    if (misnamed) {
      packs.push({ path, id: null, version: null, ok: false, issues: [{ ...misnamedPackIssue(misnamed, options.cwd), pack: path }] });
      continue;
    }
    const result = await loadPackFromPath(dir);
    const issues = result.issues.map((issue): ReportIssue => ({
      ...issue,
      ...(issue.file !== undefined ? { file: displayPath(options.cwd, issue.file) } : {}),
      pack: path,
    }));
    packs.push({
      path,
      id: result.ok ? result.pack.id : null,
      version: result.ok ? result.pack.version : null,
      ok: result.ok,
      issues,
    });
    if (overlay !== undefined && result.ok && overlay.extends === result.pack.id) {
      overlaid = true;
      const applied = packWithOverlay(result.pack, overlay);
      const refused = 'issues' in applied ? applied.issues : [];
      packs.push({
        path: overlay.display,
        id: result.pack.id,
        version: 'pack' in applied ? applied.pack.version : null,
        ok: refused.length === 0,
        issues: refused.map((issue) => ({ ...issue, pack: overlay.display })),
      });
    }
  }
  if (overlay !== undefined && !overlaid) {
    throw new UsageError({ 'zh-CN': `没有找到覆盖文件所针对的检查表“${overlay.extends ?? '?'}”`, en: `the pack the overlay extends ("${overlay.extends ?? '?'}") was not found` }, 'validate');
  }
  const issues = packs.flatMap((p) => p.issues);
  return {
    packs,
    issues,
    summary: {
      errors: issues.filter((i) => i.severity === 'error').length,
      warnings: issues.filter((i) => i.severity === 'warning').length,
      infos: issues.filter((i) => i.severity === 'info').length,
    },
  };
}
