import {
  actsForEnterprise,
  canReadPermit,
  DEFAULT_PERMIT_ATTACHMENT_MEDIA_TYPES,
  DEFAULT_PERMIT_RULES,
  handlePermitCommand,
  HAZARDOUS_WORK_PACK_ID,
  HEIGHT_FALL_FACTORS,
  HEIGHT_SITUATIONS,
  HOT_WORK_SHUTDOWN_CONDITIONS,
  HOT_WORK_SITUATIONS,
  ID_PATTERN,
  mayCommandPermit,
  OPEN_PERMIT_STATUSES,
  permitApprovalRefusal,
  permitApproverRole,
  permitFindings,
  reportPermitFindings,
  supervisesArea,
  type PermitCommand,
  type PermitServiceDeps,
  type PermitRejection,
  type PermitRejectionCode,
  type PermitState,
  type PermitStatus,
  quoteInput,
  readScopes,
} from '@anjian/core/internal';
import type { ActorProfile, PackEvaluator } from '@anjian/core';
import { sha256Hex } from '@anjian/core/audit';
import { checkFilterValues } from '../filter-values.js';
import { jsonResponse } from '../json-response.js';
import { HttpProblem, type ProblemIssue } from '../problem.js';
import { readerOf } from '../reader-of.js';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKey } from '../idempotency-key.js';
import { uploadedFileResponse } from '../uploaded-file-response.js';
import { readJsonObject } from '../read-json-body.js';
import type { PermitsApiOptions } from '../permits-options.js';
import type { JsonSchema, RouteContext, RouteSpec } from '../types.js';

/** HTTP status of each permit rejection code. */
export const PERMIT_REJECTION_STATUS: Readonly<Record<PermitRejectionCode, number>> = Object.freeze({
  INVALID_COMMAND: 422,
  READING_INCOMPLETE: 422,
  INVALID_TIME: 422,
  LEL_REQUIRED: 422,
  NO_RULE_IN_FORCE: 422,
  NOT_FOUND: 404,
  APPROVER_ROLE: 403,
  SEPARATION_OF_DUTIES: 403,
  NOT_ATTENDANT: 403,
  ALREADY_EXISTS: 409,
  WRONG_STATUS: 409,
  OUTSIDE_VALIDITY: 409,
  PERMIT_EXPIRED: 409,
  NO_PASSING_TEST: 409,
  GAS_TEST_STALE: 409,
  ATTENDANT_ABSENT: 409,
  ATTACHMENT_MISSING: 409,
  ATTACHMENT_INVALID: 422,
  PERSON_NOT_OF_ENTERPRISE: 422,
  ENTERPRISE_REGIME_UNKNOWN: 422,
  CONFLICT: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
});

/** Problem codes the permit routes answer, by status (the document enumerates them). */
export const PERMIT_PROBLEM_CODES: Readonly<Record<number, readonly string[]>> = (() => {
  const out: Record<number, string[]> = {
    403: ['FORBIDDEN', 'UNKNOWN_ACTOR'],
    404: ['PERMIT_NOT_FOUND', 'ENTERPRISE_NOT_FOUND', 'PACK_NOT_FOUND', 'ATTACHMENT_NOT_FOUND'],
    422: ['UNKNOWN_FIELD'],
  };
  for (const [code, status] of Object.entries(PERMIT_REJECTION_STATUS)) (out[status] ??= []).push(code);
  return out;
})();

const BAD = { 'zh-CN': '请求无效', en: 'Bad request' };
const FORBIDDEN = new HttpProblem(403, 'FORBIDDEN', { 'zh-CN': '无权操作', en: 'Forbidden' }, { 'zh-CN': '您无权对该作业许可执行此操作', en: 'you may not do this on this permit' });

function permitNotFound(id: string): HttpProblem {
  return new HttpProblem(404, 'PERMIT_NOT_FOUND', { 'zh-CN': '未找到', en: 'Not found' }, { 'zh-CN': `没有作业许可 ${quoteInput(id)}`, en: `no permit ${quoteInput(id)}` });
}

function permitsOf(ctx: RouteContext): PermitsApiOptions {
  const permits = ctx.options.permits;
  if (!permits) throw new HttpProblem(404, 'NOT_FOUND', { 'zh-CN': '未找到', en: 'Not found' }, { 'zh-CN': '本服务未启用作业许可', en: 'this server has no permits option' });
  return permits;
}

/** A permit the actor may read, or the same 404 as a missing one (nothing said about its existence). */
async function readablePermit(ctx: RouteContext, actor: ActorProfile, id: string): Promise<PermitState> {
  const state = await permitsOf(ctx).store.loadState(id);
  if (!state || !canReadPermit(actor, state)) throw permitNotFound(id);
  return state;
}

/** The hazardous-work pack the server serves (the permit findings are classified by it), or 404 PACK_NOT_FOUND. */
function hazardousWorkPack(ctx: RouteContext): PackEvaluator {
  const pack = ctx.deps.packs?.get(HAZARDOUS_WORK_PACK_ID);
  if (!pack) {
    throw new HttpProblem(404, 'PACK_NOT_FOUND', { 'zh-CN': '未找到', en: 'Not found' }, { 'zh-CN': '服务器未提供 hazardous-work 检查表', en: 'the server does not serve the hazardous-work pack' });
  }
  return pack;
}

function rejectionProblem(r: PermitRejection, strip = ''): HttpProblem {
  const status = PERMIT_REJECTION_STATUS[r.code] ?? 409;
  const message = { 'zh-CN': r.message['zh-CN'], en: r.message.en };
  const pointer = r.pointer === undefined ? undefined : r.pointer.startsWith(strip) && strip !== '' ? r.pointer.slice(strip.length) || '' : r.pointer;
  // A refusal located at a fact (a 422 field, or the fact of the permit that set its approver) carries its pointer.
  const issues: ProblemIssue[] | undefined =
    status === 422 || (r.code === 'APPROVER_ROLE' && pointer !== undefined) ? [{ code: r.code, severity: 'error', message, ...(pointer !== undefined ? { pointer } : {}) }] : undefined;
  return new HttpProblem(status, r.code, { 'zh-CN': '作业许可拒绝了该操作', en: 'The permit refused this' }, message, issues);
}

