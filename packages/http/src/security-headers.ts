/**
 * The Content-Security-Policy of the API's own responses: JSON is never a document, so it
 * may load nothing and be framed by nothing.
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Options of {@link securityHeaders} and {@link withSecurityHeaders}. */
export interface SecurityHeaderOptions {
  /**
   * The `Content-Security-Policy` to send. Default {@link API_CONTENT_SECURITY_POLICY};
   * a host serving HTML passes its own, e.g.
   * `default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'`
   * (no `'unsafe-inline'` scripts).
   */
  contentSecurityPolicy?: string;
}

/**
 * The headers every anjian response carries: a Content-Security-Policy, `X-Content-Type-Options:
 * nosniff` (a body is never sniffed into HTML or script), `Referrer-Policy: no-referrer`
 * (hazard ids in URLs do not leak to other sites) and `X-Frame-Options: DENY` (no
 * clickjacking, for browsers that predate `frame-ancestors`). Hosts serving their own pages
 * (the portal) send the same set with their page CSP.
 *
 * @example
 * ```ts
 * for (const [name, value] of Object.entries(securityHeaders({ contentSecurityPolicy: "default-src 'self'; frame-ancestors 'none'" }))) {
 *   res.setHeader(name, value);
 * }
 * ```
 */
export function securityHeaders(options: SecurityHeaderOptions = {}): Record<string, string> {
  return {
    'content-security-policy': options.contentSecurityPolicy ?? API_CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
  };
}

/**
 * `response` with {@link securityHeaders} set (a header the response already has is kept,
 * so a route may send a narrower policy). Returns a new `Response` when the headers of
 * `response` are immutable (a `Response` from `fetch()`).
 */
export function withSecurityHeaders(response: Response, options: SecurityHeaderOptions = {}): Response {
  const set = (headers: Headers) => {
    for (const [name, value] of Object.entries(securityHeaders(options))) if (!headers.has(name)) headers.set(name, value);
  };
  try {
    set(response.headers);
    return response;
  } catch {
    const copy = new Response(response.body, { status: response.status, statusText: response.statusText, headers: response.headers });
    set(copy.headers);
    return copy;
  }
}
