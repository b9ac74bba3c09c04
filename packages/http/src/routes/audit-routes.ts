import type { Store } from '@anjian/core';
import type { Verifier } from '@anjian/core/ports';
import { verifyAudit, verifyHazardTrail, type AuditResult } from '@anjian/core/audit';
import { mayReadDocumentKind } from '@anjian/core/internal';
import { jsonResponse } from '../json-response.js';
import { hazardNotFound, loadReadableHazard } from '../load-readable-hazard.js';
import { HttpProblem } from '../problem.js';
import { readerOf, withReaderCodes } from '../reader-of.js';
import { LOCALIZED_TEXT } from '../schemas.js';
import type { AnjianApiOptions, JsonSchema, RouteSpec } from '../types.js';

/**
 * What the audit routes use, given by the host as `audit` in the API options: the
 * checkpoint signer's public key (without it signatures are not checked and the result
 * says so), witness copies of checkpoints kept outside the database, the log's origin.
 */
export interface AuditApiOptions {
  verifier?: Verifier;
  /** Checkpoint notes kept outside the database (read at every audit). */
  checkpoints?: () => readonly string[] | Promise<readonly string[]>;
  origin?: string;
}

function auditOptions(options: AnjianApiOptions): AuditApiOptions {
  return options.audit ?? {};
}

// The last full audit of each store, for the hazard page's "trail last verified" line.
const lastAudits = new WeakMap<Store, AuditResult>();

const count = { type: 'integer', minimum: 0 } as const;
const DOCUMENT_KEY = {
  type: 'object',
  required: ['jurisdiction', 'kind', 'year', 'seq'],
  additionalProperties: false,
  properties: { jurisdiction: { type: 'string' }, kind: { type: 'string' }, year: count, seq: count },
} as const;
const POSITION: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    seq: count,
    hazardId: { type: 'string' },
    version: count,
    checkpoint: count,
    toSeq: count,
    document: { ...DOCUMENT_KEY, description: 'the document concerned (kinds document_trail, documents); `seq` is then a position in the document trail / 涉及的文书' },
  },
};
const DOCUMENT_FINDING: JsonSchema = {
  type: 'object',
  required: ['severity', 'code', 'document', 'message'],
  additionalProperties: false,
  properties: {
    severity: { enum: ['problem', 'notice'] },
    code: {
      enum: [
        'DOCUMENT_REWRITTEN',
        'CONTENT_REWRITTEN',
        'CONTENT_MISSING',
        'DOCUMENT_MISSING',
        'DOCUMENT_UNCHAINED',
        'ISSUED_BEFORE_CHAINING',
        'VOID_UNDONE',
        'VOID_REWRITTEN',
        'VOID_UNCHAINED',
        'VOIDED_BEFORE_CHAINING',
      ],
    },
    document: {
      type: 'object',
      required: ['jurisdiction', 'kind', 'year', 'seq', 'hazardId', 'eventId', 'verificationCode'],
      additionalProperties: false,
      properties: { ...DOCUMENT_KEY.properties, hazardId: { type: 'string' }, eventId: { type: 'string' }, verificationCode: { type: ['string', 'null'] } },
    },
    trailSeq: count,
    message: LOCALIZED_TEXT,
  },
};
const AUDIT_PROBLEM: JsonSchema = {
  type: 'object',
  required: ['kind', 'code', 'position', 'message'],
  additionalProperties: false,
  properties: {
    kind: { enum: ['log_order', 'event_hash', 'chain_link', 'checkpoint', 'projection', 'outbox', 'denials', 'document_trail', 'documents'] },
    code: { type: 'string' },
    position: POSITION,
    message: LOCALIZED_TEXT,
  },
};
const AUDIT_RESULT: JsonSchema = {
  type: 'object',
  required: ['ok', 'checked', 'head', 'problems', 'documents', 'verifiedAt'],
  additionalProperties: false,
  properties: {
    ok: { type: 'boolean' },
    checked: {
      type: 'object',
      required: ['events', 'hazards', 'projectionRows', 'outboxMessages', 'denials', 'checkpoints', 'signatures', 'documents', 'documentTrail'],
      additionalProperties: false,
      properties: {
        events: count,
        hazards: count,
        projectionRows: count,
        outboxMessages: count,
        denials: count,
        checkpoints: count,
        signatures: { type: 'boolean' },
        documents: { ...count, description: 'issued documents of the register compared with the document trail / 已核对的已出具文书' },
        documentTrail: { ...count, description: 'entries of the document trail / 文书链条数' },
      },
    },
    head: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    problems: { type: 'array', items: AUDIT_PROBLEM, description: 'the first bad position of each kind / 每类问题的第一个出错位置' },
    documents: {
      type: 'array',
      items: DOCUMENT_FINDING,
      description:
        'every finding about an issued or voided document: problems (rewritten, deleted, unchained; a void undone, rewritten or unchained) and notices (ISSUED_BEFORE_CHAINING, VOIDED_BEFORE_CHAINING: issued or voided before the store chained them; `ok` stays true) / 每份已出具或作废文书的核验发现',
    },
    verifiedAt: { type: 'string' },
  },
};
const HAZARD_AUDIT: JsonSchema = {
  type: 'object',
  required: ['hazardId', 'version', 'verifiedAt', 'ok', 'chain', 'projection', 'checkpoint', 'documents', 'lastFullAudit'],
  additionalProperties: false,
  properties: {
    hazardId: { type: 'string' },
    version: count,
    verifiedAt: { type: 'string', description: "when this hazard's trail was checked (now) / 本隐患记录的核验时间" },
    ok: { type: 'boolean' },
    chain: { type: 'object', required: ['ok'], properties: { ok: { type: 'boolean' }, reason: { type: 'string' }, version: count } },
    projection: { type: 'object', required: ['ok'], properties: { ok: { type: 'boolean' } } },
    checkpoint: {
      type: ['object', 'null'],
      description: 'the newest signed checkpoint and how many of this hazard’s events it covers / 最新检查点及其覆盖的本隐患事件数',
      required: ['seq', 'createdAt', 'size', 'coversVersion', 'signed'],
      properties: { seq: count, createdAt: { type: 'string' }, size: count, coversVersion: count, signed: { type: 'boolean' } },
    },
    documents: {
      type: 'array',
      items: DOCUMENT_FINDING,
      description: "what the full audit finds about this hazard's issued and voided documents, checked now (problems make `ok` false; notices do not) / 本隐患文书（出具与作废）的核验发现",
    },
    lastFullAudit: {
      type: ['object', 'null'],
      description: 'the last GET /audit/verify on this server, and its problems at this hazard / 本服务最近一次全量核验',
      required: ['verifiedAt', 'ok', 'problems'],
      properties: { verifiedAt: { type: 'string' }, ok: { type: 'boolean' }, problems: { type: 'array', items: AUDIT_PROBLEM } },
    },
  },
};

