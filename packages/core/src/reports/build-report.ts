/**
 * A periodic report as data: what the weekly analysis (周研判), the monthly bulletin (月通报)
 * and the quarterly assessment (季度考核) say, built from a {@link ReportReadModel}'s
 * aggregates. Renderers (HTML with SVG charts, `.xlsx`) only lay it out.
 *
 * @module
 */
import { HAZARD_LEVELS, type LocalizedText } from '../pack/types.js';
import type { ReportDay, ReportOverdueRow, ReportReadModel } from '../ports/report-read-model.js';
import { cutInput, quoteInput } from '../pack/quote-input.js';
import { formatChinaTime } from '../classify/format-date-time.js';
import { ReportError, reportPeriod, type ReportKind, type ReportPeriod } from './report-period.js';

const AREA = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;

/** Counts of one level, domain or source. */
export interface ReportBreakdownRow {
  key: string;
  /** Reported in the period. */
  found: number;
  /** Closed in the period (whenever reported). */
  closed: number;
  /** Of those closed in the period, on time. */
  onTime: number;
}

/** One area of the ranking (the areas one level below the report's scope). */
export interface ReportAreaRow {
  rank: number;
  area: string;
  found: number;
  closed: number;
  onTime: number;
  /** `onTime / closed`: the share of the closures in the period that came in time (0 when none closed). */
  onTimeRate: number;
  overdue: number;
  recurrent: number;
  inspections: number;
}

/** Coverage of one inspection round in the period (filled by the rounds facet when a host has one). */
export interface ReportRoundCoverage {
  roundId: string;
  title: LocalizedText;
  due: number;
  done: number;
  overdue: number;
}

/** The report as data. Rates are fractions in [0, 1]. */
export interface PeriodicReport {
  kind: ReportKind;
  title: LocalizedText & { en: string };
  period: ReportPeriod;
  /** The instant open and overdue hazards are counted at: the earlier of the period's end and `generatedAt`. */
  asOf: string;
  /** Area code of the scope, or null for the whole city. */
  area: string | null;
  /** The one domain reported on (a department's report), or null for every domain. */
  domain: string | null;
  generatedAt: string;
  recurrenceDays: number;
  summary: {
    /** Hazards reported in the period. */
    found: number;
    /** Of those, closed by the period's end. */
    foundClosed: number;
    /** `foundClosed / found` (整改率), 0 when nothing was found. */
    closureRate: number;
    /** Hazards closed in the period (whenever reported). */
    closed: number;
    /** Of those, closed on time. */
    closedOnTime: number;
    /** `closedOnTime / closed` (按期整改率), 0 when nothing was closed. */
    onTimeRate: number;
    /** Open hazards past their last running deadline at `asOf` (an escalation does not take them off). */
    overdue: number;
    /** Hazards of the period whose item failed at the same enterprise within `recurrenceDays` before. */
    recurrent: number;
    recurrentEnterprises: number;
    /** Inspections recorded in the period (自查, 巡查, 执法检查, devices). */
    inspections: number;
  };
  byLevel: ReportBreakdownRow[];
  byDomain: ReportBreakdownRow[];
  bySource: ReportBreakdownRow[];
  inspectionsBySource: Array<{ key: string; count: number }>;
  days: ReportDay[];
  areas: ReportAreaRow[];
  enterprises: Array<{ rank: number; enterpriseId: string; area: string; found: number; recurrent: number; overdue: number }>;
  overdue: { total: number; items: ReportOverdueRow[] };
  /** Rounds' coverage in the period, or null when the host has no rounds facet. */
  coverage: ReportRoundCoverage[] | null;
}

