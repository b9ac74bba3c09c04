/**
 * Web-standard HTTP API (Request → Response) for anjian, with OpenAPI 3.1.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { createAnjianApi, toNodeHandler } from '@anjian/http';
 * const api = createAnjianApi({ store, directory, calendar, packs, authenticate });
 * createServer(toNodeHandler(api)).listen(3000, '127.0.0.1');
 * ```
 *
 * @packageDocumentation
 */
export { createAnjianApi, DEFAULT_MAX_BODY_BYTES } from './create-anjian-api.js';
export { toNodeHandler, DEFAULT_NODE_MAX_BODY_BYTES } from './to-node-handler.js';
export type { NodeHandlerOptions } from './to-node-handler.js';
export { securityHeaders, withSecurityHeaders, API_CONTENT_SECURITY_POLICY } from './security-headers.js';
export type { SecurityHeaderOptions } from './security-headers.js';
export { jsonLineLogger } from './api-logger.js';
export { DEFAULT_MAX_EVIDENCE_BYTES } from './routes/evidence-routes.js';
export { EVIDENCE_MEDIA_TYPES, sniffEvidenceType } from './evidence-media-type.js';
export type { ApiLogEntry, ApiLogger } from './api-logger.js';
export { buildOpenApi } from './build-openapi.js';
export { ROUTES } from './route-table.js';
export type { AuditApiOptions } from './routes/audit-routes.js';
export type { DocumentsApiOptions } from './documents-options.js';
export { negotiateLanguage } from './negotiate-language.js';
export { UNKNOWN_ACTOR_DETAIL } from './reader-of.js';
export { HttpProblem, problemResponse, pickText } from './problem.js';
export type { Bilingual, ProblemIssue } from './problem.js';
export { rejectionStatus } from './rejection-status.js';
export { chainErrorProblem } from './chain-error-problem.js';
export type { AnjianApi, AnjianApiOptions, JsonSchema, ParameterSpec, ResponseLang, RouteContext, RouteSpec } from './types.js';
export type { PermitsApiOptions } from './permits-options.js';
export { PERMIT_ROUTES, PERMIT_REJECTION_STATUS } from './routes/permit-routes.js';
export type { ReportsApiOptions } from './reports-options.js';
export type { RelationsApiOptions } from './relations-options.js';
export { REPORT_ROUTES } from './routes/report-routes.js';
