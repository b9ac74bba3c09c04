import { dirname } from 'node:path';
import { statSync } from 'node:fs';
import { compilePack, isPackCompileError, runScenarios, type Issue, type ScenarioRun } from '@anjian/core';
import { conditionSummary } from '@anjian/core/internal';
import { loadPackFromPath } from '@anjian/core/node';
import { loadScenarios } from './load-scenarios.js';
import { packWithOverlay, readOverlay, type OverlayFile } from './read-overlay.js';
import { misnamedPackIssue } from './find-misnamed-packs.js';
import { UsageError } from './usage-error.js';
import { displayPath } from './validate-packs.js';
import { walkPackFolders } from './walk-pack-folders.js';

/** The outcome of one pack under `anjian test`. */
export interface PackTestReport {
  /** The pack's folder, relative to the working directory. */
  path: string;
  id: string | null;
  version: string | null;
  /** Scenario files found (relative paths). */
  files: string[];
  /** Pack load errors and scenario file problems (located). */
  issues: Issue[];
  /** The scenario run, or `null` when the pack did not load. */
  run: ScenarioRun | null;
  /** True when the pack loaded, every scenario file was usable and no scenario failed. */
  ok: boolean;
  /** True when `--coverage-threshold` was given and this pack's coverage is below it. */
  belowThreshold: boolean;
  /** True when `--condition-threshold` was given and this pack's condition coverage is below it. */
  belowConditionThreshold: boolean;
}

/** What `anjian test` found, before formatting. */
export interface TestReport {
  packs: PackTestReport[];
  /** `--coverage-threshold`, when given (0–100). */
  threshold: number | undefined;
  /** `--condition-threshold`, when given (0–100). */
  conditionThreshold?: number | undefined;
  /** `--max-warnings`, when given: more warnings than this fail the run ({@link tooManyWarnings}). */
  maxWarnings?: number | undefined;
  /**
   * `warnings`: the scenarios' warnings — answers that did not count, the findings check's
   * warnings (they never fail a pack; more than `maxWarnings` fail the run);
   * `notLoaded`: files (scenario files, pack files, overlays) that could not be used.
   */
  summary: { passed: number; failed: number; todo: number; warnings: number; packsFailed: number; notLoaded: number };
}

/**
 * Run the scenario tests of every pack under `paths`: load each pack with the safe loader,
 * read its `tests/*.yaml`, classify each scenario with the compiled pack and measure rule
 * coverage (`runScenarios`). A pack that does not load, or a scenario file that cannot be
 * read, makes the pack fail; `todo` scenarios never do.
 *
 * @throws {UsageError} when a path does not exist or no pack is found.
 * @example
 * ```ts
 * const report = await testPacks(['examples/packs'], { cwd: process.cwd(), threshold: 100 });
 * ```
 */
export async function testPacks(
  paths: string[],
  options: {
    cwd: string;
    threshold?: number;
    conditionThreshold?: number;
    maxWarnings?: number;
    overlay?: string;
    onProgress?: (done: number, total: number, path: string) => void;
    /** Called for each argument that is a file but not a pack (left out, as by `validatePacks`). */
    onSkip?: (path: string) => void;
  },
): Promise<TestReport> {
  const overlay = options.overlay === undefined ? undefined : readOverlay(options.overlay, options.cwd, 'test');
  // a pack whose entry file is misnamed (pack.yml, Pack.yaml…) fails, rather than being left out (not with an overlay: only its pack is tested)
  const folders = await walkPackFolders(paths, { cwd: options.cwd, command: 'test', misnamed: overlay === undefined, onSkip: options.onSkip });
  const packs: PackTestReport[] = [];
  for (const [index, { dir, path, misnamed }] of folders.entries()) {
    options.onProgress?.(index, folders.length, path);
    if (misnamed) {
      packs.push({ path, id: null, version: null, files: [], run: null, ok: false, belowThreshold: false, belowConditionThreshold: false, issues: [misnamedPackIssue(misnamed, options.cwd)] });
      continue;
    }
    const tested = await testPack(dir, options, overlay);
    if (tested) packs.push(tested);
  }
  if (overlay !== undefined && packs.length === 0) {
    throw new UsageError({ 'zh-CN': `没有找到覆盖文件所针对的检查表“${overlay.extends ?? '?'}”`, en: `the pack the overlay extends ("${overlay.extends ?? '?'}") was not found` }, 'test');
  }
  const runs = packs.flatMap((p) => (p.run ? [p.run] : []));
  return {
    packs,
    threshold: options.threshold,
    conditionThreshold: options.conditionThreshold,
    maxWarnings: options.maxWarnings,
    summary: {
      passed: runs.reduce((n, r) => n + r.summary.passed, 0),
      failed: runs.reduce((n, r) => n + r.summary.failed, 0),
      todo: runs.reduce((n, r) => n + r.summary.todo, 0),
      warnings: runs.reduce((n, r) => n + r.summary.warnings, 0),
      packsFailed: packs.filter((p) => !p.ok || p.belowThreshold || p.belowConditionThreshold).length,
      notLoaded: packs.reduce((n, p) => n + new Set(p.issues.filter((i) => i.severity === 'error').map((i) => i.file ?? p.path)).size, 0),
    },
  };
}

