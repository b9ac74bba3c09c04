/**
 * Where photos and documents are kept: the port the review chain resolves evidence
 * references through.
 *
 * @module
 */

/** An upload as the host hands it to {@link EvidenceStore.put}. */
export interface EvidenceUpload {
  bytes: Uint8Array;
  /**
   * Media type the host determined (from the bytes, not only from the client's header).
   * Photo evidence needs one of {@link PHOTO_MIME_TYPES}.
   */
  mime: string;
  /** Authenticated actor who uploaded it. */
  uploaderId: string;
  /**
   * The hazard it belongs to, when uploaded for an existing hazard (the host checked the
   * uploader may read it); `null` for an upload that a report will bind.
   */
  hazardId: string | null;
  /** Trusted receipt time (the server's clock, ISO 8601). */
  receivedAt: string;
  /** Capture time the file or the app claims (EXIF): recorded for display, never trusted. */
  claimedTakenAt?: string;
}

/** What the store knows about one upload. The bytes are read with {@link EvidenceStore.read}. */
export interface EvidenceRecord {
  /** Assigned by the store; matches `^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$`. */
  id: string;
  /** SHA-256 of the bytes, lower-case hex. */
  sha256: string;
  mime: string;
  /** Bytes. */
  size: number;
  uploaderId: string;
  hazardId: string | null;
  receivedAt: string;
  claimedTakenAt?: string;
}

/**
 * How many uploads not yet bound to a hazard or permit (`hazardId: null`, uploaded for a
 * report to come) one uploader may hold, and for how long. Anyone signed in who reports may
 * upload before reporting; without a budget an upload that is never reported stays forever
 * (40 uploads of 5 MB grew the demo portal's data by 200 MB — T38 in docs/security.md).
 *
 * Uploads given with their hazard (`put` with a `hazardId`: bound at once, never deleted)
 * count against the same budget for `maxAgeMs` after their receipt: without that, anyone who
 * may read a hazard filled the disk through it (30 uploads of 5 MB to one's own hazard grew
 * the demo portal's data by 150 MB in seconds). One uploader so adds at most `files` and
 * `bytes` per `maxAgeMs` that no report has used.
 */
export interface UnboundEvidencePolicy {
  /** Most unbound uploads one uploader holds at a time. */
  files: number;
  /** Most bytes of unbound uploads one uploader holds at a time. */
  bytes: number;
  /** How long an unbound upload is kept after its receipt (ms): then it no longer counts and {@link EvidenceStore.expireUnbound} deletes it. */
  maxAgeMs: number;
}

/**
 * The default {@link UnboundEvidencePolicy}: 20 files and 100 MiB per uploader, kept 24 hours
 * — a day's inspection with its photos fits; a report binds them, so they stop counting.
 */
export const DEFAULT_UNBOUND_EVIDENCE_POLICY: Readonly<UnboundEvidencePolicy> = Object.freeze({ files: 20, bytes: 100 * 1_048_576, maxAgeMs: 24 * 3_600_000 });

/**
 * A policy from options, each field defaulting to {@link DEFAULT_UNBOUND_EVIDENCE_POLICY}'s.
 * Throws a `TypeError` for a field that is not a positive safe integer (misuse).
 */
export function unboundEvidencePolicy(options: Partial<UnboundEvidencePolicy> = {}): Readonly<UnboundEvidencePolicy> {
  const policy = { ...DEFAULT_UNBOUND_EVIDENCE_POLICY, ...options };
  for (const key of ['files', 'bytes', 'maxAgeMs'] as const) {
    if (!Number.isSafeInteger(policy[key]) || policy[key] < 1) throw new TypeError(`unbound evidence policy: ${key} must be a positive integer, got ${String(policy[key])}`);
  }
  return Object.freeze(policy);
}

/** Whether an upload is unbound and its age reached the policy's `maxAgeMs` at `now`. Bound uploads never expire. */
export function unboundExpired(record: Pick<EvidenceRecord, 'hazardId' | 'receivedAt'>, now: string, policy: Readonly<UnboundEvidencePolicy>): boolean {
  return record.hazardId === null && Date.parse(record.receivedAt) + policy.maxAgeMs <= Date.parse(now);
}

