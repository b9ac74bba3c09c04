/**
 * JSON Schemas (2020-12) of the API's bodies, shared by the route table and the OpenAPI
 * document.
 *
 * @module
 */
import { HAZARD_LEVELS, HAZARD_STATUSES } from '@anjian/core';
import { EVIDENCE_LIST } from './command-schemas.js';
import { ISSUED_DOCUMENTS } from './issue-command-documents.js';
import { coreRef } from './core-schemas.js';
import { RECORDED_EVIDENCE_MEDIA_TYPES } from './evidence-media-type.js';
import { REFUSAL_REASONS } from './refusal-reason.js';
import type { JsonSchema } from './types.js';

export { COMMAND_BODY } from './command-schemas.js';
export { STORED_EVENT } from './event-schemas.js';

const str = { type: 'string' } as const;
const int = { type: 'integer', minimum: 0 } as const;

/** Text in both languages (`zh-CN` required). */
export const LOCALIZED_TEXT: JsonSchema = {
  type: 'object',
  description: 'text in Chinese (zh-CN, always) and English (en) / 中英文文本',
  required: ['zh-CN'],
  properties: { 'zh-CN': str, en: str },
};

/** An issue: code, severity, JSON pointer (or the query parameter), bilingual message. */
export const ISSUE: JsonSchema = {
  type: 'object',
  required: ['code', 'severity', 'message'],
  properties: {
    code: str,
    severity: { enum: ['error', 'warning', 'info'] },
    pointer: str,
    parameter: { type: 'string', description: 'the query parameter at fault, when the issue is about one (cut to 64 characters) / 出错的查询参数' },
    message: { $ref: '#/components/schemas/LocalizedText' },
    hint: { $ref: '#/components/schemas/LocalizedText' },
  },
};

/** `application/problem+json` (RFC 9457) with anjian's `code` and optional `issues`. */
export const PROBLEM: JsonSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: str,
    title: str,
    status: { type: 'integer' },
    detail: str,
    code: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' },
    issues: {
      type: 'array',
      maxItems: 100,
      items: { $ref: '#/components/schemas/Issue' },
      description: 'what is wrong where (JSON pointer into the request); at most 100, every text cut to 1 000 characters / 问题列表（最多 100 条）',
    },
    issuesOmitted: { type: 'integer', minimum: 1, description: 'how many issues were found beyond the 100 listed / 未列出的问题数' },
    instance: { type: 'string', description: 'a 500: urn:uuid of the request id in the log / 请求编号' },
    reason: {
      enum: [...REFUSAL_REASONS],
      description:
        'a 403 command refusal: why — UNKNOWN_ACTOR, ROLE (no role of the actor may send it), LEVEL (not for this level), STATE (not in this status), SCOPE (outside the enterprise, grid or jurisdiction), SEPARATION_OF_DUTIES (reporter, rectifier or a lone officer), DOWNGRADE / 拒绝原因',
    },
    choices: {
      type: 'array',
      description: 'a 400 REPORT_SCOPE_REQUIRED: the scopes the actor may name instead (area=, domain=), from the read policy, sorted by area then domain / 可选的报表范围',
      items: { type: 'object', required: ['area'], additionalProperties: false, properties: { area: { type: 'string' }, domain: { type: 'string' } } },
    },
  },
};

/** A row of the hazard list. */
export const HAZARD_SUMMARY: JsonSchema = {
  type: 'object',
  required: ['hazardId', 'version', 'status', 'level', 'provisional', 'domain', 'area', 'enterpriseId', 'deadline', 'createdAt', 'updatedAt'],
  properties: {
    hazardId: str,
    version: int,
    status: { enum: [...HAZARD_STATUSES] },
    level: { enum: [...HAZARD_LEVELS] },
    provisional: { type: 'boolean' },
    domain: str,
    area: str,
    enterpriseId: str,
    premisesId: { type: 'string', description: 'the premises it was found at, when it has one (rental directory) / 隐患所在场所' },
    deadline: { type: ['string', 'null'] },
    createdAt: str,
    updatedAt: str,
  },
};

/** An upload as the evidence store records it; hash, type, size and receipt time are the server's. */
export const EVIDENCE_RECORD: JsonSchema = {
  type: 'object',
  required: ['id', 'sha256', 'mime', 'size', 'hazardId', 'receivedAt'],
  properties: {
    id: str,
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    mime: { enum: [...RECORDED_EVIDENCE_MEDIA_TYPES] },
    size: int,
    uploaderId: str,
    hazardId: { type: ['string', 'null'] },
    receivedAt: str,
    claimedTakenAt: str,
  },
};

