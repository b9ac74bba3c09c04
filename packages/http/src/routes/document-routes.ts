import { DOCUMENT_KINDS, formatDocumentIssues, formatDocumentNumber, issueDocument, normalizeVerificationCode, renderDocumentHtml, verifyDocument, type DocumentIssue } from '@anjian/documents';
import type { DocumentRecord } from '@anjian/core/ports';
import { jsonResponse } from '../json-response.js';
import { hazardNotFound, loadReadableHazard } from '../load-readable-hazard.js';
import { HttpProblem, type ProblemIssue } from '../problem.js';
import type { DocumentsApiOptions } from '../documents-options.js';
import type { JsonSchema, RouteContext, RouteSpec } from '../types.js';

const NOT_CONFIGURED = new HttpProblem(
  404,
  'DOCUMENTS_NOT_CONFIGURED',
  { 'zh-CN': '未启用执法文书', en: 'Documents not configured' },
  { 'zh-CN': '本服务未配置执法文书（createAnjianApi 的 documents 选项）', en: 'this server has no documents option (createAnjianApi documents)' },
);

function documentsOf(ctx: RouteContext): DocumentsApiOptions {
  const documents = ctx.options.documents;
  if (!documents) throw NOT_CONFIGURED;
  return documents;
}

const DOCUMENT_ITEM: JsonSchema = {
  type: 'object',
  required: ['kind', 'number', 'jurisdiction', 'year', 'seq', 'eventId', 'issuedAt', 'verificationCode', 'contentHash'],
  properties: {
    kind: { enum: [...DOCUMENT_KINDS] },
    number: { type: 'string', description: '文号, e.g. （东）应急责改〔2026〕12号' },
    jurisdiction: { type: 'string' },
    year: { type: 'integer' },
    seq: { type: 'integer', minimum: 1 },
    eventId: { type: 'string' },
    issuedAt: { type: 'string', description: 'the issuing event’s time (ISO) / 出具时间' },
    verificationCode: { type: ['string', 'null'], description: 'null until the document is first rendered / 首次生成前为 null' },
    contentHash: { type: ['string', 'null'] },
  },
};

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

function numberOf(documents: DocumentsApiOptions, record: DocumentRecord): string {
  const template = documents.templates.find((t) => t.template.kind === record.kind);
  return formatDocumentNumber(record, documents.override.override.numberPrefix, template?.template.numberPrefix);
}

