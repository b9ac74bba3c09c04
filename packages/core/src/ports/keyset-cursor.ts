/**
 * Opaque keyset cursors for `Store.query` pages, shared by the store adapters.
 *
 * @module
 */

/** Thrown for a page cursor a store did not produce. */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
  readonly code = 'INVALID_CURSOR';
}

const toBase64Url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');

const fromBase64Url = (text: string): Uint8Array => {
  const b64 = text.replaceAll('-', '+').replaceAll('_', '/');
  return Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
};

/**
 * Encode the key of the last row of a page, `(updatedAt, hazardId)`, as an opaque
 * URL-safe cursor. Works in browsers and Node.
 */
export function encodeKeysetCursor(updatedAt: string, hazardId: string): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify([updatedAt, hazardId])));
}

/** Decode a cursor made by {@link encodeKeysetCursor}; throws {@link InvalidCursorError} for anything else. */
export function decodeKeysetCursor(cursor: string): [string, string] {
  try {
    if (typeof cursor === 'string' && cursor.length <= 2048 && /^[A-Za-z0-9_-]*$/.test(cursor)) {
      const value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(cursor))) as unknown;
      if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) return value as [string, string];
    }
  } catch {
    // fall through to the error below
  }
  throw new InvalidCursorError('invalid page cursor');
}