const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
const evidenceList = (description: string): JsonSchema => ({ type: 'array', description, items: { $ref: '#/components/schemas/AttachedEvidence' } });

/** A penalty: an article of core's law table, its kind and the fine in whole yuan. */
const PENALTY: JsonSchema = {
  type: 'object',
  required: ['article', 'kind'],
  properties: { article: str, kind: { enum: ['warning', 'fine', 'suspend_production'] }, fineAmount: int },
};

/** A hazard's state, folded from its events (core's `HazardState`). */
export const HAZARD_STATE: JsonSchema = {
  type: 'object',
  description: 'the hazard as its events make it / 由事件推导的隐患状态',
  required: ['hazardId', 'version', 'status', 'level', 'provisional', 'title', 'domain', 'area', 'enterpriseId', 'source', 'pack', 'reporterId', 'createdAt', 'updatedAt'],
  properties: {
    hazardId: str,
    version: int,
    status: { enum: [...HAZARD_STATUSES] },
    level: { enum: [...HAZARD_LEVELS] },
    provisional: { type: 'boolean', description: 'level awaits confirmation (疑似) / 等级待确认' },
    title: { $ref: '#/components/schemas/LocalizedText' },
    domain: str,
    area: str,
    enterpriseId: str,
    unitId: { type: ['string', 'null'] },
    premisesId: { type: 'string', description: 'the premises it was found at (only when it has one) / 隐患所在场所' },
    landlordEnterpriseId: { type: 'string', description: "the premises' landlord when the enterprise is a tenant there / 出租方" },
    source: { enum: ['self_check', 'grid_patrol', 'enforcement', 'sensor', 'permit'] },
    pack: { type: 'object', required: ['id', 'version'], properties: { id: str, version: str } },
    deadlinePolicy: coreRef('Classification', 'deadline'),
    reporterId: str,
    manual: { type: 'boolean' },
    wasMajor: { type: 'boolean' },
    rectifierIds: { type: 'array', items: str },
    reportEvidence: evidenceList('evidence of the report / 上报证据'),
    rectificationEvidence: evidenceList('evidence of the rectification / 整改证据'),
    rectificationSubmittedAt: { type: ['string', 'null'], description: "when the latest rectification was submitted; a review's evidence is received after it / 最近一次整改提交时间" },
    evidenceIds: { type: 'array', items: str },
    evidenceHashes: {
      type: 'array',
      items: str,
      description: "SHA-256 of every upload attached so far; a review's or officer's evidence with the same bytes is refused / 已附证据文件的 SHA-256",
    },
    rejectedRectifications: {
      type: 'array',
      description:
        'the rectifications a reviewer rejected, oldest first (present once one was); a later submission\'s "after" photos with the same bytes are refused / 被驳回（复查不合格）的整改提交：其整改后照片不能再次提交',
      items: {
        type: 'object',
        required: ['submittedAt', 'rejectedAt', 'sha256'],
        properties: { submittedAt: { type: ['string', 'null'] }, rejectedAt: str, sha256: { type: 'array', items: str } },
      },
    },
    noticeIssuedAt: { type: ['string', 'null'] },
    deadline: { type: ['string', 'null'] },
    pendingExtension: nullable(coreRef('Classification', 'deadline')),
    warnedFor: { type: ['string', 'null'] },
    overdueNoticedFor: { type: ['string', 'null'] },
    escalatedFor: { type: ['string', 'null'] },
    caseFiledAt: { type: ['string', 'null'], description: 'when the case was filed (立案), or null; its number is the 文号 of its 立案审批表 (GET /hazards/{id}/documents) / 立案时间' },
    caseNo: { type: ['string', 'null'], deprecated: true, description: 'a number typed when filing a case before the server numbered cases; null since / 旧版手填案号' },
    listed: { type: 'boolean' },
    stopWork: { enum: ['partial', 'whole', null] },
    plan: nullable({
      type: 'object',
      required: ['objectives', 'measures', 'fundsAndMaterials', 'responsible', 'deadline', 'milestones', 'safetyAndEmergency'],
      properties: {
        objectives: { $ref: '#/components/schemas/LocalizedText' },
        measures: { $ref: '#/components/schemas/LocalizedText' },
        fundsAndMaterials: { $ref: '#/components/schemas/LocalizedText' },
        responsible: { $ref: '#/components/schemas/LocalizedText' },
        deadline: str,
        milestones: { $ref: '#/components/schemas/LocalizedText' },
        safetyAndEmergency: { $ref: '#/components/schemas/LocalizedText' },
      },
    }),
    planApproved: { type: 'boolean', description: 'an enforcement officer approved the current plan: its date is the deadline / 治理方案已批准' },
    acceptedBy: { type: ['string', 'null'] },
    acceptedOfficers: { type: 'array', items: str },
    acceptedAt: { type: ['string', 'null'], description: 'when the major hazard was accepted (验收); the lifting of its stop-work order takes evidence received after it / 验收时间' },
    closedBy: { type: ['string', 'null'] },
    closedAt: { type: ['string', 'null'], description: "when the hazard was closed (销号); a spot check's or reopening's evidence is received after it / 销号时间" },
    penalty: {
      type: 'object',
      description: 'the administrative penalty of the case, once notified (行政处罚告知 → 陈述申辩 → 决定) / 行政处罚',
      required: ['notified', 'notifiedAt', 'statementDeadline', 'hearingRight', 'hearingDeadline', 'statement', 'notifiedBy', 'hearing', 'hearingWithdrawn', 'decided', 'decidedAt'],
      properties: {
        notified: PENALTY,
        notifiedAt: str,
        statementDeadline: { type: 'string', description: 'end of the period to state and defend, computed by the server / 陈述申辩期限' },
        hearingRight: { type: 'boolean', description: 'the penalty carries the right to a hearing / 听证权利' },
        hearingDeadline: { type: ['string', 'null'] },
        statement: nullable({
          type: 'object',
          required: ['recordedAt', 'hearingRequested', 'byParty'],
          properties: {
            recordedAt: str,
            hearingRequested: { type: 'boolean' },
            byParty: { type: 'boolean', description: "recorded by the enterprise itself (an officer's record waives nothing) / 当事人本人记录" },
          },
        }),
        notifiedBy: { type: 'array', items: str, description: 'the officers of the notice (they do not preside the hearing) / 告知的执法人员' },
        hearing: nullable({ type: 'object', required: ['recordedAt', 'presidedBy'], properties: { recordedAt: str, presidedBy: str } }),
        hearingWithdrawn: nullable({
          type: 'object',
          description: 'the party withdrew its hearing request, before the hearing / 当事人撤回听证要求',
          required: ['recordedAt'],
          properties: { recordedAt: str },
        }),
        decided: nullable(PENALTY),
        decidedAt: { type: ['string', 'null'] },
      },
    },
    reopenCount: int,
    createdAt: str,
    updatedAt: str,
    lastOccurredAt: str,
    lastHash: str,
  },
};

