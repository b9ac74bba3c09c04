import { Hono } from 'hono';
import { compilePack, createMemoryCoSignCodeStore, systemClock, type ChainDeps, type Pack } from '@anjian/core';
import { documentNumbering } from '@anjian/documents';
import type { InspectionLog } from '@anjian/core/ports';
import { describeError, jsonLineLogger, safeLog, type ApiLogEntry, type ApiLogger } from './api-logger.js';
import { authChallenge } from './auth-challenge.js';
import { declaredLength, payloadTooLarge, readBodyWithin } from './body-limit.js';
import { requireJsonContentType } from './read-json-body.js';
import { buildOpenApi } from './build-openapi.js';
import { chainErrorProblem } from './chain-error-problem.js';
import { checkQuery } from './check-query.js';
import { negotiateLanguage } from './negotiate-language.js';
import { HttpProblem, problemResponse } from './problem.js';
import { invalidCursor } from './invalid-cursor.js';
import { checkRequestPath, createRouteMatcher, isRoutableMethod, methodNotAllowed } from './request-target.js';
import { OPTIONAL_ROUTES, ROUTES } from './route-table.js';
import { DEFAULT_MAX_EVIDENCE_BYTES } from './routes/evidence-routes.js';
import { withSecurityHeaders } from './security-headers.js';
import { checkDocumentsOptions } from './documents-options.js';
import type { AnjianApi, AnjianApiOptions, ResponseLang, RouteContext } from './types.js';

const UNAUTHENTICATED = new HttpProblem(401, 'UNAUTHENTICATED', { 'zh-CN': '未认证', en: 'Not authenticated' }, { 'zh-CN': '请先登录', en: 'sign in first' });
const NOT_FOUND = new HttpProblem(404, 'NOT_FOUND', { 'zh-CN': '未找到', en: 'Not found' }, { 'zh-CN': '没有这个接口', en: 'no such endpoint' });
const CROSS_SITE = new HttpProblem(
  403,
  'FORBIDDEN',
  { 'zh-CN': '拒绝跨站请求', en: 'Cross-site request refused' },
  {
    'zh-CN': '浏览器标明此请求来自其他网站的页面（Sec-Fetch-Site: cross-site），本服务不接受跨站提交；请在本系统的页面中操作',
    en: 'the browser marks this request as sent by a page of another site (Sec-Fetch-Site: cross-site), and this service takes no cross-site submissions; act from its own pages',
  },
);
const INTERNAL = new HttpProblem(500, 'INTERNAL', { 'zh-CN': '服务器错误', en: 'Server error' }, { 'zh-CN': '服务器内部错误', en: 'internal server error' });

/** Default {@link AnjianApiOptions.maxBodyBytes}. */
export const DEFAULT_MAX_BODY_BYTES = 1_048_576;

function toProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'INVALID_CURSOR') return invalidCursor();
  // INVALID_QUERY a 400; a working-day period into a year whose holiday arrangement the host has not loaded a 503
  // naming the year (logged and handed to onError: the host must load it) — one mapping, exported for hosts' own routes.
  return chainErrorProblem(error) ?? INTERNAL;
}

/** What the Hono app receives besides the request. */
type Env = { Bindings: { requestId: string; actorId?: string } };

/**
 * The anjian REST API as a web-standard handler (`Request → Response`), with its OpenAPI
 * 3.1 document. Hono routes inside; mount `fetch` in any host (see `toNodeHandler`).
 * The API translates HTTP to core calls and back: every decision is the chain's.
 *
 * Before any route or `authenticate` runs, a request passes the gate: a method no route
 * uses is a 405, a path with a control character or a broken escape a 400, a body over
 * the limit a 413 (declared or counted while streaming). Every response carries the
 * {@link securityHeaders}; every 500 is logged with its error and handed to `onError`,
 * and its body carries only a request id.
 *
 * @example
 * ```ts
 * const api = createAnjianApi({
 *   store: createMemoryStore(), directory, calendar, packs: [pack],
 *   authenticate: async (req) => sessionActor(req), // the host's session check
 *   basePath: '/api',
 *   onError: (error, { requestId }) => tracker.capture(error, { requestId }),
 * });
 * const res = await api.fetch(new Request('http://localhost/api/packs'));
 * ```
 */
