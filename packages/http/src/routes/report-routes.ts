import {
  areaRecorded,
  buildPeriodicReport,
  domainLabels,
  readScopes,
  renderReportHtml,
  REPORT_KINDS,
  ReportError,
  reportPeriodOf,
  reportScopeFor,
  reportSheets,
  roundCoverageForReport,
  roundUnits,
  quoteInput,
  type BuildReportInput,
  type ReportKind,
} from '@anjian/core/internal';
import { badRequest } from '../bad-request.js';
import { checkFilterValues } from '../filter-values.js';
import { jsonResponse } from '../json-response.js';
import { queryCount } from '../query-count.js';
import { HttpProblem } from '../problem.js';
import { readerOf, withReaderCodes } from '../reader-of.js';
import type { JsonSchema, RouteSpec } from '../types.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FORMATS = ['json', 'html', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

const count = { type: 'integer', minimum: 0 } as const;
const rate = { type: 'number', minimum: 0, maximum: 1 } as const;
const str = { type: 'string' } as const;
const breakdown: JsonSchema = {
  type: 'array',
  items: { type: 'object', required: ['key', 'found', 'closed', 'onTime'], additionalProperties: false, properties: { key: str, found: count, closed: count, onTime: count } },
};

/** The report as JSON (`PeriodicReport` of `@anjian/core/internal`). */
export const PERIODIC_REPORT: JsonSchema = {
  type: 'object',
  description: 'A periodic report as data / 报表数据',
  required: [
    'kind',
    'title',
    'period',
    'asOf',
    'area',
    'domain',
    'generatedAt',
    'recurrenceDays',
    'summary',
    'byLevel',
    'byDomain',
    'bySource',
    'inspectionsBySource',
    'days',
    'areas',
    'enterprises',
    'overdue',
    'coverage',
  ],
  additionalProperties: false,
  properties: {
    kind: { enum: [...REPORT_KINDS] },
    title: { type: 'object', required: ['zh-CN', 'en'], properties: { 'zh-CN': str, en: str } },
    period: { type: 'object', required: ['kind', 'label', 'from', 'to'], additionalProperties: false, properties: { kind: { enum: [...REPORT_KINDS] }, label: str, from: str, to: str } },
    asOf: str,
    area: { type: ['string', 'null'] },
    domain: { type: ['string', 'null'] },
    generatedAt: str,
    recurrenceDays: count,
    summary: {
      type: 'object',
      required: ['found', 'foundClosed', 'closureRate', 'closed', 'closedOnTime', 'onTimeRate', 'overdue', 'recurrent', 'recurrentEnterprises', 'inspections'],
      additionalProperties: false,
      properties: {
        found: { ...count, description: 'hazards reported in the period / 本期发现' },
        foundClosed: { ...count, description: 'of those, closed by the end of the period / 其中已整改' },
        closureRate: { ...rate, description: 'foundClosed / found (整改率)' },
        closed: { ...count, description: 'hazards closed in the period / 本期整改销号' },
        closedOnTime: count,
        onTimeRate: { ...rate, description: 'closedOnTime / closed (按期整改率)' },
        overdue: { ...count, description: 'open past the running deadline at asOf / 逾期未整改' },
        recurrent: { ...count, description: 'same item failed again at the enterprise within recurrenceDays / 重复发生' },
        recurrentEnterprises: count,
        inspections: count,
      },
    },
    byLevel: breakdown,
    byDomain: breakdown,
    bySource: breakdown,
    inspectionsBySource: { type: 'array', items: { type: 'object', required: ['key', 'count'], additionalProperties: false, properties: { key: str, count } } },
    days: { type: 'array', items: { type: 'object', required: ['day', 'found', 'closed'], additionalProperties: false, properties: { day: str, found: count, closed: count } } },
    areas: {
      type: 'array',
      items: {
        type: 'object',
        required: ['rank', 'area', 'found', 'closed', 'onTime', 'onTimeRate', 'overdue', 'recurrent', 'inspections'],
        additionalProperties: false,
        properties: { rank: count, area: str, found: count, closed: count, onTime: count, onTimeRate: rate, overdue: count, recurrent: count, inspections: count },
      },
    },
    enterprises: {
      type: 'array',
      items: {
        type: 'object',
        required: ['rank', 'enterpriseId', 'area', 'found', 'recurrent', 'overdue'],
        additionalProperties: false,
        properties: { rank: count, enterpriseId: str, area: str, found: count, recurrent: count, overdue: count },
      },
    },
    overdue: {
      type: 'object',
      required: ['total', 'items'],
      additionalProperties: false,
      properties: {
        total: count,
        items: {
          type: 'array',
          items: {
            type: 'object',
            required: ['hazardId', 'enterpriseId', 'area', 'domain', 'level', 'deadline', 'createdAt'],
            additionalProperties: false,
            properties: { hazardId: str, enterpriseId: str, area: str, domain: str, level: str, deadline: str, createdAt: str },
          },
        },
      },
    },
    coverage: {
      type: ['array', 'null'],
      items: {
        type: 'object',
        required: ['roundId', 'title', 'due', 'done', 'overdue'],
        additionalProperties: false,
        properties: { roundId: str, title: { type: 'object', required: ['zh-CN'], properties: { 'zh-CN': str, en: str } }, due: count, done: count, overdue: count },
      },
    },
  },
};

