import { AUDIT_ROUTES } from './routes/audit-routes.js';
import { COMMAND_ROUTE } from './routes/command-route.js';
import { CO_SIGN_CODE_ROUTES } from './routes/co-sign-code-routes.js';
import { DASHBOARD_ROUTES } from './routes/dashboard-routes.js';
import { DOCUMENT_ROUTES } from './routes/document-routes.js';
import { EVIDENCE_ROUTES } from './routes/evidence-routes.js';
import { HAZARD_ROUTES } from './routes/hazard-routes.js';
import { INSPECTION_ROUTES } from './routes/inspection-routes.js';
import { OPENAPI_ROUTE } from './routes/openapi-route.js';
import { PACK_ROUTES } from './routes/pack-routes.js';
import { PERMIT_ROUTES } from './routes/permit-routes.js';
import { RELATIONS_ROUTES } from './routes/relations-routes.js';
import { REPORT_ROUTES } from './routes/report-routes.js';
import type { AnjianApiOptions, RouteSpec } from './types.js';

/**
 * Every route of the API, defined once: {@link createAnjianApi} builds the router from
 * this table and {@link buildOpenApi} the OpenAPI document.
 */
export const ROUTES: readonly RouteSpec[] = Object.freeze([
  ...PACK_ROUTES,
  ...INSPECTION_ROUTES,
  ...HAZARD_ROUTES,
  COMMAND_ROUTE,
  ...CO_SIGN_CODE_ROUTES,
  ...EVIDENCE_ROUTES,
  ...DOCUMENT_ROUTES,
  ...DASHBOARD_ROUTES,
  ...AUDIT_ROUTES,
  OPENAPI_ROUTE,
]);

/**
 * The routes an option adds (and their part of the document), by the option that enables them:
 * {@link createAnjianApi} mounts them only when the option is configured. With {@link ROUTES},
 * every route the API can serve (the tests sweep them all).
 */
export const OPTIONAL_ROUTES: Readonly<Partial<Record<keyof AnjianApiOptions, readonly RouteSpec[]>>> = Object.freeze({
  permits: PERMIT_ROUTES,
  reports: REPORT_ROUTES,
  relations: RELATIONS_ROUTES,
});