/**
 * Fields a request may not give because the server derives them, and why (the issue's message
 * for such a field instead of the generic one).
 */
const DERIVED_FIELDS: Readonly<Record<string, { 'zh-CN': string; en: string }>> = {
  premises: {
    'zh-CN': '不得申报 premises：企业适用的标准（危险化学品企业 hazchem 或一般企业 general）由服务器按名录中的企业登记信息（regime）确定',
    en: "do not send premises: the enterprise's regime (hazchem or general: which standard the permit is held to) comes from the directory's record of the enterprise (regime)",
  },
};

function unknownFields(body: Record<string, unknown>, allowed: readonly string[]): void {
  const extra = Object.keys(body).filter((k) => !allowed.includes(k));
  if (extra.length === 0) return;
  throw new HttpProblem(
    422,
    'UNKNOWN_FIELD',
    BAD,
    { 'zh-CN': `未知字段：${extra.join('、').slice(0, 200)}`, en: `unknown fields: ${extra.join(', ').slice(0, 200)}` },
    extra.slice(0, 20).map((k) => ({
      code: 'UNKNOWN_FIELD',
      severity: 'error' as const,
      pointer: `/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`,
      message: Object.hasOwn(DERIVED_FIELDS, k)
        ? (DERIVED_FIELDS[k] as { 'zh-CN': string; en: string })
        : { 'zh-CN': `未知字段 ${quoteInput(k)}（操作人等由服务器确定）`, en: `unknown field ${quoteInput(k)} (the actor and the like come from the server)` },
    })),
  );
}

async function bodyOf(ctx: RouteContext): Promise<Record<string, unknown>> {
  const text = await ctx.request.clone().text();
  return text.trim() === '' ? {} : readJsonObject(ctx.request, ctx.options.maxBodyBytes ?? 1_048_576);
}

/** What `handlePermitCommand` needs from the API: the permit store and rules, the directory (named persons), the evidence store (uploaded attachments). */
function serviceDeps(ctx: RouteContext, permits: PermitsApiOptions): PermitServiceDeps {
  return { store: permits.store, rules: permits.rules ?? DEFAULT_PERMIT_RULES, directory: ctx.deps.directory, ...(ctx.deps.evidence ? { evidence: ctx.deps.evidence } : {}) };
}

function result(state: PermitState, events: unknown[], replayed: boolean, status = 200): Response {
  return jsonResponse({ permit: state, events, replayed }, status, replayed ? { 'idempotent-replayed': 'true' } : undefined);
}

