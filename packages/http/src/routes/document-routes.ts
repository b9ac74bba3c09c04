import { checkText, landlordDocumentRefusal, mayReadDocumentKind, quoteInput, type CommandIssue, type ReadAccess } from '@anjian/core/internal';
import {
  checkServiceEntry,
  DOCUMENT_KINDS,
  documentIssuer,
  documentOfficerIds,
  formatDocumentIssues,
  issueDocument,
  normalizeVerificationCode,
  parseServiceBody,
  readIssuedDocument,
  renderDocumentHtml,
  verifyDocument,
  type ComposedDocument,
  type DocumentIssue,
  type LoadedTemplate,
} from '@anjian/documents';
import type { ChainEvent } from '@anjian/core';
import { sha256Hex } from '@anjian/core/audit';
import { SERVICE_METHODS, type DocumentRecord, type DocumentServiceLog, type DocumentServiceRecord } from '@anjian/core/ports';
import { documentDirectoryOf, documentNumberOf } from '../document-context.js';
import { jsonResponse } from '../json-response.js';
import { readJsonObject } from '../read-json-body.js';
import { hazardNotFound, loadReadableHazard } from '../load-readable-hazard.js';
import { HttpProblem, type ProblemIssue } from '../problem.js';
import { readerOf, withReaderCodes } from '../reader-of.js';
import type { DocumentsApiOptions } from '../documents-options.js';
import type { JsonSchema, RouteContext, RouteSpec } from '../types.js';

const NOT_CONFIGURED = new HttpProblem(
  404,
  'DOCUMENTS_NOT_CONFIGURED',
  { 'zh-CN': '未启用执法文书', en: 'Documents not configured' },
  { 'zh-CN': '本服务未配置执法文书（createAnjianApi 的 documents 选项）', en: 'this server has no documents option (createAnjianApi documents)' },
);

/** Rendered PDFs kept per API (its `documents` option): at most this many, newest kept. */
const PDF_CACHE_ENTRIES = 64;
const pdfCaches = new WeakMap<DocumentsApiOptions, Map<string, Promise<Uint8Array>>>();

/**
 * The PDF of a composed document, rendered once per content: rendering (font subsetting)
 * costs hundreds of milliseconds of the event loop, the bytes are deterministic for the same
 * document, and anyone who may read a hazard may ask for its documents again and again — so
 * the same document is never rendered twice while it is among the last
 * {@link PDF_CACHE_ENTRIES}, and requests for it at the same time share one rendering.
 */
function renderPdfOnce(documents: DocumentsApiOptions, document: ComposedDocument): Promise<Uint8Array> {
  const render = documents.renderPdf as NonNullable<DocumentsApiOptions['renderPdf']>;
  let cache = pdfCaches.get(documents);
  if (!cache) pdfCaches.set(documents, (cache = new Map()));
  const key = sha256Hex(JSON.stringify(document));
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit); // most recently used last
    return hit;
  }
  const rendering = render(document).catch((error: unknown) => {
    throw refusedRendering(error);
  });
  cache.set(key, rendering);
  rendering.catch(() => cache.delete(key)); // a failed rendering is not kept
  if (cache.size > PDF_CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
  return rendering;
}

/**
 * A renderer's refusal that explains itself — an error with an upper-case `code` and
 * `messages` in both languages, as `@anjian/documents-pdf`'s `PDF_FONT_MISSING` (a character
 * of the document, say an emoji in an enterprise's name, that the font cannot print) — is a
 * 422 with that code and those words: the document is fine as HTML, the PDF cannot be made
 * until the directory or the font changes. Anything else stays a server error.
 */
function refusedRendering(error: unknown): unknown {
  if (error === null || typeof error !== 'object') return error;
  const { code, messages } = error as { code?: unknown; messages?: { 'zh-CN'?: unknown; en?: unknown } };
  if (typeof code !== 'string' || !/^[A-Z][A-Z0-9_]{2,63}$/.test(code) || typeof messages?.['zh-CN'] !== 'string' || typeof messages.en !== 'string') return error;
  return new HttpProblem(422, code, { 'zh-CN': '无法生成 PDF', en: 'Cannot render the PDF' }, { 'zh-CN': messages['zh-CN'], en: messages.en });
}

/**
 * Refuses a document kind the actor may not read of this hazard (core's `mayReadDocumentKind`):
 * a landlord reads its tenant's rectification documents concerning the premises, not its case
 * and penalty documents (行政处罚告知书, 行政处罚决定书, …), which are the party's. Decided by the
 * kind alone, before the register is read: the answer says nothing of whether there is one.
 */
function checkDocumentKind(access: ReadAccess, kind: string): void {
  if (mayReadDocumentKind(access, kind)) return;
  throw new HttpProblem(403, 'DOCUMENT_NOT_FOR_LANDLORD', { 'zh-CN': '出租方不能查阅该文书', en: 'Not a document for the landlord' }, landlordDocumentRefusal(quoteInput(kind)));
}

function documentsOf(ctx: RouteContext): DocumentsApiOptions {
  const documents = ctx.options.documents;
  if (!documents) throw NOT_CONFIGURED;
  return documents;
}

