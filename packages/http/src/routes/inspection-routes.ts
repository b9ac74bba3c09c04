import { compilePack, type EvidenceRef, type FindingSource, type Inspection, type Pack, type PackEvaluator } from '@anjian/core';
import { badRequest } from '../bad-request.js';
import { jsonResponse } from '../json-response.js';
import { HttpProblem, type ProblemIssue } from '../problem.js';
import { readJsonObject } from '../read-json-body.js';
import { rejectionStatus } from '../rejection-status.js';
import { INSPECTION, INSPECTION_RESULT } from '../schemas.js';
import type { RouteSpec } from '../types.js';
import { reportFindings } from './report-findings.js';

const evaluators = new WeakMap<Pack, PackEvaluator>();
const SOURCES: readonly FindingSource[] = ['self_check', 'grid_patrol', 'enforcement', 'sensor', 'permit'];

function evaluatorOf(pack: Pack): PackEvaluator {
  let evaluator = evaluators.get(pack);
  if (!evaluator) evaluators.set(pack, (evaluator = compilePack(pack)));
  return evaluator;
}

const invalid = (zh: string, en: string, issues?: ProblemIssue[]) =>
  new HttpProblem(422, 'INVALID_INSPECTION', { 'zh-CN': '检查记录无效', en: 'Invalid inspection' }, { 'zh-CN': zh, en }, issues);

/** `POST /inspections`: classify, and with `?report=true` report each hazard into the chain. */
export const INSPECTION_ROUTES: readonly RouteSpec[] = [
  {
    method: 'post',
    path: '/inspections',
    operationId: 'submitInspection',
    summary: 'Classify an inspection; with report=true, report each hazard / 提交检查记录并判定隐患',
    tags: ['inspections'],
    auth: 'required',
    parameters: [
      { name: 'report', in: 'query', description: 'also report each hazard into the review chain / 同时上报每项隐患', schema: { enum: ['true', 'false'] } },
      { name: 'Idempotency-Key', in: 'header', description: 'required with report=true; a retry with the same key replays / report=true 时必填', schema: { type: 'string', minLength: 1 } },
    ],
    requestBody: INSPECTION,
    response: { status: 200, description: 'classification / 判定结果', schema: INSPECTION_RESULT },
    errors: [400, 401, 403, 413, 422],
    async handle(ctx) {
      const body = await readJsonObject(ctx.request, ctx.options.maxBodyBytes ?? 1_048_576);
      const packRef = typeof body.pack === 'string' ? body.pack.split('@')[0] ?? '' : '';
      const pack = ctx.packs.get(packRef);
      if (!pack) throw invalid(`没有检查表 ${JSON.stringify(body.pack)}`, `no pack ${JSON.stringify(body.pack)}`, [
        { code: 'PACK_MISMATCH', severity: 'error', pointer: '/pack', message: { 'zh-CN': `没有检查表 ${JSON.stringify(body.pack)}`, en: `no pack ${JSON.stringify(body.pack)}` } },
      ]);
      const inspection = body as unknown as Inspection;
      const evaluator = evaluatorOf(pack);
      const issues = evaluator.check(inspection);
      const errors = issues.filter((i) => i.severity === 'error');
      if (errors.length > 0) {
        throw invalid(`检查记录有 ${errors.length} 处错误`, `the inspection has ${errors.length} error(s)`, issues as ProblemIssue[]);
      }
      const classification = evaluator.evaluate(inspection);
      const result: Record<string, unknown> = { classification, warnings: issues };
      if (ctx.query.get('report') === 'true') {
        const key = ctx.request.headers.get('idempotency-key');
        if (!key) throw badRequest('report=true 时必须提供 Idempotency-Key 请求头', 'report=true needs an Idempotency-Key header');
        const subject = (body.subject ?? {}) as { id?: unknown; enterpriseId?: unknown; area?: unknown };
        const enterpriseId = typeof subject.enterpriseId === 'string' ? subject.enterpriseId : subject.id;
        if (typeof subject.area !== 'string' || typeof enterpriseId !== 'string') {
          throw invalid('上报隐患需要 subject.area 和 subject.enterpriseId（或 subject.id）', 'reporting needs subject.area and subject.enterpriseId (or subject.id)');
        }
        if (typeof body.source !== 'string' || !SOURCES.includes(body.source as FindingSource)) {
          throw invalid(`上报隐患需要 source（${SOURCES.join('、')}）`, `reporting needs a source (${SOURCES.join(', ')})`);
        }
        const evidence = Array.isArray(body.evidence) ? (body.evidence as EvidenceRef[]) : [];
        const reports = await reportFindings(ctx, pack, classification, { area: subject.area, enterpriseId, source: body.source as FindingSource, evidence }, key);
        const first = reports[0];
        if (first && reports.every((r) => !r.ok) && first.rejection) {
          const { code, message } = first.rejection;
          throw new HttpProblem(rejectionStatus(code, false), code, { 'zh-CN': '上报被拒绝', en: 'Report refused' }, message);
        }
        result.reports = reports;
      }
      return jsonResponse(result);
    },
  },
];