const BUDGET_BRAND = Symbol.for('anjian.EvidenceBudgetError');
const MIB = 1_048_576;
const mib = (bytes: number) => `${Math.ceil((bytes / MIB) * 10) / 10} MB`;

/**
 * An unbound upload over its uploader's {@link UnboundEvidencePolicy}: `UNBOUND_EVIDENCE_FILES`
 * (too many files; HTTP 429) or `UNBOUND_EVIDENCE_BYTES` (too many bytes; HTTP 413). The
 * message says what to do: report with the uploads held, or wait until `freesAt`, when the
 * oldest of them expires.
 */
export class EvidenceBudgetError extends Error {
  override readonly name = 'EvidenceBudgetError';
  readonly code: 'UNBOUND_EVIDENCE_FILES' | 'UNBOUND_EVIDENCE_BYTES';
  /** The message in both languages (`message` is the English one). */
  readonly localized: { 'zh-CN': string; en: string };
  /** What the uploader held, unbound and not expired, before this upload. */
  readonly held: { files: number; bytes: number };
  readonly policy: Readonly<UnboundEvidencePolicy>;
  /** When the oldest upload held expires (ISO 8601), or `null` when none is held (the upload alone is over the byte budget). */
  readonly freesAt: string | null;
  readonly [BUDGET_BRAND] = true;

  /**
   * `direct`: the upload is given with its hazard, or the uploader's uploads given with a hazard
   * are among those held — the message then says that those count for `maxAgeMs` after upload.
   */
  constructor(code: EvidenceBudgetError['code'], held: { files: number; bytes: number }, size: number, policy: Readonly<UnboundEvidencePolicy>, freesAt: string | null, direct = false) {
    const hours = Math.round((policy.maxAgeMs / 3_600_000) * 10) / 10;
    // Uploads given with a hazard among those counted: they stop counting after maxAgeMs and are never deleted.
    const counted = { zh: `尚未随上报提交的，及 ${hours} 小时内上传到隐患的`, en: `not yet used in a report, or uploaded to a hazard in the last ${hours} h` };
    const what =
      code === 'UNBOUND_EVIDENCE_FILES'
        ? direct
          ? {
              zh: `你已有 ${held.files} 个计入上限的文件（${counted.zh}），上限 ${policy.files} 个`,
              en: `You have ${held.files} uploads that count against your limit of ${policy.files} (${counted.en})`,
            }
          : {
              zh: `你已上传 ${held.files} 个尚未随上报提交的文件，上限 ${policy.files} 个`,
              en: `You hold ${held.files} uploads not yet used in a report; the limit is ${policy.files}`,
            }
        : freesAt === null
          ? { zh: `该文件 ${mib(size)} 超过待上报文件的总量上限 ${mib(policy.bytes)}`, en: `This file (${mib(size)}) is larger than the ${mib(policy.bytes)} allowed for uploads not yet reported` }
          : direct
            ? {
                zh: `你计入上限的文件（${counted.zh}）共 ${mib(held.bytes)}，加上该文件 ${mib(size)} 超过上限 ${mib(policy.bytes)}`,
                en: `Your uploads that count against the limit (${counted.en}) take ${mib(held.bytes)}; with this file (${mib(size)}) that is over the ${mib(policy.bytes)} limit`,
              }
            : {
                zh: `你尚未随上报提交的文件共 ${mib(held.bytes)}，加上该文件 ${mib(size)} 超过上限 ${mib(policy.bytes)}`,
                en: `Your uploads not yet used in a report take ${mib(held.bytes)}; with this file (${mib(size)}) that is over the ${mib(policy.bytes)} limit`,
              };
    const todo =
      freesAt === null
        ? { zh: '请压缩或缩小文件后重新上传', en: 'Compress or shrink the file and upload it again' }
        : direct
          ? {
              zh: `尚未上报的文件可随上报提交（提交后不再计入）；或等待：最早一个于 ${freesAt} 起不再计入（尚未上报的届时删除）`,
              en: `Use the uploads not yet reported in a report (they then stop counting), or wait: the oldest stops counting at ${freesAt} (one not reported is then deleted)`,
            }
          : {
              zh: `请先提交引用这些文件的上报（提交后不再计入），或等待：未上报的文件上传 ${hours} 小时后自动删除，最早一个于 ${freesAt} 删除`,
              en: `Submit the report that uses them first (reported files no longer count), or wait: uploads not reported are deleted ${hours} h after upload, the oldest at ${freesAt}`,
            };
    const hazardNote = direct
      ? { zh: `上传到隐患的文件在上传后 ${hours} 小时内计入，到期不删除。`, en: ` Files uploaded to a hazard count for ${hours} h after upload and are not deleted then.` }
      : { zh: '', en: '' };
    const localized = { 'zh-CN': `${what.zh}。${todo.zh}。${hazardNote.zh}`, en: `${what.en}. ${todo.en}.${hazardNote.en}` };
    super(localized.en);
    this.code = code;
    this.localized = localized;
    this.held = held;
    this.policy = policy;
    this.freesAt = freesAt;
  }
}

