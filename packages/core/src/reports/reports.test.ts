import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../audit/verify-audit.js';
import { createMemoryStore } from '../chain/memory-store.js';
import { summarize } from '../chain/summarize.js';
import type { ChainEvent } from '../chain/types.js';
import { hazardReportFact, type HazardReportFact } from '../ports/report-read-model.js';
import { buildPeriodicReport } from './build-report.js';
import { buildEnterpriseFile } from '../enterprise-file/build-enterprise-file.js';
import { createStaticDirectory } from '../chain/static-directory.js';
import type { Store } from '../ports/store.js';
import { generateCity, type CityChunk } from '../testing/city-seed.js';
import { aggregateReportFacts, createMemoryReportReadModel } from './memory-report-read-model.js';
import { renderReportHtml } from './render-report-html.js';
import { domainLabels, domainWord, reportPeriodDays, reportTime } from './report-labels.js';
import { reportSheets } from './report-sheets.js';
import { ReportError, reportPeriod, reportPeriodOf } from './report-period.js';
import { runReportReadModelConformance } from '../testing/report-read-model-conformance.js';
import { cityLandlordViews } from '../testing/city-landlord-views.js';
import { appendCityHazard } from '../testing/append-city-hazard.js';

const CITY = { seed: 'test-city', enterprises: 120, inspectionsPerEnterprise: 40, hazardRate: 0.1 };

let loaded: ReturnType<typeof generate> | undefined;
const load = () => (loaded ??= generate(CITY));

function generate(options: typeof CITY) {
  const city = generateCity(options);
  const chunks: CityChunk[] = [...city.chunks()];
  const events = chunks.flatMap((c) => c.hazards.flatMap((h) => h.events));
  const log = events.map((e, i) => ({ ...e, seq: i + 1 }));
  const inspections = chunks.flatMap((c) => c.inspections);
  const store = { readLog: async (from: number, limit: number) => log.slice(from - 1, from - 1 + limit) };
  return { city, chunks, events, inspections, model: createMemoryReportReadModel({ store, inspections: () => inspections }) };
}