/** `GET /audit/verify` (department admins) and `GET /hazards/{id}/audit` (who may read the hazard). */
export const AUDIT_ROUTES: readonly RouteSpec[] = [
  {
    method: 'get',
    path: '/audit/verify',
    operationId: 'verifyAudit',
    summary: 'Verify the whole audit trail: hash chain, log order, signed checkpoints, hazard list, outbox, denials, issued documents / 核验全部审计记录',
    description:
      "Department admins only. Recomputes every event hash and chain link, the global log order, each signed checkpoint (with the host's verifier), the hazard list against the log, the outbox, the denials, and every issued document of the register against the document trail; answers the first bad position of each kind, and every finding about an issued document.\n\n仅部门管理员可调用。重新计算每个事件的哈希与链接、全局日志顺序、每个签名检查点、隐患列表、通知队列、拒绝记录，并核对登记簿中每份已出具文书与文书链；每类问题给出第一个出错位置，并逐份列出文书的问题。",
    tags: ['audit'],
    auth: 'required',
    response: { status: 200, description: 'the audit result; `ok: false` names the first bad position of each kind / 核验结果', schema: AUDIT_RESULT },
    errors: [401, 403],
    problemCodes: withReaderCodes(),
    async handle(ctx) {
      const { deps, options } = ctx;
      const actor = await readerOf(ctx);
      if (!actor.roles.includes('department_admin')) {
        throw new HttpProblem(403, 'FORBIDDEN', { 'zh-CN': '无权访问', en: 'Forbidden' }, { 'zh-CN': '审计核验只对部门管理员开放', en: 'the audit is for department admins only' });
      }
      const audit = auditOptions(options);
      const result = await verifyAudit(deps.store, {
        now: deps.clock.now().toISOString(),
        checkpoints: (await audit.checkpoints?.()) ?? [],
        ...(audit.verifier ? { verifier: audit.verifier } : {}),
        ...(audit.origin !== undefined ? { origin: audit.origin } : {}),
      });
      lastAudits.set(deps.store, result);
      return jsonResponse(result);
    },
  },
  {
    method: 'get',
    path: '/hazards/{id}/audit',
    operationId: 'getHazardAudit',
    summary: "When this hazard's trail was verified, and whether it holds / 隐患记录的核验状态",
    description:
      "For whoever may read the hazard (else 404, as GET /hazards/{id}). Checks this hazard's chain, list row and documents (issued and voided, against the document trail: the full audit's check) now, and says how far the newest signed checkpoint covers it and what the last full audit on this server found.\n\n可读取该隐患的用户可调用（否则 404）。立即核验本隐患的哈希链、列表行与文书（出具与作废，对照文书链，与全量核验同一检查），并说明最新签名检查点覆盖到哪个版本、本服务最近一次全量核验的结论。",
    tags: ['audit'],
    auth: 'required',
    response: { status: 200, description: "the hazard's chain, list row and checkpoint coverage / 本隐患的核验状态", schema: HAZARD_AUDIT },
    errors: [401, 403, 404],
    problemCodes: withReaderCodes(),
    async handle(ctx) {
      const id = ctx.params.id ?? '';
      const loaded = await loadReadableHazard(ctx, id, await readerOf(ctx));
      if (!loaded) throw hazardNotFound(id);
      const audit = auditOptions(ctx.options);
      const checked = await verifyHazardTrail(ctx.deps.store, id, { now: ctx.deps.clock.now().toISOString(), ...(audit.verifier ? { verifier: audit.verifier } : {}) });
      if (!checked) throw hazardNotFound(id);
      // A landlord reads findings about the documents it may read of its tenant's hazard only (core's mayReadDocumentKind).
      const trail = { ...checked, documents: checked.documents.filter((f) => mayReadDocumentKind(loaded.access, f.document.kind)) };
      const last = lastAudits.get(ctx.deps.store);
      const mine = (p: AuditResult['problems'][number]) => p.position.hazardId === id && (p.position.document === undefined || mayReadDocumentKind(loaded.access, p.position.document.kind));
      const lastFullAudit = last ? { verifiedAt: last.verifiedAt, ok: last.ok, problems: last.problems.filter(mine) } : null;
      return jsonResponse({ ...trail, lastFullAudit });
    },
  },
];