const SERVICE_ENTRY_PROPERTIES: Record<string, JsonSchema> = {
  type: { enum: ['served', 'signed', 'refused'], description: 'served 送达; signed 签收; refused 拒签（留置送达）' },
  method: { enum: [...SERVICE_METHODS] },
  recipient: { type: 'string' },
  servedAt: { type: 'string', description: 'when the service took effect; for public_notice derived by the server from publishedOn (视为送达) / 送达时间；公告送达由服务器计算' },
  publishedOn: { type: 'string', description: 'public_notice only: the day the notice was published (China time) / 公告送达：公告发出日期' },
  signedBy: { type: 'string' },
  signedOn: { type: 'string' },
  witness: { type: 'string' },
  witnessRole: { type: 'string' },
  refusedOn: { type: 'string' },
  note: { type: 'string' },
  recordedBy: { type: 'string', description: 'the officer who recorded it / 登记人' },
  recordedAt: { type: 'string' },
};
const SERVICE_ENTRY_REQUIRED = ['type', 'recordedBy', 'recordedAt'];
const SERVICE_ENTRY: JsonSchema = { type: ['object', 'null'], required: SERVICE_ENTRY_REQUIRED, properties: SERVICE_ENTRY_PROPERTIES };

const DOCUMENT_ITEM: JsonSchema = {
  type: 'object',
  required: ['kind', 'issuedBy', 'number', 'jurisdiction', 'year', 'seq', 'eventId', 'issuedAt', 'verificationCode', 'contentHash'],
  properties: {
    kind: { enum: [...DOCUMENT_KINDS] },
    issuedBy: {
      enum: ['grid', 'enforcement'],
      readOnly: true,
      description:
        "who issues the kind (@anjian/documents' documentIssuer): grid — a grid inspector's 隐患整改通知书; enforcement — an officers' enforcement document (执法文书) / 出具方：grid 为网格员的隐患整改通知书，enforcement 为执法文书",
    },
    number: { type: 'string', description: '文号, e.g. （东）应急责改〔2026〕12号' },
    jurisdiction: { type: 'string' },
    year: { type: 'integer' },
    seq: { type: 'integer', minimum: 1 },
    eventId: { type: 'string' },
    issuedAt: { type: 'string', description: 'the issuing event’s time (ISO) / 出具时间' },
    verificationCode: { type: ['string', 'null'], description: 'null while the document is numbered but not issued / 未出具时为 null' },
    contentHash: { type: ['string', 'null'] },
    voided: {
      type: ['object', 'null'],
      description: 'set when voided: the number stays taken and says so / 作废记录（文号保留）',
      properties: { at: { type: 'string' }, reason: { type: 'string' }, actorId: { type: 'string' } },
    },
    service: {
      type: 'object',
      description: 'delivery (送达) and receipt (签收 or refusal with a witness), once recorded / 送达与签收',
      properties: { served: SERVICE_ENTRY, receipt: SERVICE_ENTRY },
    },
  },
};

function sameDocument(a: Pick<DocumentRecord, 'jurisdiction' | 'kind' | 'year' | 'seq'>, b: Pick<DocumentRecord, 'jurisdiction' | 'kind' | 'year' | 'seq'>): boolean {
  return a.jurisdiction === b.jurisdiction && a.kind === b.kind && a.year === b.year && a.seq === b.seq;
}

function serviceView(record: DocumentServiceRecord | undefined): Record<string, unknown> | null {
  return record ? { ...record.entry, recordedBy: record.actorId, recordedAt: record.recordedAt } : null;
}

const NUMBER_PARAM = /^(\d{4})-(\d{1,9})$/;

const DOCUMENT_PROBLEM_CODES: Readonly<Record<number, readonly string[]>> = {
  403: ['DOCUMENT_OFFICERS_ONLY', 'DOCUMENT_NOT_FOR_LANDLORD'],
  404: ['DOCUMENT_NOT_FOUND', 'SERVICE_NOT_CONFIGURED'],
  409: ['SERVICE_ALREADY_RECORDED', 'DOCUMENT_VOIDED', 'DOCUMENT_NOT_SERVED', 'DOCUMENT_ALREADY_VOIDED', 'DOCUMENT_NOT_ISSUED'],
  422: ['SERVICE_INVALID', 'PDF_FONT_MISSING'],
};

/**
 * The numbered document `/hazards/{id}/documents/{kind}/{number}` (number `2026-12`) of a
 * hazard the actor may read, its issuing event, and whether the actor is one of the
 * officers it names (who sign, serve and may void it).
 */
async function documentAt(ctx: RouteContext): Promise<{ record: DocumentRecord; event: ChainEvent; documents: DocumentsApiOptions }> {
  const documents = documentsOf(ctx);
  const id = ctx.params.id ?? '';
  const loaded = await loadReadableHazard(ctx, id);
  if (!loaded) throw hazardNotFound(id);
  checkDocumentKind(loaded.access, ctx.params.kind ?? '');
  const m = NUMBER_PARAM.exec(ctx.params.number ?? '');
  const record = m ? (await ctx.deps.store.readDocuments(id)).find((r) => r.kind === ctx.params.kind && r.year === Number(m[1]) && r.seq === Number(m[2])) : undefined;
  const event = record ? (loaded.events as ChainEvent[]).find((e) => e.id === record.eventId) : undefined;
  if (!record || !event) {
    throw new HttpProblem(
      404,
      'DOCUMENT_NOT_FOUND',
      { 'zh-CN': '未找到文书', en: 'Document not found' },
      {
        'zh-CN': `隐患 ${id} 没有 ${quoteInput(ctx.params.kind ?? '')} 第 ${quoteInput(ctx.params.number ?? '')} 号文书（编号形如 2026-12）`,
        en: `hazard ${id} has no ${quoteInput(ctx.params.kind ?? '')} number ${quoteInput(ctx.params.number ?? '')} (numbers look like 2026-12)`,
      },
    );
  }
  if (!documentOfficerIds(event).includes(ctx.actorId as string)) {
    throw new HttpProblem(
      403,
      'DOCUMENT_OFFICERS_ONLY',
      { 'zh-CN': '无权操作该文书', en: 'Not your document' },
      { 'zh-CN': '只有文书上署名的执法人员（或出具人）可以登记送达、签收或作废', en: 'only the officers the document names (or its issuer) record its service, receipt or void' },
    );
  }
  return { record, event, documents };
}

