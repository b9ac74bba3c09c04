import { visibleIssues, type Formatter } from './format-options.js';

/**
 * The JSON document: `{ tool, version, packs: [{ path, id, version, ok }], issues, summary }`.
 * Issues keep both languages (`message: { zh-CN, en }`) and gain `pack`, the pack they
 * belong to. `summary` counts every issue, also those `--quiet` leaves out.
 *
 * @example
 * ```json
 * { "tool": "anjian", "version": "0.1.0", "packs": [{ "path": "examples/packs/demo-kitchen", "id": "demo-kitchen", "version": "0.1.0", "ok": true }],
 *   "issues": [], "summary": { "errors": 0, "warnings": 0, "infos": 0 } }
 * ```
 */
export const formatJson: Formatter = (report, options) => {
  const document = {
    tool: 'anjian',
    version: options.version,
    packs: report.packs.map(({ path, id, version, ok }) => ({ path, id, version, ok })),
    issues: visibleIssues(report.issues, options.quiet),
    summary: { ...report.summary },
  };
  return JSON.stringify(document, null, 2) + '\n';
};
