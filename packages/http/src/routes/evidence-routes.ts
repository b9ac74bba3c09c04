import type { ActorProfile, EvidenceStore } from '@anjian/core';
import { canRead, inspectionOfEvidenceBinding, mayAttachEvidence, readableInspection, readScopes, quoteInput } from '@anjian/core/internal';
import { isEvidenceBudgetError, type EvidenceRecord } from '@anjian/core/ports';
import { badRequest } from '../bad-request.js';
import { readBodyWithin } from '../body-limit.js';
import { EVIDENCE_MEDIA_TYPES, RECORDED_EVIDENCE_MEDIA_TYPES, sniffEvidenceType } from '../evidence-media-type.js';
import { unsupportedUploadMessage } from '../unsupported-upload-message.js';
import { jsonResponse } from '../json-response.js';
import { hazardNotFound, loadReadableHazard } from '../load-readable-hazard.js';
import { HttpProblem } from '../problem.js';
import { readerOf, withReaderCodes } from '../reader-of.js';
import { EVIDENCE_RECORD } from '../schemas.js';
import type { RouteContext, RouteSpec } from '../types.js';
import { uploadedFileResponse } from '../uploaded-file-response.js';

/** Default {@link AnjianApiOptions.maxEvidenceBytes}. */
export const DEFAULT_MAX_EVIDENCE_BYTES = 10 * 1_048_576;

/** Roles that report hazards, and so may upload evidence for a report to come. */
const REPORTING_ROLES = new Set(['enterprise', 'grid', 'enforcement']);
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

const notFound = (id: string) =>
  new HttpProblem(404, 'EVIDENCE_NOT_FOUND', { 'zh-CN': '未找到证据', en: 'Evidence not found' }, { 'zh-CN': `没有证据 ${quoteInput(id)}`, en: `no evidence ${quoteInput(id)}` });

function storeOf(ctx: RouteContext): EvidenceStore {
  if (!ctx.deps.evidence) {
    throw new HttpProblem(
      404,
      'EVIDENCE_NOT_CONFIGURED',
      { 'zh-CN': '未找到', en: 'Not found' },
      {
        'zh-CN': '本服务未配置证据存储：宿主须在 createAnjianApi 中传入 evidence（例如 @anjian/core/node 的 createFileEvidenceStore(dir)）',
        en: 'this server keeps no evidence (no evidence store configured): the host passes evidence to createAnjianApi (e.g. createFileEvidenceStore(dir) from @anjian/core/node)',
      },
    );
  }
  return ctx.deps.evidence;
}

/**
 * Reads an upload's bytes (within `maxEvidenceBytes`) and checks them: the declared
 * `Content-Type` is one of {@link EVIDENCE_MEDIA_TYPES} (415 otherwise) and the bytes'
 * magic numbers agree with it (422 otherwise); `takenAt` (query) is an instant with an
 * offset, kept for display only.
 */
async function receiveUpload(ctx: RouteContext, hazardId: string | null): Promise<Response> {
  const store = storeOf(ctx);
  const declared = (ctx.request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!EVIDENCE_MEDIA_TYPES.includes(declared)) {
    throw new HttpProblem(415, 'UNSUPPORTED_MEDIA_TYPE', { 'zh-CN': '不支持的文件类型', en: 'Unsupported media type' }, unsupportedUploadMessage(declared));
  }
  const takenAt = ctx.query.get('takenAt');
  if (takenAt !== null && (!INSTANT.test(takenAt) || Number.isNaN(Date.parse(takenAt)))) {
    throw badRequest('takenAt 须为带时区的时间（如 2026-11-02T09:00:00+08:00）', 'takenAt must be a time with an offset (e.g. 2026-11-02T09:00:00+08:00)');
  }
  const bytes = await readBodyWithin(ctx.request, ctx.options.maxEvidenceBytes ?? DEFAULT_MAX_EVIDENCE_BYTES);
  const sniffed = sniffEvidenceType(bytes);
  if (sniffed !== declared) {
    const shown = bytes.byteLength === 0 ? { zh: '文件为空', en: 'the file is empty' } : { zh: `文件内容不是 ${declared}`, en: `the bytes are not ${declared}` };
    throw new HttpProblem(422, 'EVIDENCE_CONTENT_MISMATCH', { 'zh-CN': '文件内容与类型不符', en: 'Content does not match its type' }, { 'zh-CN': shown.zh, en: shown.en });
  }
  let record: EvidenceRecord;
  try {
    record = await store.put({
      bytes,
      mime: declared,
      uploaderId: ctx.actorId as string,
      hazardId,
      receivedAt: ctx.deps.clock.now().toISOString(),
      ...(takenAt === null ? {} : { claimedTakenAt: takenAt }),
    });
  } catch (e) {
    // The store's unbound budget (T38): too many files waits (429), too many bytes is too large (413).
    if (!isEvidenceBudgetError(e)) throw e;
    const files = e.code === 'UNBOUND_EVIDENCE_FILES';
    throw new HttpProblem(
      files ? 429 : 413,
      e.code,
      files ? { 'zh-CN': '待上报的文件过多', en: 'Too many uploads not yet reported' } : { 'zh-CN': '待上报的文件过大', en: 'Uploads not yet reported too large' },
      e.localized,
    );
  }
  const base = (ctx.options.basePath ?? '').replace(/\/+$/, '');
  return jsonResponse(record, 201, { location: `${base}/evidence/${encodeURIComponent(record.id)}` });
}

