/**
 * Options, route definitions and context of the HTTP API.
 *
 * @module
 */
import type { Calendar, ChainDeps, Clock, Directory, EvidenceStore, Pack, Store } from '@anjian/core';
import type { CoSignCodeStore, InspectionLog } from '@anjian/core/ports';
import type { ApiLogger } from './api-logger.js';
import type { AuditApiOptions } from './routes/audit-routes.js';
import type { DocumentsApiOptions } from './documents-options.js';
import type { PermitsApiOptions } from './permits-options.js';
import type { ReportsApiOptions } from './reports-options.js';
import type { RelationsApiOptions } from './relations-options.js';

/** A JSON Schema (2020-12, as OpenAPI 3.1 uses it). */
export type JsonSchema = Record<string, unknown>;

/** Options of {@link createAnjianApi}. */
export interface AnjianApiOptions {
  store: Store;
  /** Resolves the authenticated actor id to roles and jurisdiction, at every command. */
  directory: Directory;
  /** Working-day calendar of the host (deadlines). */
  calendar: Calendar;
  /** Trusted clock; defaults to the system clock. */
  clock?: Clock;
  /** Packs the API serves and classifies against (loaded and validated by the host). */
  packs: readonly Pack[];
  /**
   * Where submitted inspections are recorded (`POST /inspections?report=true`; the answer then
   * carries `inspectionId`). Without it, inspections are classified and reported but not kept.
   */
  inspections?: InspectionLog;
  /**
   * Who sent the request: the host's session, token or mTLS check. MUST return the actor
   * id, or `null` when the request is not authenticated (the API answers 401). No scheme
   * is built in.
   */
  authenticate(request: Request): Promise<string | null>;
  /**
   * Where the co-sign codes of two-officer acts are kept (core's `CoSignCodeStore`): the second
   * officer generates one in his own session (`POST /hazards/{id}/co-sign-codes`) and the first
   * officer sends the act with it (`Co-Sign-Code`). Default: `createMemoryCoSignCodeStore()`,
   * one per API — right for one server process; hosts that run several behind a balancer pass
   * one store they share, or a code given by one process is refused by the others:
   * `createSqliteCoSignCodeStore` (`@anjian/store-sqlite`) or `createPostgresCoSignCodeStore`
   * (`@anjian/store-postgres`), which also keep codes and attempt counts across a restart.
   */
  coSignCodes?: CoSignCodeStore;
  /**
   * The `WWW-Authenticate` header sent with every 401 (RFC 9110 §11.6.1, §15.5.2): the
   * challenge of the host's scheme, e.g. `Basic realm="portal", charset="UTF-8"`, or several
   * challenges separated by commas. Printable ASCII; a value that is not a challenge makes
   * {@link createAnjianApi} throw a `TypeError`. Default: `Bearer realm="anjian"`.
   */
  authChallenge?: string;
  /**
   * Whether an unsafe request (a POST) to a route that needs an actor may come from a page of
   * another site. By default it may not: a request the browser marks `Sec-Fetch-Site: cross-site`
   * — a form or `fetch` of another site's page, carrying whatever credentials the browser adds
   * by itself (a session cookie, HTTP Basic, a client certificate) — is refused 403 `FORBIDDEN`
   * before `authenticate` runs and before its body is read (docs/security.md T69). Clients that
   * are not browsers send no such header and are not concerned. Set `true` only for a host whose
   * own pages live on another site and send a credential the page adds itself (a bearer token).
   */
  allowCrossSiteRequests?: boolean;
  /** Prefix of every path, e.g. `/api`. Default: none. */
  basePath?: string;
  /**
   * Largest JSON request body accepted, in bytes. Default 1 MiB. Enforced while the body
   * streams in, before `authenticate` runs: a larger `Content-Length` is refused unread, a
   * chunked body is cut off at the limit; both answer 413.
   */
  maxBodyBytes?: number;
  /**
   * Called with every unexpected error (one that becomes a 500), after it is logged: hand
   * it to your error tracker. The response never carries the error. What the hook throws
   * or rejects with is logged and otherwise ignored. Also called with the `ChainError`
   * `CALENDAR_NOT_COVERED` of a 503, and of a read that answers a derived value as
   * unavailable (`GET /hazards/{id}`'s `penaltyReplyPeriodUnavailable`, a 200): the host must
   * load that year's holiday arrangement.
   */
  onError?(error: unknown, context: { request: Request; requestId: string }): void | Promise<void>;
  /**
   * Where structured log records go (see {@link ApiLogEntry}): every 5xx with its error,
   * every derived value a read answered as unavailable, every refused oversized body. Default: one JSON line per record on stderr. `false`
   * turns logging off (the `onError` hook still runs).
   */
  logger?: ApiLogger | false;
  /**
   * Where photos and documents are kept (core's `EvidenceStore` port: `createMemoryEvidenceStore()`,
   * `createFileEvidenceStore(dir)` from `@anjian/core/node`, or your own). Enables the
   * evidence endpoints and evidence references in commands and reports; without it the
   * endpoints answer 404 and the chain refuses every evidence reference (fail closed).
   */
  evidence?: EvidenceStore;
  /** Largest evidence upload, in bytes (413 above, enforced while streaming). Default 10 MiB. */
  maxEvidenceBytes?: number;
  /**
   * Enforcement documents (执法文书): templates, the jurisdiction's override, the directory
   * of names, the PDF renderer. Enables the document endpoints, and numbers (文号) every
   * accepted command's documents in the store transaction of its events.
   */
  documents?: DocumentsApiOptions;
  /**
   * Hazardous-work permits (危险作业许可): the store, the rules and the permit roles of the
   * host's directory. Adds the `/permits` endpoints (and their part of the OpenAPI document).
   */
  permits?: PermitsApiOptions;
  /**
   * Periodic reports (周研判、月通报、季度考核): the store's report read model and an .xlsx writer.
   * Adds `GET /reports/{kind}` (and its part of the OpenAPI document).
   */
  reports?: ReportsApiOptions;
  /**
   * Directory relations (issue 17): rental premises, inspection rounds and the enterprise file.
   * Adds `/enterprises/{id}/file`, `/landlords/{id}/rental-points` and `/rounds` (and their part
   * of the OpenAPI document).
   */
  relations?: RelationsApiOptions;
  /**
   * What `GET /audit/verify` (department admins) and `GET /hazards/{id}/audit` check with: the
   * checkpoint signer's public key (`createEd25519Verifier(publicKeyPem)` of `@anjian/core/node`),
   * witness copies of the checkpoints kept outside the database, the log's origin. Without it
   * the audit still runs; signatures are then not checked and the result says so
   * (`checked.signatures: false`).
   */
  audit?: AuditApiOptions;
  /** Extra decider context (evidence rules, time limits) passed to `handleCommand`. */
  chain?: Pick<ChainDeps, 'evidenceRules' | 'limits' | 'conflictRetries'>;
}