function serviceLogOf(documents: DocumentsApiOptions): DocumentServiceLog {
  if (!documents.service) {
    throw new HttpProblem(
      404,
      'SERVICE_NOT_CONFIGURED',
      { 'zh-CN': '未启用送达登记', en: 'Service not configured' },
      { 'zh-CN': '本服务未配置送达记录（documents.service）', en: 'this server records no service (documents.service)' },
    );
  }
  return documents.service;
}

async function recordServiceRoute(ctx: RouteContext, phase: 'service' | 'receipt'): Promise<Response> {
  const { record, documents } = await documentAt(ctx);
  const log = serviceLogOf(documents);
  const body = await readJsonObject(ctx.request, ctx.options.maxBodyBytes ?? 1_048_576);
  const now = ctx.deps.clock.now();
  const parsed = parseServiceBody(body, phase, now);
  if (!parsed.ok) {
    const issues: ProblemIssue[] = parsed.problems.map((p) => ({ code: p.code, severity: 'error', message: p.message, ...(p.pointer ? { pointer: p.pointer } : {}) }));
    throw new HttpProblem(422, 'SERVICE_INVALID', { 'zh-CN': '送达记录无效', en: 'Invalid service entry' }, parsed.problems[0]?.message ?? { 'zh-CN': '无效', en: 'invalid' }, issues);
  }
  const problem = checkServiceEntry(record, await log.readService(record.hazardId), parsed.entry);
  if (problem) {
    const status = problem.code === 'SERVICE_INVALID' ? 422 : 409;
    throw new HttpProblem(
      status,
      problem.code,
      { 'zh-CN': '不能登记', en: 'Not recorded' },
      problem.message,
      problem.pointer ? [{ code: problem.code, severity: 'error', message: problem.message, pointer: problem.pointer }] : undefined,
    );
  }
  const entry: DocumentServiceRecord = {
    jurisdiction: record.jurisdiction,
    kind: record.kind,
    year: record.year,
    seq: record.seq,
    hazardId: record.hazardId,
    entry: parsed.entry,
    actorId: ctx.actorId as string,
    recordedAt: now.toISOString(),
  };
  const result = await log.recordService(entry);
  if (result.kind === 'exists') {
    throw new HttpProblem(
      409,
      'SERVICE_ALREADY_RECORDED',
      { 'zh-CN': '已登记', en: 'Already recorded' },
      {
        'zh-CN': `该文书的${phase === 'service' ? '送达' : '签收'}已于 ${result.record.recordedAt} 登记，不能更改`,
        en: `this document's ${phase === 'service' ? 'delivery' : 'receipt'} was recorded at ${result.record.recordedAt} and cannot change`,
      },
    );
  }
  return jsonResponse({ number: documentNumberOf(documents, record), ...serviceView(result.record) }, 201);
}

function samePdf(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

const SERVICE_BODY: JsonSchema = {
  type: 'object',
  required: ['method', 'recipient'],
  properties: {
    method: { enum: [...SERVICE_METHODS], description: 'direct 直接送达, post 邮寄送达, electronic 电子送达, entrusted 委托送达, public_notice 公告送达' },
    recipient: { type: 'string', maxLength: 100, description: 'who received it / 受送达人' },
    servedAt: {
      type: 'string',
      description:
        "when the service took effect as the officer observed it (ISO 8601 with offset; not before the issue, not in the future): direct — when handed over (or left, on a refusal to sign); post — the date of receipt on the postal receipt, required; electronic — when it reached the recipient's designated system, required; entrusted — the date on the entrusted authority's proof of service, required. Only direct defaults to now (handed over as it is recorded); a missing servedAt for post, electronic or entrusted is a 422 at /servedAt. Refused for public_notice (the server derives it) / 送达时间（带时区）：直接送达为交付（或留置）之时；邮寄送达为回执上注明的收件日期（必填）；电子送达为送达信息到达受送达人特定系统的时间（必填）；委托送达为送达回证上的日期（必填）。仅直接送达不填为现在；邮寄、电子、委托送达不填返回 422（/servedAt）。公告送达不得填写（由服务器计算）",
    },
    publishedOn: {
      type: 'string',
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      description:
        'public_notice only, and required there: the day the notice was published, YYYY-MM-DD in China time (not before the issue day, not after today). The server derives servedAt: the notice counts as served at the end of the 30th day after it (视为送达). Refused for other methods / 仅公告送达（必填）：公告发出日期 YYYY-MM-DD（北京时间，不早于出具日、不晚于今天）；服务器计算送达时间：自发出公告之日起经过三十日视为送达。其他送达方式不得填写',
    },
  },
};

const RECEIPT_BODY: JsonSchema = {
  type: 'object',
  required: ['outcome'],
  description: 'signed: signedBy and signedOn; refused: witness, witnessRole, refusedOn (留置送达) / 签收或拒签（须有见证人）',
  properties: {
    outcome: { enum: ['signed', 'refused'] },
    signedBy: { type: 'string', maxLength: 100, description: '签收人' },
    signedOn: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: '签收日期 YYYY-MM-DD' },
    witness: { type: 'string', maxLength: 100, description: '见证人' },
    witnessRole: { type: 'string', maxLength: 100, description: '见证人身份（单位、职务）' },
    refusedOn: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: '拒签日期 YYYY-MM-DD' },
    note: { type: 'string', maxLength: 500 },
  },
};

