/**
 * The reference {@link ReportReadModel}: the same aggregates as the SQL stores, computed in
 * memory from a store's event log and a list of inspections. For tests, small hosts and the
 * stores' conformance test; a city-year belongs in a SQL store.
 *
 * @module
 */
import { areaCovers } from '../chain/authorize.js';
import type { ChainEvent } from '../chain/types.js';
import { findRecurrences } from '../enterprise-file/find-recurrences.js';
import type { InspectionRecord } from '../ports/inspection-log.js';
import {
  hazardReportFact,
  overdueAt,
  type HazardReportFact,
  type ReportAreaGroup,
  type ReportClosedGroup,
  type ReportEnterpriseRow,
  type ReportFacts,
  type ReportFactsQuery,
  type ReportFoundGroup,
  type ReportReadModel,
} from '../ports/report-read-model.js';
import type { Store } from '../ports/store.js';

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The UTC+8 day (`YYYY-MM-DD`) of an instant. */
export function chinaDay(iso: string): string {
  return new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The inspection fields the reports read. */
export type InspectionReportFact = Pick<InspectionRecord, 'enterpriseId' | 'area' | 'domain' | 'source' | 'recordedAt'>;

/**
 * {@link ReportFacts} of `hazards` and `inspections` for `query`, computed in memory: the
 * definition the SQL stores' aggregates are tested against.
 */
export function aggregateReportFacts(hazards: readonly HazardReportFact[], inspections: Iterable<InspectionReportFact>, query: ReportFactsQuery): ReportFacts {
  const { from, to, asOf } = query;
  const inScope = (area: string, domain: string) => (query.area === undefined || areaCovers(query.area, area)) && (query.domain === undefined || query.domain === domain);
  // Recurrence is the enterprise file's definition (findRecurrences), over every hazard (an earlier one may be out of scope).
  const recurrent = new Set(findRecurrences(hazards, query.recurrenceDays).map((r) => r.hazardId));
  const found = new Map<string, ReportFoundGroup>();
  const closed = new Map<string, ReportClosedGroup>();
  const areas = new Map<string, ReportAreaGroup>();
  const enterprises = new Map<string, ReportEnterpriseRow>();
  const days = new Map<string, { found: number; closed: number }>();
  const overdueItems: ReportFacts['overdue']['items'] = [];
  const recurrentEnterprises = new Set<string>();
  let recurrentHazards = 0;
  const area = (code: string): ReportAreaGroup => {
    let a = areas.get(code);
    if (a === undefined) areas.set(code, (a = { area: code, found: 0, closed: 0, onTime: 0, overdue: 0, recurrent: 0, inspections: 0 }));
    return a;
  };
  const day = (d: string) => {
    let x = days.get(d);
    if (x === undefined) days.set(d, (x = { found: 0, closed: 0 }));
    return x;
  };
  const enterprise = (h: HazardReportFact): ReportEnterpriseRow => {
    let e = enterprises.get(h.enterpriseId);
    if (e === undefined) enterprises.set(h.enterpriseId, (e = { enterpriseId: h.enterpriseId, area: h.area, found: 0, recurrent: 0, overdue: 0 }));
    if (h.area > e.area) e.area = h.area;
    return e;
  };
  for (const h of hazards) {
    if (!inScope(h.area, h.domain)) continue;
    const key = `${h.level}\n${h.domain}\n${h.source}`;
    if (h.createdAt >= from && h.createdAt < to) {
      const g = found.get(key) ?? { level: h.level, domain: h.domain, source: h.source, found: 0, closed: 0, onTime: 0 };
      g.found++;
      if (h.closedAt !== null && h.closedAt < to) {
        g.closed++;
        if (h.onTime === true) g.onTime++;
      }
      found.set(key, g);
      area(h.area).found++;
      day(chinaDay(h.createdAt)).found++;
      const e = enterprise(h);
      e.found++;
      if (recurrent.has(h.hazardId)) {
        recurrentHazards++;
        recurrentEnterprises.add(h.enterpriseId);
        area(h.area).recurrent++;
        e.recurrent++;
      }
    }
    if (h.closedAt !== null && h.closedAt >= from && h.closedAt < to) {
      const g = closed.get(key) ?? { level: h.level, domain: h.domain, source: h.source, closed: 0, onTime: 0 };
      g.closed++;
      if (h.onTime === true) g.onTime++;
      closed.set(key, g);
      const a = area(h.area);
      a.closed++;
      if (h.onTime === true) a.onTime++;
      day(chinaDay(h.closedAt)).closed++;
    }
    // Overdue at asOf: open then and past the deadline in force then (not by the current state).
    const span = overdueAt(h, asOf);
    if (span !== null) {
      area(h.area).overdue++;
      overdueItems.push({ hazardId: h.hazardId, enterpriseId: h.enterpriseId, area: h.area, domain: h.domain, level: h.level, deadline: span.deadline, createdAt: h.createdAt });
    }
  }
  const bySource: Record<string, number> = {};
  let inspectionTotal = 0;
  for (const i of inspections) {
    if (i.recordedAt < from || i.recordedAt >= to || !inScope(i.area, i.domain)) continue;
    inspectionTotal++;
    bySource[i.source] = (bySource[i.source] ?? 0) + 1;
    area(i.area).inspections++;
  }
  const byCode = (a: { area: string }, b: { area: string }) => (a.area < b.area ? -1 : a.area > b.area ? 1 : 0);
  const ranked = [...enterprises.values()].sort((a, b) => b.found - a.found || (a.enterpriseId < b.enterpriseId ? -1 : 1)).slice(0, query.limit);
  // A ranked enterprise's overdue: all its open overdue hazards in scope, reported whenever.
  for (const e of ranked) e.overdue = overdueItems.filter((o) => o.enterpriseId === e.enterpriseId).length;
  overdueItems.sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.hazardId < b.hazardId ? -1 : 1));
  return {
    found: [...found.values()].sort(groupOrder),
    closed: [...closed.values()].sort(groupOrder),
    areas: [...areas.values()].sort(byCode),
    enterprises: ranked,
    overdue: { total: overdueItems.length, items: overdueItems.slice(0, query.limit) },
    recurrence: { hazards: recurrentHazards, enterprises: recurrentEnterprises.size },
    inspections: { total: inspectionTotal, bySource },
    days: [...days.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([d, x]) => ({ day: d, ...x })),
  };
}

