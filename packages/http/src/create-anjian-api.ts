import { Hono } from 'hono';
import { isChainError, systemClock, type ChainDeps, type Pack } from '@anjian/core';
import { authChallenge } from './auth-challenge.js';
import { buildOpenApi } from './build-openapi.js';
import { negotiateLanguage } from './negotiate-language.js';
import { HttpProblem, problemResponse } from './problem.js';
import { invalidCursor } from './invalid-cursor.js';
import { ROUTES } from './route-table.js';
import type { AnjianApi, AnjianApiOptions, ResponseLang, RouteContext } from './types.js';

const UNAUTHENTICATED = new HttpProblem(401, 'UNAUTHENTICATED', { 'zh-CN': '未认证', en: 'Not authenticated' }, { 'zh-CN': '请先登录', en: 'sign in first' });
const NOT_FOUND = new HttpProblem(404, 'NOT_FOUND', { 'zh-CN': '未找到', en: 'Not found' }, { 'zh-CN': '没有这个接口', en: 'no such endpoint' });
const INTERNAL = new HttpProblem(500, 'INTERNAL', { 'zh-CN': '服务器错误', en: 'Server error' }, { 'zh-CN': '服务器内部错误', en: 'internal server error' });

function toProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'INVALID_CURSOR') return invalidCursor();
  if (isChainError(error) && error.code === 'INVALID_QUERY') {
    return new HttpProblem(400, 'INVALID_QUERY', { 'zh-CN': '请求无效', en: 'Bad request' }, error.localized);
  }
  return INTERNAL;
}

/**
 * The anjian REST API as a web-standard handler (`Request → Response`), with its OpenAPI
 * 3.1 document. Hono routes inside; mount `fetch` in any host (see `toNodeHandler`).
 * The API translates HTTP to core calls and back: every decision is the chain's.
 *
 * @example
 * ```ts
 * const api = createAnjianApi({
 *   store: createMemoryStore(), directory, calendar, packs: [pack],
 *   authenticate: async (req) => req.headers.get('x-actor'), // the host's session check
 *   basePath: '/api',
 * });
 * const res = await api.fetch(new Request('http://localhost/api/packs'));
 * ```
 */
export function createAnjianApi(options: AnjianApiOptions): AnjianApi {
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const challenge = authChallenge(options.authChallenge);
  // RFC 9110 §15.5.2: a 401 MUST carry a WWW-Authenticate challenge.
  const problem = (p: HttpProblem, lang: ResponseLang): Response => problemResponse(p, lang, p.status === 401 ? { 'www-authenticate': challenge } : undefined);
  const deps: ChainDeps = { ...options.chain, store: options.store, directory: options.directory, calendar: options.calendar, clock: options.clock ?? systemClock };
  const packs = new Map<string, Pack>(options.packs.map((p) => [p.id, p]));
  const openapi = buildOpenApi(ROUTES, basePath, challenge);
  const app = basePath ? new Hono().basePath(basePath) : new Hono();

  for (const route of ROUTES) {
    const honoPath = route.path.replace(/\{(\w+)\}/g, ':$1');
    app.on(route.method.toUpperCase(), honoPath, async (c) => {
      const request = c.req.raw;
      const lang = negotiateLanguage(request.headers.get('accept-language'));
      try {
        const actorId = route.auth === 'required' ? await options.authenticate(request) : null;
        if (route.auth === 'required' && actorId === null) throw UNAUTHENTICATED;
        const ctx: RouteContext = { request, params: c.req.param() as Record<string, string>, query: new URL(request.url).searchParams, lang, actorId, deps, options, packs, openapi };
        const response = await route.handle(ctx);
        response.headers.set('content-language', lang);
        return response;
      } catch (error) {
        return problem(toProblem(error), lang);
      }
    });
  }
  app.notFound((c) => problem(NOT_FOUND, negotiateLanguage(c.req.header('accept-language') ?? null)));
  app.onError((error, c) => problem(toProblem(error), negotiateLanguage(c.req.header('accept-language') ?? null)));

  return {
    openapi,
    fetch: async (request) => app.fetch(request),
  };
}