/**
 * Whether the actor may see an upload: who may read its hazard; bound to an inspection record
 * (`inspection:<id>`, the photos of its answers no hazard holds), who may read that record —
 * core's read policy, as for the enterprise file's inspections; unbound, its uploader.
 */
async function mayRead(ctx: RouteContext, reader: ActorProfile, record: EvidenceRecord): Promise<boolean> {
  if (record.hazardId === null) return record.uploaderId === reader.id;
  const inspectionId = inspectionOfEvidenceBinding(record.hazardId);
  if (inspectionId === null) return (await loadReadableHazard(ctx, record.hazardId, reader)) !== null;
  const inspection = await ctx.deps.inspections?.readInspection(inspectionId);
  // What the read policy looks at in the record: core's one mapping (as the enterprise file and the portal).
  return !!inspection && canRead(readScopes(reader), readableInspection(inspection));
}

const UPLOAD = { mediaTypes: EVIDENCE_MEDIA_TYPES, description: 'the file itself (raw bytes); the type must match its content / 文件本身' };
const TAKEN_AT = { name: 'takenAt', in: 'query', description: 'capture time the device claims (EXIF), with offset; shown, never trusted / 声称的拍摄时间', schema: { type: 'string' } } as const;

/** `POST /hazards/{id}/evidence`, `POST /evidence`, `GET /evidence/{id}`. */
export const EVIDENCE_ROUTES: readonly RouteSpec[] = [
  {
    method: 'post',
    path: '/hazards/{id}/evidence',
    operationId: 'uploadHazardEvidence',
    summary: 'Upload a photo or document for a command you may send on the hazard; reference it in the command by id / 上传隐患证据',
    description:
      "The raw bytes of one JPEG, PNG, WebP or PDF (checked by its first bytes) for a hazard on which a command that carries evidence (submit_rectification, accept, lift_stop_work, and a reviewer's verify, reject, spot_check, reopen with photo_review) is open to the actor now, by the permission table: a grid inspector or officer while it may review the rectification or spot-check or reopen the closed hazard; reading the hazard is not enough (a landlord reading its tenant's hazard, or a reader whose acts take no evidence, is answered 403). The server records hash, type, size and receipt time; a command references the upload by id. The upload is the hazard's at once and is never deleted; it counts against the uploader's budget of uploads (the evidence store's, default 20 files and 100 MiB, shared with POST /evidence) for 24 h after its receipt: one more file is 429 UNBOUND_EVIDENCE_FILES, more bytes 413 UNBOUND_EVIDENCE_BYTES. The same bytes given again with the same hazard by the same uploader within those 24 h answer the first upload (201, same id): a retry of a refused command costs no budget.\n\n为隐患上传一个 JPEG、PNG、WebP 或 PDF 文件（按文件头校验），仅限按权限表现在可对该隐患执行需要证据的操作（提交整改、验收、解除停产停业，及复查通过、复查不通过、抽查、重新打开时的现场照片）的用户：仅能读取隐患（如出租方读取承租方的隐患）返回 403。服务器记录哈希、类型、大小与接收时间；指令按编号引用。文件即属于该隐患，不会删除；上传后 24 小时内计入上传者的文件上限（与 POST /evidence 共用，默认 20 个、100 MiB）：超过个数返回 429，超过总量返回 413。24 小时内同一上传者为同一隐患再次上传相同文件，返回原上传（同一编号），被拒指令的重试不占额度。",
    tags: ['evidence'],
    auth: 'required',
    parameters: [TAKEN_AT],
    rawBody: UPLOAD,
    response: { status: 201, description: 'the stored record; header Location / 已保存', schema: EVIDENCE_RECORD },
    errors: [400, 401, 403, 404, 413, 415, 422, 429],
    problemCodes: { 413: ['UNBOUND_EVIDENCE_BYTES'], 429: ['UNBOUND_EVIDENCE_FILES'] },
    async handle(ctx) {
      storeOf(ctx);
      const hazardId = ctx.params.id ?? '';
      const loaded = await loadReadableHazard(ctx, hazardId);
      if (!loaded) throw hazardNotFound(hazardId);
      // Reading a hazard is not enough: the upload is for a command that carries evidence (core's one definition).
      const actor = await ctx.deps.directory.resolve(ctx.actorId as string);
      if (!actor || !mayAttachEvidence(actor, loaded.state)) {
        throw new HttpProblem(
          403,
          'FORBIDDEN',
          { 'zh-CN': '无权上传', en: 'Upload refused' },
          {
            'zh-CN': `你现在不能对隐患 ${quoteInput(hazardId)} 执行需要证据的操作（如提交整改、复查、抽查、验收），不能为它上传证据`,
            en: `no act that takes evidence (such as submitting the rectification, a review, a spot check, or acceptance) is yours on hazard ${quoteInput(hazardId)} now: you may not upload evidence for it`,
          },
        );
      }
      return receiveUpload(ctx, hazardId);
    },
  },
  {
    method: 'post',
    path: '/evidence',
    operationId: 'uploadEvidence',
    summary: 'Upload a photo or document for a report to come (bound to its hazard when reported) / 上传待上报的证据',
    description:
      "An upload not yet bound to a hazard, by a role that reports (enterprise, grid, enforcement): referenced in POST /inspections?report=true and bound to the hazard it reports. Each uploader holds a budget of such uploads, set by the evidence store (default 20 files and 100 MiB): one more file is 429 UNBOUND_EVIDENCE_FILES, more bytes 413 UNBOUND_EVIDENCE_BYTES, the detail saying when the oldest frees; a report binds its uploads and frees them, and uploads never reported are deleted after the store's maxAgeMs (default 24 h) by the host's scheduler.\n\n上报前上传、尚未关联隐患的证据（企业、网格员、执法人员）；在 POST /inspections?report=true 中引用后关联到所报隐患。每位上传者待上报的文件有上限（默认 20 个、100 MiB）：超过个数返回 429，超过总量返回 413，并说明最早一个何时释放；上报后不再计入，始终未上报的文件在上传 24 小时后删除。",
    tags: ['evidence'],
    auth: 'required',
    parameters: [TAKEN_AT],
    rawBody: UPLOAD,
    response: { status: 201, description: 'the stored record, hazardId null; header Location / 已保存（未关联隐患）', schema: EVIDENCE_RECORD },
    errors: [400, 401, 403, 404, 413, 415, 422, 429],
    problemCodes: { 413: ['UNBOUND_EVIDENCE_BYTES'], 429: ['UNBOUND_EVIDENCE_FILES'] },
    async handle(ctx) {
      storeOf(ctx);
      const actor = await ctx.deps.directory.resolve(ctx.actorId as string);
      if (!actor || !actor.roles.some((r) => REPORTING_ROLES.has(r))) {
        throw new HttpProblem(
          403,
          'FORBIDDEN',
          { 'zh-CN': '无权上传', en: 'Upload refused' },
          { 'zh-CN': '只有上报隐患的角色（企业、网格员、执法人员）可以上传待上报的证据', en: 'only roles that report hazards (enterprise, grid, enforcement) may upload evidence for a report' },
        );
      }
      return receiveUpload(ctx, null);
    },
  },
  {
    method: 'get',
    path: '/evidence/{id}',
    operationId: 'getEvidence',
    summary: 'The file of an upload, for whoever may read its hazard (or its uploader while unbound); thumb=1 for a thumbnail / 查看证据',
    description:
      'The stored bytes of an upload, for whoever may read its hazard; bound to an inspection record (the photos of its answers that no hazard holds, e.g. of items that passed), for whoever may read that record; or its uploader while it is unbound. Content-Disposition inline, ETag its SHA-256.\n\n证据文件内容：可读取其隐患的用户；属于检查记录的照片（未判定出隐患的检查项的照片），可读取该检查记录的用户；或未关联时的上传者；ETag 为 SHA-256。',
    tags: ['evidence'],
    auth: 'required',
    parameters: [{ name: 'thumb', in: 'query', description: '1: a thumbnail (this server has no resizer and returns the image itself; 404 for a PDF) / 缩略图', schema: { enum: ['1'] } }],
    response: { status: 200, description: 'the bytes, with their type; Content-Disposition inline, ETag the SHA-256 / 文件', schema: {}, mediaTypes: RECORDED_EVIDENCE_MEDIA_TYPES },
    errors: [401, 403, 404],
    problemCodes: withReaderCodes(),
    async handle(ctx) {
      const reader = await readerOf(ctx);
      const store = storeOf(ctx);
      const id = ctx.params.id ?? '';
      const record = await store.get(id);
      // Unknown and not yours answer the same.
      if (!record || !(await mayRead(ctx, reader, record))) throw notFound(id);
      if (ctx.query.get('thumb') === '1' && !record.mime.startsWith('image/')) {
        throw new HttpProblem(404, 'NO_THUMBNAIL', { 'zh-CN': '没有缩略图', en: 'No thumbnail' }, { 'zh-CN': '文档没有缩略图', en: 'documents have no thumbnail' });
      }
      const bytes = await store.read(id);
      if (!bytes) throw notFound(id);
      return uploadedFileResponse(bytes, record, RECORDED_EVIDENCE_MEDIA_TYPES);
    },
  },
];