const SERVICE_RESULT: JsonSchema = { type: 'object', required: ['number', ...SERVICE_ENTRY_REQUIRED], properties: { number: { type: 'string' }, ...SERVICE_ENTRY_PROPERTIES } };

/** Templates of the API by kind (for the PDF re-rendering of a verification). */
function templateOf(documents: DocumentsApiOptions, kind: string): LoadedTemplate | undefined {
  return documents.templates.find((t) => t.template.kind === kind);
}

const VERDICT: JsonSchema = {
  type: 'object',
  required: ['status'],
  properties: {
    status: {
      enum: ['unknown', 'issued', 'unchanged', 'altered', 'voided'],
      description:
        'unknown: no document has this code; issued: it has (no hash presented); unchanged / altered: the presented hash equals / differs from the one recorded at issue; voided: the document was voided (its number stays taken)',
    },
    document: {
      type: 'object',
      required: ['kind', 'number', 'issuedAt', 'contentHash', 'hashedAt'],
      properties: {
        kind: { enum: [...DOCUMENT_KINDS] },
        number: { type: 'string' },
        issuedAt: { type: 'string' },
        contentHash: { type: 'string' },
        hashedAt: { type: 'string' },
        voidedAt: { type: 'string', description: 'when it was voided / 作废时间' },
        voidReason: { type: 'string', description: 'why / 作废原因' },
      },
    },
  },
};

function refused(issues: readonly DocumentIssue[]): HttpProblem {
  // A stored content that no longer matches its registered hash is a conflict with the register, as a changed one.
  const changed = issues.some((i) => i.code === 'DOCUMENT_CHANGED' || i.code === 'DOCUMENT_CONTENT_ALTERED');
  const missing = issues.some((i) => i.code === 'DOCUMENT_NOT_ISSUED' || i.code === 'EVENT_NOT_FOUND');
  const status = changed ? 409 : missing ? 404 : 422;
  const list: ProblemIssue[] = issues.map((i) => ({ code: i.code, severity: 'error', message: i.message, ...(i.pointer !== undefined ? { pointer: i.pointer } : {}) }));
  const first = issues[0];
  return new HttpProblem(
    status,
    changed ? 'DOCUMENT_CHANGED' : missing ? 'DOCUMENT_NOT_ISSUED' : 'DOCUMENT_REFUSED',
    { 'zh-CN': '无法出具文书', en: 'Document refused' },
    first ? first.message : { 'zh-CN': formatDocumentIssues(issues), en: formatDocumentIssues(issues) },
    list,
  );
}

/**
 * `GET /hazards/{id}/documents`, `GET /hazards/{id}/documents/{kind}`, `GET /documents/verify/{code}`,
 * `POST …/documents/{kind}/{number}/service|receipt|void`, `POST /documents/verify/{code}/pdf`.
 */
