import type { DocumentRecord } from '@anjian/core/ports';
import { canonicalJson, sha256Hex } from '@anjian/core/audit';
import qrcode from 'qrcode/lib/core/qrcode.js';
import type { ComposedDocument } from './compose.js';

/** What a document carries to be checked later: printed as text and as a QR code. */
export interface DocumentVerification {
  /** Hex SHA-256 of the composed document ({@link documentContentHash}). */
  hash: string;
  /** Short code (10 Crockford base-32 characters, `XXXXX-XXXXX`) from the hash. */
  code: string;
  /** What the QR code holds: the host's verify address with the code and the hash, or the code alone. */
  url: string;
}

/**
 * Hex SHA-256 of a composed document: its canonical JSON (sorted keys, no whitespace) without
 * `verification`. Every printed value is in it (header, title, number, blocks), so HTML and PDF
 * of the same document share one hash, and any change to a value changes it.
 */
export function documentContentHash(doc: ComposedDocument): string {
  const { verification: _v, ...content } = doc;
  return sha256Hex(canonicalJson(content));
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The verification code of a content hash: its first 50 bits in Crockford base 32, `XXXXX-XXXXX`. */
export function verificationCodeOf(hash: string): string {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new TypeError('verificationCodeOf: expected 64 lower-case hex digits');
  let bits = '';
  for (const c of hash.slice(0, 13)) bits += parseInt(c, 16).toString(2).padStart(4, '0');
  let code = '';
  for (let i = 0; i < 50; i += 5) code += CROCKFORD[parseInt(bits.slice(i, i + 5), 2)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/**
 * A code as typed or scanned, normalised: upper case, separators dropped, the look-alikes
 * of Crockford base 32 mapped (O→0, I/L→1), re-grouped `XXXXX-XXXXX`; `null` when it cannot
 * be a code.
 */
export function normalizeVerificationCode(input: string): string | null {
  const plain = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{10}$/.test(plain)) return null;
  return `${plain.slice(0, 5)}-${plain.slice(5)}`;
}

/**
 * Add the verification to a composed document: its content hash, the code, and the address
 * the QR code holds (`<verifyUrl>/<code>?hash=<hash>`; without `verifyUrl`, the code and hash
 * alone). The host's verify address comes from its configuration, never from a request.
 */
export function sealDocument(doc: ComposedDocument, options: { verifyUrl?: string } = {}): ComposedDocument & { verification: DocumentVerification } {
  const hash = documentContentHash(doc);
  const code = verificationCodeOf(hash);
  const url = options.verifyUrl ? `${options.verifyUrl.replace(/\/+$/, '')}/${code}?hash=${hash}` : `anjian-document:${code}?hash=${hash}`;
  return { ...doc, verification: { hash, code, url } };
}

/** The QR code of a text (error correction M) as rows of dark (true) and light modules. */
export function qrModules(text: string): boolean[][] {
  const { size, data } = qrcode.create(text, { errorCorrectionLevel: 'M' }).modules;
  return Array.from({ length: size }, (_, r) => Array.from({ length: size }, (_, c) => data[r * size + c] === 1));
}

/** Verdict of {@link verifyDocument}. */
export type DocumentVerdict =
  /** No document was issued with this code. */
  | { status: 'unknown' }
  /** The code names an issued document; the presented hash equals the recorded one (or none was presented). */
  | { status: 'issued' | 'unchanged'; record: DocumentRecord }
  /** The presented hash differs from the hash recorded when the document was issued. */
  | { status: 'altered'; record: DocumentRecord }
  /** The document was voided (作废): its number stays taken; `record.voided` says when, why and by whom. */
  | { status: 'voided'; record: DocumentRecord };

/**
 * Check a presented document against the register: `record` is
 * `store.findDocumentByCode(normalizeVerificationCode(code))`. With a presented hash (from the
 * QR code, or computed from a document's content) the verdict is `unchanged` or `altered`;
 * without, `issued` (the reader compares the printed number and date with the record's); a
 * voided document is `voided` whatever the hash.
 *
 * @example
 * ```ts
 * const code = normalizeVerificationCode(input);
 * const verdict = verifyDocument(code ? await store.findDocumentByCode(code) : null, { hash });
 * ```
 */
export function verifyDocument(record: DocumentRecord | null, presented: { hash?: string } = {}): DocumentVerdict {
  if (!record || record.contentHash === null) return { status: 'unknown' };
  if (record.voided) return { status: 'voided', record };
  if (presented.hash === undefined) return { status: 'issued', record };
  return presented.hash.toLowerCase() === record.contentHash ? { status: 'unchanged', record } : { status: 'altered', record };
}
