import { issueCoSignCode, type Rejection } from '@anjian/core';
import { CO_SIGN_ACTS, CO_SIGN_CONTENT_FIELDS, CO_SIGN_POLICY, ID_PATTERN } from '@anjian/core/internal';
import { jsonResponse } from '../json-response.js';
import { hazardNotFound, loadReadableHazard } from '../load-readable-hazard.js';
import { HttpProblem } from '../problem.js';
import { readJsonObject } from '../read-json-body.js';
import { rejectionStatus } from '../rejection-status.js';
import type { JsonSchema, RouteContext, RouteSpec } from '../types.js';

const minutes = CO_SIGN_POLICY.ttlMs / 60_000;

const boundFields = Object.entries(CO_SIGN_CONTENT_FIELDS)
  .map(([act, fields]) => `${act}: ${(fields ?? []).join(', ')}`)
  .join('; ');

const CONTENT: JsonSchema = {
  type: 'object',
  additionalProperties: true,
  description: `what the second officer co-signs: the fields of the act's command the code binds, with the values he confirms (${boundFields}; checked as the command checks them). Required for those acts; other acts bind none of their own — leave it out. A command later submitted with other values is refused (422 CO_SIGN_CONTENT_MISMATCH at the field) / 第二名执法人员确认的内容：该行为指令中确认码绑定的字段及其确认的值；提交的指令与之不同则拒绝`,
};

const requestBody = (acts: readonly string[]): JsonSchema => ({
  type: 'object',
  required: ['act'],
  additionalProperties: false,
  properties: { act: { enum: [...acts], description: 'the act the code confirms (a command type) / 确认的执法行为' }, content: CONTENT },
});

const ISSUED: JsonSchema = {
  type: 'object',
  required: ['code', 'act', 'expiresAt', 'content'],
  properties: {
    code: { type: 'string', pattern: `^[0-9]{${CO_SIGN_POLICY.digits}}$`, description: 'shown once; the server keeps only its salted hash / 仅显示一次' },
    act: { type: 'string' },
    hazardId: { type: 'string' },
    enterpriseId: { type: 'string' },
    expiresAt: { type: 'string', description: 'ISO 8601, the server clock / 失效时间' },
    content: {
      type: 'object',
      additionalProperties: true,
      description:
        "what the code binds, as the server holds it: the confirmed fields, and for an act on a hazard `facts` (enterprise, title, level, domain, pack, the report's evidence): show it to the second officer beside the code / 确认码绑定的内容（服务器所存）：确认的字段及隐患事实，与确认码一并显示给第二名执法人员",
    },
  },
};

function refused(rejection: Rejection): HttpProblem {
  const issues = rejection.pointer === undefined ? undefined : [{ code: rejection.code, severity: 'error' as const, pointer: rejection.pointer, message: rejection.message }];
  return new HttpProblem(rejectionStatus(rejection.code, false), rejection.code, { 'zh-CN': '不能生成确认码', en: 'No co-sign code' }, rejection.message, issues);
}

