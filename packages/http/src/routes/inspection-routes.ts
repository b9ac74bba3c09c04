import { reportInspection, type EvidenceRef, type Inspection, type PackEvaluator } from '@anjian/core';
import { cutInput, IDEMPOTENCY_KEY_RULE, quoteInput, sourceForActor } from '@anjian/core/internal';
import { INSPECTION_KEYS as CORE_INSPECTION_KEYS, SUBJECT_KEYS as CORE_SUBJECT_KEYS } from '@anjian/core/internal';
import { coSignCodeOf, CO_SIGN_CODE_PARAMETER } from '../co-sign-code-header.js';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKey } from '../idempotency-key.js';
import { issueCommandDocuments } from '../issue-command-documents.js';
import { jsonResponse } from '../json-response.js';
import { HttpProblem, type ProblemIssue } from '../problem.js';
import { readJsonObject } from '../read-json-body.js';
import { actorOf } from '../reader-of.js';
import { rejectionStatus } from '../rejection-status.js';
import { INSPECTION, INSPECTION_RESULT } from '../schemas.js';
import type { RouteContext, RouteSpec } from '../types.js';

const invalid = (zh: string, en: string, issues?: ProblemIssue[]) => new HttpProblem(422, 'INVALID_INSPECTION', { 'zh-CN': '检查记录无效', en: 'Invalid inspection' }, { 'zh-CN': zh, en }, issues);

const issue = (code: string, pointer: string, zh: string, en: string): ProblemIssue => ({ code, severity: 'error', pointer, message: { 'zh-CN': zh, en } });

/** Keys an inspection body may carry (core's one list); anything else is refused, never ignored (fail closed). */
const INSPECTION_KEYS: ReadonlySet<string> = new Set(CORE_INSPECTION_KEYS);
const SUBJECT_KEYS: ReadonlySet<string> = new Set(CORE_SUBJECT_KEYS);

/**
 * Unknown keys at the top of the body or in `subject` (a client declaring `level`,
 * `deadline`, `domain` …): one located issue each, so nothing declared is silently dropped.
 */
function unknownKeys(body: Record<string, unknown>): ProblemIssue[] {
  const issues: ProblemIssue[] = [];
  const refuse = (pointer: string, key: string) =>
    issues.push(
      issue(
        'UNKNOWN_KEY',
        pointer,
        `检查记录不能包含 ${quoteInput(key)}：等级、期限、区域等由服务器判定`,
        `an inspection cannot carry ${quoteInput(key)}: level, deadline, area and the like are decided by the server`,
      ),
    );
  for (const key of Object.keys(body)) if (!INSPECTION_KEYS.has(key)) refuse(`/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, key);
  const subject = body.subject;
  if (typeof subject === 'object' && subject !== null && !Array.isArray(subject)) {
    for (const key of Object.keys(subject)) if (!SUBJECT_KEYS.has(key)) refuse(`/subject/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, key);
  }
  return issues;
}

const REPORT_REFUSED = { 'zh-CN': '上报被拒绝', en: 'Report refused' };
const forbidden = (zh: string, en: string) => new HttpProblem(403, 'FORBIDDEN', REPORT_REFUSED, { 'zh-CN': zh, en });

/**
 * Reports the hazards of a classified inspection through core's `reportInspection`: level,
 * deadline, pack, domain from the server's pack, area from the Directory's record of the
 * enterprise, source from the actor's role. The client names only the enterprise
 * (`subject.enterpriseId`); a `subject.area` or `source` that disagrees with what the
 * server derives is refused (422), an actor who may not report for that enterprise is a
 * 403 — in both cases before anything is stored.
 */
