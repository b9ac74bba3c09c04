import { quoteInput } from '@anjian/core/internal';
import { badRequest } from './bad-request.js';

const VERSION_TAG = /^"(0|[1-9][0-9]{0,9})"$/;

/**
 * The expected version from an `If-Match` header: exactly `"<non-negative integer>"` (the
 * ETag this API sends), e.g. `"3"`; `undefined` when absent or `*`. Anything else — a
 * weak tag (`W/"3"`, never a match for If-Match, RFC 9110 §13.1.1), a bare `3`, an
 * unclosed `"1`, a list, a sign, leading zeros, above 10⁹ — is a 400.
 */
export function parseIfMatch(header: string | null): number | undefined {
  if (header === null || header === '*') return undefined;
  const match = VERSION_TAG.exec(header);
  const version = match ? Number(match[1]) : NaN;
  if (!(version <= 1_000_000_000)) {
    throw badRequest(`If-Match 必须是隐患的版本号，写作 "3"（带双引号），收到 ${quoteInput(header)}`, `If-Match must be a hazard version written "3" (with the quotes), got ${quoteInput(header)}`);
  }
  return version;
}
