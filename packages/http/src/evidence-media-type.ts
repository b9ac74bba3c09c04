/** Media types an evidence upload may have: photos (JPEG, PNG, WebP) and PDF documents. */
export const EVIDENCE_MEDIA_TYPES: readonly string[] = Object.freeze(['image/jpeg', 'image/png', 'image/webp', 'application/pdf']);

/**
 * Media types evidence may have as recorded: the uploads' ({@link EVIDENCE_MEDIA_TYPES}) and
 * `application/json`, the readings document core attaches to a sensor hazard (never an upload
 * of a client: `POST /evidence` refuses it).
 */
export const RECORDED_EVIDENCE_MEDIA_TYPES: readonly string[] = Object.freeze([...EVIDENCE_MEDIA_TYPES, 'application/json']);

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/**
 * The media type the bytes themselves show (their magic numbers), among
 * {@link EVIDENCE_MEDIA_TYPES}; `null` for anything else. The declared `Content-Type` is
 * never trusted alone: an HTML page declared `image/png` is refused here.
 */
export function sniffEvidenceType(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  return null;
}