/** True when `error` is an {@link EvidenceBudgetError} (across realms and bundled copies). */
export function isEvidenceBudgetError(error: unknown): error is EvidenceBudgetError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[BUDGET_BRAND] === true;
}

/** Whether an upload counts against its uploader's budget at `now`: younger than the policy's `maxAgeMs` (unbound, or given with its hazard). */
function counting(record: Pick<EvidenceRecord, 'receivedAt'>, now: string, policy: Readonly<UnboundEvidencePolicy>): boolean {
  return Date.parse(record.receivedAt) + policy.maxAgeMs > Date.parse(now);
}

/**
 * The one budget rule every {@link EvidenceStore} applies in `put`, to every upload: `held`
 * are the uploader's unbound uploads and the uploads it gave with a hazard (`put` with a
 * `hazardId`, not those bound later by a report); those received `maxAgeMs` or more before the
 * upload's `receivedAt` do not count. Answers the error to throw when the upload, with them,
 * would exceed the policy's files or bytes, else `null`.
 */
export function checkUnboundBudget(
  held: readonly Pick<EvidenceRecord, 'size' | 'receivedAt' | 'hazardId'>[],
  upload: Pick<EvidenceRecord, 'size' | 'receivedAt'> & { hazardId?: string | null },
  policy: Readonly<UnboundEvidencePolicy>,
): EvidenceBudgetError | null {
  const live = held.filter((r) => counting(r, upload.receivedAt, policy));
  const direct = (upload.hazardId ?? null) !== null || live.some((r) => r.hazardId !== null);
  const sum = { files: live.length, bytes: live.reduce((n, r) => n + r.size, 0) };
  const oldest = live.reduce<number | null>((min, r) => (min === null || Date.parse(r.receivedAt) < min ? Date.parse(r.receivedAt) : min), null);
  const freesAt = oldest === null ? null : new Date(oldest + policy.maxAgeMs).toISOString();
  if (sum.files + 1 > policy.files) return new EvidenceBudgetError('UNBOUND_EVIDENCE_FILES', sum, upload.size, policy, freesAt, direct);
  if (sum.bytes + upload.size > policy.bytes) return new EvidenceBudgetError('UNBOUND_EVIDENCE_BYTES', sum, upload.size, policy, upload.size > policy.bytes ? null : freesAt, direct);
  return null;
}

/**
 * The upload among `given` (the uploader's uploads given with a hazard, still counted by the
 * budget) that `upload` repeats — the same bytes (SHA-256) and type for the same hazard — or
 * `null`. Every store's `put` answers it instead of storing the upload again: a retry of a
 * refused command (a rectification with too few photos) re-sends the photos it had uploaded,
 * and they are the same uploads, costing no budget.
 */