/** The order stores return grouped rows in: level, domain, source. */
function groupOrder(a: { level: string; domain: string; source: string }, b: { level: string; domain: string; source: string }): number {
  const ka = `${a.level}\n${a.domain}\n${a.source}`;
  const kb = `${b.level}\n${b.domain}\n${b.source}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Options of {@link createMemoryReportReadModel}. */
export interface MemoryReportReadModelOptions {
  /** The event log (any store: the facts are folded from its events). */
  store: Pick<Store, 'readLog'>;
  /** The inspections recorded so far. */
  inspections?: () => Iterable<InspectionReportFact>;
}

/** A {@link ReportReadModel} in memory: folds the whole log on every call (small data only). */
export function createMemoryReportReadModel(options: MemoryReportReadModelOptions): ReportReadModel {
  const facts = async (): Promise<HazardReportFact[]> => {
    const byHazard = new Map<string, ChainEvent[]>();
    for (let seq = 1; ;) {
      const page = await options.store.readLog(seq, 1000);
      if (page.length === 0) break;
      for (const e of page) {
        const list = byHazard.get(e.hazardId) ?? [];
        list.push(e);
        byHazard.set(e.hazardId, list);
      }
      seq = (page[page.length - 1] as { seq: number }).seq + 1;
    }
    return [...byHazard.values()].map((events) => hazardReportFact(events.sort((a, b) => a.version - b.version)));
  };
  return {
    async reportFacts(query) {
      return aggregateReportFacts(await facts(), options.inspections?.() ?? [], query);
    },
    async areas() {
      const codes = new Set((await facts()).map((f) => f.area));
      for (const i of options.inspections?.() ?? []) codes.add(i.area);
      return [...codes].sort();
    },
  };
}
