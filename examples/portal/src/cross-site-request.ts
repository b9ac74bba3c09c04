const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Why a state-changing request looks cross-site, or null when it may proceed: the CSRF check
 * of every non-GET request of the portal (API commands, uploads, sign-in and sign-out).
 *
 * - `Sec-Fetch-Site` (sent by current browsers, not settable by page scripts) must be
 *   `same-origin` (or `none`: typed by the user) when present;
 * - `Origin` (sent by browsers on every cross-origin request and on same-origin POSTs) must
 *   name this host when present; `Origin: null` (sandboxed frames, some redirects) is refused.
 *
 * A request with neither header is not from a browser page, so it carries no ambient cookie
 * the victim did not mean to send: curl and the tests may call the API with a cookie they
 * hold. The session cookie is also `SameSite=Strict`, so browsers do not attach it to a
 * request started by another site at all; this check is the second, independent layer (and
 * covers browsers or proxies that mishandle SameSite, and same-site sibling hosts).
 */
export function crossSiteRequest(request: Request): string | null {
  if (SAFE_METHODS.has(request.method)) return null;
  const site = request.headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin' && site !== 'none') return `Sec-Fetch-Site: ${site}`;
  const origin = request.headers.get('origin');
  if (origin === null) return null;
  const host = request.headers.get('host') ?? new URL(request.url).host;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return `Origin: ${origin}`;
  }
  return origin === 'null' || originHost.toLowerCase() !== host.toLowerCase() ? `Origin: ${origin}` : null;
}
