import { inspectionOfEvidenceBinding, isPermitEvidenceBinding, PERMIT_BINDING_PREFIX } from '../permits/evidence-binding.js';
import { PHOTO_MIME_TYPES, DEFAULT_EVIDENCE_QUOTA, type EvidenceRecord } from '../ports/evidence-store.js';
import { reject } from './rejection-messages.js';
import { uploadMissing } from './upload-messages.js';
import type { AttachedEvidence, EvidenceRef, Rejection } from './types.js';

/** Where evidence is being attached, for {@link attachEvidence}. */
export interface AttachContext {
  hazardId: string;
  actorId: string;
  /** A report binds unbound uploads; a later command needs uploads already bound to the hazard. */
  creating: boolean;
  /** Ids already attached to the hazard (they count once toward the quota). */
  attached: readonly string[];
  quota?: number;
  /**
   * A report's sibling hazards (`ReportCommand.sameInspection`): an upload of the actor bound
   * to one of them is accepted too — an inspection's photo that serves several of its hazards
   * is bound to the first and shown with each.
   */
  shared?: readonly string[];
}

/** Where an upload is bound, in words: a hazard, a permit or an inspection record. */
function bindingWords(binding: string): { zh: string; en: string } {
  if (isPermitEvidenceBinding(binding)) {
    const permit = binding.slice(PERMIT_BINDING_PREFIX.length);
    return { zh: `作业许可 ${permit}`, en: `permit ${permit}` };
  }
  const inspection = inspectionOfEvidenceBinding(binding);
  if (inspection !== null) return { zh: `检查记录 ${inspection}`, en: `inspection record ${inspection}` };
  return { zh: `隐患 ${binding}`, en: `hazard ${binding}` };
}

/** A refusal of one command's evidence: where (`/evidence/N`, N the reference's index; `/evidence` for the quota) and why, in both languages. */
export interface EvidenceProblem {
  pointer: string;
  'zh-CN': string;
  en: string;
}

/**
 * Resolves a command's evidence references against the store's records: every reference
 * must name an upload by the acting user, bound to this hazard (or, for a report, not yet
 * bound or bound to a hazard of the same inspection); photos must be images; the same upload
 * or the same bytes (SHA-256) named twice count once; the hazard's quota of distinct uploads
 * holds. Returns the evidence as events record it, or the first problem with its pointer
 * (`/evidence/N`, N its index among `refs`): it does not exist; someone else uploaded it
 * (nothing more is said of it); it is the actor's own upload but bound to another hazard,
 * permit or inspection record (named) or to none yet (uploaded for a report, not for this
 * hazard); a photo is not an image. The quota's problem points at the list (`/evidence`).
 * The message does not repeat the pointer: the caller places it (a command's refusal names
 * `/evidence/N`, a permit's its attachment).
 */
export function resolveEvidence(refs: readonly EvidenceRef[], records: ReadonlyMap<string, EvidenceRecord>, ctx: AttachContext): { attached: AttachedEvidence[] } | { problem: EvidenceProblem } {
  const attached: AttachedEvidence[] = [];
  const seenIds = new Set<string>();
  const seenHashes = new Set<string>();
  const refused = (pointer: string, zh: string, en: string) => ({ problem: { pointer, 'zh-CN': zh, en } });
  for (const [i, ref] of refs.entries()) {
    const at = `/evidence/${i}`;
    const record = records.get(ref.id);
    if (!record || record.id !== ref.id) {
      const missing = uploadMissing(ref.id);
      return refused(at, missing['zh-CN'], missing.en);
    }
    if (record.uploaderId !== ctx.actorId) {
      return refused(at, `证据 ${ref.id} 不是你上传的：命令只能引用本人上传的照片或文件`, `evidence ${ref.id} was uploaded by someone else: a command names only its actor's own uploads`);
    }
    const bound = record.hazardId === ctx.hazardId || (ctx.creating && (record.hazardId === null || ctx.shared?.includes(record.hazardId) === true));
    if (!bound && record.hazardId !== null) {
      const [where, here] = [bindingWords(record.hazardId), bindingWords(ctx.hazardId)];
      return refused(
        at,
        `证据 ${ref.id} 已绑定到${where.zh}，不能用于${here.zh}：请为${here.zh}另行上传照片或文件`,
        `evidence ${ref.id} is bound to ${where.en} and cannot serve ${here.en}: upload a photo or file for ${here.en}`,
      );
    }
    if (!bound) {
      return refused(
        at,
        `证据 ${ref.id} 未绑定到隐患 ${ctx.hazardId}（是为上报上传的）：已有隐患的命令须引用为该隐患上传的照片或文件`,
        `evidence ${ref.id} is not bound to hazard ${ctx.hazardId} (it was uploaded for a report): a command on a hazard names uploads made for that hazard`,
      );
    }
    if (ref.kind !== 'document' && !PHOTO_MIME_TYPES.includes(record.mime)) {
      return refused(at, `证据 ${ref.id} 不是照片（${record.mime}）`, `evidence ${ref.id} is not a photo (${record.mime})`);
    }
    if (seenIds.has(record.id) || seenHashes.has(record.sha256)) continue;
    seenIds.add(record.id);
    seenHashes.add(record.sha256);
    attached.push({
      id: record.id,
      kind: ref.kind,
      sha256: record.sha256,
      mime: record.mime,
      size: record.size,
      receivedAt: record.receivedAt,
      ...(record.claimedTakenAt === undefined ? {} : { claimedTakenAt: record.claimedTakenAt }),
    });
  }
  const quota = ctx.quota ?? DEFAULT_EVIDENCE_QUOTA;
  const total = new Set([...ctx.attached, ...seenIds]).size;
  if (total > quota) return refused('/evidence', `每个隐患最多 ${quota} 份证据，此次将达 ${total} 份`, `at most ${quota} uploads per hazard; this would make ${total}`);
  return { attached };
}

/**
 * {@link resolveEvidence} as a rejection: `EVIDENCE_INVALID` with the problem's message and its
 * `pointer`. Returns the evidence as events record it, or the rejection.
 */
export function attachEvidence(refs: readonly EvidenceRef[], records: ReadonlyMap<string, EvidenceRecord>, ctx: AttachContext): { attached: AttachedEvidence[] } | { rejection: Rejection } {
  const r = resolveEvidence(refs, records, ctx);
  if ('attached' in r) return r;
  const { rejection } = reject('EVIDENCE_INVALID', { 'zh-CN': r.problem['zh-CN'], en: r.problem.en });
  return { rejection: { ...rejection, pointer: r.problem.pointer } };
}