export function createAnjianApi(options: AnjianApiOptions): AnjianApi {
  checkApiOptions(options);
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const challenge = authChallenge(options.authChallenge);
  const logger: ApiLogger = options.logger === false ? () => undefined : (options.logger ?? jsonLineLogger);
  const maxJsonBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxEvidenceBytes = options.maxEvidenceBytes ?? DEFAULT_MAX_EVIDENCE_BYTES;
  const deps: ChainDeps & { inspections?: InspectionLog } = {
    ...options.chain,
    store: options.store,
    directory: options.directory,
    calendar: options.calendar,
    clock: options.clock ?? systemClock,
    // Compiled once: reports are classified with the server's packs, never the client's.
    packs: new Map(options.packs.map((p) => [p.id, compilePack(p)])),
    ...(options.evidence ? { evidence: options.evidence } : {}),
    // Documents are numbered in the store transaction of the events that issue them.
    ...(options.documents ? { documentNumbers: documentNumbering({ jurisdiction: options.documents.override.override.jurisdiction }) } : {}),
    // A penalty's reply periods run from the service of its notice (送达), kept in the documents' service log.
    ...(options.documents?.service ? { documentService: options.documents.service } : {}),
    ...(options.inspections ? { inspections: options.inspections } : {}),
    coSignCodes: options.coSignCodes ?? createMemoryCoSignCodeStore(),
  };
  const packs = new Map<string, Pack>(options.packs.map((p) => [p.id, p]));
  // Optional facets add their routes (and their part of the document) only when configured.
  const routes = [...ROUTES, ...Object.entries(OPTIONAL_ROUTES).flatMap(([option, added]) => (options[option as keyof AnjianApiOptions] ? added : []))];
  const openapi = buildOpenApi(routes, basePath, challenge);
  const match = createRouteMatcher(routes, basePath);
  const app = basePath ? new Hono<Env>().basePath(basePath) : new Hono<Env>();
  // Uploads being received, per actor: each is held whole in memory until stored (docs/security.md T29).
  const uploadsInFlight = new Map<string, number>();

  const log = (level: ApiLogEntry['level'], event: string, request: Request, requestId: string, status: number, extra: Record<string, unknown> = {}) =>
    safeLog(logger, { time: new Date().toISOString(), level, event, requestId, method: request.method, path: pathOf(request.url), status, ...extra });

  /** Logs `error` as an error record `event` and hands it to onError (what the hook throws is logged, then ignored). */
  const report = async (event: string, error: unknown, request: Request, requestId: string, status: number): Promise<void> => {
    log('error', event, request, requestId, status, { error: describeError(error) });
    if (options.onError) {
      try {
        await options.onError(error, { request, requestId });
      } catch (hookError) {
        log('error', 'on_error_failed', request, requestId, status, { error: describeError(hookError) });
      }
    }
  };

  /** The response for what a route or the gate threw; a 500 is logged and reported first. */
  const failure = async (error: unknown, request: Request, requestId: string, lang: ResponseLang): Promise<Response> => {
    const p = toProblem(error);
    if (p.status >= 500) {
      await report('request_failed', error, request, requestId, p.status);
      return problemResponse(p, lang, undefined, `urn:uuid:${requestId}`);
    }
    if (p.status === 413) log('warn', 'body_too_large', request, requestId, 413);
    // RFC 9110 §15.5.2: a 401 MUST carry a WWW-Authenticate challenge.
    return problemResponse(p, lang, p.status === 401 ? { 'www-authenticate': challenge } : undefined);
  };

  for (const route of routes) {
    const honoPath = route.path.replace(/\{(\w+)\}/g, ':$1');
    app.on(route.method.toUpperCase(), honoPath, async (c) => {
      const request = c.req.raw;
      const lang = negotiateLanguage(request.headers.get('accept-language'));
      try {
        // A request with a body was authenticated by the gate, before its body was read.
        const actorId = route.auth === 'required' ? (c.env.actorId ?? (await options.authenticate(request))) : null;
        if (route.auth === 'required' && actorId === null) throw UNAUTHENTICATED;
        const query = new URL(request.url).searchParams;
        // The query is the route table's (each parameter declared, once, not empty), before any route reads it.
        checkQuery(route, query);
        // A derived value a read answers as unavailable (a 200) is still the host's to fix: logged and handed to onError.
        const reportUnavailable = (error: unknown) => report('derived_value_unavailable', error, request, c.env.requestId, 200);
        const ctx: RouteContext = { request, params: c.req.param() as Record<string, string>, query, lang, actorId, deps, options, packs, openapi, reportUnavailable };
        const response = await route.handle(ctx);
        response.headers.set('content-language', lang);
        return response;
      } catch (error) {
        return failure(error, request, c.env.requestId, lang);
      }
    });
  }
  app.notFound((c) => problemResponse(NOT_FOUND, negotiateLanguage(c.req.header('accept-language') ?? null)));
  app.onError((error, c) => failure(error, c.req.raw, c.env.requestId, negotiateLanguage(c.req.header('accept-language') ?? null)));

  return {
    openapi,
    maxBodyBytes: options.evidence ? Math.max(maxJsonBytes, maxEvidenceBytes) : maxJsonBytes,
    fetch: async (incoming) => {
      const requestId = crypto.randomUUID();
      const lang = negotiateLanguage(incoming.headers.get('accept-language'));
      let response: Response;
      let release: (() => void) | undefined;
      try {
        const pathname = new URL(incoming.url).pathname;
        const { route, allow } = match(pathname, incoming.method);
        if (!route && allow.length === 0 && !isRoutableMethod(incoming.method)) throw methodNotAllowed(incoming.method, []);
        checkRequestPath(pathname);
        // A page of another site may send a POST without a CORS preflight (a form, or a fetch with no
        // body and no custom header: a document's issue, a permit's findings report), with the
        // credentials the browser attaches by itself; the browser says so (T69).
        if (route?.auth === 'required' && incoming.method === 'POST' && !route.changesNothing && options.allowCrossSiteRequests !== true && incoming.headers.get('sec-fetch-site') === 'cross-site')
          throw CROSS_SITE;
        let request = incoming;
        // The body is bounded before any route runs: a declared length over the limit is refused
        // unread, a request no route accepts is read only up to the limit, and one whose route
        // needs an actor is authenticated first (below).
        let actorId: string | undefined;
        if (incoming.method !== 'GET' && incoming.method !== 'HEAD') {
          const limit = route?.rawBody ? maxEvidenceBytes : maxJsonBytes;
          const declared = declaredLength(incoming.headers);
          if (declared !== null && declared > limit) throw payloadTooLarge(limit);
          // Who sends it is known from the headers: a route that needs an actor refuses an
          // anonymous request before reading a byte of its body (an upload route takes 10 MiB,
          // and anonymous uploads read first made the server hold 10 MiB each). `authenticate`
          // sees the headers only.
          if (route?.auth === 'required') {
            const actor = await options.authenticate(new Request(incoming.url, { method: incoming.method, headers: incoming.headers }));
            if (actor === null) throw UNAUTHENTICATED;
            actorId = actor;
            // An upload is held whole until it is stored: one actor receives a few at a time, the
            // rest are refused unread (30 uploads of 9 MB at once grew the demo portal by 900 MB).
            if (route.rawBody) {
              const held = uploadsInFlight.get(actor) ?? 0;
              if (held >= MAX_UPLOADS_IN_FLIGHT_PER_ACTOR) {
                const refused = notStored(withSecurityHeaders(problemResponse(uploadsInProgress(), lang, { 'retry-after': '1' })));
                refused.headers.set('date', deps.clock.now().toUTCString());
                return refused;
              }
              uploadsInFlight.set(actor, held + 1);
              release = () => {
                const left = (uploadsInFlight.get(actor) ?? 1) - 1;
                if (left > 0) uploadsInFlight.set(actor, left);
                else uploadsInFlight.delete(actor);
              };
            }
          }
          const body = await readBodyWithin(incoming, limit);
          // A JSON route's body is JSON by its Content-Type (415 otherwise), whichever route reads it.
          if (route?.requestBody && body.byteLength > 0) requireJsonContentType(incoming);
          request = new Request(incoming.url, { method: incoming.method, headers: incoming.headers, body, signal: incoming.signal });
        }
        if (!route) {
          if (allow.length > 0) {
            response = problemResponse(methodNotAllowed(incoming.method, allow), lang, { allow: allow.join(', ') });
          } else {
            response = problemResponse(NOT_FOUND, lang);
          }
        } else {
          response = await app.fetch(request, { requestId, ...(actorId === undefined ? {} : { actorId }) });
        }
      } catch (error) {
        response = await failure(error, incoming, requestId, lang);
      } finally {
        release?.();
      }
      const answer = notStored(withSecurityHeaders(response));
      // The Date header is the API's clock (RFC 9110 §6.6.1: the origin's now), the one a page
      // weighs deadlines by; without it Node's adapter wrote the machine's clock, which differs
      // from the injected one.
      if (!answer.headers.has('date')) answer.headers.set('date', deps.clock.now().toUTCString());
      return answer;
    },
  };
}