/** Arguments of {@link buildPeriodicReport}. */
export interface BuildReportInput {
  kind: ReportKind;
  /** `2026-W48`, `2026-11` or `2026-Q4`. */
  period: string;
  /** Area code, or omitted for the whole city. Must be a known area (or hold one): see `knownArea`. */
  area?: string;
  /**
   * Whether `area` is an area the caller knows (an unknown one throws `UNKNOWN_AREA`; a known one
   * without any record is a report of zeros). Default: the read model holds a record in it or
   * under it (`model.areas()`) — all a caller without a directory has, like the CLI over a store
   * file. The HTTP API checks the area as every list route does (the enterprise register, the
   * actor's jurisdiction, the records it reads, the read model's areas) and passes that answer,
   * so a registered area with nothing recorded yet is not refused.
   */
  knownArea?: (area: string) => Promise<boolean>;
  /** Only this domain (the report of the department supervising it); omitted for every domain. */
  domain?: string;
  /** The caller's clock (`toISOString()` form). */
  now: string;
  /** Recurrence window in days (default 30). */
  recurrenceDays?: number;
  /** Enterprises ranked and overdue hazards listed (default 20, at most 500). */
  limit?: number;
  /**
   * The rounds facet's coverage of the period, when the host has one: the report's area and
   * domain (null for every domain), so a department's report lists the rounds of its domain only.
   */
  coverage?: (period: ReportPeriod, area: string | null, domain: string | null) => Promise<ReportRoundCoverage[]>;
}

const TITLES: Record<ReportKind, { zh: string; en: string }> = {
  weekly: { zh: '安全生产隐患周研判', en: 'Weekly hazard analysis' },
  monthly: { zh: '安全生产隐患月通报', en: 'Monthly hazard bulletin' },
  quarterly: { zh: '安全生产隐患季度考核', en: 'Quarterly hazard assessment' },
};

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

/** The area one level below `scope` that holds `area` (`D1/G3/x` under `D1` is `D1/G3`; anything under the city is its district). */
export function rollUpArea(scope: string | null, area: string): string {
  const parts = area.split('/');
  const depth = scope === null ? 1 : scope.split('/').length + 1;
  return parts.slice(0, Math.min(depth, parts.length)).join('/');
}

/** Whether the read model holds a record (a hazard or an inspection) in `area` or under it. */
export async function areaRecorded(model: Pick<ReportReadModel, 'areas'>, area: string): Promise<boolean> {
  return (await model.areas()).some((k) => k === area || k.startsWith(`${area}/`));
}

/**
 * Build a {@link PeriodicReport} from the read model's aggregates. Throws {@link ReportError}
 * for a bad period, a malformed area or an area nothing is known of.
 */