/** Evidence as an event records it: the upload's server-side facts and what it shows. */
export const ATTACHED_EVIDENCE: JsonSchema = {
  type: 'object',
  description: 'evidence as the server recorded it / 服务器记录的证据',
  required: ['id', 'kind', 'sha256', 'mime', 'size', 'receivedAt'],
  properties: {
    id: str,
    kind: { enum: ['photo_before', 'photo_after', 'document', 'photo_review'] },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    mime: { enum: [...RECORDED_EVIDENCE_MEDIA_TYPES] },
    size: int,
    receivedAt: str,
    claimedTakenAt: str,
  },
};

/** A page of hazards. */
export const HAZARD_PAGE: JsonSchema = {
  type: 'object',
  required: ['items', 'next'],
  properties: { items: { type: 'array', items: { $ref: '#/components/schemas/HazardSummary' } }, next: { type: ['string', 'null'] } },
};

/** A hazard's folded state and its history. */
export const HAZARD_DETAIL: JsonSchema = {
  type: 'object',
  required: ['state', 'history', 'caseNumber', 'penaltyReplyPeriod', 'penaltyReplyPeriodUnavailable', 'access'],
  properties: {
    state: { $ref: '#/components/schemas/HazardState' },
    history: { type: 'array', items: { $ref: '#/components/schemas/StoredEvent' }, description: 'every event, oldest first / 全部事件' },
    caseNumber: {
      type: ['string', 'null'],
      readOnly: true,
      description:
        "the case number (案号), derived by the server: the 文号 the document register gave the case's 立案审批表 (case_filing_approval, GET /hazards/{id}/documents), the number every document of the case prints, e.g. （东）应急立〔2026〕1号; for a case filed before the server numbered cases, the number typed then (state.caseNo); null before a case is filed or when the API numbers no documents. Never sent: a command with it is refused / 案号（服务器根据文书登记派生，即立案审批表的文号；旧案件为当时填写的案号；未立案或未启用文书编号时为 null）",
      examples: ['（东）应急立〔2026〕1号'],
    },
    penaltyReplyPeriod: {
      type: ['object', 'null'],
      readOnly: true,
      required: ['servedAt', 'deemed', 'statementDeadline', 'hearingDeadline'],
      additionalProperties: false,
      properties: {
        servedAt: {
          type: 'string',
          description:
            'when the service took effect: as the officer recorded it (for post, the date on the postal receipt), or for a public notice derived by the server from its publication day (see deemed) / 送达时间：执法人员登记的送达时间（邮寄送达为回执上注明的收件日期）；公告送达由服务器根据公告发出日期计算（见 deemed）',
        },
        deemed: {
          type: ['object', 'null'],
          required: ['publishedOn', 'days'],
          additionalProperties: false,
          properties: {
            publishedOn: {
              type: 'string',
              pattern: '^\\d{4}-\\d{2}-\\d{2}$',
              description: 'the day the public notice was published (China time), as the officer recorded it / 公告发出日期（北京时间）',
            },
            days: { type: 'integer', description: 'days after publication at whose end the notice counts as served (30) / 自发出公告之日起经过的日数（30）' },
          },
          description:
            'set when the service is deemed (视为送达): a public notice (公告送达) counts as served at the end (China time) of the 30th day after the day it was published, the publication day not counted, and servedAt is that instant; null for a service as observed, and for a public notice recorded before its publication day was (its servedAt stands as recorded) / 视为送达时给出：公告送达自发出公告之日起（当日不计）经过三十日视为送达，servedAt 为第三十日届满之时（北京时间）；实际送达及旧的公告送达登记为 null',
        },
        statementDeadline: { type: 'string', description: 'end (China time) of the 3rd working day after service / 陈述申辩期限（送达之日起第三个工作日届满）' },
        hearingDeadline: {
          type: ['string', 'null'],
          description: 'end (China time) of the 5th working day after service, when the notice carries the hearing right / 听证申请期限（送达之日起第五个工作日届满），无听证权利时为 null',
        },
      },
      description:
        "the party's reply period of the current 行政处罚告知书, derived by the server: from the notice's recorded service (送达), in working days of the server's calendar (Administrative Penalty Law Art. 85: its days are working days); what the statement and the decision are judged by. null without a penalty notice, while it is not recorded as served, for a landlord, and when it cannot be computed (see penaltyReplyPeriodUnavailable). Never sent / 当前行政处罚告知书的期限，由服务器自登记的送达时间起按工作日计算；无告知书、未登记送达、出租方查阅或无法计算（见 penaltyReplyPeriodUnavailable）时为 null",
    },
    penaltyReplyPeriodUnavailable: {
      type: ['object', 'null'],
      readOnly: true,
      required: ['code', 'message'],
      additionalProperties: false,
      properties: {
        code: { enum: ['CALENDAR_NOT_COVERED'], description: 'why the period cannot be computed / 无法计算的原因' },
        message: {
          type: 'object',
          required: ['zh-CN', 'en'],
          additionalProperties: false,
          properties: { 'zh-CN': str, en: str },
          description: 'the reason for a person, naming the year and its notice / 原因说明（中英文，说明年份及其通知）',
        },
      },
      description:
        "set when the notice is served but its reply period cannot be computed: CALENDAR_NOT_COVERED, the period reaches a year whose holiday arrangement (国务院办公厅关于YYYY年部分节假日安排的通知) the host has not loaded in its working-day calendar. penaltyReplyPeriod is null then — not 'not served', and no date: a page says the period is unavailable and why. The rest of the view is whole; the server logs it and hands it to onError, and a command on the hazard answers 503 until the host loads the year. null otherwise. Never sent / 告知书已送达但期限无法计算时给出：CALENDAR_NOT_COVERED，期限经过宿主未载入节假日安排的年份。此时 penaltyReplyPeriod 为 null（并非未送达，也无日期），页面应说明期限无法计算及原因；其余字段完整，服务器记录日志并交给 onError，宿主载入前对该隐患的指令返回 503。其他情况下为 null",
    },
    access: {
      type: 'string',
      enum: ['full', 'premises'],
      readOnly: true,
      description:
        "which view of the hazard this is, derived by the server from the actor and the hazard (core's readAccess): `full`; or `premises` — a landlord reading its tenant's hazard at the premises it rents out, without the tenant's penalty proceeding whether or not there is one (a page says so rather than showing an empty proceeding) / 所读视图：full 完整；premises 出租方按出租场所查阅承租方的隐患，不含承租方的行政处罚程序（无论有无）",
    },
  },
};

