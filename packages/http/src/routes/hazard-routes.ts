import { isChainError, type HazardSummary } from '@anjian/core';
import { encodeKeysetCursor } from '@anjian/core/ports';
import { penaltyNoticeServices, penaltyReplyPeriod, type PenaltyReplyPeriod } from '@anjian/core/review';
import { canRead, hazardReadView, mayReadDocumentKind, narrow, readScopes, timeBounded } from '@anjian/core/internal';
import { caseNumberOf } from '../document-context.js';
import { checkFilterValues, type FilterNames } from '../filter-values.js';
import { hazardFilterFromQuery } from '../hazard-filter-from-query.js';
import { jsonResponse } from '../json-response.js';
import { queryCount } from '../query-count.js';
import { hazardNotFound, loadReadableHazard } from '../load-readable-hazard.js';
import { readerOf, withReaderCodes } from '../reader-of.js';
import { HAZARD_DETAIL, HAZARD_PAGE } from '../schemas.js';
import type { ParameterSpec, RouteSpec } from '../types.js';

/** Query parameters shared by the hazard list and the statistics. */
export const FILTER_PARAMETERS: readonly ParameterSpec[] = [
  { name: 'level', in: 'query', description: 'simple, general, major (comma-separated) / 等级', schema: { type: 'string' } },
  { name: 'status', in: 'query', description: 'statuses (comma-separated) / 状态', schema: { type: 'string' } },
  { name: 'domain', in: 'query', description: 'domain, e.g. gas / 领域', schema: { type: 'string' } },
  { name: 'area', in: 'query', description: 'area code; matches sub-areas / 区域（含下级）', schema: { type: 'string' } },
  { name: 'enterprise', in: 'query', description: 'enterprise id / 企业', schema: { type: 'string' } },
  { name: 'provisional', in: 'query', description: 'true|false: level awaits confirmation / 疑似', schema: { enum: ['true', 'false'] } },
  { name: 'overdue', in: 'query', description: 'true: running deadline passed / 已逾期', schema: { enum: ['true', 'false'] } },
];

/** The parameters of {@link FILTER_PARAMETERS} that name what the server knows (checked by checkFilterValues). */
export const FILTER_NAMES: FilterNames = { enterprise: 'enterprise', domain: 'domain', area: 'area' };

const MAX_LIMIT = 200;
/** Store pages a multi-scope listing reads at most before answering with what it found. */
const MAX_SCAN_PAGES = 20;

