/**
 * JSON Schemas of the audit-trail events the API answers (command results, hazard
 * history): one schema per event type with its `data`, told apart by `type`.
 *
 * @module
 */
import { ROLES } from '@anjian/core/ports';
import { coreRef } from './core-schemas.js';
import type { JsonSchema } from './types.js';

const str = { type: 'string' } as const;
const text: JsonSchema = { $ref: '#/components/schemas/LocalizedText' };
const level: JsonSchema = { enum: ['simple', 'general', 'major'] };
const policy: JsonSchema = coreRef('Classification', 'deadline');
const officers: JsonSchema = {
  type: 'array',
  description: 'the two officers of a two-officer act, the actor first / 两名执法人员',
  minItems: 2,
  maxItems: 2,
  items: { type: 'object', required: ['id', 'certificateNo'], properties: { id: str, certificateNo: { type: 'string', description: '执法证号' } } },
};
const PENALTY: JsonSchema = {
  type: 'object',
  required: ['article', 'kind'],
  properties: { article: str, kind: { enum: ['warning', 'fine', 'suspend_production'] }, fineAmount: { type: 'integer' } },
};
const attached: JsonSchema = { type: 'array', description: 'evidence as the server recorded it / 服务器记录的证据', items: { $ref: '#/components/schemas/AttachedEvidence' } };

interface Data {
  description: string;
  required: readonly string[];
  properties: Record<string, JsonSchema>;
}

/** The `data` of each event type (core's `EventDataMap`). */
const DATA: Readonly<Record<string, Data>> = {
  reported: {
    description: 'reported: level, deadline policy, basis and findings from the pack / 已上报',
    required: ['title', 'level', 'provisional', 'basis', 'deadline', 'pack', 'domain', 'area', 'enterpriseId', 'source', 'evidence'],
    properties: {
      title: text,
      level,
      provisional: { type: 'boolean' },
      basis: { type: 'array', items: coreRef('Classification', 'citation') },
      deadline: policy,
      pack: { type: 'object', required: ['id', 'version'], properties: { id: str, version: str } },
      domain: str,
      area: str,
      enterpriseId: str,
      unitId: str,
      premisesId: { ...str, description: 'the premises inspected, checked against the rental directory / 检查的场所' },
      landlordEnterpriseId: { ...str, description: "the premises' landlord when the enterprise is a tenant / 出租方" },
      inspectionId: { ...str, description: 'the id of the inspection record that reported it (InspectionRecord.id), derived by the server / 上报该隐患的检查记录编号' },
      source: { enum: ['self_check', 'grid_patrol', 'enforcement', 'sensor', 'permit'] },
      findings: { type: 'array', items: coreRef('Classification', 'hazard') },
      evidence: {
        ...attached,
        description: "evidence as the server recorded it: the request's and the photos of the inspection's answers that produced the hazard / 服务器记录的证据（含检查记录答案中的照片）",
      },
      fixedOnSpot: { type: 'boolean' },
      manual: { const: true },
      description: text,
      runningDeadline: { ...str, description: 'the deadline running from the report (the level’s policy from the trusted time) / 自上报起算的整改期限' },
      officers,
    },
  },
  reclassified: {
    description: 'level changed / 等级已调整',
    required: ['from', 'to', 'reason'],
    properties: { from: level, to: level, reason: text, runningDeadline: str, officers },
  },
  level_confirmed: {
    description: 'provisional level confirmed / 等级已确认',
    required: ['from', 'to', 'reason'],
    properties: { from: level, to: level, reason: text, runningDeadline: str, officers },
  },
  notice_issued: {
    description:
      "rectification notice issued / 已下达整改通知 — the notice's number is its document's 文号 in the document register; noticeNo only in events recorded before that (typed by the officer or grid inspector)",
    required: ['deadline', 'policy'],
    properties: { deadline: str, policy, noticeNo: { ...str, deprecated: true }, note: text, officers },
  },
  rectification_submitted: { description: 'rectification submitted / 已提交整改', required: ['evidence'], properties: { evidence: attached, note: text } },
  verified: { description: 'rectification verified / 复查通过', required: [], properties: { note: text, evidence: attached, officers } },
  rejected: { description: 'rectification rejected / 复查不通过', required: ['reason'], properties: { reason: text, evidence: attached, officers } },
  extension_requested: { description: 'extension requested / 已申请延期', required: ['extension', 'reason'], properties: { extension: policy, reason: text } },
  extension_granted: { description: 'extension granted / 已同意延期', required: ['from', 'to'], properties: { from: str, to: str, note: text } },
  extension_denied: { description: 'extension denied / 不同意延期', required: ['reason'], properties: { reason: text } },
  escalated: { description: 'escalated to enforcement / 已移交执法', required: ['reason'], properties: { reason: text, overdueDeadline: str } },
  case_filed: {
    description: "case filed / 已立案 — the case's number is its 立案审批表's 文号 in the document register; caseNo only in events recorded before that (typed by the officer)",
    required: [],
    properties: { caseNo: { ...str, deprecated: true }, officers },
  },
  listed_for_supervision: { description: 'listed for supervision / 已挂牌督办', required: ['authority'], properties: { authority: text, note: text, officers } },
  plan_submitted: {
    description: 'treatment plan submitted / 已提交治理方案',
    required: ['plan'],
    properties: {
      plan: {
        type: 'object',
        required: ['objectives', 'measures', 'fundsAndMaterials', 'responsible', 'deadline', 'milestones', 'safetyAndEmergency'],
        properties: { objectives: text, measures: text, fundsAndMaterials: text, responsible: text, deadline: str, milestones: text, safetyAndEmergency: text },
      },
    },
  },
  plan_approved: { description: 'treatment plan approved / 治理方案已批准', required: ['deadline'], properties: { deadline: str, note: text } },
  stop_work_ordered: { description: 'work stopped / 已责令停产停业', required: ['scope', 'reason'], properties: { scope: { enum: ['partial', 'whole'] }, reason: text, officers } },
  accepted: { description: 'rectification accepted / 已验收', required: ['note'], properties: { note: text, evidence: attached, officers } },
  closed: { description: 'closed (销号) / 已销号', required: [], properties: { note: text, fixedOnSpot: { type: 'boolean' }, officers } },
  stop_work_lifted: { description: 'stop-work lifted (复产) / 已复产', required: ['note'], properties: { note: text, evidence: attached, officers } },
  delisted: { description: 'listing ended (摘牌) / 已摘牌', required: ['note'], properties: { note: text, officers } },
  reopened: { description: 'reopened / 已重新打开', required: ['reason'], properties: { reason: text, runningDeadline: str, evidence: attached } },
  spot_checked: { description: 'spot-checked / 已抽查', required: ['result'], properties: { result: { enum: ['pass', 'fail'] }, note: text, runningDeadline: str, evidence: attached } },
  due_soon_warned: { description: 'deadline near / 到期提醒', required: ['deadline'], properties: { deadline: str } },
  overdue_noticed: { description: 'deadline passed / 已逾期', required: ['deadline'], properties: { deadline: str } },
  penalty_notified: {
    description: 'penalty notified (行政处罚告知): reply deadlines computed by the server / 已告知拟处罚',
    required: ['penalty', 'statementDeadline', 'hearingRight'],
    properties: { penalty: PENALTY, statementDeadline: str, hearingRight: { type: 'boolean' }, hearingDeadline: str, officers },
  },
  statement_recorded: {
    description: 'statement and defence recorded (陈述申辩) / 已记录陈述申辩',
    required: ['statement', 'hearingRequested'],
    properties: { statement: text, hearingRequested: { type: 'boolean' } },
  },
  hearing_held: { description: 'hearing held (听证) / 已听证', required: ['report'], properties: { report: text } },
  hearing_withdrawn: { description: 'hearing request withdrawn by the party before the hearing (撤回听证要求) / 已撤回听证要求', required: ['reason'], properties: { reason: text } },
  penalty_decided: {
    description: 'penalty decided (行政处罚决定) / 已作出处罚决定',
    required: ['penalty', 'statementHeard'],
    properties: { penalty: PENALTY, statementHeard: { type: 'boolean' }, officers },
  },
};

