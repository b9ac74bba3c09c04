import type { HazardReportFact } from '../ports/report-read-model.js';
import type { Recurrence } from './types.js';

const DAY_MS = 86_400_000;

/**
 * Recurrences among one enterprise's hazards: a hazard recurs when a hazard of the same
 * enterprise and item (`HazardReportFact.item`, `pack id:item`) was reported within
 * `windowDays` before it — the definition the periodic reports count. Each recurrence names
 * the latest earlier hazard and says why, in both languages. Manual observations (no item)
 * never recur. Sorted by the later hazard's report time.
 */
export function findRecurrences(facts: readonly HazardReportFact[], windowDays: number): Recurrence[] {
  const sorted = [...facts].filter((f) => f.item !== null).sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.hazardId < b.hazardId ? -1 : 1));
  const out: Recurrence[] = [];
  for (const [i, h] of sorted.entries()) {
    const since = new Date(Date.parse(h.createdAt) - windowDays * DAY_MS).toISOString();
    let previous: HazardReportFact | undefined;
    for (let j = i - 1; j >= 0; j--) {
      const p = sorted[j] as HazardReportFact;
      if (p.createdAt < since) break;
      if (p.enterpriseId === h.enterpriseId && p.item === h.item && p.createdAt < h.createdAt) {
        previous = p;
        break;
      }
    }
    if (!previous) continue;
    const days = Math.floor((Date.parse(h.createdAt) - Date.parse(previous.createdAt)) / DAY_MS);
    out.push({
      item: h.item as string,
      hazardId: h.hazardId,
      reportedAt: h.createdAt,
      previousHazardId: previous.hazardId,
      previousReportedAt: previous.createdAt,
      days,
      windowDays,
      explanation: {
        'zh-CN': `检查项 ${h.item} 在 ${days} 天内再次不合格（上次隐患 ${previous.hazardId}，复发期限 ${windowDays} 天）：同一问题反复出现，应提高关注等级`,
        en: `item ${h.item} failed again within ${days} days (earlier hazard ${previous.hazardId}, window ${windowDays} days): the same problem came back, so it deserves closer attention`,
      },
    });
  }
  return out;
}
