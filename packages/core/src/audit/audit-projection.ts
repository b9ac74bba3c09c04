import { canonicalJson } from '../chain/canonical-json.js';
import { foldEvents } from '../chain/handle-command.js';
import { summarize } from '../chain/summarize.js';
import type { HazardSummary } from '../chain/types.js';
import type { Store } from '../ports/store.js';
import type { LogAudit } from './audit-log.js';
import { where, type ProblemSink } from './audit-problem.js';

/**
 * Compares every row of the hazard list (the projection `Store.query` reads) with
 * `summarize(fold(events))`, and finds hazards with events but no row and rows without
 * events. A row ahead of the log read earlier is re-checked against a fresh read of that
 * hazard (an append during the audit is not a problem). Returns the rows read. @internal
 */
export async function auditProjection(store: Store, log: LogAudit, sink: ProblemSink, pageSize: number): Promise<number> {
  const seen = new Set<string>();
  const bad: Array<{ firstSeq: number; add: () => void }> = [];
  let rows = 0;
  let after: string | null = null;
  do {
    const page = await store.query({}, { limit: Math.min(pageSize, 1000), after });
    for (const row of page.items) {
      rows += 1;
      seen.add(row.hazardId);
      const fold = log.hazards.get(row.hazardId);
      let rebuilt = fold?.state ? summarize(fold.state) : null;
      if ((!fold || (fold.state && row.version > fold.state.version)) && rebuilt?.version !== row.version) {
        // Possibly appended after the log was read: read this hazard again.
        const fresh = foldEvents(await store.load(row.hazardId));
        if (fresh && fresh.version === row.version) rebuilt = summarize(fresh);
      }
      const at = { hazardId: row.hazardId, version: row.version, ...(fold ? { seq: fold.firstSeq } : {}) };
      const firstSeq = fold?.firstSeq ?? Number.MAX_SAFE_INTEGER;
      if (!fold && !rebuilt) {
        bad.push({
          firstSeq,
          add: () =>
            sink.add(
              'projection',
              'ROW_WITHOUT_EVENTS',
              at,
              `隐患列表中有 ${row.hazardId}，但日志里没有它的事件（事件流被删除）`,
              `the hazard list holds ${row.hazardId} but the log has no event of it (its stream was deleted)`,
            ),
        });
        continue;
      }
      if (!rebuilt) {
        bad.push({ firstSeq, add: () => sink.add('projection', 'NOT_REBUILDABLE', at, `${row.hazardId} 的事件无法重放`, `the events of ${row.hazardId} cannot be replayed`) });
        continue;
      }
      const fields = differingFields(row, rebuilt);
      if (fields.length > 0) {
        const detail = fields.map((f) => `${f}: ${JSON.stringify(row[f])} ≠ ${JSON.stringify(rebuilt[f])}`).join('; ');
        bad.push({
          firstSeq,
          add: () =>
            sink.add(
              'projection',
              'ROW_DIFFERS',
              at,
              `${where(at)} 的列表行与日志重建结果不同（列表 ≠ 日志）：${detail}`,
              `the list row of ${where(at)} differs from the rebuild from the log (row ≠ log): ${detail}`,
            ),
        });
      }
    }
    after = page.next;
  } while (after !== null);
  for (const [hazardId, fold] of log.hazards) {
    if (seen.has(hazardId)) continue;
    const at = { hazardId, seq: fold.firstSeq, version: fold.lastVersion };
    bad.push({ firstSeq: fold.firstSeq, add: () => sink.add('projection', 'MISSING_ROW', at, `${hazardId} 有事件但不在隐患列表中`, `${hazardId} has events but no row in the hazard list`) });
  }
  bad.sort((a, b) => a.firstSeq - b.firstSeq)[0]?.add();
  return rows;
}

function differingFields(row: HazardSummary, rebuilt: HazardSummary): (keyof HazardSummary)[] {
  const keys = new Set([...Object.keys(row), ...Object.keys(rebuilt)] as (keyof HazardSummary)[]);
  return [...keys].filter((k) => canonicalJson(row[k] ?? null) !== canonicalJson(rebuilt[k] ?? null)).sort();
}
