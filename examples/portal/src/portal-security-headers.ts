/**
 * The Content-Security-Policy of every portal page and file: scripts, styles, connections and
 * forms only from the portal itself (no inline scripts, handlers or `style=` attributes —
 * public/*.js builds markup with html`…` and classes), images also from `data:`/`blob:`
 * (previews of photos about to be uploaded), never framed, no `<base>`.
 */
export const PORTAL_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/**
 * {@link PORTAL_CSP} for a page that inlines its script and stylesheet: each allowed by its
 * SHA-256 only (`'sha256-…'`), never `unsafe-inline` (src/index-page.ts, first visits).
 */
export const pageCsp = (hashes: { script: string; style: string }): string =>
  PORTAL_CSP.replace("script-src 'self'", `script-src 'self' ${hashes.script}`).replace("style-src 'self'", `style-src 'self' ${hashes.style}`);

/** The headers the portal adds to every response that does not set them itself. */
export const PORTAL_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': PORTAL_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

/**
 * `response` with {@link PORTAL_SECURITY_HEADERS} (a header already set is kept: the API sends
 * its own, stricter CSP) and `Cache-Control: no-store` unless it has one (answers depend on
 * the session). A new Response when the headers are immutable.
 */
export function withPortalSecurityHeaders(response: Response): Response {
  let out = response;
  try {
    out.headers.set('x-portal-probe', '1');
    out.headers.delete('x-portal-probe');
  } catch {
    out = new Response(response.body, { status: response.status, statusText: response.statusText, headers: response.headers });
  }
  for (const [name, value] of Object.entries(PORTAL_SECURITY_HEADERS)) if (!out.headers.has(name)) out.headers.set(name, value);
  if (!out.headers.has('cache-control')) out.headers.set('cache-control', 'no-store');
  return out;
}