/** The API: a web-standard handler and its OpenAPI 3.1 document. */
export interface AnjianApi {
  fetch(request: Request): Promise<Response>;
  readonly openapi: Record<string, unknown>;
  /**
   * The largest body any route accepts, in bytes: {@link toNodeHandler} stops reading a
   * request there, whatever the route.
   */
  readonly maxBodyBytes: number;
}

/** The language of human text in a response. */
export type ResponseLang = 'zh-CN' | 'en';

/** What a route handler receives. */
export interface RouteContext {
  request: Request;
  /** Path parameters, by name. */
  params: Record<string, string>;
  query: URLSearchParams;
  lang: ResponseLang;
  /** Authenticated actor id (null only on routes with `auth: 'none'`). */
  actorId: string | null;
  deps: ChainDeps & { inspections?: InspectionLog };
  options: AnjianApiOptions;
  /** Packs by id. */
  packs: ReadonlyMap<string, Pack>;
  /** The API's OpenAPI document. */
  openapi: Record<string, unknown>;
  /**
   * Tells the host of an error a route answered around (a derived value it could not compute,
   * answered as unavailable with a 200): logged as an `error` record `derived_value_unavailable`
   * with the error, and handed to `onError` — the host must act (load a year's holiday arrangement).
   */
  reportUnavailable(error: unknown): Promise<void>;
}

/** A documented query or header parameter. */
export interface ParameterSpec {
  name: string;
  in: 'query' | 'header';
  required?: boolean;
  description: string;
  schema: JsonSchema;
}

/**
 * One route, defined once as data: the router is built from it and so is the OpenAPI
 * document. `path` uses OpenAPI templates (`/hazards/{id}`).
 */
export interface RouteSpec {
  method: 'get' | 'post';
  path: string;
  operationId: string;
  summary: string;
  /** What the operation does, who may call it and what it refuses, in English and Chinese. */
  description: string;
  tags: readonly string[];
  /** `required`: 401 when `authenticate` returns null. */
  auth: 'required' | 'none';
  /**
   * A POST that stores and changes nothing (it checks what it is sent and answers): a page of
   * another site may send it. Every other POST that needs an actor refuses a cross-site one (T69).
   */
  changesNothing?: true;
  parameters?: readonly ParameterSpec[];
  requestBody?: JsonSchema;
  /**
   * The body is raw bytes of one of these media types (an upload), not JSON; it may be as
   * large as `maxEvidenceBytes`.
   */
  rawBody?: { mediaTypes: readonly string[]; description: string };
  /**
   * Success status and body schema; `mediaTypes` when the body is bytes of those types
   * (then `schema` describes nothing and is `{}`).
   */
  response: { status: number; description: string; schema: JsonSchema; mediaTypes?: readonly string[] };
  /** Documented error statuses (each answered as `application/problem+json`). */
  errors: readonly number[];
  /** Problem codes this route answers besides the API's own, by status (the document enumerates them). */
  problemCodes?: Readonly<Record<number, readonly string[]>>;
  handle(ctx: RouteContext): Promise<Response>;
}