export async function buildPeriodicReport(model: ReportReadModel, input: BuildReportInput): Promise<PeriodicReport> {
  const period = reportPeriod(input.kind, input.period);
  // A period that has not begun by the server's clock has nothing to report (9999-W52 would answer an empty
  // report as if it were one); the current, unfinished period is a report to date (asOf is now).
  if (Date.parse(period.from) > Date.parse(input.now)) {
    const starts = formatChinaTime(period.from);
    const clock = formatChinaTime(input.now);
    throw new ReportError(
      'INVALID_PERIOD',
      `报表期间 ${period.label} 尚未开始：自 ${starts['zh-CN']}起，服务器时间为 ${clock['zh-CN']}`,
      `the report period ${period.label} has not begun: it starts ${starts.en}; the server's clock reads ${clock.en}`,
    );
  }
  const recurrenceDays = input.recurrenceDays ?? 30;
  const limit = input.limit ?? 20;
  if (!Number.isInteger(recurrenceDays) || recurrenceDays < 1 || recurrenceDays > 366)
    throw new ReportError('INVALID_OPTION', `复发期限应为 1–366 天，实际为 ${recurrenceDays}`, `the recurrence window must be 1–366 days, got ${recurrenceDays}`);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new ReportError('INVALID_OPTION', `排名条数应为 1–500，实际为 ${limit}`, `the ranking length must be 1–500, got ${limit}`);
  const area = input.area ?? null;
  if (area !== null) {
    if (!AREA.test(area)) throw new ReportError('INVALID_AREA', `区域代码 ${quoteInput(area)} 无效，应如 D1 或 D1/G1`, `the area ${quoteInput(area)} is not an area code like D1 or D1/G1`);
    if (!(await (input.knownArea ?? ((a: string) => areaRecorded(model, a)))(area))) {
      const examples = (await model.areas()).slice(0, 5);
      throw new ReportError(
        'UNKNOWN_AREA',
        `${input.knownArea ? `区域 ${cutInput(area)} 未知` : `没有区域 ${cutInput(area)} 的隐患或检查记录`}（已知区域如 ${examples.join('、') || '无'}）`,
        `${input.knownArea ? `area ${cutInput(area)} is not known` : `nothing is recorded in area ${cutInput(area)}`} (known areas include ${examples.join(', ') || 'none'})`,
      );
    }
  }
  const domain = input.domain ?? null;
  if (domain !== null && !/^[a-z][a-z0-9_-]{0,63}$/.test(domain))
    throw new ReportError('INVALID_OPTION', `领域 ${quoteInput(domain)} 无效，应如 gas 或 confined_space`, `the domain ${quoteInput(domain)} is not a domain id like gas or confined_space`);
  const asOf = input.now < period.to ? input.now : period.to;
  const facts = await model.reportFacts({ from: period.from, to: period.to, asOf, ...(area === null ? {} : { area }), ...(domain === null ? {} : { domain }), recurrenceDays, limit });
  const breakdown = (pick: (g: { level: string; domain: string; source: string }) => string, keys: readonly string[] = []): ReportBreakdownRow[] => {
    const rows = new Map<string, ReportBreakdownRow>(keys.map((k) => [k, { key: k, found: 0, closed: 0, onTime: 0 }]));
    const row = (k: string) => {
      let r = rows.get(k);
      if (r === undefined) rows.set(k, (r = { key: k, found: 0, closed: 0, onTime: 0 }));
      return r;
    };
    for (const g of facts.found) row(pick(g)).found += g.found;
    for (const g of facts.closed) {
      const r = row(pick(g));
      r.closed += g.closed;
      r.onTime += g.onTime;
    }
    const out = [...rows.values()];
    return keys.length > 0 ? out : out.sort((a, b) => b.found - a.found || (a.key < b.key ? -1 : 1));
  };
  const found = facts.found.reduce((n, g) => n + g.found, 0);
  const foundClosed = facts.found.reduce((n, g) => n + g.closed, 0);
  const closed = facts.closed.reduce((n, g) => n + g.closed, 0);
  const closedOnTime = facts.closed.reduce((n, g) => n + g.onTime, 0);
  const rolled = new Map<string, Omit<ReportAreaRow, 'rank' | 'onTimeRate'>>();
  for (const a of facts.areas) {
    const code = rollUpArea(area, a.area);
    const r = rolled.get(code) ?? { area: code, found: 0, closed: 0, onTime: 0, overdue: 0, recurrent: 0, inspections: 0 };
    r.found += a.found;
    r.closed += a.closed;
    r.onTime += a.onTime;
    r.overdue += a.overdue;
    r.recurrent += a.recurrent;
    r.inspections += a.inspections;
    rolled.set(code, r);
  }
  // Ranked best first: on-time rate, then fewer overdue, then fewer found per inspection.
  const areas = [...rolled.values()]
    .map((r) => ({ ...r, onTimeRate: ratio(r.onTime, r.closed) }))
    .sort((a, b) => b.onTimeRate - a.onTimeRate || a.overdue - b.overdue || (a.area < b.area ? -1 : 1))
    .map((r, i) => ({ rank: i + 1, ...r }));
  const coverage = input.coverage === undefined ? null : await input.coverage(period, area, domain);
  return {
    kind: input.kind,
    title: { 'zh-CN': `${TITLES[input.kind].zh}（${period.label}）`, en: `${TITLES[input.kind].en} (${period.label})` },
    period,
    asOf,
    area,
    domain,
    generatedAt: input.now,
    recurrenceDays,
    summary: {
      found,
      foundClosed,
      closureRate: ratio(foundClosed, found),
      closed,
      closedOnTime,
      onTimeRate: ratio(closedOnTime, closed),
      overdue: facts.overdue.total,
      recurrent: facts.recurrence.hazards,
      recurrentEnterprises: facts.recurrence.enterprises,
      inspections: facts.inspections.total,
    },
    byLevel: breakdown((g) => g.level, HAZARD_LEVELS),
    byDomain: breakdown((g) => g.domain),
    bySource: breakdown((g) => g.source),
    inspectionsBySource: Object.entries(facts.inspections.bySource)
      .map(([key, count]) => ({ key, count }))
      .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1)),
    days: facts.days,
    areas,
    enterprises: facts.enterprises.map((e, i) => ({ rank: i + 1, ...e })),
    overdue: facts.overdue,
    coverage,
  };
}
