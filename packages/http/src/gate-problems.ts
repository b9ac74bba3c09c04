import type { RouteSpec } from './types.js';

/**
 * The problems a request to `route` can get from `createAnjianApi`'s gate and router, whatever
 * the route's handler does, by status — derived from the route's shape, so that the OpenAPI
 * document lists each on every operation that can answer it (before, a 429
 * `UPLOADS_IN_PROGRESS` was answered by `POST /evidence` and documented nowhere, and a POST
 * without a JSON schema documented no 413):
 *
 * - every route: 400 `BAD_REQUEST` (a control character or broken escape in the path, an
 *   invalid `Content-Length`, a body that cannot be read), `UNKNOWN_QUERY_PARAMETER` (a query
 *   parameter the route does not declare), `INVALID_QUERY` (one given twice or empty);
 * - a route that needs an actor: 401 `UNAUTHENTICATED`; a POST to it that changes something: 403
 *   `FORBIDDEN` (sent by a page of another site, `Sec-Fetch-Site: cross-site`, unless the host
 *   allows cross-site requests);
 * - a POST (its body is read within `maxBodyBytes`, `maxEvidenceBytes` for an upload): 413
 *   `PAYLOAD_TOO_LARGE`;
 * - a JSON body: 415 `UNSUPPORTED_MEDIA_TYPE` (sent with another `Content-Type`);
 * - an upload by an actor: 429 `UPLOADS_IN_PROGRESS` (four of the actor's uploads still arriving);
 * - every route: 500 `INTERNAL` — what the API answers, with a problem body naming only the
 *   request id (`instance`), when the handler, a port it calls or `authenticate` throws (the error
 *   is logged and handed to `onError`). No route means to, but any can: a store that is down.
 */
export function gateProblems(route: Pick<RouteSpec, 'method' | 'auth' | 'requestBody' | 'rawBody' | 'changesNothing'>): Readonly<Record<number, readonly string[]>> {
  const problems: Record<number, readonly string[]> = { 400: ['BAD_REQUEST', 'INVALID_QUERY', 'UNKNOWN_QUERY_PARAMETER'] };
  if (route.auth === 'required') problems[401] = ['UNAUTHENTICATED'];
  if (route.auth === 'required' && route.method === 'post' && !route.changesNothing) problems[403] = ['FORBIDDEN'];
  if (route.method === 'post') problems[413] = ['PAYLOAD_TOO_LARGE'];
  if (route.requestBody) problems[415] = ['UNSUPPORTED_MEDIA_TYPE'];
  if (route.rawBody && route.auth === 'required') problems[429] = ['UPLOADS_IN_PROGRESS'];
  problems[500] = ['INTERNAL'];
  return problems;
}