export const DOCUMENT_ROUTES: readonly RouteSpec[] = [
  {
    method: 'get',
    path: '/hazards/{id}/documents',
    operationId: 'listHazardDocuments',
    summary: "A hazard's numbered documents / 隐患的执法文书（文号）",
    description:
      "The document numbers (文号) allocated with the hazard's events, in order, with the verification code once the document was issued (with the command of its act). For whoever may read the hazard; a landlord reading its tenant's hazard at its premises lists only the rectification documents concerning the premises (rectification notice and order, review opinion, stop-work order, supervision listing notice), not the case and penalty documents.\n\n随隐患事件分配的文号（按分配顺序），文书出具（随执法行为的指令）后附验证码。可读取该隐患的用户可查；出租方查阅承租方在其出租场所的隐患时只列出涉及场所的整改类文书（整改通知书、责令限期整改指令书、复查意见书、现场处理措施决定书、挂牌督办通知书），不含立案与行政处罚文书。",
    tags: ['documents'],
    auth: 'required',
    response: { status: 200, description: 'the numbered documents / 文书列表', schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: DOCUMENT_ITEM } } } },
    errors: [401, 403, 404],
    problemCodes: withReaderCodes(),
    async handle(ctx) {
      const reader = await readerOf(ctx);
      const documents = documentsOf(ctx);
      const id = ctx.params.id ?? '';
      const loaded = await loadReadableHazard(ctx, id, reader);
      if (!loaded) throw hazardNotFound(id);
      // A landlord lists only the kinds it may read of its tenant's hazard (core's mayReadDocumentKind).
      const records = (await ctx.deps.store.readDocuments(id)).filter((r) => mayReadDocumentKind(loaded.access, r.kind));
      const service = documents.service ? await documents.service.readService(id) : [];
      return jsonResponse({
        items: records.map((r) => {
          const mine = service.filter((e) => sameDocument(e, r));
          return {
            kind: r.kind,
            issuedBy: documentIssuer(r.kind),
            number: documentNumberOf(documents, r),
            jurisdiction: r.jurisdiction,
            year: r.year,
            seq: r.seq,
            eventId: r.eventId,
            issuedAt: r.issuedAt,
            verificationCode: r.verificationCode,
            contentHash: r.contentHash,
            voided: r.voided,
            service: {
              served: serviceView(mine.find((e) => e.entry.type === 'served')),
              receipt: serviceView(mine.find((e) => e.entry.type !== 'served')),
            },
          };
        }),
      });
    },
  },
  {
    method: 'get',
    path: '/hazards/{id}/documents/{kind}',
    operationId: 'renderHazardDocument',
    summary: "Render a hazard's document as print-ready HTML or PDF / 生成执法文书（HTML 或 PDF）",
    description:
      "The document of this kind issued by the hazard's latest event that issues it (or `event`), as it was issued: the content the register stored when the command of its act issued it (composed then on the server from the stored events, the number allocated with the event and the directory; nothing in a request is ever printed), byte for byte — the same content hash, verification and bytes whatever the directory and templates became since. Reading never issues: numbered but not issued, or never issued by the hazard's events, a 404. A document issued before the store kept contents is composed again and served only while its hash is the registered one (header X-Document-Source: recomposed, else register), else a 409 that says so; a stored content that does not match its hash (changed outside the store) is a 409 too. Headers X-Document-Number, X-Verification-Code, X-Content-Hash, X-Document-Source. For whoever may read the hazard; a landlord reading its tenant's hazard is refused (403 DOCUMENT_NOT_FOR_LANDLORD, by the kind alone) a case or penalty document.\n\n按出具时的原样提供文书：文书由产生它的执法行为（指令）出具时组装（由服务器根据已存事件、随事件分配的文号和目录生成，请求中的内容不会印在文书上），登记摘要、验证码并保存原文；此后无论目录或模板如何变更，均提供该原文（摘要、验证码和字节不变）。阅读不出具文书：已编号未出具或未出具过该文书返回 404。存储保存原文之前出具的文书按记录重新生成，仅当摘要与登记一致时提供（响应头 X-Document-Source: recomposed），否则返回 409 并说明原因；保存的原文与摘要不符（被绕过系统修改）亦返回 409。出租方查阅承租方隐患的立案或行政处罚文书返回 403（仅按种类判断）。",
    tags: ['documents'],
    auth: 'required',
    parameters: [
      { name: 'format', in: 'query', description: 'html (default) or pdf / 格式', schema: { enum: ['html', 'pdf'] } },
      { name: 'event', in: 'query', description: 'the issuing event id (default: the latest that issued this kind) / 产生文书的事件', schema: { type: 'string', maxLength: 300 } },
    ],
    response: { status: 200, description: 'the document / 文书', schema: {}, mediaTypes: ['text/html', 'application/pdf'] },
    problemCodes: withReaderCodes({ 403: ['DOCUMENT_NOT_FOR_LANDLORD'] }),
    errors: [400, 401, 403, 404, 409, 422],
    async handle(ctx) {
      const reader = await readerOf(ctx);
      const documents = documentsOf(ctx);
      const id = ctx.params.id ?? '';
      const kind = ctx.params.kind ?? '';
      const format = ctx.query.get('format') ?? 'html';
      if (format !== 'html' && format !== 'pdf')
        throw new HttpProblem(400, 'INVALID_QUERY', { 'zh-CN': '请求无效', en: 'Bad request' }, { 'zh-CN': 'format 须为 html 或 pdf', en: 'format must be html or pdf' });
      const loaded = await loadReadableHazard(ctx, id, reader);
      if (!loaded) throw hazardNotFound(id);
      checkDocumentKind(loaded.access, kind);
      const template = documents.templates.find((t) => t.template.kind === kind);
      if (!template) {
        throw new HttpProblem(
          404,
          'DOCUMENT_KIND_UNKNOWN',
          { 'zh-CN': '未知文书种类', en: 'Unknown document kind' },
          {
            'zh-CN': `没有文书种类 ${quoteInput(kind)}；可用：${documents.templates.map((t) => t.template.kind).join('、')}`,
            en: `no document kind ${quoteInput(kind)}; known: ${documents.templates.map((t) => t.template.kind).join(', ')}`,
          },
        );
      }
      if (format === 'pdf' && !documents.renderPdf)
        throw new HttpProblem(
          404,
          'PDF_NOT_CONFIGURED',
          { 'zh-CN': '未启用 PDF', en: 'PDF not configured' },
          { 'zh-CN': '本服务未配置 PDF 输出（documents.renderPdf）', en: 'this server renders no PDF (documents.renderPdf)' },
        );
      const event = ctx.query.get('event');
      // Reading never issues: only what was registered at issue is served (the same hash, the same bytes).
      const issued = await readIssuedDocument({
        store: ctx.deps.store,
        hazardId: id,
        template,
        override: documents.override,
        directory: documentDirectoryOf(ctx, documents),
        ...(event !== null ? { eventId: event } : {}),
        ...(documents.verifyUrl ? { verifyUrl: documents.verifyUrl } : {}),
      });
      if (!issued.ok) throw refused(issued.issues);
      const { document, source } = issued.value;
      const headers: Record<string, string> = {
        // register: the content stored at issue; recomposed: issued before contents were kept, composed again to the registered hash.
        'x-document-source': source,
        // The number in a header is percent-encoded UTF-8 (headers are Latin-1).
        'x-document-number': encodeURIComponent(document.number ?? ''),
        'x-verification-code': document.verification.code,
        'x-content-hash': document.verification.hash,
        'cache-control': 'no-store',
        'content-disposition': `inline; filename="${kind}-${document.registered?.year ?? ''}-${document.registered?.seq ?? ''}.${format}"`,
      };
      if (format === 'pdf') {
        const pdf = await renderPdfOnce(documents, document);
        return new Response(pdf as Uint8Array<ArrayBuffer>, { status: 200, headers: { ...headers, 'content-type': 'application/pdf', 'content-security-policy': "default-src 'none'; sandbox" } });
      }
      // The page is self-contained: inline print CSS and an inline SVG QR code, no script.
      return new Response(renderDocumentHtml(document), {
        status: 200,
        headers: {
          ...headers,
          'content-type': 'text/html; charset=utf-8',
          // No script ever runs in it (default-src 'none', no allow-scripts); same-origin lets the host's page print it from a frame.
          'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox allow-modals allow-same-origin",
        },
      });
    },
  },
  {
    method: 'get',
    path: '/documents/verify/{code}',
    operationId: 'verifyDocument',
    summary: 'Check a verification code (and hash) against the register; public / 核验文书验证码',
    description:
      'Whether a document with this verification code was issued, and, with `hash` (from the QR code), whether the presented document is the one issued (`unchanged`) or not (`altered`). Public: the answer carries only the kind, number, issue date and recorded hash.\n\n核验验证码是否对应已出具的文书；附 hash（二维码中）时核验是否与出具时一致（unchanged）或被改动（altered）。公开接口，仅返回文书种类、文号、出具日期和登记的摘要。',
    tags: ['documents'],
    auth: 'none',
    parameters: [{ name: 'hash', in: 'query', description: 'the SHA-256 printed on the document or held by its QR code / 文书上的摘要', schema: { type: 'string', pattern: '^[0-9a-fA-F]{64}$' } }],
    response: { status: 200, description: 'the verdict / 核验结果', schema: VERDICT },
    errors: [400, 404],
    async handle(ctx) {
      const documents = documentsOf(ctx);
      const code = normalizeVerificationCode(ctx.params.code ?? '');
      const hash = ctx.query.get('hash');
      if (code === null || (hash !== null && !/^[0-9a-fA-F]{64}$/.test(hash))) {
        throw new HttpProblem(
          400,
          'INVALID_QUERY',
          { 'zh-CN': '请求无效', en: 'Bad request' },
          { 'zh-CN': '验证码为 10 位字母数字（XXXXX-XXXXX），hash 为 64 位十六进制', en: 'a code is 10 letters or digits (XXXXX-XXXXX), a hash 64 hex digits' },
        );
      }
      const verdict = verifyDocument(await ctx.deps.store.findDocumentByCode(code), hash === null ? {} : { hash });
      if (verdict.status === 'unknown') return jsonResponse({ status: 'unknown' }, 200, { 'cache-control': 'no-store' });
      const r = verdict.record;
      const voided = r.voided ? { voidedAt: r.voided.at, voidReason: r.voided.reason } : {};
      return jsonResponse(
        { status: verdict.status, document: { kind: r.kind, number: documentNumberOf(documents, r), issuedAt: r.issuedAt, contentHash: r.contentHash, hashedAt: r.hashedAt, ...voided } },
        200,
        {
          'cache-control': 'no-store',
        },
      );
    },
  },
  {
    method: 'post',
    path: '/hazards/{id}/documents/{kind}/{number}/service',
    operationId: 'recordDocumentService',
    summary: 'Record the delivery (送达) of an issued document / 登记文书送达',
    description:
      'By an officer the document names (its two officers, or the grid inspector who issued a notice). The document must have been rendered (its hash recorded) and not voided; a document is served once. `number` is `<year>-<seq>` of its 文号. The body carries what the officer observed: `servedAt`, when the service took effect (for post, the date on the postal receipt; for electronic, its arrival in the recipient’s designated system; for entrusted, the date on the proof of service — required for these three, only direct defaults to now); for a public notice (`public_notice`) instead `publishedOn`, the day it was published — the server derives `servedAt`, the end of the 30th day after it (视为送达). A field that does not fit the method is a 422 at its pointer.\n\n由文书署名的执法人员（或出具通知的网格员）登记。文书须已生成且未作废；每份文书只登记一次送达。请求只含执法人员所见：servedAt 为送达时间（邮寄送达为回执上注明的收件日期，电子送达为到达受送达人特定系统的时间，委托送达为送达回证上的日期——这三种必填，仅直接送达不填为现在）；公告送达改填 publishedOn（公告发出日期），送达时间由服务器计算为其后第三十日届满之时（视为送达）。与送达方式不符的字段返回 422 并指明字段。',
    tags: ['documents'],
    auth: 'required',
    problemCodes: DOCUMENT_PROBLEM_CODES,
    requestBody: SERVICE_BODY,
    response: { status: 201, description: 'the recorded delivery / 已登记的送达', schema: SERVICE_RESULT },
    errors: [400, 401, 403, 404, 409, 413, 422],
    handle: (ctx) => recordServiceRoute(ctx, 'service'),
  },
  {
    method: 'post',
    path: '/hazards/{id}/documents/{kind}/{number}/receipt',
    operationId: 'recordDocumentReceipt',
    summary: "Record the enterprise's receipt: signature and date, or refusal with a witness / 登记签收或拒签",
    description:
      'After the delivery, by an officer the document names: `signed` (who signed, the date written) or `refused` (a named witness and their position: 留置送达). Once per document; not for a voided one.\n\n送达后由文书署名人员登记：签收（签收人、日期）或拒绝签收（见证人及其身份，留置送达）。每份文书一次；作废文书不可登记。',
    tags: ['documents'],
    auth: 'required',
    problemCodes: DOCUMENT_PROBLEM_CODES,
    requestBody: RECEIPT_BODY,
    response: { status: 201, description: 'the recorded receipt / 已登记的签收', schema: SERVICE_RESULT },
    errors: [400, 401, 403, 404, 409, 413, 422],
    handle: (ctx) => recordServiceRoute(ctx, 'receipt'),
  },
  {
    method: 'post',
    path: '/hazards/{id}/documents/{kind}/{number}/issue',
    operationId: 'issueDocument',
    summary: 'Issue a numbered document whose issue was refused at its command / 补办出具已编号的文书',
    description:
      'A document is issued with the command of the act that issues it. When that was refused (the directory lacked a required value, e.g. the enterprise address) the act stands and its number is taken; once the directory is complete, an officer the document names issues it here: composed from the record, hash, verification code and content registered (201). Already issued with the same content: the same answer (and a document issued before the store kept contents has its content stored now); other content: 409 DOCUMENT_CHANGED. No body.\n\n文书随产生它的执法行为出具；出具被拒（如目录缺少企业地址）时行为仍有效、文号已占用，补全目录后由文书署名人员在此出具（201，登记摘要、验证码并保存原文）。已出具且内容相同返回相同结果（存储保存原文之前出具的文书此时补存原文），内容不同返回 409。',
    tags: ['documents'],
    auth: 'required',
    problemCodes: DOCUMENT_PROBLEM_CODES,
    response: {
      status: 201,
      description: 'the issued document / 已出具的文书',
      schema: {
        type: 'object',
        required: ['number', 'verificationCode', 'contentHash', 'hashedAt'],
        properties: { number: { type: 'string' }, verificationCode: { type: 'string' }, contentHash: { type: 'string' }, hashedAt: { type: 'string' } },
      },
    },
    errors: [401, 403, 404, 409, 422],
    async handle(ctx) {
      const { record, documents } = await documentAt(ctx);
      if (record.voided) {
        throw new HttpProblem(
          409,
          'DOCUMENT_VOIDED',
          { 'zh-CN': '已作废', en: 'Voided' },
          { 'zh-CN': `该文号已于 ${record.voided.at} 作废，不再出具`, en: `this number was voided at ${record.voided.at} and is not issued` },
        );
      }
      const template = templateOf(documents, record.kind);
      if (!template)
        throw new HttpProblem(
          404,
          'DOCUMENT_NOT_FOUND',
          { 'zh-CN': '未找到文书', en: 'Document not found' },
          { 'zh-CN': '本服务没有该文书种类的模板', en: 'this server has no template of that kind' },
        );
      const issued = await issueDocument({
        store: ctx.deps.store,
        hazardId: record.hazardId,
        eventId: record.eventId,
        template,
        override: documents.override,
        directory: documentDirectoryOf(ctx, documents),
        now: ctx.deps.clock.now().toISOString(),
        ...(documents.verifyUrl ? { verifyUrl: documents.verifyUrl } : {}),
      });
      if (!issued.ok) throw refused(issued.issues);
      const r = issued.value.record;
      return jsonResponse({ number: documentNumberOf(documents, r), verificationCode: r.verificationCode, contentHash: r.contentHash, hashedAt: r.hashedAt }, 201);
    },
  },
  {
    method: 'post',
    path: '/hazards/{id}/documents/{kind}/{number}/void',
    operationId: 'voidDocument',
    summary: 'Void a document: its number stays taken and says so / 作废文书（文号保留）',
    description:
      'By an officer the document names, with a reason. The number is never reused; verification answers `voided` with the time and reason; service can no longer be recorded. Voiding twice is a 409.\n\n由文书署名人员填写原因作废。文号不再使用；核验返回 voided 及作废时间与原因；不能再登记送达。',
    tags: ['documents'],
    auth: 'required',
    problemCodes: DOCUMENT_PROBLEM_CODES,
    requestBody: { type: 'object', required: ['reason'], properties: { reason: { type: 'string', minLength: 1, maxLength: 500, description: '作废原因' } } },
    response: {
      status: 200,
      description: 'the voided record / 作废后的记录',
      schema: { type: 'object', required: ['number', 'voided'], properties: { number: { type: 'string' }, voided: { type: 'object' } } },
    },
    errors: [400, 401, 403, 404, 409, 413, 422],
    async handle(ctx) {
      const { record, documents } = await documentAt(ctx);
      const body = await readJsonObject(ctx.request, ctx.options.maxBodyBytes ?? 1_048_576);
      const extra = Object.keys(body).filter((k) => k !== 'reason');
      // One line of text as a command's (core's checkText): no bidi control, control character or lone
      // surrogate, not blank. The reason is hash-chained into the document trail and stored as text —
      // a lone surrogate was hashed as sent and stored as U+FFFD, so every later audit reported the
      // entry as edited — and the public verification shows it (docs/security.md T68).
      const issues: CommandIssue[] = [];
      const reason = extra.length > 0 ? undefined : checkText(body.reason ?? null, '/reason', { max: 500 }, issues);
      if (reason === undefined) {
        const why = issues[0]?.message;
        throw new HttpProblem(
          422,
          'SERVICE_INVALID',
          { 'zh-CN': '作废请求无效', en: 'Invalid void' },
          { 'zh-CN': '须且只须填写作废原因 reason（1–500 个字符，一行文字）', en: 'give exactly a reason (1–500 characters, one line of text)' },
          [
            {
              code: 'SERVICE_INVALID',
              severity: 'error',
              pointer: extra.length > 0 ? `/${extra[0]}` : '/reason',
              message: why
                ? { 'zh-CN': `作废原因：${why['zh-CN']}`, en: `reason: ${why.en}` }
                : { 'zh-CN': `只接受作废原因 reason，不接受 ${quoteInput(extra[0] ?? '')}`, en: `only a reason is accepted, not ${quoteInput(extra[0] ?? '')}` },
            },
          ],
        );
      }
      const result = await ctx.deps.store.voidDocument({
        jurisdiction: record.jurisdiction,
        kind: record.kind,
        year: record.year,
        seq: record.seq,
        reason,
        actorId: ctx.actorId as string,
        at: ctx.deps.clock.now().toISOString(),
      });
      if (result.kind === 'not-found') throw new HttpProblem(404, 'DOCUMENT_NOT_FOUND', { 'zh-CN': '未找到文书', en: 'Document not found' }, { 'zh-CN': '文号不存在', en: 'no such number' });
      if (result.kind === 'already-voided') {
        throw new HttpProblem(
          409,
          'DOCUMENT_ALREADY_VOIDED',
          { 'zh-CN': '已作废', en: 'Already voided' },
          { 'zh-CN': `该文书已于 ${result.record.voided?.at ?? ''} 作废`, en: `the document was voided at ${result.record.voided?.at ?? ''}` },
        );
      }
      return jsonResponse({ number: documentNumberOf(documents, result.record), voided: result.record.voided });
    },
  },
  {
    method: 'post',
    path: '/documents/verify/{code}/pdf',
    operationId: 'verifyDocumentPdf',
    summary: 'Check a PDF file, byte for byte, against the document issued under a code / 核验 PDF 文件',
    description:
      'The PDF is deterministic: the server renders the document as issued (the content the register stored at issue; one issued before the store kept contents is composed again and must give the registered content hash, else 409 DOCUMENT_CHANGED) with its font; the uploaded bytes are `unchanged` only when they are exactly those bytes — one altered byte is `altered`. For whoever may read the hazard (rendering costs CPU; the public check is GET /documents/verify/{code}).\n\nPDF 输出是确定的：服务器用其字体渲染出具时保存的文书原文（保存原文之前出具的文书按记录重新生成，摘要须与登记一致，否则 409），上传的文件逐字节相同才为 unchanged，改动一个字节即为 altered。仅可读取该隐患的用户可用。',
    tags: ['documents'],
    auth: 'required',
    // Checks a PDF against the register: nothing stored, a page of another site may send it.
    changesNothing: true,
    problemCodes: DOCUMENT_PROBLEM_CODES,
    rawBody: { mediaTypes: ['application/pdf'], description: 'the PDF file as received / PDF 文件' },
    response: { status: 200, description: 'the verdict / 核验结果', schema: VERDICT },
    errors: [401, 404, 409, 413, 422],
    async handle(ctx) {
      const documents = documentsOf(ctx);
      const code = normalizeVerificationCode(ctx.params.code ?? '');
      const record = code === null ? null : await ctx.deps.store.findDocumentByCode(code);
      const template = record ? templateOf(documents, record.kind) : undefined;
      const loaded = record ? await loadReadableHazard(ctx, record.hazardId) : null;
      if (!record || !template || !loaded || !mayReadDocumentKind(loaded.access, record.kind)) {
        return jsonResponse({ status: 'unknown' }, 200, { 'cache-control': 'no-store' });
      }
      if (!documents.renderPdf) {
        throw new HttpProblem(
          404,
          'PDF_NOT_CONFIGURED',
          { 'zh-CN': '未启用 PDF', en: 'PDF not configured' },
          { 'zh-CN': '本服务未配置 PDF 输出（documents.renderPdf）', en: 'this server renders no PDF (documents.renderPdf)' },
        );
      }
      const uploaded = new Uint8Array(await ctx.request.arrayBuffer());
      const issued = await readIssuedDocument({
        store: ctx.deps.store,
        hazardId: record.hazardId,
        eventId: record.eventId,
        template,
        override: documents.override,
        directory: documentDirectoryOf(ctx, documents),
        ...(documents.verifyUrl ? { verifyUrl: documents.verifyUrl } : {}),
      });
      if (!issued.ok) throw refused(issued.issues);
      const expected = await renderPdfOnce(documents, issued.value.document);
      const verdict = record.voided ? 'voided' : samePdf(uploaded, expected) ? 'unchanged' : 'altered';
      const voided = record.voided ? { voidedAt: record.voided.at, voidReason: record.voided.reason } : {};
      return jsonResponse(
        {
          status: verdict,
          document: { kind: record.kind, number: documentNumberOf(documents, record), issuedAt: record.issuedAt, contentHash: record.contentHash, hashedAt: record.hashedAt, ...voided },
        },
        200,
        { 'cache-control': 'no-store' },
      );
    },
  },
];
