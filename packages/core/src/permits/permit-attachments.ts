import { attachEvidence } from '../chain/attach-evidence.js';
import type { CommandIssue } from '../chain/command-issue.js';
import { ID_PATTERN } from '../chain/command-shape.js';
import { checkText } from '../chain/command-text.js';
import { PHOTO_MIME_TYPES, type EvidenceRecord } from '../ports/evidence-store.js';
import { permitEvidenceBinding } from './evidence-binding.js';
import { permitRejection as reject } from './permit-rejection.js';
import type { PermitAttachment, PermitRejection, RecordedPermitAttachment } from './permit-types.js';

const MAX_TEXT = 200;

/** Why a text is refused by core's one text check ({@link checkText}, at most 200 characters, one line), or `undefined`. */
function textProblem(v: unknown): CommandIssue['message'] | undefined {
  const issues: CommandIssue[] = [];
  return checkText(v, '', { max: MAX_TEXT }, issues) === undefined ? (issues[0]?.message ?? { 'zh-CN': '无效', en: 'invalid' }) : undefined;
}
const text = (v: unknown): v is string => textProblem(v) === undefined;

/**
 * Media types an uploaded attachment of each kind may have. A signed briefing or any other
 * paper document: a photo or a PDF of it. A video: none yet (the evidence store accepts no
 * video), so a video is given as the record number under which the enterprise keeps it
 * (`source: 'paper'`). A kind not listed here takes {@link DEFAULT_PERMIT_ATTACHMENT_MEDIA_TYPES}.
 */
export const PERMIT_ATTACHMENT_MEDIA_TYPES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  video: Object.freeze([]) as readonly string[],
});

/** Media types of an uploaded attachment whose kind has no entry of its own: photos and PDF. */
export const DEFAULT_PERMIT_ATTACHMENT_MEDIA_TYPES: readonly string[] = Object.freeze([...PHOTO_MIME_TYPES, 'application/pdf']);

/** The evidence ids a start command's upload attachments name (well-formed ones, at most 20), for the host to look up. */
export function permitUploadIds(attachments: unknown): string[] {
  if (!Array.isArray(attachments)) return [];
  const ids = attachments
    .slice(0, 20)
    .filter((a): a is { source: 'upload'; evidenceId: string } => typeof a === 'object' && a !== null && a.source === 'upload' && typeof a.evidenceId === 'string' && ID_PATTERN.test(a.evidenceId))
    .map((a) => a.evidenceId);
  return [...new Set(ids)];
}

function at(i: number, field: string, zh: string, en: string): PermitRejection {
  return { ...reject('INVALID_COMMAND', `附件 ${i + 1} 的 ${field} 无效：${zh}`, `Attachment ${i + 1}, field ${field}: ${en}`), pointer: `/attachments/${i}/${field}` };
}

function refused(i: number, field: string, zh: string, en: string): PermitRejection {
  return { ...reject('ATTACHMENT_INVALID', `附件 ${i + 1}：${zh}`, `Attachment ${i + 1}: ${en}`), pointer: `/attachments/${i}/${field}` };
}

/** Who starts the work and on which permit, for {@link checkPermitAttachments}. */
export interface PermitAttachmentContext {
  permitId: string;
  actorId: string;
  /** The evidence records of the upload ids (an id without a record names no upload); `undefined`: the host has no evidence store. */
  evidence: ReadonlyMap<string, EvidenceRecord> | undefined;
}

/**
 * Checks a start command's attachments and returns them as the `started` event records
 * them, or a rejection located at the field (`/attachments/1/evidenceId`).
 *
 * - `source: 'upload'`: `evidenceId` names an upload the server holds — resolved by the
 *   review chain's own rule (`attachEvidence`: it exists, the starter uploaded it, it is
 *   unbound or already bound to this permit) — of a media type the kind accepts
 *   ({@link PERMIT_ATTACHMENT_MEDIA_TYPES}); the same upload or the same bytes twice are
 *   refused. Recorded with its hash, type, size and receipt time. Without an evidence
 *   store every upload is refused (fail closed).
 * - `source: 'paper'`: `recordNo` is the number of a record kept on paper (or in another
 *   system). The server cannot check it: it is recorded as declared, marked `paper`, for
 *   the approver and the supervisor to see and check on site.
 */