/**
 * Test one pack; with an overlay, only the pack it extends (others: `undefined`) — the pack
 * with the overlay applied, against the overlay's own `tests/*.yaml`, coverage counted over
 * the rules the overlay adds or changes.
 */
async function testPack(dir: string, options: { cwd: string; threshold?: number; conditionThreshold?: number }, overlay?: OverlayFile): Promise<PackTestReport | undefined> {
  const path = displayPath(options.cwd, dir);
  const base = { path, id: null, version: null, files: [], run: null, ok: false, belowThreshold: false, belowConditionThreshold: false };
  const loaded = await loadPackFromPath(dir);
  const packIssues = loaded.issues.filter((i) => i.severity === 'error').map((i) => ({ ...i, ...(i.file !== undefined ? { file: displayPath(options.cwd, i.file) } : {}) }));
  if (!loaded.ok) return overlay ? undefined : { ...base, issues: packIssues };
  let { pack } = loaded;
  let touched: Set<string> | undefined;
  if (overlay) {
    if (overlay.extends !== pack.id) return undefined;
    const applied = packWithOverlay(pack, overlay);
    if ('issues' in applied) return { ...base, path: overlay.display, id: pack.id, version: pack.version, issues: applied.issues };
    ({ pack, touched } = applied);
  }
  let evaluate;
  try {
    evaluate = compilePack(pack).evaluate;
  } catch (error) {
    if (!isPackCompileError(error)) throw error;
    const issue: Issue = { code: error.code, severity: 'error', message: error.localized, file: path, pointer: error.pointer };
    return { ...base, id: pack.id, version: pack.version, issues: [issue] };
  }
  const packDir = overlay ? dirname(overlay.path) : isDirectory(dir) ? dir : dirname(dir);
  const scenarios = loadScenarios(packDir, options.cwd);
  let run = runScenarios(pack, evaluate, scenarios.sources);
  if (touched) {
    const coverage = run.coverage.filter((c) => touched.has(c.rule));
    const covered = coverage.filter((c) => c.covered).length;
    run = {
      ...run,
      coverage,
      summary: { ...run.summary, rules: coverage.length, covered, percent: coverage.length === 0 ? 100 : Math.floor((covered / coverage.length) * 1000) / 10, ...conditionSummary(coverage) },
    };
  }
  const belowThreshold = options.threshold !== undefined && run.summary.percent < options.threshold;
  const belowConditionThreshold = options.conditionThreshold !== undefined && run.summary.conditionPercent < options.conditionThreshold;
  return {
    path: overlay ? overlay.display : path,
    id: pack.id,
    version: pack.version,
    files: scenarios.files,
    issues: scenarios.issues,
    run,
    ok: scenarios.issues.length === 0 && run.summary.failed === 0,
    belowThreshold,
    belowConditionThreshold,
  };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** True when `--max-warnings` was given and the scenarios have more warnings than it allows: the run fails (exit 1). */
export function tooManyWarnings(report: Pick<TestReport, 'maxWarnings' | 'summary'>): boolean {
  return report.maxWarnings !== undefined && report.summary.warnings > report.maxWarnings;
}