async function report(ctx: RouteContext, body: Record<string, unknown>, evaluator: PackEvaluator): Promise<Record<string, unknown>> {
  // The commands' key (one definition); only the words for a missing one are this route's.
  const key = idempotencyKey(ctx, {
    'zh-CN': `report=true 时必须提供 Idempotency-Key 请求头（${IDEMPOTENCY_KEY_RULE['zh-CN']}）`,
    en: `report=true needs an Idempotency-Key header (${IDEMPOTENCY_KEY_RULE.en})`,
  });
  const subject = (typeof body.subject === 'object' && body.subject !== null ? body.subject : {}) as Record<string, unknown>;
  const enterpriseId = subject.enterpriseId ?? subject.id;
  if (typeof enterpriseId !== 'string') {
    throw invalid('上报隐患需要 subject.enterpriseId', 'reporting needs subject.enterpriseId', [
      issue('REQUIRED', '/subject/enterpriseId', '缺少被检查企业的编号', 'the inspected enterprise id is missing'),
    ]);
  }
  // An actor the directory does not know: the same 403 UNKNOWN_ACTOR, with what to do, as a read or a command answers.
  const actor = await actorOf(ctx, REPORT_REFUSED);
  const enterprise = await ctx.deps.directory.enterprise(enterpriseId);
  if (enterprise) {
    const source = sourceForActor(actor, { level: 'general', domain: evaluator.pack.domain, area: enterprise.area, enterpriseId: enterprise.id });
    if (source === null) throw forbidden(`你不能为企业 ${enterprise.id} 上报 ${evaluator.pack.domain} 隐患`, `you may not report ${evaluator.pack.domain} hazards for enterprise ${enterprise.id}`);
    const mismatches: ProblemIssue[] = [];
    if (subject.area !== undefined && subject.area !== enterprise.area) {
      mismatches.push(
        issue('AREA_MISMATCH', '/subject/area', `企业登记的区域是 ${enterprise.area}，区域由登记信息决定`, `the enterprise is registered in ${enterprise.area}; the area comes from the registry`),
      );
    }
    if (body.source !== undefined && body.source !== source) {
      mismatches.push(issue('SOURCE_MISMATCH', '/source', `来源由你的角色决定：${source}`, `the source follows from your role: ${source}`));
    }
    if (mismatches.length > 0) throw invalid('检查记录与登记信息不符', 'the inspection disagrees with what the server records', mismatches);
  }
  // (The second officer is derived from his co-sign code: a query naming him is refused by checkQuery.)
  const result = await reportInspection(
    // The rental directory checks a named premises and derives its landlord (issue 17).
    ctx.options.relations ? { ...ctx.deps, rental: ctx.options.relations.rental } : ctx.deps,
    {
      inspection: body as unknown as Inspection,
      packId: evaluator.pack.id,
      enterpriseId,
      ...(subject.unitId === undefined ? {} : { unitId: subject.unitId as string }),
      ...(subject.premisesId === undefined ? {} : { premisesId: subject.premisesId as string }),
      ...(body.evidence === undefined ? {} : { evidence: body.evidence as readonly EvidenceRef[] }),
      ...(body.fixedOnSpot === undefined ? {} : { fixedOnSpot: body.fixedOnSpot as readonly string[] }),
      key,
    },
    ctx.actorId as string,
    coSignCodeOf(ctx),
  );
  if (!result.ok) {
    const issues = (result.issues as ProblemIssue[]).map(locatedInBody(subject));
    throw invalid(`检查记录有 ${issues.length} 处错误，未上报`, `the inspection has ${issues.length} error(s); nothing was reported`, issues);
  }
  const first = result.reports[0];
  if (first && result.reports.every((r) => !r.ok) && first.rejection) {
    const { code, message } = first.rejection;
    throw new HttpProblem(rejectionStatus(code, false), code, REPORT_REFUSED, message);
  }
  // An officer's report with the second officer issues the 现场检查记录: issued now, by this request.
  const reports = ctx.options.documents
    ? await Promise.all(result.reports.map(async (r) => (r.ok ? { ...r, documents: await issueCommandDocuments(ctx, r.hazardId, await reportedEventIds(ctx, r.hazardId)) } : r)))
    : result.reports;
  return { classification: result.classification, warnings: result.warnings, reports, ...(result.inspectionId === undefined ? {} : { inspectionId: result.inspectionId }) };
}

/** The id of a hazard's `reported` event (the one a report writes). */
async function reportedEventIds(ctx: RouteContext, hazardId: string): Promise<string[]> {
  const events = await ctx.deps.store.readEvents(hazardId);
  return events.filter((e) => e.type === 'reported').map((e) => e.id);
}

/**
 * Core's report issues point into its input (`/premisesId`, `/unitId`, `/enterpriseId`); the
 * request carries those in `subject`, so the issue points there, where the client can show it.
 */