export function sameGivenUpload(given: readonly EvidenceRecord[], upload: Pick<EvidenceRecord, 'sha256' | 'mime' | 'uploaderId' | 'hazardId'>): EvidenceRecord | null {
  if (upload.hazardId === null) return null;
  return given.find((r) => r.hazardId === upload.hazardId && r.uploaderId === upload.uploaderId && r.sha256 === upload.sha256 && r.mime === upload.mime) ?? null;
}

/**
 * Photos and documents of hazards.
 *
 * - `put` MUST store the bytes and return a record with a fresh id that no other upload
 *   had, and the SHA-256 of exactly the stored bytes. Two uploads of the same bytes get
 *   two ids (the chain counts them once, by hash) — except the same bytes given again with
 *   the same hazard by the same uploader while the first still counts against the budget
 *   (`maxAgeMs`): `put` then answers the first upload ({@link sameGivenUpload}), storing
 *   nothing and costing no budget (a retry re-sends what it had uploaded). It MUST NOT return before the bytes are
 *   durable (a crash after `put` returns keeps them).
 * - `get` returns the record, or `null` for an unknown id (never throws for one).
 * - `read` returns the bytes, or `null` for an unknown id.
 * - `bind(ids, hazardId)` binds uploads to a hazard, all or nothing: it returns `true`
 *   when every id exists and is now bound to `hazardId` (binding one that is already bound
 *   to `hazardId` is a no-op), and `false`, changing nothing, when one is unknown or bound
 *   to another hazard. Under concurrency, two `bind` calls for different hazards over a
 *   common id: exactly one returns `true`.
 * - Records are immutable except for the `null` → hazard binding.
 * - **Unbound budget.** An upload with `hazardId: null` counts against its uploader's
 *   {@link UnboundEvidencePolicy} (the store's; {@link DEFAULT_UNBOUND_EVIDENCE_POLICY} unless the
 *   host configured one) until it is bound or expires. `put` of such an upload MUST throw the
 *   {@link EvidenceBudgetError} that {@link checkUnboundBudget} answers for the uploader's
 *   unbound uploads, storing nothing; under concurrency an uploader never holds more than the
 *   policy allows (`put`s of one uploader are decided one at a time). An upload given with a
 *   `hazardId` counts too, for `maxAgeMs` after its receipt, and its `put` is held to the same
 *   rule (it is never deleted: it is its hazard's). A store MAY delete the uploader's expired
 *   uploads in `put`.
 * - `expireUnbound(now)` MUST delete, record and bytes, every upload still unbound whose age
 *   at `now` (an ISO 8601 instant from the host's clock) reached the policy's `maxAgeMs`
 *   ({@link unboundExpired}), and answer how many it deleted. It MUST NOT delete a bound upload:
 *   against a concurrent `bind` of an expired upload, either the bind returns `true` and the
 *   upload stays, or the upload is deleted and the bind returns `false`. Afterwards `get` and
 *   `read` answer `null` for a deleted id. Hosts call it on their scheduler (core has no timer).
 * - Errors of the backend (disk full, network) are thrown.
 */
export interface EvidenceStore {
  put(upload: EvidenceUpload): Promise<EvidenceRecord>;
  get(id: string): Promise<EvidenceRecord | null>;
  read(id: string): Promise<Uint8Array | null>;
  bind(ids: readonly string[], hazardId: string): Promise<boolean>;
  expireUnbound(now: string): Promise<number>;
}

/** Options of the evidence stores core ships (`createMemoryEvidenceStore`, `createFileEvidenceStore`). */
export interface EvidenceStoreOptions {
  /** The budget of unbound uploads per uploader; fields left out take {@link DEFAULT_UNBOUND_EVIDENCE_POLICY}'s. */
  unbound?: Partial<UnboundEvidencePolicy>;
}

/** Media types accepted for `photo_before` / `photo_after` evidence. */
export const PHOTO_MIME_TYPES: readonly string[] = Object.freeze(['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif']);

/** Default per-hazard evidence quota: distinct uploads attached over the hazard's life. */
export const DEFAULT_EVIDENCE_QUOTA = 60;
