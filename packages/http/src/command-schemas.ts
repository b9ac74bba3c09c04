/**
 * JSON Schemas of the review-chain command bodies, one per type, as core's `parseCommand`
 * checks them (exact keys, required fields, text lengths, time with offset, integer
 * bounds). `command-schemas.test.ts` holds the two to the same shapes.
 *
 * @module
 */
import { COMMAND_TYPES, DOMAIN_PATTERN, ID_PATTERN, MAX_EVIDENCE_PER_COMMAND, PENALTY_ARTICLES, PENALTY_KINDS } from '@anjian/core/internal';
import type { JsonSchema } from './types.js';

/** An ISO 8601 time with an explicit offset (`Z` or `±hh:mm`). */
export const TIME_WITH_OFFSET: JsonSchema = {
  type: 'string',
  maxLength: 40,
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})$',
  description: 'ISO 8601 with offset, e.g. 2026-11-02T09:00:00+08:00 / 带时区的时间',
};

const text = (maxLength: number): JsonSchema => ({ type: 'string', minLength: 1, maxLength });
const localized = (maxLength: number, description: string): JsonSchema => ({
  type: 'object',
  description,
  required: ['zh-CN'],
  additionalProperties: false,
  properties: { 'zh-CN': text(maxLength), en: text(maxLength) },
});
const reason = (description: string) => localized(2000, description);
const id = (description: string): JsonSchema => ({ type: 'string', pattern: ID_PATTERN.source, description });
const level: JsonSchema = { enum: ['simple', 'general', 'major'], description: 'hazard level / 隐患等级' };
const count = (max: number): JsonSchema => ({ type: 'integer', minimum: 1, maximum: max });

const evidenceList = (kinds: readonly string[], description: string): JsonSchema => ({
  type: 'array',
  maxItems: MAX_EVIDENCE_PER_COMMAND,
  description,
  items: {
    type: 'object',
    required: ['id', 'kind'],
    properties: { id: { type: 'string', pattern: ID_PATTERN.source }, kind: { enum: [...kinds] } },
    additionalProperties: false,
  },
});

/** `{ id, kind }` references to uploads (`POST /evidence`, `POST /hazards/{id}/evidence`), at most 60. */
export const EVIDENCE_LIST: JsonSchema = evidenceList(['photo_before', 'photo_after', 'document'], 'references to uploads: id and what the file shows / 证据引用');
/** A reviewer's own evidence (verify, reject, spot_check, reopen): photos of the site as reviewed (`photo_review`) and documents. */
const REVIEW_EVIDENCE_LIST = evidenceList(
  ['photo_review', 'document'],
  "the reviewer's own uploads (POST /hazards/{id}/evidence): photo_review, what the reviewer saw on site, or document; optional. Each received after the step reviewed (verify, reject: the latest submission; spot_check, reopen: the closing), and neither an upload nor the same bytes (SHA-256) an earlier act of the hazard records, else 422 EVIDENCE_INVALID at /evidence/N / 复查（抽查）人员本人上传的现场照片或文件，可选；须在被复查的步骤（最近一次整改提交、销号）之后上传，且不得是该隐患其他记录已用的上传或内容相同的文件",
);
/** An officer's acceptance or lifting of a stop-work order: any kind, the site as the officer saw it (`photo_review`) included; held to the reviewer's rules. */
const OFFICER_EVIDENCE_LIST = evidenceList(
  ['photo_before', 'photo_after', 'document', 'photo_review'],
  "the officer's own uploads (POST /hazards/{id}/evidence): id and what the file shows; optional. Each received after the step reviewed (accept: the latest submission; lift_stop_work: the acceptance), and neither an upload nor the same bytes (SHA-256) an earlier act of the hazard records, else 422 EVIDENCE_INVALID at /evidence/N / 执法人员本人上传的证据，可选；须在被审查的步骤（验收：最近一次整改提交；解除停产：验收）之后上传，且不得是该隐患其他记录已用的上传或内容相同的文件",
);

/** `{ workingDays }`, `{ days }` or `{ hours }`: an extension asked for. */
const POLICY: JsonSchema = {
  description: 'exactly one of workingDays (1–3650), days (1–3650), hours (1–8760) / 延期时长',
  oneOf: [
    { type: 'object', title: 'Working days', required: ['workingDays'], additionalProperties: false, properties: { workingDays: count(3650) } },
    { type: 'object', title: 'Days', required: ['days'], additionalProperties: false, properties: { days: count(3650) } },
    { type: 'object', title: 'Hours', required: ['hours'], additionalProperties: false, properties: { hours: count(8760) } },
  ],
};

