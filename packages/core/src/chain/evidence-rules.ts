import type { HazardLevel } from '../pack/types.js';
import type { AttachedEvidence, EvidenceKind } from './types.js';

/** What evidence a step needs: minimum counts per kind, and whether "after" photos must postdate the notice. */
export interface EvidenceRequirement {
  min: Partial<Record<EvidenceKind, number>>;
  /** `photo_after` must have been received by the server after the notice (or case) that started the clock. */
  afterTakenAfterNotice: boolean;
}

/** Evidence requirements per level and step, as data. A host may pass its own. */
export interface EvidenceRules {
  /** A simple hazard reported as fixed on the spot. */
  fixedOnSpot: EvidenceRequirement;
  /** `submit_rectification`, per level. */
  submit: Record<HazardLevel, EvidenceRequirement>;
}

/**
 * Default requirements: a simple hazard fixed on the spot needs one photo before and one
 * after; a general hazard's rectification one before and two after, taken after the
 * notice; a major hazard's three after and a document (the evaluation report of 16号令
 * Art. 18), taken after the case was filed. Close re-checks the submitted evidence.
 */
export const DEFAULT_EVIDENCE_RULES: EvidenceRules = Object.freeze({
  fixedOnSpot: { min: { photo_before: 1, photo_after: 1 }, afterTakenAfterNotice: false },
  submit: {
    simple: { min: { photo_after: 1 }, afterTakenAfterNotice: false },
    general: { min: { photo_before: 1, photo_after: 2 }, afterTakenAfterNotice: true },
    major: { min: { photo_before: 1, photo_after: 3, document: 1 }, afterTakenAfterNotice: true },
  },
});

/**
 * Checks attached evidence against a requirement. Returns the list of problems in both
 * languages (empty when satisfied). "After" photos count when the server received them
 * after `noticeAt` (when the running notice or case started; null: no notice) and not
 * after `now`; the capture time a file claims is never used. Evidence is counted as given:
 * `attachEvidence` has already removed duplicates.
 */
export function checkEvidence(evidence: readonly AttachedEvidence[], requirement: EvidenceRequirement, noticeAt: string | null, now: Date): { 'zh-CN': string; en: string }[] {
  const problems: { 'zh-CN': string; en: string }[] = [];
  const noticeMs = noticeAt === null ? null : Date.parse(noticeAt);
  const counted = evidence.filter((e) => {
    if (e.kind !== 'photo_after') return true;
    const taken = Date.parse(e.receivedAt);
    if (Number.isNaN(taken) || taken > now.getTime()) return false;
    return !(requirement.afterTakenAfterNotice && noticeMs !== null && taken <= noticeMs);
  });
  const labels: Record<EvidenceKind, [string, string]> = {
    photo_before: ['整改前照片', 'photos before'],
    photo_after: ['整改后照片（须在通知之后上传）', 'photos after (uploaded after the notice)'],
    document: ['文件', 'documents'],
    photo_review: ['复查照片', 'review photos'],
  };
  for (const [kind, min] of Object.entries(requirement.min) as [EvidenceKind, number][]) {
    const have = counted.filter((e) => e.kind === kind).length;
    if (have < min) {
      const [zh, en] = labels[kind];
      problems.push({ 'zh-CN': `${zh}至少 ${min} 份，现有 ${have} 份`, en: `${en}: at least ${min}, got ${have}` });
    }
  }
  return problems;
}