function refused(issues: readonly DocumentIssue[]): HttpProblem {
  const changed = issues.some((i) => i.code === 'DOCUMENT_CHANGED');
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

/** `GET /hazards/{id}/documents`, `GET /hazards/{id}/documents/{kind}`, `GET /documents/verify/{code}`. */
export const DOCUMENT_ROUTES: readonly RouteSpec[] = [
  {
    method: 'get',
    path: '/hazards/{id}/documents',
    operationId: 'listHazardDocuments',
    summary: "A hazard's numbered documents / 隐患的执法文书（文号）",
    description:
      "The document numbers (文号) allocated with the hazard's events, in order, with the verification code once a document was rendered. For whoever may read the hazard.\n\n随隐患事件分配的文号（按分配顺序），文书首次生成后附验证码。可读取该隐患的用户可查。",
    tags: ['documents'],
    auth: 'required',
    response: { status: 200, description: 'the numbered documents / 文书列表', schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: DOCUMENT_ITEM } } } },
    errors: [401, 404],
    async handle(ctx) {
      const documents = documentsOf(ctx);
      const id = ctx.params.id ?? '';
      if (!(await loadReadableHazard(ctx, id))) throw hazardNotFound(id);
      const records = await ctx.deps.store.readDocuments(id);
      return jsonResponse({
        items: records.map((r) => ({
          kind: r.kind,
          number: numberOf(documents, r),
          jurisdiction: r.jurisdiction,
          year: r.year,
          seq: r.seq,
          eventId: r.eventId,
          issuedAt: r.issuedAt,
          verificationCode: r.verificationCode,
          contentHash: r.contentHash,
        })),
      });
    },
  },
  {
    method: 'get',
    path: '/hazards/{id}/documents/{kind}',
    operationId: 'renderHazardDocument',
    summary: "Render a hazard's document as print-ready HTML or PDF / 生成执法文书（HTML 或 PDF）",
    description:
      "The document of this kind issued by the hazard's latest event that issues it (or `event`), composed on the server from the stored events, the number allocated with the event and the directory; nothing in the request is printed. The first rendering records the content hash and verification code; a later one with other content (the directory changed) is a 409. Headers X-Document-Number, X-Verification-Code, X-Content-Hash. For whoever may read the hazard.\n\n由服务器根据已存事件、随事件分配的文号和目录生成文书，请求中的内容不会印在文书上。首次生成时登记内容摘要和验证码；之后内容若不同（如目录已改）返回 409。",
    tags: ['documents'],
    auth: 'required',
    parameters: [
      { name: 'format', in: 'query', description: 'html (default) or pdf / 格式', schema: { enum: ['html', 'pdf'] } },
      { name: 'event', in: 'query', description: 'the issuing event id (default: the latest that issued this kind) / 产生文书的事件', schema: { type: 'string', maxLength: 300 } },
    ],
    response: { status: 200, description: 'the document / 文书', schema: {}, mediaTypes: ['text/html', 'application/pdf'] },
    errors: [400, 401, 404, 409, 422],
    async handle(ctx) {
      const documents = documentsOf(ctx);
      const id = ctx.params.id ?? '';
      const kind = ctx.params.kind ?? '';
      const format = ctx.query.get('format') ?? 'html';
      if (format !== 'html' && format !== 'pdf')
        throw new HttpProblem(400, 'INVALID_QUERY', { 'zh-CN': '请求无效', en: 'Bad request' }, { 'zh-CN': 'format 须为 html 或 pdf', en: 'format must be html or pdf' });
      if (!(await loadReadableHazard(ctx, id))) throw hazardNotFound(id);
      const template = documents.templates.find((t) => t.template.kind === kind);
      if (!template) {
        throw new HttpProblem(
          404,
          'DOCUMENT_KIND_UNKNOWN',
          { 'zh-CN': '未知文书种类', en: 'Unknown document kind' },
          {
            'zh-CN': `没有文书种类 ${JSON.stringify(kind.slice(0, 64))}；可用：${documents.templates.map((t) => t.template.kind).join('、')}`,
            en: `no document kind ${JSON.stringify(kind.slice(0, 64))}; known: ${documents.templates.map((t) => t.template.kind).join(', ')}`,
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
      const issued = await issueDocument({
        store: ctx.deps.store,
        hazardId: id,
        template,
        override: documents.override,
        directory: documents.directory,
        now: ctx.deps.clock.now().toISOString(),
        ...(event !== null ? { eventId: event } : {}),
        ...(documents.verifyUrl ? { verifyUrl: documents.verifyUrl } : {}),
      });
      if (!issued.ok) throw refused(issued.issues);
      const { document } = issued.value;
      const headers: Record<string, string> = {
        // The number in a header is percent-encoded UTF-8 (headers are Latin-1).
        'x-document-number': encodeURIComponent(document.number ?? ''),
        'x-verification-code': document.verification.code,
        'x-content-hash': document.verification.hash,
        'cache-control': 'private, no-cache',
        'content-disposition': `inline; filename="${kind}-${document.registered?.year ?? ''}-${document.registered?.seq ?? ''}.${format}"`,
      };
      if (format === 'pdf') {
        const pdf = await (documents.renderPdf as NonNullable<DocumentsApiOptions['renderPdf']>)(document);
        return new Response(pdf as Uint8Array<ArrayBuffer>, { status: 200, headers: { ...headers, 'content-type': 'application/pdf', 'content-security-policy': "default-src 'none'; sandbox" } });
      }
      // The page is self-contained: inline print CSS and an inline SVG QR code, no script.
      return new Response(renderDocumentHtml(document), {
        status: 200,
        headers: {
          ...headers,
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox allow-modals",
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
        { status: verdict.status, document: { kind: r.kind, number: numberOf(documents, r), issuedAt: r.issuedAt, contentHash: r.contentHash, hashedAt: r.hashedAt, ...voided } },
        200,
        {
          'cache-control': 'no-store',
        },
      );
    },
  },
];
