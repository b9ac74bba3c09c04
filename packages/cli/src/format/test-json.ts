import type { TestFormatter } from './test-format-options.js';

/**
 * The JSON document of `anjian test`: `{ tool, version, threshold, conditionThreshold, maxWarnings, packs: [{ path, id,
 * version, ok, belowThreshold, files, issues, run }], summary }`, where `run` is core's
 * `ScenarioRun` (results with failures in both languages, per-rule coverage, counts) or
 * `null` for a pack that did not load. `--lang` does not change it.
 *
 * @example
 * ```json
 * { "tool": "anjian", "version": "0.1.0", "threshold": null, "packs": [ … ],
 *   "summary": { "passed": 4, "failed": 0, "todo": 0, "packsFailed": 0, "notLoaded": 0 } }
 * ```
 */
export const formatTestJson: TestFormatter = (report, options) => {
  const document = {
    tool: 'anjian',
    version: options.version,
    threshold: report.threshold ?? null,
    conditionThreshold: report.conditionThreshold ?? null,
    maxWarnings: report.maxWarnings ?? null,
    packs: report.packs.map(({ path, id, version, ok, belowThreshold, belowConditionThreshold, files, issues, run }) => ({
      path,
      id,
      version,
      ok,
      belowThreshold,
      belowConditionThreshold,
      files,
      issues,
      run,
    })),
    summary: { ...report.summary },
  };
  return JSON.stringify(document, null, 2) + '\n';
};
