import type { HazardReportFact } from '../ports/report-read-model.js';
import type { Recurrence } from './types.js';

const DAY_MS = 86_400_000;

const byReport = (a: HazardReportFact, b: HazardReportFact) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.hazardId < b.hazardId ? -1 : a.hazardId > b.hazardId ? 1 : 0);

/**
 * Recurrences among hazards: a hazard recurs when a hazard of the same enterprise and item
 * (`HazardReportFact.item`, `pack id:item`) was reported strictly earlier and at most
 * `windowDays` before it. The one definition of recurrence: the enterprise file lists these
 * and the periodic reports count them (`aggregateReportFacts`; the SQL stores' report
 * aggregates are tested against it). Each recurrence names the latest earlier hazard and says
 * why, in both languages. Manual observations (no item) never recur. Facts of several
 * enterprises may be given at once. Sorted by the later hazard's report time, then its id.
 */
export function findRecurrences(facts: readonly HazardReportFact[], windowDays: number): Recurrence[] {
  const groups = new Map<string, HazardReportFact[]>();
  for (const f of facts) {
    if (f.item === null) continue;
    const key = `${f.enterpriseId}\n${f.item}`;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  const found: Array<{ h: HazardReportFact; previous: HazardReportFact }> = [];
  for (const group of groups.values()) {
    group.sort(byReport);
    for (let i = 1; i < group.length; i++) {
      const h = group[i] as HazardReportFact;
      // The latest hazard reported strictly before this one (ties in time are not "before").
      let j = i - 1;
      while (j >= 0 && (group[j] as HazardReportFact).createdAt === h.createdAt) j--;
      const previous = group[j];
      if (previous === undefined || previous.createdAt < new Date(Date.parse(h.createdAt) - windowDays * DAY_MS).toISOString()) continue;
      found.push({ h, previous });
    }
  }
  return found
    .sort((a, b) => byReport(a.h, b.h))
    .map(({ h, previous }) => {
      const days = Math.floor((Date.parse(h.createdAt) - Date.parse(previous.createdAt)) / DAY_MS);
      return {
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
      };
    });
}