/** `GET /hazards`, `GET /hazards/{id}`. */
export const HAZARD_ROUTES: readonly RouteSpec[] = [
  {
    method: 'get',
    path: '/hazards',
    operationId: 'listHazards',
    summary: 'Filter hazards, keyset-paged / 查询隐患（游标分页）',
    description:
      'The hazards the actor may read, filtered by level, status, domain, area (with sub-areas), enterprise, provisional, overdue; ordered by (updatedAt, hazardId), paged with the opaque `next` cursor.\n\n当前用户可读取的隐患，可按等级、状态、领域、区域（含下级）、企业、疑似、逾期过滤；按更新时间排序，用 next 游标翻页。',
    tags: ['hazards'],
    auth: 'required',
    parameters: [
      ...FILTER_PARAMETERS,
      { name: 'limit', in: 'query', description: `page size 1–${MAX_LIMIT}, default 50 / 每页条数`, schema: { type: 'string', pattern: '^[0-9]+$' } },
      { name: 'after', in: 'query', description: 'the `next` cursor of the previous page / 上一页的 next', schema: { type: 'string' } },
    ],
    response: { status: 200, description: 'a page, ordered by (updatedAt, hazardId) / 一页隐患', schema: HAZARD_PAGE },
    errors: [400, 401, 403, 422],
    problemCodes: withReaderCodes({ 422: ['UNKNOWN_QUERY_VALUE'] }),
    async handle(ctx) {
      const { query, deps } = ctx;
      // An actor the directory does not know is refused (403 UNKNOWN_ACTOR), not answered an empty page.
      const actor = await readerOf(ctx);
      const filter = hazardFilterFromQuery(query, deps.clock.now());
      const scopes = readScopes(actor);
      // An unknown enterprise, domain or area is an error, not an empty page; another enterprise is refused first.
      await checkFilterValues(ctx, actor, scopes, FILTER_NAMES);
      const limit = queryCount(query, 'limit', 50, MAX_LIMIT);
      // A cursor the store did not issue is INVALID_CURSOR, answered as a 400.
      const after = query.get('after');
      if (scopes === 'all') return jsonResponse(await deps.store.query(filter, { limit, after }));
      // One scope (the usual case): narrow the query itself so the indexes serve it (a time-bounded scope is checked row by row below).
      if (scopes.length === 1 && !timeBounded(scopes[0]!)) {
        const narrowed = narrow(filter, scopes[0]!);
        return jsonResponse(narrowed ? await deps.store.query(narrowed, { limit, after }) : { items: [], next: null });
      }
      // Several scopes: walk the filtered list and keep what the actor may read; the cursor
      // stays the store's (the last row looked at), so pages never repeat or skip a row.
      const items: HazardSummary[] = [];
      let next = after;
      for (let pages = 0; pages < MAX_SCAN_PAGES && items.length < limit; pages++) {
        const page = await deps.store.query(filter, { limit, after: next });
        for (const row of page.items) {
          if (items.length === limit) break;
          next = encodeKeysetCursor(row.updatedAt, row.hazardId);
          if (canRead(scopes, row)) items.push(row);
        }
        if (page.next === null && items.length < limit) return jsonResponse({ items, next: null });
      }
      return jsonResponse({ items, next });
    },
  },
  {
    method: 'get',
    path: '/hazards/{id}',
    operationId: 'getHazard',
    summary: 'A hazard: folded state and history (events); ETag is the version / 隐患详情与全部记录',
    description:
      "A hazard's state folded from its events, and every event (the audit trail); ETag is the version, to send back as If-Match; Date is the server's trusted clock at the read, so a client judges the state's deadlines (which step is open now) by the server's time rather than its own. A hazard the actor may not read is a 404, like an unknown one. A landlord reading its tenant's hazard at the premises it rents to it reads it without the tenant's penalty proceeding: no `state.penalty`, `state.caseNo` and `caseNumber` null, `penaltyReplyPeriod` null, and the history without the case filing, penalty notice, statement, hearing and decision events. `access` names the view read: `full`, or `premises` for a landlord reading its tenant's hazard (without the proceeding, whether or not there is one). `penaltyReplyPeriod` is the party's reply period of the current penalty notice, computed by the server from the notice's recorded service in working days of its calendar (《行政处罚法》第八十五条), or null while the notice is not served. When that period reaches a year whose holiday arrangement the host has not loaded, the read is still a 200 with every other field: `penaltyReplyPeriod` null and `penaltyReplyPeriodUnavailable` saying why (CALENDAR_NOT_COVERED, naming the year, 中文 and English), logged and handed to onError so the host loads it; otherwise `penaltyReplyPeriodUnavailable` is null.\n\n隐患当前状态与全部事件（审计记录）；ETag 为版本号，可作为 If-Match 回传；Date 为读取时的服务器可信时间，客户端据此而非本机时钟判断期限（当前可办理的步骤）。无权读取的隐患与不存在的一样为 404。出租方查阅承租方在其出租场所的隐患时不含承租方的行政处罚程序：无 state.penalty，state.caseNo 与 caseNumber 为 null，penaltyReplyPeriod 为 null，记录中不含立案、处罚告知、陈述申辩、听证与处罚决定事件。access 说明所读视图：full 为完整视图，premises 为出租方按出租场所查阅的视图（不含承租方的行政处罚程序）。penaltyReplyPeriod 为当前行政处罚告知书的陈述申辩与听证期限，由服务器自登记的送达时间起按工作日计算（《行政处罚法》第八十五条），告知书未登记送达时为 null。该期限经过宿主未载入节假日安排的年份时仍返回 200 及其他全部字段：penaltyReplyPeriod 为 null，penaltyReplyPeriodUnavailable 说明原因（CALENDAR_NOT_COVERED，说明年份，中英文），并记录日志、交给 onError，以便宿主载入；其他情况下 penaltyReplyPeriodUnavailable 为 null。",
    tags: ['hazards'],
    auth: 'required',
    response: {
      status: 200,
      description:
        'state and history; header ETag: "<version>", header Date: the server\'s clock at the read (what the state\'s deadlines are weighed against) / 状态与历史；Date 为读取时的服务器时间',
      schema: HAZARD_DETAIL,
    },
    errors: [401, 403, 404],
    problemCodes: withReaderCodes(),
    async handle(ctx) {
      const id = ctx.params.id ?? '';
      // A hazard outside the actor's scope answers as unknown, so its existence does not leak.
      const found = await loadReadableHazard(ctx, id, await readerOf(ctx));
      if (!found) throw hazardNotFound(id);
      // A landlord reading its tenant's hazard reads it without the tenant's penalty proceeding (core's hazardReadView).
      const { state, history: events } = hazardReadView(found.access, found.state, found.events);
      const records = ctx.options.documents ? (await ctx.deps.store.readDocuments(id)).filter((r) => mayReadDocumentKind(found.access, r.kind)) : [];
      // The case number (案号) is derived, read-only: the 文号 the register gave the case's 立案审批表.
      const caseNumber = caseNumberOf(ctx.options.documents, state, events, records);
      // The party's reply period, derived here: from the current notice's recorded service, in the server calendar's working
      // days (a page has no calendar). Null while not served — and without a service log nothing is served (the chain decides
      // no penalty then) — and for a landlord, whose view has no penalty.
      const service = ctx.options.documents?.service;
      let replyPeriod: PenaltyReplyPeriod | null = null;
      let replyPeriodUnavailable: { code: 'CALENDAR_NOT_COVERED'; message: { 'zh-CN': string; en: string } } | null = null;
      if (state.penalty && service) {
        const served = penaltyNoticeServices(records, await service.readService(id));
        try {
          replyPeriod = penaltyReplyPeriod(state.penalty, served, ctx.deps.calendar);
        } catch (error) {
          // A period reaching a year whose holiday arrangement the host has not loaded: the read is not refused for it
          // (nothing about the hazard is unknown), nor given a wrong or missing date — the period is said unavailable, and
          // why; the host is told (logged, onError) as for a 503. A command still answers 503: it would record the date.
          if (!isChainError(error) || error.code !== 'CALENDAR_NOT_COVERED') throw error;
          await ctx.reportUnavailable(error);
          replyPeriodUnavailable = { code: error.code, message: { 'zh-CN': error.localized['zh-CN'], en: error.localized.en } };
        }
      }
      // Date is the server's clock at the read: a page weighs the state's deadlines against it, not against the browser's clock.
      // `access` says which view this is (core's readAccess): 'premises' for a landlord, so a page can say what it leaves out.
      return jsonResponse({ state, history: events, caseNumber, penaltyReplyPeriod: replyPeriod, penaltyReplyPeriodUnavailable: replyPeriodUnavailable, access: found.access }, 200, {
        etag: `"${state.version}"`,
        date: ctx.deps.clock.now().toUTCString(),
      });
    },
  },
];