export function checkPermitAttachments(given: unknown, ctx: PermitAttachmentContext): { ok: true; attachments: RecordedPermitAttachment[] } | { ok: false; rejection: PermitRejection } {
  const fail = (rejection: PermitRejection) => ({ ok: false as const, rejection });
  if (given === undefined) return { ok: true, attachments: [] };
  if (!Array.isArray(given) || given.length > 20) {
    return fail({
      ...reject('INVALID_COMMAND', '命令字段 attachments 无效：须为至多20个附件的列表', 'Invalid command field attachments: must be a list of at most 20 attachments'),
      pointer: '/attachments',
    });
  }
  const out: RecordedPermitAttachment[] = [];
  const seenIds = new Set<string>();
  const seenHashes = new Set<string>();
  for (let i = 0; i < given.length; i++) {
    const a = given[i] as Partial<PermitAttachment> & { ref?: unknown };
    if (typeof a !== 'object' || a === null) return fail(at(i, 'kind', '附件须为对象', 'must be an object'));
    if (!text(a.kind)) return fail(at(i, 'kind', '须注明附件类型（如 signed_briefing）', 'name the kind (e.g. signed_briefing)'));
    if (a.source !== 'upload' && a.source !== 'paper') {
      return fail(
        at(i, 'source', '须为 upload（已上传文件，给出 evidenceId）或 paper（纸质记录，给出 recordNo）', 'must be upload (an uploaded file: give evidenceId) or paper (a paper record: give recordNo)'),
      );
    }
    const extra = Object.keys(a).filter((k) => !['kind', 'source', a.source === 'upload' ? 'evidenceId' : 'recordNo'].includes(k));
    if (extra.length > 0)
      return fail(
        at(
          i,
          extra[0] as string,
          `未知字段（${a.source} 附件只有 kind、source、${a.source === 'upload' ? 'evidenceId' : 'recordNo'}）`,
          `unknown field (an ${a.source} attachment has kind, source and ${a.source === 'upload' ? 'evidenceId' : 'recordNo'})`,
        ),
      );
    if (a.source === 'paper') {
      const recordNo = (a as { recordNo?: unknown }).recordNo;
      const why = textProblem(recordNo);
      if (why !== undefined || typeof recordNo !== 'string') {
        return fail(at(i, 'recordNo', `须填写纸质记录编号（不超过200字）：${why?.['zh-CN'] ?? ''}`, `give the paper record number (at most 200 characters): ${why?.en ?? ''}`));
      }
      out.push({ kind: a.kind, source: 'paper', recordNo: recordNo.trim() });
      continue;
    }
    const evidenceId = (a as { evidenceId?: unknown }).evidenceId;
    if (typeof evidenceId !== 'string' || !ID_PATTERN.test(evidenceId)) {
      return fail(at(i, 'evidenceId', '须为已上传文件的证据编号（POST /evidence 的返回）', 'must be the id of an uploaded file (as POST /evidence returned it)'));
    }
    if (ctx.evidence === undefined) {
      return fail(
        refused(
          i,
          'evidenceId',
          '本系统未配置证据存储，不接受上传的附件；请登记纸质记录编号（paper）',
          'this server keeps no uploads (no evidence store): give the paper record number (paper) instead',
        ),
      );
    }
    const r = attachEvidence([{ id: evidenceId, kind: 'document' }], ctx.evidence, { hazardId: permitEvidenceBinding(ctx.permitId), actorId: ctx.actorId, creating: true, attached: [] });
    if ('rejection' in r) {
      return fail(
        refused(
          i,
          'evidenceId',
          `${r.rejection.message['zh-CN']}（须由开始作业的本人上传、未用于其他许可或隐患）`,
          `${r.rejection.message.en} (it must be uploaded by the person starting the work and not used for another permit or hazard)`,
        ),
      );
    }
    const record = r.attached[0];
    if (record === undefined) return fail(refused(i, 'evidenceId', '证据无效', 'the evidence is invalid'));
    const accepted = PERMIT_ATTACHMENT_MEDIA_TYPES[a.kind] ?? DEFAULT_PERMIT_ATTACHMENT_MEDIA_TYPES;
    if (!accepted.includes(record.mime)) {
      return fail(
        refused(
          i,
          'evidenceId',
          accepted.length === 0 ? `${a.kind} 暂不能上传文件，请登记其记录编号（paper）` : `${a.kind} 须为 ${accepted.join('、')}，该文件为 ${record.mime}`,
          accepted.length === 0 ? `a ${a.kind} cannot be uploaded yet: give its record number (paper)` : `a ${a.kind} must be ${accepted.join(', ')}; this file is ${record.mime}`,
        ),
      );
    }
    if (seenIds.has(record.id) || seenHashes.has(record.sha256)) {
      return fail(refused(i, 'evidenceId', '同一文件不能作为两个附件', 'the same file cannot be two attachments'));
    }
    seenIds.add(record.id);
    seenHashes.add(record.sha256);
    out.push({ kind: a.kind, source: 'upload', evidenceId: record.id, sha256: record.sha256, mime: record.mime, size: record.size, receivedAt: record.receivedAt });
  }
  return { ok: true, attachments: out };
}