// ── Schemas ────────────────────────────────────────────────────────────────────
const TEXT: JsonSchema = { type: 'string', minLength: 1, maxLength: 200 };
const ISO: JsonSchema = { type: 'string', maxLength: 40, description: 'ISO 8601 time / 时间' };
const LOCALIZED: JsonSchema = { type: 'object', required: ['zh-CN', 'en'], properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } } };
const STATUS: JsonSchema = { enum: ['applied', 'approved', 'in_progress', 'suspended', 'expired', 'closed', 'cancelled'] };
const SAMPLE: JsonSchema = { type: ['object', 'null'], required: ['sampledAt', 'pass'], properties: { sampledAt: { type: 'string' }, pass: { type: 'boolean' } } };
const RECORDED_ATTACHMENT: JsonSchema = {
  type: 'object',
  description:
    'upload: a file the server holds, checked (read it at GET /permits/{id}/attachments/{evidenceId}); paper: a record number as declared, not checked by the server; ref: recorded before attachments had a source, as declared / 附件：upload 为服务器已核验的上传文件；paper 为申报的纸质记录编号，服务器无法核验；ref 为旧记录',
  required: ['kind'],
  properties: {
    kind: { type: 'string' },
    source: { enum: ['upload', 'paper'] },
    evidenceId: { type: 'string' },
    sha256: { type: 'string' },
    mime: { type: 'string' },
    size: { type: 'integer', minimum: 0 },
    receivedAt: { type: 'string' },
    recordNo: { type: 'string' },
    ref: { type: 'string' },
  },
};
/** A list of observed-fact ids (hot work's situations and shut-down conditions, height's factors and situations): each known, each once. */
const OBSERVED_IDS = (ids: readonly { id: string }[], what: string): JsonSchema => ({
  type: 'array',
  uniqueItems: true,
  items: { enum: ids.map((x) => x.id) },
  description: what,
});
/** What the applicant observed for a graded kind (`height`, `hotWork` of the apply): its fields only, the grade never in it. */
const observationSchema = (fields: Record<string, JsonSchema>, required: readonly string[], description: string): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  required: [...required],
  properties: fields,
  description,
});
/** The observation as the permit keeps it: the observed fields and what the server derived from them. */
const derivedSchema = (fields: Record<string, JsonSchema>, required: readonly string[], derived: Record<string, JsonSchema>, description: string): JsonSchema => ({
  type: 'object',
  required: [...required, ...Object.keys(derived)],
  properties: { ...fields, ...derived },
  description,
});
const HEIGHT_GRADE: JsonSchema = { enum: ['i', 'ii', 'iii', 'iv'] };
const HOT_WORK_GRADE = (description: string): JsonSchema => ({ enum: ['special', 'first', 'second'], description });
const HEIGHT_FIELDS = {
  heightM: { type: 'number', exclusiveMinimum: 0, maximum: 1000, description: 'working height above the fall reference plane, m (GB 30871-2022 3.8, 8.1.1) / 作业高度（米）' },
  fallFactors: OBSERVED_IDS(HEIGHT_FALL_FACTORS, 'objective fall hazards present (GB 30871-2022 8.1.2 a)–i)); any one grades by method B; [] when none / 存在的坠落客观危险因素，没有则为空列表'),
  situations: OBSERVED_IDS(
    HEIGHT_SITUATIONS,
    'situations of Note 2 of Annex B Table B.1 present (each raises the grade to at least Ⅰ, Ⅱ or Ⅳ); [] when none / 附录B表B.1说明2所列情形，没有则为空列表',
  ),
} satisfies Record<string, JsonSchema>;
const HEIGHT_REQUIRED = ['heightM', 'fallFactors', 'situations'];
const HEIGHT_OBSERVATION = observationSchema(
  HEIGHT_FIELDS,
  HEIGHT_REQUIRED,
  'work at height only (required for it): what the applicant observed; the server derives the grade (Ⅰ–Ⅳ) and so the approver (附录B 表B.1) / 仅高处作业（必填）：申请人观察到的事实，级别与审批人由服务器推导',
);
const DERIVED_HEIGHT = derivedSchema(
  HEIGHT_FIELDS,
  HEIGHT_REQUIRED,
  { method: { enum: ['A', 'B'] }, heightGrade: HEIGHT_GRADE, grade: HEIGHT_GRADE, raisedBy: { type: 'array', items: { type: 'string' } } },
  'work at height: the observation and the grade derived from it (absent for other kinds and for height permits recorded before 2026.12-draft.3) / 高处作业：申报的事实与推导出的级别',
);
const HOT_WORK_FIELDS = {
  situations: OBSERVED_IDS(
    HOT_WORK_SITUATIONS,
    'situations of GB 30871-2022 5.1.2 (特级: in-service unit, pipe, tank or vessel in a fire/explosion hazardous area; hot tapping without purge; inside a major-hazard tank-farm dike) and 5.1.3 (一级: other hot work in such an area; a pipe rack) present; [] when none (二级) / 5.1.2、5.1.3 所列情形，没有则为空列表（二级）',
  ),
  openAir: { type: 'boolean', description: 'the work is in the open air / 是否露天动火' },
  windForce: {
    type: 'integer',
    minimum: 0,
    maximum: 12,
    description: 'open air only (required then): the wind force at the site, Beaufort 0–12; force 5 or more raises the grade one level (5.2.15) / 仅露天动火（必填）：现场风力等级，五级及以上升级管理',
  },
  shutDown: OBSERVED_IDS(
    HOT_WORK_SHUTDOWN_CONDITIONS,
    'a shut-down unit (5.1.4): every one of shut_down, cleaned, purged, gas_tested, isolated to manage the work as 二级 — the downgrade is then approved first by the head of production or safety management (production_safety_head); [] otherwise / 停车降级条件：须全部满足，降级须先经生产负责人或安全管理负责人批准；否则为空列表',
  ),
} satisfies Record<string, JsonSchema>;
const HOT_WORK_REQUIRED = ['situations', 'openAir', 'shutDown'];
const HOT_WORK_OBSERVATION = observationSchema(
  HOT_WORK_FIELDS,
  HOT_WORK_REQUIRED,
  'hot work only (required for it): what the applicant observed at the site; the server derives the grade (特级 / 一级 / 二级) and so the approver (附录B 表B.1) / 仅动火作业（必填）：申请人观察到的现场事实，级别与审批人由服务器推导',
);
const DERIVED_HOT_WORK = derivedSchema(
  HOT_WORK_FIELDS,
  HOT_WORK_REQUIRED,
  {
    siteGrade: HOT_WORK_GRADE('the grade by the situations alone / 按现场情形的级别'),
    downgraded: { type: 'boolean', description: 'managed as 二级 after a shut-down (5.1.4) / 停车降级' },
    windRaised: { type: 'boolean', description: 'raised one grade for open-air work at wind force ≥ 5 (5.2.15) / 大风升级' },
    grade: HOT_WORK_GRADE('the grade the permit is managed and approved at / 管理与审批所按的级别'),
  },
  'hot work: the observation and the grade derived from it (absent for other kinds and for hot-work permits recorded before 2026.12-draft.4) / 动火作业：申报的事实与推导出的级别',
);
const PERMIT: JsonSchema = {
  type: 'object',
  description: 'A permit folded from its events; `rule` is the permit rule applied at application (kept with the permit) / 作业许可当前状态',
  required: ['permitId', 'version', 'status', 'rule', 'enterpriseId', 'area', 'applicantId', 'workerIds', 'attendantId', 'validFrom', 'validUntil', 'attendantPresent', 'lastHash', 'updatedAt'],
  properties: {
    permitId: { type: 'string' },
    version: { type: 'integer', minimum: 1 },
    status: STATUS,
    rule: {
      type: 'object',
      additionalProperties: true,
      required: ['id', 'kind', 'grade', 'title'],
      properties: { id: { type: 'string' }, kind: { type: 'string' }, grade: { type: 'string' }, title: LOCALIZED },
    },
    enterpriseId: { type: 'string' },
    area: { type: 'string' },
    applicantId: { type: 'string' },
    appliedAt: { type: 'string' },
    workerIds: { type: 'array', items: { type: 'string' } },
    declaredWorkerIds: {
      type: 'array',
      items: { type: 'string' },
      description: 'workers the directory did not know at application, stored as declared (absent: recorded before the check) / 目录中没有、按申报记录的作业人员',
    },
    attendantId: { type: 'string' },
    validFrom: { type: 'string' },
    validUntil: { type: 'string' },
    flammableLelPctVol: { type: ['number', 'null'] },
    height: DERIVED_HEIGHT,
    hotWork: DERIVED_HOT_WORK,
    downgradeApproverId: {
      type: ['string', 'null'],
      description: 'hot work downgraded after a shut-down: who approved the downgrade, null until then (absent without a downgrade) / 批准停车降级的人',
    },
    approverId: { type: ['string', 'null'] },
    attachments: { type: 'array', items: RECORDED_ATTACHMENT, description: 'recorded at the start / 开始作业时记录的附件' },
    approvalDueWarnedAt: { type: ['string', 'null'] },
    lastTest: SAMPLE,
    lastMonitoredAt: { type: ['string', 'null'] },
    attendantPresent: { type: 'boolean' },
    suspendedAt: { type: ['string', 'null'] },
    suspendReason: { enum: ['reading_failed', 'reading_missed', 'attendant_absent', null] },
    lastHash: { type: 'string' },
    updatedAt: { type: 'string' },
  },
};
const EVENT: JsonSchema = {
  type: 'object',
  description: 'One event of the permit’s hash-chained log / 作业许可事件',
  required: ['id', 'permitId', 'version', 'type', 'actorId', 'recordedAt', 'data', 'prevHash', 'hash'],
  properties: {
    id: { type: 'string' },
    permitId: { type: 'string' },
    version: { type: 'integer', minimum: 1 },
    type: {
      enum: [
        'applied',
        'downgrade_approved',
        'approved',
        'gas_tested',
        'started',
        'reading_recorded',
        'attendant_present',
        'attendant_absent',
        'suspended',
        'resumed',
        'expired',
        'approval_due',
        'closed',
        'cancelled',
      ],
    },
    actorId: { type: 'string' },
    recordedAt: { type: 'string' },
    data: { type: 'object', additionalProperties: true },
    prevHash: { type: 'string' },
    hash: { type: 'string' },
  },
};
const COMMAND_RESULT: JsonSchema = {
  type: 'object',
  required: ['permit', 'events', 'replayed'],
  properties: { permit: PERMIT, events: { type: 'array', items: EVENT }, replayed: { type: 'boolean', description: 'true: a retry with the same Idempotency-Key; nothing was written / 重放' } },
};
const READING_BODY: JsonSchema = {
  type: 'object',
  required: ['sampledAt', 'instrument', 'place'],
  properties: {
    sampledAt: { ...ISO, description: 'when the sample was taken (not in the future, at most 24 h back) / 采样时间' },
    instrument: { ...TEXT, description: 'detector / 检测仪器' },
    place: { ...TEXT, description: 'sampling place / 检测部位' },
    flammablePctVol: { type: 'number', minimum: 0, maximum: 100, description: 'flammable gas, % vol / 可燃气体 %VOL' },
    flammablePctLel: { type: 'number', minimum: 0, maximum: 100, description: 'flammable gas, % LEL / 可燃气体 %LEL' },
    o2PctVol: { type: 'number', minimum: 0, maximum: 100, description: 'oxygen, % vol / 氧含量 %VOL' },
  },
};
const APPROVAL: JsonSchema = {
  type: ['object', 'null'],
  required: ['allowed'],
  properties: { allowed: { type: 'boolean' }, code: { type: 'string' }, message: LOCALIZED },
  description:
    'For a person of the enterprise while the permit waits for approval: whether they may approve it (their permit roles against the rule’s approver, separation of duties — what POST …/approve decides), and if not why, in 中文 and English; null otherwise.\n\n待审批时对本企业人员：能否审批及原因；其他情况为 null。',
};
const APPROVER: JsonSchema = {
  type: 'object',
  required: ['role', 'name'],
  properties: { role: { type: 'string' }, name: LOCALIZED },
  description:
    'Who must approve the permit next: the approver role of its rule (for work at height and hot work, the one its derived grade sets; for hot work downgraded after a shut-down, first production_safety_head, who approves the downgrade) and the role’s name in the server’s permit rules, for any reader.\n\n下一步审批人：许可规则要求的审批角色（高处作业、动火作业按推导的级别；停车降级的动火先由生产负责人或安全管理负责人批准降级）及其名称。',
};
const READING_FIELDS = ['sampledAt', 'instrument', 'place', 'flammablePctVol', 'flammablePctLel', 'o2PctVol'];
const EMPTY_BODY: JsonSchema = { type: 'object', properties: {}, description: 'no fields (an empty body is accepted too) / 无字段' };
const KEY_HEADER = { ...IDEMPOTENCY_KEY_HEADER, description: 'one per intended action; a retry with the same key replays the result (header Idempotent-Replayed) / 幂等键' };

