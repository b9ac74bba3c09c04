import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolvePackPath } from './resolve-pack-path.js';
import { compilePack, isPackCompileError, type Classification, type Inspection, type Issue, type LocalizedText, type PackEvaluator } from '@anjian/core';
import { findPackDirs, loadPackFromPath, PackPathError } from '@anjian/core/node';
import { packWithOverlay, readOverlay } from './read-overlay.js';
import { readYamlFile } from './read-yaml-file.js';
import { UsageError } from './usage-error.js';
import { displayPath } from './validate-packs.js';

/** One inspection file under `anjian classify`. */
export interface ClassifyEntry {
  /** The inspection file, relative to the working directory. */
  file: string;
  /** The parsed inspection (`null` when the file could not be read as an object). */
  inspection: Inspection | null;
  /** Located problems of the file: YAML errors, and `checkFindings` issues (warnings too). */
  issues: Issue[];
  /** The classification, or `null` when the file has errors. */
  classification: Classification | null;
  /** The label of the inspection's premises kind in its pack (the header shows it, not the id). */
  premisesLabel?: LocalizedText;
}

/** What `anjian classify` found, before formatting. */
export interface ClassifyReport {
  entries: ClassifyEntry[];
  /** Errors of packs that did not load or compile (the files that needed them are skipped). */
  packIssues: Issue[];
}

interface LoadedPack {
  path: string;
  evaluator: PackEvaluator;
  /** Premises kind id → label. */
  premises: ReadonlyMap<string, LocalizedText>;
}

/**
 * Classify inspection files (YAML or JSON) against one pack (`pack`, a folder) or against
 * the pack, among those under `packs`, whose id is the inspection's `pack`. Each file is
 * read with the safe YAML reader and checked with the pack's `check` (unknown facts, wrong
 * types, ranges, missing required answers…); a file with errors is not classified. Issues
 * carry file, line and column.
 *
 * @throws {UsageError} when a path (pack or inspection) does not exist or no pack is found.
 * @example
 * ```ts
 * const report = await classifyInspections(['inspection.yaml'], { cwd, pack: 'examples/packs/demo-kitchen' });
 * report.entries[0]?.classification?.summary.highest;
 * ```
 */
export async function classifyInspections(files: string[], options: { cwd: string; pack?: string; packs?: string; overlay?: string }): Promise<ClassifyReport> {
  const overlay = options.overlay === undefined ? undefined : readOverlay(options.overlay, options.cwd, 'classify');
  for (const file of files) {
    if (!existsSync(resolve(options.cwd, file))) {
      throw new UsageError({ 'zh-CN': `路径不存在：${file}`, en: `no such file or folder: ${file}` }, 'classify');
    }
  }
  const packIssues: Issue[] = [];
  const byId = new Map<string, LoadedPack>();
  const broken: string[] = [];
  const root = options.pack ?? options.packs ?? '.';
  let dirs: string[];
  try {
    dirs = await findPackDirs([resolvePackPath(root, options.cwd)]);
  } catch (error) {
    if (!PackPathError.is(error)) throw error;
    const shown = displayPath(options.cwd, error.path);
    throw new UsageError({ 'zh-CN': `路径不存在：${shown}`, en: `no such file or folder: ${shown}` }, 'classify');
  }
  if (dirs.length === 0 || (options.pack !== undefined && dirs.length > 1)) {
    throw new UsageError(
      options.pack !== undefined && dirs.length > 1
        ? { 'zh-CN': `--pack ${root} 下有 ${dirs.length} 个检查表；请用 --packs`, en: `--pack ${root} holds ${dirs.length} packs; use --packs` }
        : { 'zh-CN': `在 ${root} 下没有找到检查表（含 pack.yaml 的文件夹）`, en: `no pack (a folder with pack.yaml) found under ${root}` },
      'classify',
    );
  }
  for (const dir of dirs) {
    const path = displayPath(options.cwd, dir);
    const loaded = await loadPackFromPath(dir);
    if (!loaded.ok) {
      broken.push(path);
      if (options.pack !== undefined)
        packIssues.push(
          ...relocate(
            loaded.issues.filter((i) => i.severity === 'error'),
            options.cwd,
          ),
        );
      continue;
    }
    let pack = loaded.pack;
    // a local overlay tightens the pack it extends (with --pack: the one pack, so a mismatch is reported)
    if (overlay !== undefined && (options.pack !== undefined || overlay.extends === pack.id)) {
      const applied = packWithOverlay(pack, overlay);
      if ('issues' in applied) {
        broken.push(path);
        packIssues.push(...applied.issues);
        continue;
      }
      pack = applied.pack;
    }
    try {
      byId.set(pack.id, { path, evaluator: compilePack(pack), premises: new Map(pack.premises.map((p) => [p.id, p.label])) });
    } catch (error) {
      if (!isPackCompileError(error)) throw error;
      broken.push(path);
      packIssues.push({ code: error.code, severity: 'error', message: error.localized, file: path, pointer: error.pointer });
    }
  }
  const single = options.pack !== undefined ? [...byId.values()][0] : undefined;
  if (options.pack !== undefined && single === undefined) return { entries: [], packIssues };

  const entries = files.map((given) => classifyFile(given, options.cwd, (id) => single ?? byId.get(id), [...byId.keys()], broken));
  return { entries, packIssues };
}