/** What an accepted (or replayed) command answers: the events it wrote. */
export const COMMAND_RESULT: JsonSchema = {
  type: 'object',
  required: ['hazardId', 'version', 'events'],
  properties: { hazardId: str, version: int, events: { type: 'array', items: { $ref: '#/components/schemas/StoredEvent' } }, documents: ISSUED_DOCUMENTS },
};

/** An inspection: the answers recorded against one pack. */
export const INSPECTION: JsonSchema = {
  type: 'object',
  required: ['pack', 'findings'],
  additionalProperties: false,
  properties: {
    pack: str,
    premises: {
      type: 'string',
      description:
        "the premises kind. With report=true at a place of the directory (subject.premisesId, or the enterprise's only place) it is the place's kind the pack has questions for, derived on the server: leave it out (give one only to choose among several); another kind is 422 PREMISES_KIND_MISMATCH / 场所类型：在名录中的场所由服务器按名录推导，不同的类型被拒绝",
    },
    inspectedAt: str,
    source: { description: "derived from the actor's role; when given it must agree", enum: ['self_check', 'grid_patrol', 'enforcement', 'sensor', 'permit'] },
    subject: {
      type: 'object',
      additionalProperties: false,
      properties: {
        id: str,
        enterpriseId: { type: 'string', description: 'the inspected enterprise (report=true); its area comes from the directory' },
        unitId: str,
        premisesId: { type: 'string', description: 'the premises inspected (rental directory): checked on the server, its landlord derived / 检查的场所' },
        name: str,
        address: str,
        area: { type: 'string', description: 'ignored for classification; with report=true it must equal the registered area' },
      },
    },
    findings: {
      type: 'object',
      description: "answers by fact id (the pack's facts: boolean, number, text, option ids, dates) / 按事实编号的检查结果",
      additionalProperties: { description: 'the answer to one fact / 一个事实的答案' },
    },
    evidence: {
      description: 'unbound uploads of the reporter (POST /evidence): a list when at most one hazard is found, else lists by rule id',
      oneOf: [EVIDENCE_LIST, { type: 'object', additionalProperties: EVIDENCE_LIST }],
    },
    fixedOnSpot: { type: 'array', items: str, description: 'rule ids of simple hazards fixed on the spot' },
  },
};

