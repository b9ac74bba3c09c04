import type { HazardLevel } from '../pack/types.js';
import type { EvidenceProblem } from './attach-evidence.js';
import type { AttachedEvidence, EvidenceKind, HazardState } from './types.js';

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
 * Whether the server received an upload (`receivedAt`, its own clock) after `since` and not
 * after `now` — the one rule for evidence that must postdate a step: a rectification's
 * "after" photos the notice, a reviewer's photos what it reviews. `since` null: no lower
 * bound. A time that does not parse counts as not received.
 */
export function receivedAfter(receivedAt: string, since: string | null, now: Date): boolean {
  const received = Date.parse(receivedAt);
  if (Number.isNaN(received) || received > now.getTime()) return false;
  return since === null || received > Date.parse(since);
}

/** What an act's own evidence postdates, for {@link reviewEvidenceProblem}. */
export type ReviewedStep = 'submission' | 'closing' | 'acceptance';

/**
 * The acts whose evidence is what their actor saw at the site, and the step each reviews: the
 * one table the receipt-time rule ({@link reviewEvidenceProblem}) and the one-act rule
 * ({@link reviewEvidenceReused}) read. verify, reject and accept (验收) review the latest
 * rectification; spot_check and reopen the closing; lift_stop_work (复产) the acceptance, the
 * step that allows it.
 */
export const REVIEWED_STEP: Readonly<Record<'verify' | 'reject' | 'accept' | 'spot_check' | 'reopen' | 'lift_stop_work', ReviewedStep>> = Object.freeze({
  verify: 'submission',
  reject: 'submission',
  accept: 'submission',
  spot_check: 'closing',
  reopen: 'closing',
  lift_stop_work: 'acceptance',
});

/** When the hazard's state recorded the step reviewed (the latest submission, the closing, the acceptance), or null: not on record. */
export function reviewedStepAt(state: Pick<HazardState, 'rectificationSubmittedAt' | 'closedAt' | 'acceptedAt'>, step: ReviewedStep): string | null {
  return step === 'submission' ? state.rectificationSubmittedAt : step === 'closing' ? state.closedAt : state.acceptedAt;
}

const STEP_WORDS: Readonly<Record<ReviewedStep, readonly [string, string]>> = Object.freeze({
  submission: ['整改提交之后', 'after the rectification was submitted'],
  closing: ['隐患销号之后', 'after the hazard was closed'],
  acceptance: ['隐患验收之后', 'after the hazard was accepted'],
});

/**
 * An act's own evidence ({@link REVIEWED_STEP}) must have been received by the server after the
 * step it reviews (`since`, when that step was recorded): a photo uploaded before the enterprise
 * submitted, before the hazard was closed or accepted, shows something else than the act saw.
 * Returns the first upload that was not, with the pointer of its reference (`/evidence/N`, N its
 * index among `refs`), or null. `since` null (the step is not on record) refuses every upload:
 * nothing shows it postdates the step.
 */
export function reviewEvidenceProblem(refs: readonly { id: string }[], attached: readonly AttachedEvidence[], reviewed: ReviewedStep, since: string | null, now: Date): EvidenceProblem | null {
  for (const [i, ref] of refs.entries()) {
    const e = attached.find((a) => a.id === ref.id);
    if (!e || (since !== null && receivedAfter(e.receivedAt, since, now))) continue;
    const [zh, en] = STEP_WORDS[reviewed];
    return {
      pointer: `/evidence/${i}`,
      'zh-CN': `证据 ${ref.id} 由服务器于 ${e.receivedAt} 收到，复查证据须在${zh}${since === null ? '' : `（${since}）`}上传：请上传本次现场复查时拍摄的照片`,
      en: `evidence ${ref.id} was received by the server at ${e.receivedAt}; a review's evidence must be uploaded ${en}${since === null ? '' : ` (${since})`}: upload the photos taken at this review`,
    };
  }
  return null;
}

/**
 * An act's own evidence shows that act only: an upload an earlier event of the hazard already
 * records (`recorded.evidenceIds`: a spot check's photo, the rejection's, the acceptance's, the
 * report's), or one with the same bytes (`recorded.evidenceHashes`, the SHA-256 the evidence
 * store gave each upload when it was attached: the same file uploaded again gets a new id), is
 * not the evidence of this one, even when it was received after the step reviewed — a spot
 * check's photo offered again for a second spot check or for the reopening, or the enterprise's
 * "after" photo uploaded again by the inspector, would make two records rest on one look at the
 * site. (Another hazard's upload is refused by `attachEvidence`: it is bound there.) `attached`
 * is this command's evidence as `attachEvidence` resolved it (with each upload's hash). Returns
 * the first reused reference with its pointer (`/evidence/N`), or null.
 */
export function reviewEvidenceReused(refs: readonly { id: string }[], attached: readonly AttachedEvidence[], recorded: Pick<HazardState, 'evidenceIds' | 'evidenceHashes'>): EvidenceProblem | null {
  for (const [i, ref] of refs.entries()) {
    const pointer = `/evidence/${i}`;
    if (recorded.evidenceIds.includes(ref.id)) {
      return {
        pointer,
        'zh-CN': `证据 ${ref.id} 已用于该隐患的另一次记录，复查证据只能用于一次复查：请上传本次复查时拍摄的照片或文件`,
        en: `evidence ${ref.id} is already attached to another act on this hazard; a review's evidence serves one review only: upload the photos or files of this review`,
      };
    }
    const sha256 = attached.find((a) => a.id === ref.id)?.sha256;
    if (sha256 !== undefined && recorded.evidenceHashes.includes(sha256)) {
      return {
        pointer,
        'zh-CN': `证据 ${ref.id} 与该隐患另一次记录所附的文件内容相同（SHA-256 ${sha256.slice(0, 12)}…），复查证据只能用于一次复查：请上传本次复查时拍摄的照片或文件，而不是重新上传已有的文件`,
        en: `evidence ${ref.id} has the same content as an upload another act on this hazard records (SHA-256 ${sha256.slice(0, 12)}…); a review's evidence serves one review only: upload the photos or files of this review, not a file already on record`,
      };
    }
  }
  return null;
}