/** The event types, in the order of the review chain. */
export const EVENT_TYPES: readonly string[] = Object.keys(DATA);

/** The component name of an event type (`notice_issued` → `NoticeIssuedEvent`). */
export function eventComponentName(type: string): string {
  return `${type.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase())}Event`;
}

/** One schema per event type (the stored event with its `data`), by component name. */
export function eventComponents(): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const [type, data] of Object.entries(DATA)) {
    out[eventComponentName(type)] = {
      type: 'object',
      title: type,
      description: data.description,
      required: ['id', 'hazardId', 'version', 'type', 'actor', 'commandId', 'recordedAt', 'occurredAt', 'pack', 'data', 'prevHash', 'hash', 'seq'],
      properties: {
        id: { type: 'string', description: '<hazardId>/<version>' },
        hazardId: str,
        version: { type: 'integer', minimum: 1 },
        type: { const: type },
        actor: { type: 'object', required: ['id', 'role'], properties: { id: str, role: { enum: [...ROLES] } } },
        commandId: str,
        recordedAt: { type: 'string', description: 'trusted server time / 服务器记录时间' },
        occurredAt: { type: 'string', description: 'claimed time, bounded by the chain / 声称的发生时间' },
        pack: { type: 'object', required: ['id', 'version'], properties: { id: str, version: str } },
        data: { type: 'object', required: [...data.required], properties: data.properties },
        prevHash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
        hash: { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the canonical event without hash and seq / 事件哈希' },
        seq: { type: 'integer', minimum: 1, description: 'global log position / 全局序号' },
      },
    };
  }
  return out;
}

/** One audit-trail event as stored, any type. */
export const STORED_EVENT: JsonSchema = {
  oneOf: EVENT_TYPES.map((type) => ({ $ref: `#/components/schemas/${eventComponentName(type)}` })),
  // The mapping is needed: without it the OpenAPI discriminator value is the schema's name.
  discriminator: { propertyName: 'type', mapping: Object.fromEntries(EVENT_TYPES.map((type) => [type, `#/components/schemas/${eventComponentName(type)}`])) },
};