interface CommandRouteDef {
  path: string;
  operationId: string;
  summary: string;
  description: string;
  fields: readonly string[];
  body: JsonSchema;
  /** The command from the body; `strip` is the pointer prefix core uses for the body's fields. */
  command(body: Record<string, unknown>): PermitCommand;
  strip?: string;
}

function commandRoute(def: CommandRouteDef): RouteSpec {
  return {
    method: 'post',
    path: def.path,
    operationId: def.operationId,
    summary: def.summary,
    description: def.description,
    tags: ['permits'],
    auth: 'required',
    problemCodes: PERMIT_PROBLEM_CODES,
    parameters: [KEY_HEADER],
    requestBody: def.body,
    response: { status: 200, description: 'the permit after the command, and the events written / 操作后的许可与写入的事件', schema: COMMAND_RESULT },
    errors: [400, 401, 403, 404, 409, 413, 422],
    async handle(ctx) {
      const permits = permitsOf(ctx);
      const key = idempotencyKey(ctx);
      const body = await bodyOf(ctx);
      unknownFields(body, def.fields);
      const actor = await readerOf(ctx);
      const id = ctx.params.id ?? '';
      const command = def.command(body);
      const state = await readablePermit(ctx, actor, id);
      if (!mayCommandPermit(actor, state, command.type)) throw FORBIDDEN;
      const roles = await permits.permitRoles(actor.id, state.enterpriseId);
      const r = await handlePermitCommand(serviceDeps(ctx, permits), {
        permitId: id,
        command,
        actor: { id: actor.id, roles: [...roles] },
        now: ctx.deps.clock.now(),
        commandId: `pc-${sha256Hex(`${actor.id}\n${key}`).slice(0, 32)}`,
      });
      if (!r.ok) throw rejectionProblem(r.rejection, def.strip);
      return result(r.state, r.events, r.replayed);
    },
  };
}

const reading = (b: Record<string, unknown>) => b as never;

