import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import {
  checkUnboundBudget,
  sameGivenUpload,
  unboundEvidencePolicy,
  unboundExpired,
  type EvidenceRecord,
  type EvidenceStore,
  type EvidenceStoreOptions,
  type EvidenceUpload,
} from '../ports/evidence-store.js';

/** An in-memory {@link EvidenceStore} (tests, demos), with a count of what it holds. */
export interface MemoryEvidenceStore extends EvidenceStore {
  /** Number of uploads held. */
  readonly size: number;
  /**
   * Stores a record as given, with its id (tests and imports; synchronous). Throws a
   * `TypeError` when the id is taken. `bytes` default to empty.
   */
  seed(record: EvidenceRecord, bytes?: Uint8Array): void;
  /** True when an upload with this id is held. */
  has(id: string): boolean;
}

/** SHA-256 of bytes, lower-case hex. */
export function sha256OfBytes(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

/**
 * A fresh evidence id: `ev-` and 32 random hex digits.
 *
 * @internal
 */
export function newEvidenceId(): string {
  const random = new Uint8Array(16);
  globalThis.crypto.getRandomValues(random);
  return `ev-${bytesToHex(random)}`;
}

/**
 * Checks an upload's metadata; throws a `TypeError` for misuse (not a user error).
 *
 * @internal
 */
export function assertUpload(upload: EvidenceUpload): void {
  if (!(upload.bytes instanceof Uint8Array)) throw new TypeError('evidence bytes must be a Uint8Array');
  if (typeof upload.mime !== 'string' || !/^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(upload.mime)) throw new TypeError(`invalid media type ${JSON.stringify(upload.mime)}`);
  if (typeof upload.uploaderId !== 'string' || upload.uploaderId === '') throw new TypeError('uploaderId is required');
  if (Number.isNaN(Date.parse(upload.receivedAt))) throw new TypeError('receivedAt must be an ISO 8601 time');
}

/**
 * Checks an upload and makes its record: a fresh id, the SHA-256 and size of a private copy
 * of the bytes, the server's receipt time. Every {@link EvidenceStore} implementation
 * stores exactly this.
 *
 * @internal
 */
export function recordUpload(upload: EvidenceUpload): { record: EvidenceRecord; bytes: Uint8Array } {
  assertUpload(upload);
  const bytes = upload.bytes.slice();
  const record: EvidenceRecord = {
    id: newEvidenceId(),
    sha256: sha256OfBytes(bytes),
    mime: upload.mime,
    size: bytes.length,
    uploaderId: upload.uploaderId,
    hazardId: upload.hazardId,
    receivedAt: new Date(Date.parse(upload.receivedAt)).toISOString(),
    ...(upload.claimedTakenAt === undefined ? {} : { claimedTakenAt: upload.claimedTakenAt }),
  };
  return { record, bytes };
}

/**
 * An {@link EvidenceStore} in memory. Records and bytes are copied in and out, so callers
 * cannot change what is stored. Unbound uploads, and for 24 h those given with a hazard, are
 * held to `options.unbound` (default `DEFAULT_UNBOUND_EVIDENCE_POLICY`: 20 files, 100 MiB,
 * 24 h per uploader).
 *
 * @example
 * ```ts
 * const evidence = createMemoryEvidenceStore();
 * const photo = await evidence.put({ bytes, mime: 'image/jpeg', uploaderId: 'owner-e1', hazardId: 'H1', receivedAt: clock.now().toISOString() });
 * ```
 */
export function createMemoryEvidenceStore(options: EvidenceStoreOptions = {}): MemoryEvidenceStore {
  const policy = unboundEvidencePolicy(options.unbound);
  const records = new Map<string, EvidenceRecord>();
  const contents = new Map<string, Uint8Array>();
  // Unbound upload ids by uploader, and the uploads each gave with a hazard (counted for maxAgeMs): the budget is counted from these alone.
  const unbound = new Map<string, Set<string>>();
  const direct = new Map<string, EvidenceRecord[]>();
  const remove = (id: string) => {
    const r = records.get(id);
    records.delete(id);
    contents.delete(id);
    if (r) unbound.get(r.uploaderId)?.delete(id);
  };
  return {
    get size() {
      return records.size;
    },
    async put(upload) {
      const { record, bytes } = recordUpload(upload);
      // Synchronous from here on: concurrent puts of one uploader are decided one at a time.
      const mine = unbound.get(record.uploaderId) ?? unbound.set(record.uploaderId, new Set()).get(record.uploaderId)!;
      for (const id of [...mine]) if (unboundExpired(records.get(id)!, record.receivedAt, policy)) remove(id);
      // Uploads given with a hazard count for maxAgeMs after receipt (then they stop counting; they are never deleted).
      const given = (direct.get(record.uploaderId) ?? []).filter((r) => Date.parse(r.receivedAt) + policy.maxAgeMs > Date.parse(record.receivedAt));
      // The same bytes given again with the same hazard (a retry): the first upload, no second file.
      const again = sameGivenUpload(given, record);
      if (again) return { ...again };
      const refused = checkUnboundBudget([...[...mine].map((id) => records.get(id)!), ...given], record, policy);
      if (refused) throw refused;
      if (record.hazardId === null) mine.add(record.id);
      else given.push({ ...record });
      direct.set(record.uploaderId, given);
      records.set(record.id, record);
      contents.set(record.id, bytes);
      return { ...record };
    },
    seed(record, bytes = new Uint8Array()) {
      if (records.has(record.id)) throw new TypeError(`evidence ${record.id} exists`);
      records.set(record.id, { ...record });
      if (record.hazardId === null) (unbound.get(record.uploaderId) ?? unbound.set(record.uploaderId, new Set()).get(record.uploaderId)!).add(record.id);
      contents.set(record.id, bytes.slice());
    },
    has(id) {
      return records.has(id);
    },
    async get(id) {
      const r = records.get(id);
      return r ? { ...r } : null;
    },
    async read(id) {
      const b = contents.get(id);
      return b ? b.slice() : null;
    },
    async bind(ids, hazardId) {
      const found = ids.map((id) => records.get(id));
      if (found.some((r) => r === undefined || (r.hazardId !== null && r.hazardId !== hazardId))) return false;
      for (const r of found as EvidenceRecord[]) {
        records.set(r.id, { ...r, hazardId });
        unbound.get(r.uploaderId)?.delete(r.id);
      }
      return true;
    },
    async expireUnbound(now) {
      if (Number.isNaN(Date.parse(now))) throw new TypeError('now must be an ISO 8601 time');
      let deleted = 0;
      for (const ids of unbound.values()) {
        for (const id of [...ids]) {
          if (!unboundExpired(records.get(id)!, now, policy)) continue;
          remove(id);
          deleted++;
        }
      }
      return deleted;
    },
  };
}
