/** A JSON response (`application/json; charset=utf-8`) with optional extra headers. */
export function jsonResponse(body: unknown, status = 200, headers?: Record<string, string> | [string, string][] | Headers): Response {
  const h = new Headers(headers);
  h.set('content-type', 'application/json; charset=utf-8');
  return new Response(JSON.stringify(body), { status, headers: h });
}