/** The permit endpoints (added to the API when `createAnjianApi` has `permits`). */
export const PERMIT_ROUTES: readonly RouteSpec[] = [
  {
    method: 'post',
    path: '/permits',
    operationId: 'applyPermit',
    summary: 'Apply for a hazardous-work permit / 申请危险作业许可',
    description:
      'By a person of the enterprise named in the body. The permit id comes from the actor and the Idempotency-Key; the area and the regime (hazchem: GB 30871-2022, or general) from the directory’s record of the enterprise; the rule (approver, validity, gas test, monitoring) from the permit rules in force on `validFrom` — none of it from the request. The attendant must be a person of the enterprise in the directory; a worker the directory knows must be too, a worker it does not know (a contractor’s) is stored as declared (`declaredWorkerIds`); otherwise 422 PERSON_NOT_OF_ENTERPRISE at the field.\n\n由企业人员申请。许可编号由用户与幂等键生成，区域与适用标准（危险化学品企业或一般企业）取自企业登记信息，规则（审批人、有效期、气体分析、监测）按 validFrom 当日施行的许可规则确定，均不取自请求。监护人须为目录中本企业人员；目录中有记录的作业人员也须为本企业人员，目录中没有的（如承包商人员）按申报记录（declaredWorkerIds）。',
    tags: ['permits'],
    auth: 'required',
    problemCodes: PERMIT_PROBLEM_CODES,
    parameters: [KEY_HEADER],
    requestBody: {
      type: 'object',
      required: ['kind', 'enterpriseId', 'workerIds', 'attendantId', 'validFrom'],
      properties: {
        kind: { type: 'string', description: 'hot_work, confined_space, work_at_height … / 作业类型' },
        grade: {
          type: 'string',
          description:
            'none for kinds without grades (confined space), required for them; work at height and hot work declare no grade — the server derives it from `height` or `hotWork`, and a grade other than none is refused at /grade (since 2026.12-draft.4 for hot work: a client that still sends special/first/second gets 422) / 无分级作业为 none；高处作业与动火作业的级别由服务器按 height、hotWork 推导，申报级别即拒绝',
        },
        height: HEIGHT_OBSERVATION,
        hotWork: HOT_WORK_OBSERVATION,
        enterpriseId: {
          ...TEXT,
          description:
            'the enterprise applying. Its regime — hazchem: GB 30871-2022; general: the rules for other enterprises (GB 46768-2025 confined space) — is the directory’s record of it, never the request’s: a body with premises is 422 UNKNOWN_FIELD at /premises, and an enterprise whose record states no regime is 422 ENTERPRISE_REGIME_UNKNOWN at /enterpriseId / 申请企业；其适用标准（危险化学品企业或一般企业）取自名录登记信息，请求中申报 premises 即拒绝，名录未注明的拒绝申请',
        },
        workerIds: { type: 'array', minItems: 1, maxItems: 50, items: TEXT },
        attendantId: TEXT,
        validFrom: { ...ISO, description: 'start of validity, 5 min ago to 30 days ahead; the end is derived from the rule / 有效期起点' },
        flammableLelPctVol: { type: 'number', exclusiveMinimum: 0, maximum: 100, description: 'LEL of the flammable substance (% vol), when the limits depend on it / 爆炸下限' },
      },
    },
    response: { status: 201, description: 'the permit applied for (a retry with the same key: the same permit, Idempotent-Replayed: true) / 已申请的许可', schema: COMMAND_RESULT },
    errors: [400, 401, 403, 404, 413, 422],
    async handle(ctx) {
      const permits = permitsOf(ctx);
      const key = idempotencyKey(ctx);
      const body = await readJsonObject(ctx.request, ctx.options.maxBodyBytes ?? 1_048_576);
      unknownFields(body, ['kind', 'grade', 'height', 'hotWork', 'enterpriseId', 'workerIds', 'attendantId', 'validFrom', 'flammableLelPctVol']);
      const actor = await readerOf(ctx);
      const enterpriseId = typeof body.enterpriseId === 'string' ? body.enterpriseId : '';
      if (!actsForEnterprise(actor, enterpriseId)) throw FORBIDDEN;
      const enterprise = await ctx.deps.directory.enterprise(enterpriseId);
      if (!enterprise)
        throw new HttpProblem(
          404,
          'ENTERPRISE_NOT_FOUND',
          { 'zh-CN': '未找到', en: 'Not found' },
          { 'zh-CN': `未登记的企业 ${quoteInput(enterpriseId)}`, en: `enterprise ${quoteInput(enterpriseId)} is not registered` },
        );
      const permitId = `pm-${sha256Hex(`permit\n${actor.id}\n${key}`).slice(0, 24)}`;
      const command = { ...body, type: 'apply', permitId, area: enterprise.area } as unknown as PermitCommand;
      const roles = await permits.permitRoles(actor.id, enterpriseId);
      const r = await handlePermitCommand(serviceDeps(ctx, permits), {
        permitId,
        command,
        actor: { id: actor.id, roles: [...roles] },
        now: ctx.deps.clock.now(),
        commandId: `pc-${sha256Hex(`${actor.id}\n${key}`).slice(0, 32)}`,
      });
      if (!r.ok) throw rejectionProblem(r.rejection);
      return result(r.state, r.events, r.replayed, 201);
    },
  },
  commandRoute({
    path: '/permits/{id}/approve',
    operationId: 'approvePermit',
    summary: 'Approve a permit (the approver the grade requires) / 审批作业许可',
    description:
      'By a person of the enterprise holding the permit role the rule requires, by the grade the server derived (hot work: 特级 主管领导, 一级 安全管理部门, 二级 所在基层单位; work at height: Ⅰ 所在基层单位, Ⅱ–Ⅲ 所在单位专业部门, Ⅳ 主管厂长或总工程师 — GB 30871-2022 附录B 表B.1), from the host’s directory; the approver is neither a worker nor the attendant. Hot work downgraded to 二级 after a shut-down (5.1.4) is approved twice: first the downgrade by production_safety_head (event downgrade_approved, the permit stays applied), then the permit by the unit, another person. A 403 APPROVER_ROLE says why the job is at its grade and points (issues[0].pointer) at the fact of the permit that decided it: /height/heightM, /height/fallFactors/<i>, /height/situations/<i>, /hotWork/situations/<i>, /hotWork/situations (none: 二级), /hotWork/windForce or /hotWork/shutDown.\n\n须持有规则要求的审批角色（来自宿主目录），且不得是作业人员或监护人。高处作业、动火作业按服务器推导的级别审批；停车降级的动火先由生产负责人或安全管理负责人批准降级，再由所在基层单位（另一人）审批。级别不够时 403 APPROVER_ROLE 说明级别的由来，并指向决定级别的许可事实。',
    fields: [],
    body: EMPTY_BODY,
    command: () => ({ type: 'approve' }),
  }),
  commandRoute({
    path: '/permits/{id}/gas-tests',
    operationId: 'recordPermitGasTest',
    summary: 'Record a gas test before start or resume / 记录气体分析',
    description:
      'The reading is judged by the permit rule (limits by the declared LEL); a reading lacking a required measure is refused.\n\n读数按许可规则判定（按申报的爆炸下限选取合格标准）；缺少规则要求的项目即拒绝。',
    fields: READING_FIELDS,
    body: READING_BODY,
    command: (b) => ({ type: 'record_gas_test', reading: reading(b) }),
    strip: '/reading',
  }),
  commandRoute({
    path: '/permits/{id}/start',
    operationId: 'startPermit',
    summary: 'Start the work / 开始作业',
    description:
      'Only inside the validity, with the attendant present and the latest gas test passing and inside the rule’s window (30 min), with the rule’s attachments (video for 特级 hot work, the signed briefing for GB 46768 confined space). Each attachment says what it is: `upload` — the id of a file uploaded with POST /evidence by the person starting the work (checked: it exists, it is theirs, not used for another permit or hazard, its type suits the kind; then bound to this permit; without an evidence store refused) — or `paper` — the number of a paper record, recorded as declared and shown as such (the server cannot check it). A video cannot be uploaded yet: give its record number.\n\n须在有效期内、监护人到位、最近一次分析合格且在时限内，并附规则要求的附件。每个附件注明来源：upload 为开始作业者本人经 POST /evidence 上传的文件编号（服务器核验存在、本人上传、未用于其他许可或隐患、类型相符，随后关联到本许可）；paper 为纸质记录编号，按申报记录并标明，服务器无法核验。视频暂不能上传，请登记其记录编号。',
    fields: ['attachments'],
    body: {
      type: 'object',
      properties: {
        attachments: {
          type: 'array',
          maxItems: 20,
          items: {
            oneOf: [
              {
                type: 'object',
                required: ['kind', 'source', 'evidenceId'],
                additionalProperties: false,
                properties: { kind: TEXT, source: { const: 'upload' }, evidenceId: { type: 'string', pattern: ID_PATTERN.source, description: 'the id POST /evidence returned / 上传文件编号' } },
              },
              {
                type: 'object',
                required: ['kind', 'source', 'recordNo'],
                additionalProperties: false,
                properties: { kind: TEXT, source: { const: 'paper' }, recordNo: { ...TEXT, description: 'the paper record’s number, as declared / 纸质记录编号（申报）' } },
              },
            ],
          },
        },
      },
    },
    command: (b) => ({ type: 'start', ...(b.attachments === undefined ? {} : { attachments: b.attachments as never }) }),
  }),
  commandRoute({
    path: '/permits/{id}/readings',
    operationId: 'recordPermitReading',
    summary: 'Record a monitoring reading during the work / 记录作业中监测读数',
    description:
      'A failing reading suspends the job; a reading after the monitoring interval (15 min in a GB 46768 confined space) records the suspension first.\n\n读数不合格即暂停作业；超过监测间隔才记录的，先记录暂停。',
    fields: READING_FIELDS,
    body: READING_BODY,
    command: (b) => ({ type: 'record_reading', reading: reading(b) }),
    strip: '/reading',
  }),
  commandRoute({
    path: '/permits/{id}/attendant-present',
    operationId: 'permitAttendantPresent',
    summary: 'The attendant confirms being present (在场) / 监护人确认在场',
    description: 'Only by the attendant named on the permit, from the session.\n\n只能由许可上的监护人本人确认。',
    fields: [],
    body: EMPTY_BODY,
    command: () => ({ type: 'attendant_present' }),
  }),
  commandRoute({
    path: '/permits/{id}/attendant-left',
    operationId: 'permitAttendantLeft',
    summary: 'Record that the attendant left / 记录监护人离开',
    description: 'By a person of the enterprise, or a supervisor of the area on a spot check. The job in progress is suspended.\n\n由企业人员或本区域监管人员（现场抽查）记录；作业中即暂停。',
    fields: [],
    body: EMPTY_BODY,
    command: () => ({ type: 'attendant_absent' }),
  }),
  commandRoute({
    path: '/permits/{id}/resume',
    operationId: 'resumePermit',
    summary: 'Resume a suspended job / 恢复作业',
    description: 'Needs a passing gas test taken after the suspension and the attendant present.\n\n须有暂停后新的合格分析且监护人到位。',
    fields: [],
    body: EMPTY_BODY,
    command: () => ({ type: 'resume' }),
  }),
  commandRoute({
    path: '/permits/{id}/close',
    operationId: 'closePermit',
    summary: 'Close the permit (work finished) / 关闭作业许可',
    description: 'From in progress, suspended or expired.\n\n作业中、暂停或已过期的许可可关闭。',
    fields: [],
    body: EMPTY_BODY,
    command: () => ({ type: 'close' }),
  }),
  commandRoute({
    path: '/permits/{id}/cancel',
    operationId: 'cancelPermit',
    summary: 'Cancel the permit / 取消作业许可',
    description: 'Before the start or while suspended, with a reason.\n\n开始前或暂停中可取消，须说明原因。',
    fields: ['reason'],
    body: { type: 'object', required: ['reason'], properties: { reason: TEXT } },
    command: (b) => ({ type: 'cancel', reason: b.reason as string }),
  }),
  {
    method: 'get',
    path: '/permits/{id}',
    operationId: 'getPermit',
    summary: 'A permit and its hash-chained events / 作业许可及其事件',
    description: 'For people of the enterprise and supervisors of its area (the read policy with domain hazardous_work); anyone else gets a 404.\n\n企业人员和本区域监管人员可查；其他用户为 404。',
    tags: ['permits'],
    auth: 'required',
    problemCodes: PERMIT_PROBLEM_CODES,
    response: {
      status: 200,
      description: 'the permit / 许可',
      schema: {
        type: 'object',
        required: ['permit', 'events', 'approval', 'approver'],
        properties: { permit: PERMIT, events: { type: 'array', items: EVENT }, approval: APPROVAL, approver: APPROVER },
      },
    },
    errors: [401, 403, 404],
    async handle(ctx) {
      const actor = await readerOf(ctx);
      const id = ctx.params.id ?? '';
      await readablePermit(ctx, actor, id);
      const permits = permitsOf(ctx);
      const read = await permits.store.readPermit(id);
      if (!read) throw permitNotFound(id);
      // Whether the reader may approve it (core's permitApprovalRefusal with the host's permit roles): a person of the enterprise, while it waits.
      const rules = permits.rules ?? DEFAULT_PERMIT_RULES;
      let approval: { allowed: true } | { allowed: false; code: PermitRejectionCode; message: PermitRejection['message'] } | null = null;
      if (read.state.status === 'applied' && actsForEnterprise(actor, read.state.enterpriseId)) {
        const roles = await permits.permitRoles(actor.id, read.state.enterpriseId);
        const refusal = permitApprovalRefusal(read.state, { id: actor.id, roles: [...roles] }, rules);
        approval = refusal ? { allowed: false, code: refusal.code, message: refusal.message } : { allowed: true };
      }
      // Who must approve, named as the rules name the role (the refusal above words it the same way).
      const role = permitApproverRole(read.state);
      const approver = { role, name: rules.roles[role] ?? { 'zh-CN': role, en: role } };
      return jsonResponse({ permit: read.state, events: read.events, approval, approver });
    },
  },
  {
    method: 'get',
    path: '/permits/{id}/attachments/{evidenceId}',
    operationId: 'getPermitAttachment',
    summary: 'The file of an uploaded permit attachment (the signed briefing …) / 作业许可附件文件',
    description:
      'The bytes of an upload the permit’s start recorded (`source: upload`), for whoever may read the permit (the enterprise, supervisors of its area); ETag its SHA-256. Anything else — another upload, a paper record, a permit you cannot read — answers 404.\n\n许可开始作业时记录的上传附件文件，可读取该许可的用户可查看；其他情况为 404。',
    tags: ['permits'],
    auth: 'required',
    problemCodes: PERMIT_PROBLEM_CODES,
    response: { status: 200, description: 'the bytes, with their type; Content-Disposition inline / 文件', schema: {}, mediaTypes: [...DEFAULT_PERMIT_ATTACHMENT_MEDIA_TYPES] },
    errors: [401, 403, 404],
    async handle(ctx) {
      const actor = await readerOf(ctx);
      const id = ctx.params.id ?? '';
      const evidenceId = ctx.params.evidenceId ?? '';
      const state = await readablePermit(ctx, actor, id);
      const notFound = new HttpProblem(
        404,
        'ATTACHMENT_NOT_FOUND',
        { 'zh-CN': '未找到', en: 'Not found' },
        { 'zh-CN': `该许可没有上传的附件 ${quoteInput(evidenceId)}`, en: `this permit has no uploaded attachment ${quoteInput(evidenceId)}` },
      );
      const attached = (state.attachments ?? []).find((a) => 'source' in a && a.source === 'upload' && a.evidenceId === evidenceId);
      if (!attached || !('sha256' in attached) || !ctx.deps.evidence) throw notFound;
      const bytes = await ctx.deps.evidence.read(evidenceId);
      if (!bytes) throw notFound;
      return uploadedFileResponse(bytes, { id: evidenceId, mime: attached.mime, sha256: attached.sha256 }, DEFAULT_PERMIT_ATTACHMENT_MEDIA_TYPES);
    },
  },
  {
    method: 'get',
    path: '/permits/{id}/findings',
    operationId: 'getPermitFindings',
    summary: 'Hazards in the permit record, classified by the hazardous-work pack / 作业许可记录中的隐患',
    description:
      'Each moment of the record worth asking about (start, failing reading, attendant gone, expired while open, missed reading) as an inspection of the hazardous-work pack the server serves; the pack decides. Each finding carries the permit’s events up to the observed one as evidence; rule violations the pack has no item for are listed as unclassified.\n\n将许可记录中的关键时刻作为危险作业检查表的检查记录，由检查表判定；每项隐患附许可事件作为证据；检查表未覆盖的违规列为未分类。',
    tags: ['permits'],
    auth: 'required',
    problemCodes: PERMIT_PROBLEM_CODES,
    response: {
      status: 200,
      description: 'findings / 隐患',
      schema: {
        type: 'object',
        required: ['findings', 'unclassified'],
        properties: {
          findings: {
            type: 'array',
            items: {
              type: 'object',
              required: ['observation', 'hazard', 'inspection', 'evidence'],
              properties: {
                observation: { type: 'string' },
                hazard: {
                  type: 'object',
                  additionalProperties: true,
                  required: ['rule', 'level', 'title'],
                  properties: { rule: { type: 'string' }, level: { type: 'string' }, title: { type: 'object', additionalProperties: true } },
                },
                inspection: { type: 'object', additionalProperties: true },
                evidence: {
                  type: 'object',
                  additionalProperties: true,
                  required: ['permitId', 'eventId', 'events'],
                  properties: {
                    permitId: { type: 'string' },
                    eventId: { type: 'string' },
                    events: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: ['id', 'version', 'type', 'recordedAt', 'hash'],
                        properties: { id: { type: 'string' }, version: { type: 'integer' }, type: { type: 'string' }, recordedAt: { type: 'string' }, hash: { type: 'string' } },
                      },
                    },
                  },
                },
              },
            },
          },
          unclassified: { type: 'array', items: { type: 'object', additionalProperties: true } },
        },
      },
    },
    errors: [401, 403, 404],
    async handle(ctx) {
      const actor = await readerOf(ctx);
      const id = ctx.params.id ?? '';
      await readablePermit(ctx, actor, id);
      const pack = hazardousWorkPack(ctx);
      const read = await permitsOf(ctx).store.readPermit(id);
      if (!read) throw permitNotFound(id);
      return jsonResponse(permitFindings(pack, read.events));
    },
  },
  {
    method: 'post',
    path: '/permits/{id}/findings/report',
    operationId: 'reportPermitFindings',
    summary: 'Report the hazards in the permit record into the review chain / 将作业许可记录中的隐患上报',
    description:
      'The findings of GET /permits/{id}/findings, reported as the caller (a supervisor on a spot check, or the enterprise), source `permit`: level, deadline and basis from the pack, area from the directory, the finding’s observations (the permit’s facts) in the event, the permit’s events up to the observed one returned as evidence. Hazard ids derive from the caller, the permit, the observed event and the rule: running it again reports nothing new. The chain authorises each report; a refusal is listed, not thrown.\n\n以调用者身份上报（来源为 permit）：等级、期限、依据取自检查表，区域取自企业登记信息，事件中记录隐患判定所依据的许可事实，返回许可事件作为证据。隐患编号由调用者、许可、事件与规则生成，重复调用不会重复上报。',
    tags: ['permits'],
    auth: 'required',
    problemCodes: PERMIT_PROBLEM_CODES,
    response: {
      status: 200,
      description: 'one entry per finding / 每项隐患的上报结果',
      schema: {
        type: 'object',
        required: ['reports'],
        properties: {
          reports: {
            type: 'array',
            items: {
              type: 'object',
              required: ['rule', 'observation', 'hazardId', 'evidence', 'ok'],
              properties: {
                rule: { type: 'string' },
                observation: { type: 'string' },
                hazardId: { type: 'string' },
                evidence: { type: 'object', additionalProperties: true },
                ok: { type: 'boolean' },
                replayed: { type: 'boolean' },
                rejection: { type: 'object', additionalProperties: true },
              },
            },
          },
        },
      },
    },
    requestBody: EMPTY_BODY,
    errors: [400, 401, 403, 404, 413, 422],
    async handle(ctx) {
      // Nothing is taken from the request: a body naming anything (a hazard id, a level, a rule) is refused, not ignored.
      unknownFields(await bodyOf(ctx), []);
      const actor = await readerOf(ctx);
      const id = ctx.params.id ?? '';
      await readablePermit(ctx, actor, id);
      hazardousWorkPack(ctx);
      const read = await permitsOf(ctx).store.readPermit(id);
      if (!read) throw permitNotFound(id);
      return jsonResponse({ reports: await reportPermitFindings(ctx.deps, read.events, actor.id) });
    },
  },
  {
    method: 'get',
    path: '/permits',
    operationId: 'listOpenPermits',
    summary: 'Open permits now, by area and kind / 当前进行中的作业许可',
    description:
      'Supervisors (grid, enforcement with hazardous_work, admins) list an area they cover (sub-areas included); people of an enterprise list their enterprise’s. Ordered by id; `after` continues. An area or enterpriseId the server does not know is 422 UNKNOWN_QUERY_VALUE naming the parameter (not an empty list); a malformed one 400.\n\n监管人员按其辖区查询（含下级区域）；企业人员查询本企业。按编号排序，after 续查。服务器不知道的区域或企业返回 422 UNKNOWN_QUERY_VALUE（指出参数），而不是空列表。',
    tags: ['permits'],
    auth: 'required',
    problemCodes: { ...PERMIT_PROBLEM_CODES, 422: [...(PERMIT_PROBLEM_CODES[422] ?? []), 'UNKNOWN_QUERY_VALUE'] },
    parameters: [
      { name: 'area', in: 'query', description: 'area code (supervisors: required) / 区域', schema: { type: 'string', maxLength: 200 } },
      { name: 'enterpriseId', in: 'query', description: 'enterprise (people of an enterprise: required) / 企业', schema: { type: 'string', maxLength: 200 } },
      { name: 'kind', in: 'query', description: 'kind of work, one the permit rules define (else 400) / 作业类型（须为许可规则中的类型）', schema: { type: 'string', maxLength: 100 } },
      { name: 'status', in: 'query', description: 'comma-separated open statuses (default all open) / 状态', schema: { type: 'string', maxLength: 100 } },
      { name: 'after', in: 'query', description: 'continue after this permit id / 续查', schema: { type: 'string', maxLength: 200 } },
      { name: 'limit', in: 'query', description: '1–500, default 100 / 条数', schema: { type: 'string', pattern: '^[0-9]{1,3}$' } },
    ],
    response: {
      status: 200,
      description: 'open permits and counts by kind and status / 许可与统计',
      schema: {
        type: 'object',
        required: ['items', 'counts'],
        properties: {
          items: { type: 'array', items: PERMIT },
          counts: { type: 'array', items: { type: 'object', required: ['kind', 'status', 'count'], properties: { kind: { type: 'string' }, status: STATUS, count: { type: 'integer', minimum: 0 } } } },
        },
      },
    },
    errors: [400, 401, 403, 422],
    async handle(ctx) {
      // An actor the directory does not know: 403 UNKNOWN_ACTOR first, as on every read route.
      const actor = await readerOf(ctx);
      const permits = permitsOf(ctx);
      const q = ctx.query;
      const area = q.get('area') ?? undefined;
      const enterpriseId = q.get('enterpriseId') ?? undefined;
      const limitText = q.get('limit');
      const limit = limitText === null ? 100 : Number(limitText);
      const bad = (zh: string, en: string) => new HttpProblem(400, 'INVALID_QUERY', BAD, { 'zh-CN': zh, en });
      if (limitText !== null && (!/^[0-9]{1,3}$/.test(limitText) || limit < 1 || limit > 500)) throw bad('limit 须为 1–500', 'limit must be 1–500');
      const statuses = q.get('status')?.split(',') ?? undefined;
      if (statuses && !statuses.every((s) => (OPEN_PERMIT_STATUSES as readonly string[]).includes(s)))
        throw bad(`status 须为 ${OPEN_PERMIT_STATUSES.join('、')}`, `status must be among ${OPEN_PERMIT_STATUSES.join(', ')}`);
      if (area === undefined && enterpriseId === undefined) throw bad('须给出 area 或 enterpriseId', 'give area or enterpriseId');
      const allowed = (area !== undefined && supervisesArea(actor, area)) || (enterpriseId !== undefined && actsForEnterprise(actor, enterpriseId));
      if (!allowed) throw FORBIDDEN;
      // An unknown enterprise or area is an error, not an empty list (an open permit in the area makes it known too).
      await checkFilterValues(ctx, actor, readScopes(actor), { enterprise: 'enterpriseId', area: 'area' }, async (a) => (await permits.store.listOpen({ area: a, limit: 1 })).length > 0);
      const kind = q.get('kind') ?? undefined;
      const kinds = [...new Set((permits.rules ?? DEFAULT_PERMIT_RULES).kinds.map((k) => k.kind))];
      if (kind !== undefined && !(kinds as string[]).includes(kind)) throw bad(`kind 须为 ${kinds.join('、')}`, `kind must be one of ${kinds.join(', ')}`);
      const items = await permits.store.listOpen({
        ...(area !== undefined ? { area } : {}),
        ...(enterpriseId !== undefined ? { enterpriseId } : {}),
        ...(kind !== undefined ? { kind } : {}),
        ...(statuses ? { statuses: statuses as PermitStatus[] } : {}),
        ...(q.get('after') !== null ? { afterId: q.get('after') as string } : {}),
        limit,
      });
      const counts = area !== undefined && supervisesArea(actor, area) ? await permits.store.countOpen({ area }) : [];
      return jsonResponse({ items, counts });
    },
  },
];
