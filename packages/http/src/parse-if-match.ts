import { badRequest } from './bad-request.js';

/**
 * The expected version from an `If-Match` header: `"3"`, `W/"3"` or `3`; `undefined` when
 * absent or `*`. Anything else is a 400.
 */
export function parseIfMatch(header: string | null): number | undefined {
  if (header === null || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) throw badRequest(`If-Match 必须是隐患的版本号（如 "3"），收到 ${JSON.stringify(header)}`, `If-Match must be a hazard version (e.g. "3"), got ${JSON.stringify(header)}`);
  return Number(match[1]);
}