/** A penalty: an article of core's law table, a kind, a fine in whole yuan (its range is checked by the chain, per article). */
const PENALTY: JsonSchema = {
  type: 'object',
  description: 'the penalty and the article of the law it rests on; a fine in whole yuan, inside the article’s range / 处罚种类、依据和罚款数额',
  required: ['article', 'kind'],
  additionalProperties: false,
  properties: {
    article: { enum: Object.keys(PENALTY_ARTICLES), description: 'the article (《安全生产法》第一百零一、一百零二条) / 处罚依据' },
    kind: { enum: [...PENALTY_KINDS], description: 'warning 警告, fine 罚款, suspend_production 责令停产停业整顿' },
    fineAmount: { type: 'integer', minimum: 1, maximum: 100_000_000, description: 'fine in yuan / 罚款（元）' },
  },
};

interface Body {
  summary: string;
  required: readonly string[];
  properties: Record<string, JsonSchema>;
}

const note = reason('note / 说明');
const why = reason('reason / 理由');

/** The fields of each command type besides `type`, `expectedVersion` and `occurredAt`. */
const BODIES: Readonly<Record<string, Body>> = {
  report_observation: {
    summary: 'Report an observation outside any pack (provisional until confirmed) / 上报检查表之外的现场发现',
    required: ['title', 'enterpriseId', 'domain', 'level', 'evidence'],
    properties: {
      title: localized(200, 'what was seen / 隐患描述'),
      description: localized(4000, 'more detail / 详细说明'),
      enterpriseId: id('the enterprise / 企业'),
      domain: { type: 'string', pattern: DOMAIN_PATTERN.source, description: 'domain, e.g. gas / 领域' },
      level,
      evidence: EVIDENCE_LIST,
    },
  },
  reclassify: { summary: 'Change the level / 调整等级', required: ['level', 'reason'], properties: { level, reason: why } },
  confirm_level: { summary: 'Confirm a provisional level / 确认疑似等级', required: ['level', 'reason'], properties: { level, reason: why } },
  issue_notice: {
    summary:
      "Issue a rectification notice (责令限期整改); no number in the body — the notice's number is the 文号 the document register gives its 隐患整改通知书 or 责令限期整改指令书 (a body with noticeNo is 422 SERVER_ASSIGNED) / 下达整改通知（文号由服务器分配）",
    required: [],
    properties: { note },
  },
  submit_rectification: { summary: 'Submit the rectification with evidence / 提交整改', required: ['evidence'], properties: { evidence: EVIDENCE_LIST, note } },
  verify: { summary: 'Verify a rectification on site / 复查通过', required: [], properties: { note, evidence: REVIEW_EVIDENCE_LIST } },
  reject: { summary: 'Reject a rectification / 复查不通过', required: ['reason'], properties: { reason: why, evidence: REVIEW_EVIDENCE_LIST } },
  request_extension: { summary: 'Ask for more time / 申请延期', required: ['extension', 'reason'], properties: { extension: POLICY, reason: why } },
  grant_extension: { summary: 'Grant the pending extension / 同意延期', required: [], properties: { note } },
  deny_extension: { summary: 'Deny the pending extension / 不同意延期', required: ['reason'], properties: { reason: why } },
  escalate: { summary: 'Escalate to enforcement / 移交执法', required: ['reason'], properties: { reason: why, overdueDeadline: TIME_WITH_OFFSET } },
  file_case: {
    summary:
      "File a case (立案), two officers; no number in the body — the case's number is the 文号 the document register gives its 立案审批表 (a body with caseNo is 422 SERVER_ASSIGNED) / 立案（案号由服务器分配，即立案审批表的文号）",
    required: [],
    properties: {},
  },

  list_for_supervision: {
    summary: 'List a major hazard for supervision (挂牌督办) / 挂牌督办',
    required: ['authority'],
    properties: { authority: localized(200, 'the listing authority / 督办机关'), note },
  },
  submit_plan: {
    summary: 'Submit the treatment plan of a major hazard (治理方案) / 提交治理方案',
    required: ['plan'],
    properties: {
      plan: {
        type: 'object',
        description: 'the seven parts of a treatment plan; its deadline becomes the hazard’s when an officer approves the plan (approve_plan) / 治理方案',
        required: ['objectives', 'measures', 'fundsAndMaterials', 'responsible', 'deadline', 'milestones', 'safetyAndEmergency'],
        additionalProperties: false,
        properties: {
          objectives: reason('objectives and tasks / 目标和任务'),
          measures: reason('methods and measures / 方法和措施'),
          fundsAndMaterials: reason('funds and materials / 经费和物资'),
          responsible: reason('people responsible / 负责的人员'),
          deadline: TIME_WITH_OFFSET,
          milestones: reason('time limits and milestones / 时限和要求'),
          safetyAndEmergency: reason('safety measures and emergency plan / 安全措施和应急预案'),
        },
      },
    },
  },
  approve_plan: {
    summary: 'Approve the pending treatment plan of a major hazard; its date becomes the deadline / 批准治理方案',
    required: [],
    properties: { note },
  },
  order_stop_work: { summary: 'Order work stopped, two officers / 责令停产停业', required: ['scope', 'reason'], properties: { scope: { enum: ['partial', 'whole'] }, reason: why } },
  accept: { summary: 'Accept the rectification of a major hazard / 验收', required: ['note'], properties: { note, evidence: OFFICER_EVIDENCE_LIST } },
  close: { summary: 'Close (销号) / 销号', required: [], properties: { note } },
  lift_stop_work: {
    summary: 'Lift the stop-work order after review (复产), two officers / 复产',
    required: ['note'],
    properties: { note, evidence: OFFICER_EVIDENCE_LIST },
  },
  delist: { summary: 'End the listing for supervision (摘牌), two officers / 摘牌', required: ['note'], properties: { note } },
  reopen: { summary: 'Reopen a closed hazard / 重新打开', required: ['reason'], properties: { reason: why, evidence: REVIEW_EVIDENCE_LIST } },
  spot_check: { summary: 'Spot-check a closed hazard / 抽查', required: ['result'], properties: { result: { enum: ['pass', 'fail'] }, note, evidence: REVIEW_EVIDENCE_LIST } },
  warn_due_soon: { summary: 'Warn that the deadline is near (system) / 到期提醒', required: ['deadline'], properties: { deadline: TIME_WITH_OFFSET } },
  notice_overdue: { summary: 'Record that the deadline passed (system) / 逾期记录', required: ['deadline'], properties: { deadline: TIME_WITH_OFFSET } },
  notify_penalty: {
    summary: 'Notify the intended penalty of a filed case (行政处罚告知), two officers; the reply period is computed by the server / 行政处罚告知',
    required: ['penalty'],
    properties: { penalty: PENALTY },
  },
  record_statement: {
    summary: 'Record the party’s statement and defence (陈述申辩) or its waiver, and whether it asks for a hearing / 陈述申辩',
    required: ['statement', 'hearingRequested'],
    properties: { statement: reason('what the party stated, or that it waived the right / 陈述申辩内容'), hearingRequested: { type: 'boolean' } },
  },
  record_hearing: {
    summary: 'Record the hearing the party asked for (听证), presided by an officer who investigated nothing of the case / 听证',
    required: ['report'],
    properties: { report: reason('what the hearing found (听证报告) / 听证情况') },
  },
  withdraw_hearing: {
    summary: 'Withdraw the hearing request before the hearing (撤回听证要求): the party itself only / 撤回听证要求（仅当事人本人）',
    required: ['reason'],
    properties: { reason: reason('what the party declared (撤回听证的意思表示) / 撤回理由') },
  },
  decide_penalty: {
    summary: 'Decide the penalty (行政处罚决定), two officers; not before the reply period ends or the party was heard, never heavier than notified / 行政处罚决定',
    required: ['penalty'],
    properties: { penalty: PENALTY },
  },
};

