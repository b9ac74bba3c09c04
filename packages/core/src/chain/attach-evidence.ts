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

/**
 * Resolves a command's evidence references against the store's records: every reference
 * must name an upload (`EVIDENCE_INVALID` otherwise) by the acting user, bound to this
 * hazard (or, for a report, not yet bound or bound to a hazard of the same inspection); photos must be images; the same upload or the
 * same bytes (SHA-256) named twice count once; the hazard's quota of distinct uploads
 * holds. Returns the evidence as events record it, or a rejection.
 */
export function attachEvidence(refs: readonly EvidenceRef[], records: ReadonlyMap<string, EvidenceRecord>, ctx: AttachContext): { attached: AttachedEvidence[] } | { rejection: Rejection } {
  const attached: AttachedEvidence[] = [];
  const seenIds = new Set<string>();
  const seenHashes = new Set<string>();
  const invalid = (zh: string, en: string) => reject('EVIDENCE_INVALID', { 'zh-CN': zh, en });
  for (const ref of refs) {
    const record = records.get(ref.id);
    if (!record || record.id !== ref.id) return reject('EVIDENCE_INVALID', uploadMissing(ref.id));
    const bound = record.hazardId === ctx.hazardId || (ctx.creating && (record.hazardId === null || ctx.shared?.includes(record.hazardId) === true));
    if (!bound || record.uploaderId !== ctx.actorId) {
      return invalid(`证据 ${ref.id} 不属于该隐患或不是本人上传`, `evidence ${ref.id} belongs to another hazard or was uploaded by someone else`);
    }
    if (ref.kind !== 'document' && !PHOTO_MIME_TYPES.includes(record.mime)) {
      return invalid(`证据 ${ref.id} 不是照片（${record.mime}）`, `evidence ${ref.id} is not a photo (${record.mime})`);
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
  if (total > quota) return invalid(`每个隐患最多 ${quota} 份证据，此次将达 ${total} 份`, `at most ${quota} uploads per hazard; this would make ${total}`);
  return { attached };
}
