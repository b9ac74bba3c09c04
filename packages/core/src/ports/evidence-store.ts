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
 * Photos and documents of hazards.
 *
 * - `put` MUST store the bytes and return a record with a fresh id that no other upload
 *   had, and the SHA-256 of exactly the stored bytes. Two uploads of the same bytes get
 *   two ids (the chain counts them once, by hash). It MUST NOT return before the bytes are
 *   durable (a crash after `put` returns keeps them).
 * - `get` returns the record, or `null` for an unknown id (never throws for one).
 * - `read` returns the bytes, or `null` for an unknown id.
 * - `bind(ids, hazardId)` binds uploads to a hazard, all or nothing: it returns `true`
 *   when every id exists and is now bound to `hazardId` (binding one that is already bound
 *   to `hazardId` is a no-op), and `false`, changing nothing, when one is unknown or bound
 *   to another hazard. Under concurrency, two `bind` calls for different hazards over a
 *   common id: exactly one returns `true`.
 * - Records are immutable except for the `null` → hazard binding.
 * - Errors of the backend (disk full, network) are thrown.
 */
export interface EvidenceStore {
  put(upload: EvidenceUpload): Promise<EvidenceRecord>;
  get(id: string): Promise<EvidenceRecord | null>;
  read(id: string): Promise<Uint8Array | null>;
  bind(ids: readonly string[], hazardId: string): Promise<boolean>;
}

/** Media types accepted for `photo_before` / `photo_after` evidence. */
export const PHOTO_MIME_TYPES: readonly string[] = Object.freeze(['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif']);

/** Default per-hazard evidence quota: distinct uploads attached over the hazard's life. */
export const DEFAULT_EVIDENCE_QUOTA = 60;