/** A recorded instant in the host's local time, to the minute, with its offset: `2026-11-03 10:00 UTC+08:00`. */
function localTime(iso: string, utcOffsetMinutes: number): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const local = new Date(ms + utcOffsetMinutes * 60_000).toISOString();
  const abs = Math.abs(utcOffsetMinutes);
  const offset = `${utcOffsetMinutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${local.slice(0, 10)} ${local.slice(11, 16)} UTC${offset}`;
}

/**
 * A rectification's "after" photos (`photo_after`) show the hazard after this submission's fix,
 * so none may be an upload an earlier event of the hazard already records (`recorded.evidenceIds`)
 * or carry the same bytes as one (`recorded.evidenceHashes`, the evidence store's SHA-256): above
 * all the photos of a rectification a reviewer rejected (复查不合格), which would otherwise come
 * back as a new proof and might be approved by a second, less careful look — but also the report's
 * photo, a reviewer's, or the photos of a rectification verified before the hazard was reopened.
 * The refusal names the rejection and its date when the bytes were submitted with a rejected
 * rectification (`recorded.rejectedRectifications`), else the earlier act in general, and asks for a
 * new photo of the current state; the rejection's time is told in the host's local time
 * (`utcOffsetMinutes`, the calendar's: `2026-11-03 10:00 UTC+08:00`). Only `photo_after` is held to it: a `photo_before` shows the
 * hazard as found and may be the same photo at each submission (the report's, say), and a
 * `document` (an evaluation report, a certificate) may stand for several. `hashOf` gives an
 * upload's SHA-256 by id (the store's record, as `resolveEvidence` read it). Returns the first
 * reused reference with its pointer (`/evidence/N`, N its index among `refs`), or null.
 */
export function rectificationEvidenceReused(
  refs: readonly { id: string; kind: EvidenceKind }[],
  hashOf: (id: string) => string | undefined,
  recorded: Pick<HazardState, 'evidenceIds' | 'evidenceHashes' | 'rejectedRectifications'>,
  utcOffsetMinutes: number,
): EvidenceProblem | null {
  for (const [i, ref] of refs.entries()) {
    if (ref.kind !== 'photo_after') continue;
    const sha256 = hashOf(ref.id);
    const sameUpload = recorded.evidenceIds.includes(ref.id);
    if (!sameUpload && (sha256 === undefined || !recorded.evidenceHashes.includes(sha256))) continue;
    const content = sameUpload || sha256 === undefined ? { zh: '', en: '' } : { zh: `（内容相同，SHA-256 ${sha256.slice(0, 12)}…）`, en: ` (the same content, SHA-256 ${sha256.slice(0, 12)}…)` };
    const rejection = sha256 === undefined ? undefined : [...(recorded.rejectedRectifications ?? [])].reverse().find((r) => r.sha256.includes(sha256));
    if (rejection) {
      const when = localTime(rejection.rejectedAt, utcOffsetMinutes);
      return {
        pointer: `/evidence/${i}`,
        'zh-CN': `证据 ${ref.id}${content.zh}已随 ${when} 被驳回（复查不合格）的整改提交过：被驳回的整改照片不能再次作为整改证据，请拍摄并上传隐患现状的新照片`,
        en: `evidence ${ref.id}${content.en} was already submitted with the rectification rejected on ${when}: a rejected proof is no new proof; take and upload a new photo of the current state`,
      };
    }
    const earlier = sameUpload
      ? { zh: `证据 ${ref.id} 已附于该隐患此前的一次记录`, en: `evidence ${ref.id} is already attached to an earlier act on this hazard` }
      : {
          zh: `证据 ${ref.id} 与该隐患此前一次记录所附的文件内容相同（SHA-256 ${(sha256 as string).slice(0, 12)}…）`,
          en: `evidence ${ref.id} has the same content as an upload an earlier act on this hazard records (SHA-256 ${(sha256 as string).slice(0, 12)}…)`,
        };
    return {
      pointer: `/evidence/${i}`,
      'zh-CN': `${earlier.zh}：整改后照片须是本次整改后拍摄的新照片，请拍摄并上传隐患现状的新照片`,
      en: `${earlier.en}: a rectification's after photo is a new photo of the state after this rectification; take and upload a new photo of the current state`,
    };
  }
  return null;
}

/**
 * Checks attached evidence against a requirement. Returns the list of problems in both
 * languages (empty when satisfied). "After" photos count when the server received them
 * after `noticeAt` (when the running notice or case started; null: no notice) and not
 * after `now`; the capture time a file claims is never used. Evidence is counted as given:
 * `attachEvidence` has already removed duplicates.
 */
export function checkEvidence(evidence: readonly AttachedEvidence[], requirement: EvidenceRequirement, noticeAt: string | null, now: Date): { 'zh-CN': string; en: string }[] {
  const problems: { 'zh-CN': string; en: string }[] = [];
  const counted = evidence.filter((e) => e.kind !== 'photo_after' || receivedAfter(e.receivedAt, requirement.afterTakenAfterNotice ? noticeAt : null, now));
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