/** The classification of an inspection, its warnings, and (with `?report=true`) the reported hazards. */
export const INSPECTION_RESULT: JsonSchema = {
  type: 'object',
  required: ['classification', 'warnings'],
  properties: {
    classification: coreRef('Classification', 'classification'),
    warnings: { type: 'array', items: { $ref: '#/components/schemas/Issue' }, description: 'issues at warning or info level / 警告' },
    reports: {
      type: 'array',
      items: {
        type: 'object',
        required: ['rule', 'hazardId', 'ok'],
        properties: {
          rule: str,
          hazardId: str,
          ok: { type: 'boolean' },
          version: int,
          replayed: { type: 'boolean' },
          rejection: { type: 'object', required: ['code', 'message'], properties: { code: str, message: { $ref: '#/components/schemas/LocalizedText' } } },
          documents: ISSUED_DOCUMENTS,
        },
      },
    },
    inspectionId: { type: 'string', description: "the inspection's record, when the host keeps an inspection log / 检查记录编号" },
  },
};

/** Counts for a dashboard. */
export const STATS: JsonSchema = {
  type: 'object',
  required: ['total', 'byLevel', 'byStatus', 'byDomain', 'closed', 'closureRate', 'overdue'],
  properties: {
    total: int,
    byLevel: { type: 'object', additionalProperties: int },
    byStatus: { type: 'object', additionalProperties: int },
    byDomain: { type: 'object', additionalProperties: int },
    closed: int,
    closureRate: { type: 'number', minimum: 0, maximum: 1 },
    overdue: int,
    periods: {
      type: 'array',
      items: { type: 'object', required: ['period', 'total', 'closed', 'closureRate'], properties: { period: str, total: int, closed: int, closureRate: { type: 'number' } } },
    },
  },
};