/**
 * `answer` with `Cache-Control: no-store` unless its route chose another policy (the periodic
 * reports' `private, no-cache`). Every answer of the API is one actor's read — its hazards, an
 * enterprise's file, the queues, a refusal naming what exists — and one without the header is
 * kept in the browser's disk cache (and may be by a shared cache in front of a cookie-session
 * host), where the next user of an office computer finds it (docs/security.md T67).
 */
function notStored(answer: Response): Response {
  if (!answer.headers.has('cache-control')) answer.headers.set('cache-control', 'no-store');
  return answer;
}

/** Uploads one actor may send at once: each is held in memory (up to `maxEvidenceBytes`) until stored. */
const MAX_UPLOADS_IN_FLIGHT_PER_ACTOR = 4;

const uploadsInProgress = () =>
  new HttpProblem(
    429,
    'UPLOADS_IN_PROGRESS',
    { 'zh-CN': '上传过多', en: 'Too many uploads at once' },
    {
      'zh-CN': `你已有 ${MAX_UPLOADS_IN_FLIGHT_PER_ACTOR} 个文件正在上传，请等其完成后再上传`,
      en: `${MAX_UPLOADS_IN_FLIGHT_PER_ACTOR} of your uploads are still being received; send this one when one of them has finished`,
    },
  );

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