/** The command types a body may carry (`report` is refused: reports come from inspections). */
export const BODY_COMMAND_TYPES: readonly string[] = COMMAND_TYPES.filter((t) => t !== 'report');

/** The component name of a command type's body (`issue_notice` → `IssueNoticeCommand`). */
export function commandComponentName(type: string): string {
  return `${type.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase())}Command`;
}

/** One body schema per command type, by component name. */
export function commandComponents(): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const type of BODY_COMMAND_TYPES) {
    const body = BODIES[type];
    if (!body) throw new TypeError(`no body schema for command type ${type}`);
    out[commandComponentName(type)] = {
      type: 'object',
      title: type,
      description: body.summary,
      required: ['type', ...body.required],
      additionalProperties: false,
      properties: {
        type: { const: type },
        expectedVersion: { type: 'integer', minimum: 0, maximum: 1_000_000_000, description: 'the version the client saw (or header If-Match) / 期望版本' },
        occurredAt: { ...TIME_WITH_OFFSET, description: 'when it happened, if not now; bounded by the chain / 发生时间' },
        ...body.properties,
      },
    };
  }
  return out;
}

/**
 * A command body, without `hazardId` and `commandId` (path and `Idempotency-Key`): one of
 * the per-type bodies, told apart by `type`.
 */
export const COMMAND_BODY: JsonSchema = {
  oneOf: BODY_COMMAND_TYPES.map((type) => ({ $ref: `#/components/schemas/${commandComponentName(type)}` })),
  // The mapping is needed: without it the OpenAPI discriminator value is the schema's name.
  discriminator: { propertyName: 'type', mapping: Object.fromEntries(BODY_COMMAND_TYPES.map((type) => [type, `#/components/schemas/${commandComponentName(type)}`])) },
};
