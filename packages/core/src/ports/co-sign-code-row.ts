import type { CoSignCodeRecord } from './co-sign-code-store.js';

/**
 * A row of the SQL stores' `co_sign_codes` table: the columns of a {@link CoSignCodeRecord},
 * snake_case, one per field. One definition for SQLite and PostgreSQL (and a custom SQL
 * store), so that a field added to the record is kept by both or by neither.
 */
export interface CoSignCodeRow {
  id: string;
  officer_id: string;
  subject: string;
  act: string;
  salt: string;
  hash: string;
  issued_at: string;
  expires_at: string;
  used_at: string | null;
  content: string;
  content_digest: string;
}

/** The columns of `co_sign_codes`, in the order of {@link CoSignCodeRow}: what an `INSERT` names. */
export const CO_SIGN_CODE_COLUMNS: readonly (keyof CoSignCodeRow)[] = Object.freeze([
  'id',
  'officer_id',
  'subject',
  'act',
  'salt',
  'hash',
  'issued_at',
  'expires_at',
  'used_at',
  'content',
  'content_digest',
]);

/**
 * The columns an issue replaces in the officer's unused code of the same subject and act (the
 * upsert's `DO UPDATE SET`): every column but that key (`officer_id`, `subject`, `act`).
 */
export const CO_SIGN_CODE_REPLACED_COLUMNS: readonly (keyof CoSignCodeRow)[] = Object.freeze(CO_SIGN_CODE_COLUMNS.filter((c) => c !== 'officer_id' && c !== 'subject' && c !== 'act'));

/** The record a `co_sign_codes` row holds. */
export function coSignCodeFromRow(r: CoSignCodeRow): CoSignCodeRecord {
  return {
    id: r.id,
    officerId: r.officer_id,
    subject: r.subject,
    act: r.act,
    salt: r.salt,
    hash: r.hash,
    issuedAt: r.issued_at,
    expiresAt: r.expires_at,
    usedAt: r.used_at,
    content: r.content,
    contentDigest: r.content_digest,
  };
}

/** The `co_sign_codes` row of a record (the inverse of {@link coSignCodeFromRow}). */
export function coSignCodeToRow(r: CoSignCodeRecord): CoSignCodeRow {
  return {
    id: r.id,
    officer_id: r.officerId,
    subject: r.subject,
    act: r.act,
    salt: r.salt,
    hash: r.hash,
    issued_at: r.issuedAt,
    expires_at: r.expiresAt,
    used_at: r.usedAt,
    content: r.content,
    content_digest: r.contentDigest,
  };
}