function locatedInBody(subject: Record<string, unknown>): (i: ProblemIssue) => ProblemIssue {
  const inBody: Record<string, string> = {
    '/premisesId': '/subject/premisesId',
    '/unitId': '/subject/unitId',
    '/enterpriseId': subject.enterpriseId === undefined ? '/subject/id' : '/subject/enterpriseId',
  };
  return (i) => (i.pointer !== undefined && Object.hasOwn(inBody, i.pointer) ? { ...i, pointer: inBody[i.pointer] } : i);
}

/** `POST /inspections`: classify, and with `?report=true` report each hazard into the chain. */
export const INSPECTION_ROUTES: readonly RouteSpec[] = [
  {
    method: 'post',
    path: '/inspections',
    operationId: 'submitInspection',
    summary: 'Classify an inspection; with report=true, report each hazard (level, area, source derived on the server) / 提交检查记录并判定隐患',
    description:
      "Classifies the findings of an inspection against a pack the server serves. With report=true (and an Idempotency-Key) each hazard is reported into the review chain: level, deadline, domain from the server's pack, area from the directory's record of the enterprise, source from the actor's role; a retry with the same key replays. The uploads an evidence answer names (POST /evidence first) are attached to the hazards of the items that ask that question — to every hazard for a question no item asks — and each reported event names the inspection record (inspectionId); an answer naming an upload that is unknown, someone else's or attached elsewhere is a 422 at the answer, nothing reported. A hazard whose deadline in working days would reach a year whose holiday arrangement the host has not loaded makes it a 503 CALENDAR_NOT_COVERED naming the year, no hazard reported.\n\n按服务器上的检查表判定检查结果。report=true（需幂等键）时逐项上报隐患：等级、期限、领域来自检查表，区域来自企业登记信息，来源来自用户角色；相同键重试返回原结果。证据类答案引用的上传文件（先 POST /evidence）附在询问该问题的检查项所判定的隐患上（无检查项询问的问题附在每项隐患上），上报事件记录检查记录编号（inspectionId）；答案引用不存在、他人上传或已用于别处的文件时返回 422（定位到该答案），不上报任何隐患。某项隐患按工作日计算的期限经过宿主未载入节假日安排的年份时返回 503（CALENDAR_NOT_COVERED，说明年份），不上报任何隐患。",
    tags: ['inspections'],
    auth: 'required',
    parameters: [
      { name: 'report', in: 'query', description: 'also report each hazard into the review chain / 同时上报每项隐患', schema: { enum: ['true', 'false'] } },
      CO_SIGN_CODE_PARAMETER,
      { ...IDEMPOTENCY_KEY_HEADER, required: false, description: 'required with report=true (1–128 of A–Z a–z 0–9 . _ : -); a retry with the same key replays / report=true 时必填' },
    ],
    requestBody: INSPECTION,
    response: { status: 200, description: 'classification / 判定结果', schema: INSPECTION_RESULT },
    errors: [400, 401, 403, 413, 422, 503],
    async handle(ctx) {
      const body = await readJsonObject(ctx.request, ctx.options.maxBodyBytes ?? 1_048_576);
      const unknown = unknownKeys(body);
      if (unknown.length > 0) throw invalid(`检查记录有 ${unknown.length} 个不认识的字段`, `the inspection has ${unknown.length} unknown key(s)`, unknown);
      const packRef = typeof body.pack === 'string' ? (body.pack.split('@')[0] ?? '') : '';
      const evaluator = ctx.deps.packs?.get(packRef);
      if (!evaluator) {
        const shown = typeof body.pack === 'string' ? quoteInput(body.pack) : cutInput(String(JSON.stringify(body.pack)));
        const text = { zh: `没有检查表 ${shown}`, en: `no pack ${shown}` };
        throw invalid(text.zh, text.en, [issue('PACK_MISMATCH', '/pack', text.zh, text.en)]);
      }
      if (ctx.query.get('report') === 'true') return jsonResponse(await report(ctx, body, evaluator));
      const inspection = body as unknown as Inspection;
      const issues = evaluator.check(inspection);
      const errors = issues.filter((i) => i.severity === 'error');
      if (errors.length > 0) {
        throw invalid(`检查记录有 ${errors.length} 处错误`, `the inspection has ${errors.length} error(s)`, issues as ProblemIssue[]);
      }
      return jsonResponse({ classification: evaluator.evaluate(inspection), warnings: issues });
    },
  },
];