describe('reportPeriod', () => {
  it('reads months, quarters and ISO weeks in China Standard Time', () => {
    expect(reportPeriod('monthly', '2026-11')).toEqual({ kind: 'monthly', label: '2026-11', from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' });
    expect(reportPeriod('quarterly', '2026-Q4')).toMatchObject({ from: '2026-09-30T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' });
    // 2026-01-01 is a Thursday: week 1 starts on Monday 2025-12-29.
    expect(reportPeriod('weekly', '2026-W01')).toMatchObject({ from: '2025-12-28T16:00:00.000Z', to: '2026-01-04T16:00:00.000Z' });
    expect(reportPeriodOf('weekly', '2026-11-25T04:00:00.000Z').label).toBe('2026-W48');
    expect(reportPeriodOf('monthly', '2026-10-31T17:00:00.000Z').label).toBe('2026-11');
  });

  it('shows periods and instants to readers in China time: the days of the period, minutes of an instant', () => {
    expect(reportPeriodDays(reportPeriod('monthly', '2026-11'))).toBe('2026-11-01 – 2026-11-30');
    expect(reportPeriodDays(reportPeriod('weekly', '2026-W01'))).toBe('2025-12-29 – 2026-01-04');
    expect(reportPeriodDays(reportPeriod('quarterly', '2026-Q4'))).toBe('2026-10-01 – 2026-12-31');
    expect(reportTime('2026-11-30T16:00:00.000Z')).toBe('2026-12-01 00:00');
    expect(reportTime('not a time')).toBe('not a time');
  });

  it('refuses a bad period in both languages', () => {
    for (const [kind, label] of [
      ['monthly', '2026-13'],
      ['monthly', '2026/11'],
      ['quarterly', '2026-Q5'],
      ['weekly', '2026-W54'],
    ] as const) {
      const error = (() => {
        try {
          reportPeriod(kind, label);
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(ReportError);
      expect((error as ReportError).code).toBe('INVALID_PERIOD');
      expect((error as ReportError).messages['zh-CN']).toContain(label);
    }
  });
});

describe('hazardReportFact', () => {
  it('folds closure, lateness and reopening with the chain’s evolve', () => {
    const { chunks } = load();
    const histories = chunks.flatMap((c) => c.hazards);
    const onTime = histories.find((h) => h.events.some((e) => e.type === 'closed') && !h.events.some((e) => e.type === 'overdue_noticed'));
    const late = histories.find((h) => h.events.some((e) => e.type === 'closed') && h.events.some((e) => e.type === 'overdue_noticed'));
    const open = histories.find((h) => !h.events.some((e) => e.type === 'closed') && h.summary.deadline !== null);
    expect(hazardReportFact(onTime!.events)).toMatchObject({ onTime: true, closedAt: onTime!.events.at(-1)!.recordedAt, deadline: null });
    expect(hazardReportFact(late!.events)).toMatchObject({ onTime: false });
    expect(hazardReportFact(open!.events)).toMatchObject({ onTime: null, closedAt: null, deadline: open!.summary.deadline });
    // The tick escalates an overdue hazard (the clock stops): it is still open and overdue.
    const last = open!.events.at(-1)!;
    const escalated = {
      ...last,
      id: `${last.hazardId}/${last.version + 1}`,
      version: last.version + 1,
      type: 'escalated',
      data: { reason: { 'zh-CN': '逾期' } },
      recordedAt: '2026-12-31T00:00:00.000Z',
    } as ChainEvent;
    expect(hazardReportFact([...open!.events, escalated])).toMatchObject({ closedAt: null, deadline: open!.summary.deadline });
    // When it was overdue: from its deadline until the rectification is submitted (then it waits for the officers),
    // or for as long as the enterprise owes it (an escalation does not end it).
    const lateDeadline = (late!.events.find((e) => e.type === 'notice_issued') as ChainEvent<'notice_issued'>).data.deadline;
    const submitted = late!.events.find((e) => e.type === 'rectification_submitted')!;
    expect(hazardReportFact(late!.events).overdue).toEqual([{ since: lateDeadline, until: submitted.recordedAt, deadline: lateDeadline }]);
    expect(hazardReportFact([...open!.events, escalated]).overdue).toEqual([{ since: open!.summary.deadline, until: null, deadline: open!.summary.deadline }]);
    // A deadline extended after it passed: overdue until the extension, then from the new deadline.
    const extension = { ...escalated, type: 'extension_granted', data: { to: '2027-01-31T00:00:00.000Z' } } as ChainEvent;
    expect(hazardReportFact([...open!.events, extension]).overdue).toEqual([
      { since: open!.summary.deadline, until: '2026-12-31T00:00:00.000Z', deadline: open!.summary.deadline },
      { since: '2027-01-31T00:00:00.000Z', until: null, deadline: '2027-01-31T00:00:00.000Z' },
    ]);
    const f = hazardReportFact(onTime!.events);
    expect(f.item).toMatch(/^[a-z-]+:[A-Z]+-\d{3}$/);
  });
});

describe('generateCity', () => {
  it('is deterministic from its seed, and a changed seed changes it', () => {
    const digest = (seed: string) => {
      const city = generateCity({ ...CITY, enterprises: 30, seed });
      const chunks = [...city.chunks()];
      return JSON.stringify([city.rental.tenancies.length, chunks.map((c) => [c.inspections.map((i) => i.id), c.hazards.map((h) => h.events.at(-1)!.hash)])]);
    };
    expect(digest('a')).toBe(digest('a'));
    expect(digest('a')).not.toBe(digest('b'));
  });

  it('puts about three in four of a tenant’s inspections at the premises it rents, with the same counts as before; its landlord reads those hazards', async () => {
    const city = generateCity({ ...CITY, enterprises: 40, districts: 1, gridsPerDistrict: 2 });
    const chunks = [...city.chunks()];
    const hazards = chunks.flatMap((c) => c.hazards);
    const inspections = chunks.flatMap((c) => c.inspections);
    // The counts of this city before hazards had premises: where is drawn from a stream of its own.
    expect([city.rental.tenancies.length, inspections.length, hazards.length]).toEqual([7, 1659, 163]);
    const rents = new Map(city.rental.tenancies.map((t) => [t.tenantEnterpriseId, t.premisesId]));
    const landlordOf = new Map(city.rental.premises.map((p) => [p.id, p.enterpriseId]));
    const at = hazards.filter((h) => h.summary.premisesId !== undefined);
    const tenants = hazards.filter((h) => rents.has(h.summary.enterpriseId));
    expect(at.length).toBeGreaterThan(tenants.length / 2);
    expect(at.length).toBeLessThan(tenants.length);
    const foundIn = new Map(inspections.flatMap((i) => i.hazards.map((f) => [f.hazardId, i.premisesId])));
    for (const h of at) {
      const premisesId = rents.get(h.summary.enterpriseId);
      const landlordEnterpriseId = landlordOf.get(premisesId!);
      expect(h.summary.premisesId).toBe(premisesId);
      expect(h.events[0]!.data).toMatchObject({ premisesId, landlordEnterpriseId });
      for (const m of h.outbox) expect(m.payload).toMatchObject({ premisesId, landlordEnterpriseId });
      expect(foundIn.get(h.summary.hazardId)).toBe(premisesId);
    }
    // The landlord view (as the landlord reads it) lists each tenant with its hazards at the premises.
    const listed = (await cityLandlordViews(city)).flatMap((v) =>
      v.premises.flatMap((p) => p.tenants.filter((t) => t.open + t.closed > 0).map((t) => `${v.landlordEnterpriseId} ${p.premises.id} ${t.tenantEnterpriseId} ${t.open + t.closed}`)),
    );
    const expected = new Map<string, number>();
    for (const h of at) {
      const key = `${landlordOf.get(h.summary.premisesId!)} ${h.summary.premisesId} ${h.summary.enterpriseId}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    expect(listed.sort()).toEqual([...expected].map(([k, n]) => `${k} ${n}`).sort());
  });

  it('writes a history the audit accepts: hash chain, list rows, outbox', async () => {
    const city = generateCity({ ...CITY, enterprises: 25, districts: 1, gridsPerDistrict: 2 });
    const store = createMemoryStore();
    let n = 0;
    let atPremises = 0;
    for (const chunk of city.chunks())
      for (const h of chunk.hazards) {
        // appendCityHazard throws on a refused append (the test's 'ok' check)
        const state = await appendCityHazard(store, h, { fingerprint: 'seed' });
        expect(summarize(state)).toEqual(h.summary);
        n++;
        if (h.summary.premisesId !== undefined) atPremises++;
      }
    expect(n).toBeGreaterThan(10);
    expect(atPremises).toBeGreaterThan(0);
    const audit = await verifyAudit(store, { now: city.until });
    expect(audit.problems).toEqual([]);
  });
});

describe('buildPeriodicReport', () => {
  it('counts what a brute-force pass over the facts counts', async () => {
    const { events, inspections, model } = load();
    const byHazard = new Map<string, ChainEvent[]>();
    for (const e of events) byHazard.set(e.hazardId, [...(byHazard.get(e.hazardId) ?? []), e]);
    const facts: HazardReportFact[] = [...byHazard.values()].map((list) => hazardReportFact(list));
    const period = reportPeriod('monthly', '2026-10');
    const report = await buildPeriodicReport(model, { kind: 'monthly', period: '2026-10', now: '2026-12-01T00:00:00.000Z', limit: 5 });
    const inMonth = facts.filter((f) => f.createdAt >= period.from && f.createdAt < period.to);
    const closedInMonth = facts.filter((f) => f.closedAt !== null && f.closedAt >= period.from && f.closedAt < period.to);
    expect(report.summary.found).toBe(inMonth.length);
    expect(report.summary.closed).toBe(closedInMonth.length);
    expect(report.summary.closedOnTime).toBe(closedInMonth.filter((f) => f.onTime).length);
    expect(report.summary.inspections).toBe(inspections.filter((i) => i.recordedAt >= period.from && i.recordedAt < period.to).length);
    expect(report.summary.found).toBeGreaterThan(0);
    expect(report.byLevel.map((r) => r.key)).toEqual(['simple', 'general', 'major']);
    expect(report.byLevel.reduce((n, r) => n + r.found, 0)).toBe(report.summary.found);
    expect(report.areas.every((a) => /^D\d+$/.test(a.area))).toBe(true);
    expect(report.areas.reduce((n, a) => n + a.found, 0)).toBe(report.summary.found);
    expect(report.enterprises).toHaveLength(5);
    expect(report.enterprises[0]!.found).toBeGreaterThanOrEqual(report.enterprises[4]!.found);
    expect(report.asOf).toBe(period.to);
    // Recurrence by brute force: same enterprise and item within 30 days before.
    const recurrent = inMonth.filter((h) =>
      facts.some((p) => p.item !== null && p.item === h.item && p.enterpriseId === h.enterpriseId && p.createdAt < h.createdAt && Date.parse(p.createdAt) >= Date.parse(h.createdAt) - 30 * 86_400_000),
    );
    expect(report.summary.recurrent).toBe(recurrent.length);
    expect(report.coverage).toBeNull();
  });

  it('narrows to an area and rolls up to its grids; refuses unknown and malformed areas', async () => {
    const { model, city } = load();
    const area = city.enterprises[0]!.area.split('/')[0]!;
    const report = await buildPeriodicReport(model, { kind: 'quarterly', period: '2026-Q3', area, now: '2026-12-01T00:00:00.000Z' });
    expect(report.areas.every((a) => a.area.startsWith(`${area}/`))).toBe(true);
    const gas = await buildPeriodicReport(model, { kind: 'quarterly', period: '2026-Q3', area, domain: 'gas', now: '2026-12-01T00:00:00.000Z' });
    expect(gas.byDomain.map((d) => d.key)).toEqual(gas.summary.found > 0 ? ['gas'] : []);
    expect(gas.summary.found).toBe(report.byDomain.find((d) => d.key === 'gas')?.found ?? 0);
    await expect(buildPeriodicReport(model, { kind: 'monthly', period: '2026-11', area: 'D99', now: '2026-12-01T00:00:00.000Z' })).rejects.toMatchObject({ code: 'UNKNOWN_AREA' });
    await expect(buildPeriodicReport(model, { kind: 'monthly', period: '2026-11', area: 'D1/../x', now: '2026-12-01T00:00:00.000Z' })).rejects.toMatchObject({ code: 'INVALID_AREA' });
  });

  it('passes the rounds facet’s coverage through when the host has one', async () => {
    const { model } = load();
    const report = await buildPeriodicReport(model, {
      kind: 'weekly',
      period: '2026-W45',
      now: '2026-12-01T00:00:00.000Z',
      coverage: async (period) => [{ roundId: `r-${period.label}`, title: { 'zh-CN': '第一轮自查' }, due: 10, done: 7, overdue: 3 }],
    });
    expect(report.coverage).toEqual([{ roundId: 'r-2026-W45', title: { 'zh-CN': '第一轮自查' }, due: 10, done: 7, overdue: 3 }]);
    // The hook is given the report's area and domain (a department's report lists its domain's rounds).
    const asked: unknown[] = [];
    const narrowed = { kind: 'weekly', period: '2026-W45', now: '2026-12-01T00:00:00.000Z', coverage: async (_: unknown, ...scope: unknown[]) => (asked.push(scope), []) } as const;
    await buildPeriodicReport(model, { ...narrowed, domain: 'gas' });
    await buildPeriodicReport(model, narrowed);
    expect(asked).toEqual([
      [null, 'gas'],
      [null, null],
    ]);
  });
});

describe('recurrence: one definition for the enterprise file and the reports', () => {
  it('on a seeded city, the enterprise files’ recurrences and the monthly report’s recurrence counts agree', async () => {
    const { city, chunks, model } = load();
    // A store over the seeded histories: what buildEnterpriseFile reads (list rows, events, no documents).
    const hazardsOf = new Map(chunks.map((c) => [c.enterprise.id, c.hazards]));
    const byId = new Map(chunks.flatMap((c) => c.hazards.map((h) => [h.summary.hazardId, h] as const)));
    const store = {
      query: async (filter: { enterpriseId?: string }) => ({ items: (hazardsOf.get(filter.enterpriseId ?? '') ?? []).map((h) => h.summary), next: null }),
      readEvents: async (id: string) => byId.get(id)?.events ?? [],
      readDocuments: async () => [],
    } as unknown as Store;
    const directory = createStaticDirectory([], city.enterprises);
    for (const label of ['2026-10', '2026-11']) {
      const period = reportPeriod('monthly', label);
      const report = await buildPeriodicReport(model, { kind: 'monthly', period: label, now: '2026-12-01T00:00:00.000Z', limit: 500, recurrenceDays: 30 });
      const fromFiles = new Map<string, number>();
      for (const e of city.enterprises) {
        const file = await buildEnterpriseFile({ directory, store }, e.id, { asOf: new Date(period.to), recurrenceDays: 30 });
        const n = file!.recurrences.filter((r) => r.reportedAt >= period.from && r.reportedAt < period.to).length;
        if (n > 0) fromFiles.set(e.id, n);
      }
      expect(report.summary.recurrent).toBeGreaterThan(0);
      expect([...fromFiles.values()].reduce((a, b) => a + b, 0)).toBe(report.summary.recurrent);
      expect(fromFiles.size).toBe(report.summary.recurrentEnterprises);
      expect(new Map(report.enterprises.filter((r) => r.recurrent > 0).map((r) => [r.enterpriseId, r.recurrent]))).toEqual(fromFiles);
    }
  });
});

describe('renderReportHtml', () => {
  it('renders tables and SVG charts and escapes every text', async () => {
    const facts = aggregateReportFacts(
      [
        {
          hazardId: 'hz-1',
          version: 2,
          enterpriseId: '<script>alert(1)</script>',
          area: 'D1/G1',
          domain: 'fire"&',
          level: 'general',
          source: 'grid_patrol',
          item: 'fire:FIRE-001',
          createdAt: '2026-11-03T02:00:00.000Z',
          deadline: '2026-11-10T02:00:00.000Z',
          closedAt: null,
          onTime: null,
          overdue: [{ since: '2026-11-10T02:00:00.000Z', until: null, deadline: '2026-11-10T02:00:00.000Z' }],
        },
      ],
      [],
      { from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z', asOf: '2026-11-30T16:00:00.000Z', recurrenceDays: 30, limit: 20 },
    );
    const model = { reportFacts: async () => facts, areas: async () => ['D1/G1'] };
    const report = await buildPeriodicReport(model, { kind: 'monthly', period: '2026-11', now: '2026-12-05T00:00:00.000Z' });
    expect(report.summary).toMatchObject({ found: 1, overdue: 1 });
    const html = renderReportHtml(report);
    expect(html).toContain('<svg');
    expect(html).toContain('安全生产隐患月通报（2026-11）');
    expect(html).toContain('2026-11 (2026-11-01 – 2026-11-30)');
    expect(html).toContain('逾期统计截至：2026-12-01 00:00 · 生成时间：2026-12-05 08:00 (北京时间)');
    expect(html).not.toContain('T16:00:00.000Z');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('fire&quot;&amp;');
    expect(renderReportHtml(report, { lang: 'en', fragment: true })).toMatch(/^<article class="anjian-report" lang="en">.*Monthly hazard bulletin/s);
  });
});

describe('domainLabels', () => {
  const gas = { id: 'gas', domain: 'gas', domainLabel: { 'zh-CN': '燃气', en: 'Gas' }, title: { 'zh-CN': '燃气安全检查表', en: 'Gas safety checklist' } };
  const cs = { id: 'confined-space', domain: 'confined_space', domainLabel: { 'zh-CN': '有限空间', en: 'Confined spaces' }, title: { 'zh-CN': '有限空间作业安全检查表' } };

  it('names each loaded domain as its packs do, in both languages; a domain without a pack is its code, marked', () => {
    const labels = domainLabels([gas, cs]);
    expect(domainWord('gas', 'zh-CN', labels)).toBe('燃气');
    expect(domainWord('gas', 'en', labels)).toBe('Gas');
    expect(domainWord('confined_space', 'zh-CN', labels)).toBe('有限空间');
    expect(domainWord('confined_space', 'en', labels)).toBe('Confined spaces');
    expect(domainWord('pipeline', 'zh-CN', labels)).toBe('pipeline（无对应检查表）');
    expect(domainWord('pipeline', 'en', labels)).toBe('pipeline (no pack loaded)');
    expect(domainWord('gas', 'en', undefined)).toBe('gas (no pack loaded)');
    // Nothing inherited passes for a domain.
    expect(domainWord('constructor', 'en', labels)).toBe('constructor (no pack loaded)');
  });

  it("falls back to a pack's title (zh-CN when it has no en), and lets the first pack by id win whatever the order", () => {
    const local = { id: 'gas-local', domain: 'gas', domainLabel: { 'zh-CN': '城镇燃气', en: 'Town gas' }, title: { 'zh-CN': '本地燃气' } };
    const untitled = { id: 'a-chem', domain: 'chemicals', title: { 'zh-CN': '危险化学品安全检查表' } };
    expect(domainLabels([local, gas, untitled])).toEqual(domainLabels([untitled, gas, local]));
    const labels = domainLabels([local, untitled, gas]);
    expect(domainWord('gas', 'zh-CN', labels)).toBe('燃气');
    expect(domainWord('chemicals', 'en', labels)).toBe('危险化学品安全检查表');
    // A declared name beats a title, even of a pack that sorts first.
    expect(domainWord('gas', 'zh-CN', domainLabels([{ id: 'a-gas', domain: 'gas', title: { 'zh-CN': '甲' } }, local]))).toBe('城镇燃气');
  });

  it('is what renderReportHtml and reportSheets show for the domains, in both languages', async () => {
    const fact = (hazardId: string, domain: string): HazardReportFact => ({
      hazardId,
      version: 1,
      enterpriseId: 'E1',
      area: 'D1/G1',
      domain,
      level: 'general',
      source: 'grid_patrol',
      item: `${domain}:X-001`,
      createdAt: '2026-11-03T02:00:00.000Z',
      deadline: '2026-11-10T02:00:00.000Z',
      closedAt: null,
      onTime: null,
      overdue: [{ since: '2026-11-10T02:00:00.000Z', until: null, deadline: '2026-11-10T02:00:00.000Z' }],
    });
    const facts = aggregateReportFacts([fact('h1', 'gas'), fact('h2', 'confined_space'), fact('h3', 'pipeline')], [], {
      from: '2026-10-31T16:00:00.000Z',
      to: '2026-11-30T16:00:00.000Z',
      asOf: '2026-11-30T16:00:00.000Z',
      recurrenceDays: 30,
      limit: 20,
    });
    const report = await buildPeriodicReport({ reportFacts: async () => facts, areas: async () => ['D1/G1'] }, { kind: 'monthly', period: '2026-11', now: '2026-12-05T00:00:00.000Z' });
    const domains = domainLabels([gas, cs]);
    const zh = renderReportHtml(report, { domains });
    for (const cell of ['<td>燃气</td>', '<td>有限空间</td>', '<td>pipeline（无对应检查表）</td>']) expect(zh).toContain(cell);
    expect(zh).not.toContain('<td>gas</td>');
    const en = renderReportHtml(report, { lang: 'en', domains });
    for (const cell of ['<td>Gas</td>', '<td>Confined spaces</td>', '<td>pipeline (no pack loaded)</td>']) expect(en).toContain(cell);
    const byDomain = (lang: 'zh-CN' | 'en') => reportSheets(report, lang, { domains })[2]!.rows.map((r) => r[0]);
    expect(byDomain('zh-CN').sort()).toEqual(['pipeline（无对应检查表）', '有限空间', '燃气'].sort());
    expect(byDomain('en').sort()).toEqual(['Confined spaces', 'Gas', 'pipeline (no pack loaded)']);
    const overdue = reportSheets(report, 'zh-CN', { domains })[6]!;
    expect(overdue.rows.map((r) => r[3]).sort()).toEqual(['pipeline（无对应检查表）', '有限空间', '燃气'].sort());
    // Without labels every domain is marked, never passed off as a name.
    expect(reportSheets(report, 'en')[2]!.rows.map((r) => r[0])).toContain('gas (no pack loaded)');
  });
});

describe('reportScopeFor', () => {
  it('derives the report scope from the read policy', async () => {
    const { reportScopeFor } = await import('./report-scope.js');
    expect(reportScopeFor('all', {})).toEqual({ ok: true, scope: {} });
    expect(reportScopeFor('all', { area: 'D2' })).toEqual({ ok: true, scope: { area: 'D2' } });
    // A grid inspector: its area, or inside it; never another.
    expect(reportScopeFor([{ area: 'D1/G1' }], {})).toEqual({ ok: true, scope: { area: 'D1/G1' } });
    expect(reportScopeFor([{ area: 'D1/G1' }], { area: 'D1/G1/x' })).toEqual({ ok: true, scope: { area: 'D1/G1/x' } });
    expect(reportScopeFor([{ area: 'D1/G1' }], { area: 'D1' })).toMatchObject({ ok: false, reason: 'outside' });
    expect(reportScopeFor([{ area: 'D1/G1' }, { area: 'D1/G2' }], {})).toMatchObject({ ok: false, reason: 'choose', areas: ['D1/G1', 'D1/G2'] });
    // The choices, machine-readable: what the actor may name instead.
    expect(reportScopeFor([{ area: 'D1/G2' }, { area: 'D1/G1' }, { area: 'D1/G1' }], {})).toMatchObject({ choices: [{ area: 'D1/G1' }, { area: 'D1/G2' }] });
    expect(reportScopeFor([{ area: 'D1/G1' }], { area: 'D2' })).toMatchObject({ reason: 'outside', choices: [{ area: 'D1/G1' }] });
    expect(
      reportScopeFor(
        [
          { area: 'D2', domain: 'gas' },
          { area: 'D1', domain: 'gas' },
          { area: 'D1', domain: 'fire' },
        ],
        {},
      ),
    ).toMatchObject({
      reason: 'choose',
      choices: [
        { area: 'D1', domain: 'fire' },
        { area: 'D1', domain: 'gas' },
        { area: 'D2', domain: 'gas' },
      ],
    });
    expect(
      reportScopeFor(
        [
          { area: 'D1', domain: 'gas' },
          { area: 'D1', domain: 'fire' },
        ],
        { area: 'D1/G3' },
      ),
    ).toMatchObject({
      reason: 'choose',
      choices: [
        { area: 'D1/G3', domain: 'fire' },
        { area: 'D1/G3', domain: 'gas' },
      ],
    });
    expect(reportScopeFor([{ enterpriseId: 'E1' }], {})).toMatchObject({ reason: 'none', choices: [] });
    // An officer: narrowed to its department's domain.
    expect(reportScopeFor([{ area: 'D1', domain: 'gas' }], { area: 'D1/G2' })).toEqual({ ok: true, scope: { area: 'D1/G2', domain: 'gas' } });
    expect(reportScopeFor([{ area: 'D1', domain: 'gas' }], { area: 'D1', domain: 'fire' })).toMatchObject({ ok: false, reason: 'outside' });
    expect(
      reportScopeFor(
        [
          { area: 'D1', domain: 'gas' },
          { area: 'D1', domain: 'fire' },
        ],
        { area: 'D1' },
      ),
    ).toMatchObject({ ok: false, reason: 'choose', domains: ['fire', 'gas'] });
    expect(
      reportScopeFor(
        [
          { area: 'D1', domain: 'gas' },
          { area: 'D1', domain: 'fire' },
        ],
        {},
      ),
    ).toMatchObject({ ok: false, reason: 'choose', domains: ['fire', 'gas'] });
    expect(
      reportScopeFor(
        [
          { area: 'D1', domain: 'gas' },
          { area: 'D1', domain: 'fire' },
        ],
        { area: 'D1', domain: 'fire' },
      ),
    ).toEqual({ ok: true, scope: { area: 'D1', domain: 'fire' } });
    // An enterprise user or a landlord: no report.
    expect(reportScopeFor([{ enterpriseId: 'E1' }, { enterpriseId: 'E2', premisesId: 'P1' }], {})).toMatchObject({ ok: false, reason: 'none' });
    expect(reportScopeFor([], { area: 'D1' })).toMatchObject({ ok: false, reason: 'none' });
  });
});

describe('the memory report read model', () => {
  const events: ChainEvent[] = [];
  const records: Parameters<typeof aggregateReportFacts>[1] extends Iterable<infer R> ? R[] : never = [];
  runReportReadModelConformance({
    name: 'memory',
    open: () => {
      events.length = 0;
      records.length = 0;
      return {
        model: createMemoryReportReadModel({
          store: { readLog: async (from, limit) => events.slice(from - 1, from - 1 + limit).map((e, i) => ({ ...e, seq: from + i })) },
          inspections: () => records,
        }),
        writeHazards: (hazards) => void events.push(...hazards.flatMap((h) => h.events)),
        writeInspections: (r) => void records.push(...r),
        store: {
          append: async (input) => {
            events.push(...input.events);
            return { kind: 'ok', events: [] };
          },
        },
      };
    },
    describe,
    it,
    expect,
  });
});

describe('a report of a period that has not begun (by `now`, the server’s clock)', () => {
  const model = { reportFacts: async (q: Parameters<typeof aggregateReportFacts>[2]) => aggregateReportFacts([], [], q), areas: async () => ['D1/G1'] };
  const now = '2026-12-05T02:00:00.000Z';
  it('is refused (INVALID_PERIOD, both languages, naming its start and the clock in China time); the current period is a report to date', async () => {
    for (const [kind, period] of [
      ['weekly', '9999-W52'],
      ['weekly', '2026-W50'],
      ['monthly', '2027-01'],
      ['quarterly', '2027-Q1'],
    ] as const) {
      await expect(buildPeriodicReport(model, { kind, period, now })).rejects.toMatchObject({
        code: 'INVALID_PERIOD',
        messages: { en: expect.stringContaining("the server's clock reads 2026-12-05 10:00 (China time)") },
      });
    }
    const error = await buildPeriodicReport(model, { kind: 'monthly', period: '2027-01', now }).catch((e: unknown) => e);
    expect(error instanceof ReportError && error.messages['zh-CN']).toBe('报表期间 2027-01 尚未开始：自 2027-01-01 00:00（北京时间）起，服务器时间为 2026-12-05 10:00（北京时间）');
    const current = await buildPeriodicReport(model, { kind: 'monthly', period: '2026-12', now });
    expect([current.asOf, current.period.from]).toEqual([now, '2026-11-30T16:00:00.000Z']);
    // Its first instant has begun.
    expect((await buildPeriodicReport(model, { kind: 'monthly', period: '2026-12', now: '2026-11-30T16:00:00.000Z' })).asOf).toBe('2026-11-30T16:00:00.000Z');
  });

  it('echoes a long period, area or domain cut to 64 characters', async () => {
    const long = 'D'.repeat(5_000);
    for (const input of [{ period: long }, { period: '2026-11', area: `${long}.` }, { period: '2026-11', domain: `x${long}.` }]) {
      const error = await buildPeriodicReport(model, { kind: 'monthly', now, ...input }).catch((e: unknown) => e);
      expect(error instanceof ReportError && error.messages.en.length < 200).toBe(true);
    }
  });
});
