import { existsSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import type { Issue } from '@anjian/core';
import { readYamlFile } from './read-yaml-file.js';
import { UsageError } from './usage-error.js';
import type { ReportIssue, ValidationReport } from './validate-packs.js';

/** The `format` line of a baseline file. */
export const BASELINE_FORMAT = 'anjian/baseline@1';

/**
 * One acknowledged warning. It matches a warning of the same pack, file, code and English
 * message — not a line number, so it survives edits elsewhere in the file; a change to what
 * the warning is about (another rule id, another clause) is a new warning.
 */
export interface BaselineEntry {
  pack: string;
  /** The file, relative to the baseline file's folder, POSIX separators. */
  file: string;
  code: string;
  message: string;
  /** Why the warning is accepted: written by the author, kept by `--update-baseline`. */
  reason?: string;
}

/** What applying a baseline did. */
export interface BaselineOutcome {
  /** The report without the acknowledged warnings (summary recounted). */
  report: ValidationReport;
  /** Warnings the baseline acknowledged. */
  suppressed: number;
  /** Entries that matched no warning (fixed or changed since): to drop with `--update-baseline`. */
  stale: BaselineEntry[];
}

/**
 * Read a baseline file (`--baseline`) with the safe YAML reader; a missing file is an empty
 * baseline only when it is about to be written (`--update-baseline`).
 *
 * @throws {UsageError} when the file is missing, unreadable or not a baseline (located).
 */
export function readBaseline(path: string, cwd: string, allowMissing: boolean): BaselineEntry[] {
  const absolute = resolve(cwd, path);
  if (!existsSync(absolute)) {
    if (allowMissing) return [];
    throw new UsageError({ 'zh-CN': `基线文件不存在：${path}（用 --update-baseline 生成）`, en: `no such baseline file: ${path} (write one with --update-baseline)` }, 'validate');
  }
  const parsed = readYamlFile(absolute, path);
  if (!parsed.ok) throw new UsageError(located(parsed.issues[0]!), 'validate');
  const value = parsed.value as { format?: unknown; warnings?: unknown } | null;
  const bad = (pointer: string, zh: string, en: string) => {
    const at = parsed.locate(pointer);
    return new UsageError({ 'zh-CN': `${path}:${at.line}:${at.column}：${zh}`, en: `${path}:${at.line}:${at.column}: ${en}` }, 'validate');
  };
  if (value === null || typeof value !== 'object' || value.format !== BASELINE_FORMAT) {
    throw bad('', `不是 anjian 基线文件：第一项应为 format: ${BASELINE_FORMAT}`, `not an anjian baseline: it must start with format: ${BASELINE_FORMAT}`);
  }
  if (!Array.isArray(value.warnings)) throw bad('', '缺少 warnings 列表', 'the warnings list is missing');
  return value.warnings.map((w: unknown, i: number) => {
    const e = w as Record<string, unknown> | null;
    for (const key of ['pack', 'file', 'code', 'message'] as const) {
      if (typeof e?.[key] !== 'string') throw bad(`/warnings/${i}`, `这一项缺少文字字段“${key}”`, `this entry lacks the text field "${key}"`);
    }
    return { pack: String(e!.pack), file: String(e!.file), code: String(e!.code), message: String(e!.message), ...(typeof e!.reason === 'string' ? { reason: e!.reason } : {}) };
  });
}

/**
 * Take the warnings a baseline acknowledges out of a report (each entry acknowledges one
 * warning; errors are never acknowledged) and recount the summary.
 *
 * @example
 * ```ts
 * const { report: shown, suppressed, stale } = applyBaseline(report, readBaseline('anjian-baseline.json', cwd, false), cwd, 'anjian-baseline.json');
 * ```
 */
export function applyBaseline(report: ValidationReport, entries: readonly BaselineEntry[], cwd: string, baselinePath: string): BaselineOutcome {
  const left = new Map<string, BaselineEntry[]>();
  for (const e of entries) left.set(keyOf(e), [...(left.get(keyOf(e)) ?? []), e]);
  let suppressed = 0;
  const packs = report.packs.map((pack) => {
    const issues = pack.issues.filter((issue) => {
      if (issue.severity !== 'warning') return true;
      const bucket = left.get(keyOf(entryOf(issue, pack.id ?? pack.path, cwd, baselinePath)));
      if (!bucket || bucket.length === 0) return true;
      bucket.pop();
      suppressed++;
      return false;
    });
    return { ...pack, issues };
  });
  const issues = packs.flatMap((p) => p.issues);
  const summary = {
    errors: issues.filter((i) => i.severity === 'error').length,
    warnings: issues.filter((i) => i.severity === 'warning').length,
    infos: issues.filter((i) => i.severity === 'info').length,
  };
  return { report: { packs, issues, summary }, suppressed, stale: [...left.values()].flat() };
}

/**
 * Write the report's warnings as the baseline (sorted, one entry per warning, reasons of
 * entries that still match kept), JSON that is also YAML, so reviews see each change.
 *
 * @returns the number of entries written.
 */
export function writeBaseline(report: ValidationReport, previous: readonly BaselineEntry[], cwd: string, baselinePath: string): number {
  const reasons = new Map<string, string[]>();
  for (const e of previous) if (e.reason !== undefined) reasons.set(keyOf(e), [...(reasons.get(keyOf(e)) ?? []), e.reason]);
  const entries: BaselineEntry[] = [];
  for (const pack of report.packs) {
    for (const issue of pack.issues) {
      if (issue.severity !== 'warning') continue;
      const entry = entryOf(issue, pack.id ?? pack.path, cwd, baselinePath);
      const reason = reasons.get(keyOf(entry))?.shift();
      entries.push(reason !== undefined ? { ...entry, reason } : entry);
    }
  }
  entries.sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  const lines = entries.map((e) => `    ${JSON.stringify(e)}`);
  const text = `{\n  "format": "${BASELINE_FORMAT}",\n  "warnings": [\n${lines.join(',\n')}${lines.length > 0 ? '\n' : ''}  ]\n}\n`;
  writeFileSync(resolve(cwd, baselinePath), text);
  return entries.length;
}

function entryOf(issue: ReportIssue, pack: string, cwd: string, baselinePath: string): BaselineEntry {
  const base = dirname(resolve(cwd, baselinePath));
  const file = relative(base, resolve(cwd, issue.file ?? issue.pack))
    .split(sep)
    .join('/');
  return { pack, file, code: issue.code, message: issue.message.en ?? issue.message['zh-CN'] };
}

function keyOf(e: Pick<BaselineEntry, 'pack' | 'file' | 'code' | 'message'>): string {
  return `${e.pack}\u0000${e.file}\u0000${e.code}\u0000${e.message}`;
}

function located(issue: Issue): { 'zh-CN': string; en: string } {
  const at = issue.line !== undefined ? `:${issue.line}:${issue.column ?? 1}` : '';
  return { 'zh-CN': `${issue.file ?? ''}${at}：${issue.message['zh-CN']}`, en: `${issue.file ?? ''}${at}: ${issue.message.en ?? issue.message['zh-CN']}` };
}