/**
 * What a JavaScript host can get wrong before the first request: without these checks a
 * missing `authenticate` made every actor route a 500, and a load result or a compiled
 * evaluator in `packs` failed with "pack.facts is not iterable".
 */
function checkApiOptions(options: AnjianApiOptions): void {
  const missing = (['store', 'directory', 'calendar'] as const).filter((key) => !options[key]);
  if (missing.length > 0) throw new TypeError(`createAnjianApi: ${missing.join(', ')} missing / 缺少 ${missing.join('、')}`);
  if (typeof options.authenticate !== 'function') {
    throw new TypeError(
      'createAnjianApi: authenticate(request) is required — return the actor id, or null for 401; no scheme is built in / 须提供 authenticate(request)：返回操作人编号，未认证时返回 null',
    );
  }
  if (!Array.isArray(options.packs)) throw new TypeError('createAnjianApi: packs must be an array of loaded packs / packs 须为已加载检查表的数组');
  options.packs.forEach((pack: unknown, i) => {
    const p = pack as Partial<Pack> | null;
    if (!p || typeof p.id !== 'string' || !Array.isArray(p.facts)) {
      throw new TypeError(
        `createAnjianApi: packs[${i}] is not a loaded pack — pass loaded.pack once loaded.ok is true, not the load result or compilePack's evaluator / packs[${i}] 不是已加载的检查表：请传入 loaded.pack`,
      );
    }
  });
  if (options.documents !== undefined) checkDocumentsOptions(options.documents);
}