async function issue(ctx: RouteContext, subject: { hazardId: string } | { enterpriseId: string }): Promise<Response> {
  const body = await readJsonObject(ctx.request, 4096);
  const extra = Object.keys(body).filter((k) => k !== 'act' && k !== 'content');
  if (extra.length > 0 || typeof body.act !== 'string') {
    const pointer = typeof body.act !== 'string' ? '/act' : `/${extra[0]!.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    throw new HttpProblem(
      422,
      'INVALID_COMMAND',
      { 'zh-CN': '不能生成确认码', en: 'No co-sign code' },
      { 'zh-CN': '请求体只含 act（要确认的执法行为）和 content（确认的内容）', en: 'the body holds only act (the act to confirm) and content (what he confirms)' },
      [
        {
          code: typeof body.act !== 'string' ? 'REQUIRED' : 'UNKNOWN_KEY',
          severity: 'error',
          pointer,
          message: { 'zh-CN': '请求体只含 act（要确认的执法行为）和 content（确认的内容）', en: 'the body holds only act (the act to confirm) and content (what he confirms)' },
        },
      ],
    );
  }
  const result = await issueCoSignCode(ctx.deps, ctx.actorId as string, { act: body.act, subject, ...(body.content === undefined ? {} : { content: body.content }) });
  if (!result.ok) throw refused(result.rejection);
  const { code, act, expiresAt, content } = result.issued;
  return jsonResponse({ code, act, ...subject, expiresAt, content }, 201, { 'cache-control': 'no-store' });
}

const DESCRIPTION = (what: string, zh: string) =>
  `The second officer of a two-officer act generates, in his own session, a one-time code that confirms he takes part in one act on ${what} (《行政处罚法》第四十二条: two officers, both present). He tells it to the first officer, who sends the act with it in the Co-Sign-Code header; the server derives the second officer from the code. The code is ${CO_SIGN_POLICY.digits} digits, single use, valid ${minutes} minutes, stored only as a salted hash; generating again withdraws his earlier code for the same ${what.replace(/^this /, '')} and act. An officer holds at most ${CO_SIGN_POLICY.maxLiveCodes} unused codes that have not expired: one more (for another subject or act) is 429 CO_SIGN_CODE_LIMITED, nothing kept, saying when the earliest lapses. Only an enforcement officer with a certificate number and jurisdiction may generate one (403). The code binds what he co-signs: the act's bound fields he confirms in \`content\` (a penalty's article, kind and fine; a stop order's scope; a level) and, for an act on a hazard, the hazard's facts as the server holds them; the answer's \`content\` is what it binds. The act submitted with other values, or after the facts changed, is 422 CO_SIGN_CONTENT_MISMATCH naming the field (the code is kept, the attempt counts).\n\n第二名执法人员在本人账号中生成一次性确认码，确认其参与${zh}的某一执法行为；告知第一名执法人员，随该行为在 Co-Sign-Code 请求头中提交，服务器据此认定第二名执法人员。确认码 ${CO_SIGN_POLICY.digits} 位数字，一次有效，${minutes} 分钟内有效，只保存加盐哈希；每人同时至多 ${CO_SIGN_POLICY.maxLiveCodes} 个未使用、未过期的确认码，超出返回 429 CO_SIGN_CODE_LIMITED 并说明最早何时失效。确认码绑定其确认的内容（处罚依据、种类、罚款金额等，及隐患事实）：提交内容不同则为 422 CO_SIGN_CONTENT_MISMATCH。`;

/** `POST /hazards/{id}/co-sign-codes` and `POST /enterprises/{id}/co-sign-codes`: the second officer's co-sign code. */
export const CO_SIGN_CODE_ROUTES: readonly RouteSpec[] = [
  {
    method: 'post',
    path: '/hazards/{id}/co-sign-codes',
    operationId: 'issueCoSignCode',
    summary: "Generate the second officer's co-sign code for an act on this hazard / 生成第二名执法人员确认码",
    description: DESCRIPTION('this hazard', '该隐患'),
    tags: ['hazards'],
    auth: 'required',
    requestBody: requestBody(CO_SIGN_ACTS.filter((a) => a !== 'report' && a !== 'report_observation')),
    response: { status: 201, description: 'the code, shown once / 确认码（仅显示一次）', schema: ISSUED },
    errors: [400, 401, 403, 404, 413, 422, 429],
    async handle(ctx) {
      const hazardId = ctx.params.id ?? '';
      // A hazard the officer may not read is a 404, as everywhere.
      if (!(await loadReadableHazard(ctx, hazardId))) throw hazardNotFound(hazardId);
      return issue(ctx, { hazardId });
    },
  },
  {
    method: 'post',
    path: '/enterprises/{id}/co-sign-codes',
    operationId: 'issueReportCoSignCode',
    summary: "Generate the second officer's co-sign code for a report (inspection, observation) at this enterprise / 生成上报确认码",
    description: DESCRIPTION('this enterprise (an inspection reported with POST /inspections?report=true, or a report_observation)', '对该企业的上报（检查记录或现场发现）'),
    tags: ['inspections'],
    auth: 'required',
    requestBody: requestBody(['report', 'report_observation']),
    response: { status: 201, description: 'the code, shown once / 确认码（仅显示一次）', schema: ISSUED },
    errors: [400, 401, 403, 413, 422, 429],
    async handle(ctx) {
      const enterpriseId = ctx.params.id ?? '';
      if (!ID_PATTERN.test(enterpriseId)) {
        throw new HttpProblem(422, 'INVALID_COMMAND', { 'zh-CN': '不能生成确认码', en: 'No co-sign code' }, { 'zh-CN': '企业编号格式无效', en: 'invalid enterprise id' });
      }
      return issue(ctx, { enterpriseId });
    },
  },
];