function classifyFile(given: string, cwd: string, find: (id: string) => LoadedPack | undefined, known: string[], broken: string[]): ClassifyEntry {
  const file = displayPath(cwd, given);
  const parsed = readYamlFile(resolve(cwd, given), file);
  if (!parsed.ok) return { file, inspection: null, issues: parsed.issues, classification: null };
  const value = parsed.value;
  // an unknown key is shown at the key itself, anything else at its value
  const at = (pointer: string, key = false) => ({ file, ...parsed.locate(pointer, { key }), pointer });
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const issue: Issue = {
      code: 'INSPECTION_NOT_OBJECT',
      severity: 'error',
      message: { 'zh-CN': '检查记录必须是对象（pack、premises、findings…）', en: 'the inspection must be a mapping (pack, premises, findings…)' },
      ...at(''),
    };
    return { file, inspection: null, issues: [issue], classification: null };
  }
  const inspection = value as Inspection;
  const ref = typeof inspection.pack === 'string' ? inspection.pack : '';
  const target = find(ref.split('@')[0]!);
  if (target === undefined) {
    const brokenNote =
      broken.length > 0 ? { 'zh-CN': `未能加载的检查表：${broken.join('、')}（用 anjian validate 查看）`, en: `packs that did not load: ${broken.join(', ')} (see anjian validate)` } : undefined;
    const issue: Issue = {
      code: 'PACK_NOT_FOUND',
      severity: 'error',
      message: {
        'zh-CN': `没有编号为 ${JSON.stringify(inspection.pack ?? null)} 的检查表（已加载：${known.join('、') || '无'}）`,
        en: `no pack with the id ${JSON.stringify(inspection.pack ?? null)} (loaded: ${known.join(', ') || 'none'})`,
      },
      ...at('/pack'),
      ...(brokenNote ? { hint: brokenNote } : {}),
    };
    return { file, inspection, issues: [issue], classification: null };
  }
  const issues = target.evaluator.check(inspection).map((issue): Issue => ({ ...issue, ...at(issue.pointer ?? '', issue.code === 'UNKNOWN_KEY') }));
  const classification = issues.some((i) => i.severity === 'error') ? null : target.evaluator.evaluate(inspection);
  const premisesLabel = typeof inspection.premises === 'string' ? target.premises.get(inspection.premises) : undefined;
  return { file, inspection, issues, classification, ...(premisesLabel ? { premisesLabel } : {}) };
}

function relocate(issues: Issue[], cwd: string): Issue[] {
  return issues.map((i) => ({ ...i, ...(i.file !== undefined ? { file: displayPath(cwd, i.file) } : {}) }));
}