/** The format asked for: `?format=` first, else the Accept header (HTML or a workbook), else JSON. */
function formatOf(query: URLSearchParams, accept: string | null): Format {
  const asked = query.get('format');
  if (asked !== null) {
    if (!(FORMATS as readonly string[]).includes(asked)) throw badRequest(`format 应为 json、html 或 xlsx，实际为 ${quoteInput(asked)}`, `format must be json, html or xlsx, got ${quoteInput(asked)}`);
    return asked as Format;
  }
  const a = (accept ?? '').toLowerCase();
  if (a.includes(XLSX)) return 'xlsx';
  if (a.includes('text/html') && !a.includes('application/json')) return 'html';
  return 'json';
}

/** `GET /reports/{kind}` — only when `createAnjianApi({ reports })` is configured. */
export const REPORT_ROUTES: readonly RouteSpec[] = [
  {
    method: 'get',
    path: '/reports/{kind}',
    operationId: 'getReport',
    summary: 'Weekly analysis, monthly bulletin or quarterly assessment, as JSON, HTML or .xlsx / 周研判、月通报、季度考核',
    description:
      "The periodic report of a period (UTC+8) and scope: hazards found and closed by level, domain and source, closure and on-time rates, overdue hazards, areas and enterprises ranked, recurrence. kind is weekly (period 2026-W48), monthly (2026-11) or quarterly (2026-Q4); without period, the current one. The format follows ?format, else Accept (text/html or the .xlsx media type), else JSON. Who may read it derives from the read policy: a department admin any area or the whole city; a grid inspector its grid areas; an enforcement officer its departments' domains in their areas (the report is narrowed to the domain); an enterprise user none (403 REPORT_SCOPE, also for an area or domain outside the actor's). An actor with several scopes who names none (or an area where several domains are its) gets 400 REPORT_SCOPE_REQUIRED whose choices list the scopes it may name ({ area, domain? }); ask again with one.\n\n按期间（中国标准时间）和范围生成报表：按等级、领域、来源的发现与整改数，整改率与按期整改率，逾期隐患，区域与企业排名，重复发生。kind 为 weekly（period 如 2026-W48）、monthly（2026-11）或 quarterly（2026-Q4），省略 period 取当前期间。格式取 ?format，否则按 Accept（text/html 或 xlsx 类型），默认 JSON。读取权限由读取规则推导：管理部门可看任意区域或全市；网格员看其网格；执法人员看其部门领域在其区域内的报表；企业用户不可看（403 REPORT_SCOPE，范围外的区域或领域亦同）。有多个范围而未指定时返回 400 REPORT_SCOPE_REQUIRED，choices 列出可选的范围（area、domain），选一个重新请求。",
    tags: ['reports'],
    auth: 'required',
    parameters: [
      { name: 'period', in: 'query', description: '2026-W48 | 2026-11 | 2026-Q4; default the current period / 期间，默认当前', schema: { type: 'string' } },
      { name: 'area', in: 'query', description: 'area code (sub-areas included) / 区域代码（含下级）', schema: { type: 'string' } },
      { name: 'domain', in: 'query', description: 'one domain (a department report) / 领域', schema: { type: 'string' } },
      { name: 'format', in: 'query', description: 'json | html | xlsx (else by Accept) / 格式', schema: { enum: [...FORMATS] } },
      { name: 'lang', in: 'query', description: 'language of the HTML page or workbook (else Accept-Language) / 报表语言', schema: { enum: ['zh-CN', 'en'] } },
      { name: 'limit', in: 'query', description: 'enterprises ranked and overdue hazards listed, 1–500, default 20 / 排名与逾期清单条数', schema: { type: 'string', pattern: '^[0-9]+$' } },
    ],
    response: { status: 200, description: 'the report (JSON, HTML page or .xlsx workbook) / 报表', schema: PERIODIC_REPORT, mediaTypes: ['application/json', 'text/html', XLSX] },
    errors: [400, 401, 403, 406, 422],
    problemCodes: withReaderCodes({ 400: ['REPORT_SCOPE_REQUIRED'], 403: ['REPORT_SCOPE'], 406: ['NOT_ACCEPTABLE'], 422: ['UNKNOWN_QUERY_VALUE'] }),
    async handle(ctx) {
      const { params, query, request, deps, options, lang, packs } = ctx;
      // An actor the directory does not know: 403 UNKNOWN_ACTOR first (it was REPORT_SCOPE, or a 404 or 400 before that).
      const actor = await readerOf(ctx);
      const reports = options.reports;
      // createAnjianApi mounts this route only with the option: this guards a host that mounts REPORT_ROUTES itself.
      if (!reports)
        throw new HttpProblem(404, 'REPORTS_NOT_CONFIGURED', { 'zh-CN': '未启用报表', en: 'Reports not configured' }, { 'zh-CN': '本服务未配置报表数据', en: 'this server has no report read model' });
      const kind = params.kind as ReportKind;
      if (!REPORT_KINDS.includes(kind))
        throw badRequest(`没有报表类型 ${quoteInput(params.kind ?? '')}（可选：weekly、monthly、quarterly）`, `no report kind ${quoteInput(params.kind ?? '')} (one of: weekly, monthly, quarterly)`);
      const format = formatOf(query, request.headers.get('accept'));
      if (format === 'xlsx' && !reports.xlsx)
        throw new HttpProblem(406, 'NOT_ACCEPTABLE', { 'zh-CN': '无法提供该格式', en: 'Not acceptable' }, { 'zh-CN': '本服务未配置 Excel 输出', en: 'this server writes no .xlsx' });
      const langText = query.get('lang');
      if (langText !== null && langText !== 'zh-CN' && langText !== 'en')
        throw badRequest(`lang 应为 zh-CN 或 en，实际为 ${quoteInput(langText)}`, `lang must be zh-CN or en, got ${quoteInput(langText)}`);
      const reportLang = langText ?? lang;
      const limit = queryCount(query, 'limit', 20, 500);
      // (An empty area= or domain= never gets here — checkQuery refuses it — so it cannot widen the report to the whole city.)
      const area = query.get('area');
      const domain = query.get('domain');
      const requested = { ...(area === null ? {} : { area }), ...(domain === null ? {} : { domain }) };
      const decision = reportScopeFor(readScopes(actor), requested);
      if (!decision.ok) {
        const byDomain = decision.reason === 'choose' && decision.domains.length > 1;
        const zh = {
          none: '当前用户无权查看区域报表',
          outside: '该区域或领域不在当前用户的辖区内',
          choose: byDomain ? `请用 domain 指定领域（可选：${decision.domains.join('、')}）` : `请用 area 指定区域（可选：${decision.areas.join('、')}）`,
        }[decision.reason];
        const en = {
          none: 'the actor may not read area reports',
          outside: "the area or domain is outside the actor's jurisdiction",
          choose: byDomain ? `name a domain with domain= (one of: ${decision.domains.join(', ')})` : `name an area with area= (one of: ${decision.areas.join(', ')})`,
        }[decision.reason];
        // "You must choose" is a request to complete (400, with the choices to pick from); "you may not" is a 403.
        if (decision.reason === 'choose')
          throw new HttpProblem(400, 'REPORT_SCOPE_REQUIRED', { 'zh-CN': '请指定报表范围', en: 'Report scope required' }, { 'zh-CN': zh, en }, undefined, undefined, decision.choices);
        throw new HttpProblem(403, 'REPORT_SCOPE', { 'zh-CN': '无权访问', en: 'Forbidden' }, { 'zh-CN': zh, en });
      }
      // A domain or an area the server does not know is an error, not a report of zeros — checked as on /hazards
      // (one definition: the register, the actor's jurisdiction, the records it reads), and an area the report model
      // has records of (inspections too) is known here as well. A known area with nothing recorded is a report of zeros.
      await checkFilterValues(ctx, actor, readScopes(actor), { domain: 'domain', area: 'area' }, (a) => areaRecorded(reports.model, a));
      const now = deps.clock.now().toISOString();
      // Rounds' coverage: the host's hook, else the rounds the API has (relations and the inspection log).
      const relations = options.relations;
      const inspections = deps.inspections;
      const coverage: BuildReportInput['coverage'] =
        reports.coverage ??
        (relations && inspections
          ? async (period, area, domain) =>
              roundCoverageForReport({ rounds: relations.rounds, inspections, units: await roundUnits(await relations.enterprises(), relations.rental) }, period, area, domain, new Date(now))
          : undefined);
      let report;
      try {
        report = await buildPeriodicReport(reports.model, {
          kind,
          period: query.get('period') ?? reportPeriodOf(kind, now).label,
          now,
          limit,
          ...decision.scope,
          // The area passed checkFilterValues above: known, whether or not the model has a record in it.
          knownArea: async () => true,
          ...(reports.recurrenceDays === undefined ? {} : { recurrenceDays: reports.recurrenceDays }),
          ...(coverage === undefined ? {} : { coverage }),
        });
      } catch (error) {
        if (error instanceof ReportError) throw badRequest(error.messages['zh-CN'], error.messages.en);
        throw error;
      }
      const file = `${kind}-${report.period.label}${report.area === null ? '' : `-${report.area.replaceAll('/', '_')}`}${report.domain === null ? '' : `-${report.domain}`}`;
      const headers = { 'cache-control': 'private, no-cache', vary: 'Accept, Accept-Language' };
      if (format === 'json') return jsonResponse(report, 200, headers);
      // The domains as the server's packs name them (燃气 for gas); a domain no pack serves shows as its code, marked.
      const domains = domainLabels(packs.values());
      if (format === 'html') {
        return new Response(renderReportHtml(report, { lang: reportLang, domains }), {
          status: 200,
          headers: {
            ...headers,
            'content-type': 'text/html; charset=utf-8',
            'content-disposition': `inline; filename="${file}.html"`,
            // Self-contained: inline print CSS and SVG, no script.
            'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox",
          },
        });
      }
      const bytes = await (reports.xlsx as NonNullable<typeof reports.xlsx>)(reportSheets(report, reportLang, { domains }), report);
      return new Response(bytes as Uint8Array<ArrayBuffer>, { status: 200, headers: { ...headers, 'content-type': XLSX, 'content-disposition': `attachment; filename="${file}.xlsx"` } });
    },
  },
];
