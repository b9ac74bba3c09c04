import { quoteInput } from '@anjian/core/internal';
import { badRequest } from './bad-request.js';
import { HttpProblem } from './problem.js';
import type { RouteSpec } from './types.js';

/** Methods a route may be defined with; anything else (TRACE, CONNECT, PROPFIND…) is a 405. */
const ROUTABLE = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Whether a route could take this method at all (TRACE, CONNECT and unknown methods cannot). */
export function isRoutableMethod(method: string): boolean {
  return ROUTABLE.has(method);
}

/** A 405 `METHOD_NOT_ALLOWED` problem; the response carries `Allow`. */
export function methodNotAllowed(method: string, allow: readonly string[]): HttpProblem {
  const shown = quoteInput(method);
  return new HttpProblem(
    405,
    'METHOD_NOT_ALLOWED',
    { 'zh-CN': '不支持的请求方法', en: 'Method not allowed' },
    { 'zh-CN': `此路径不接受 ${shown}，可用：${allow.join(', ') || '无'}`, en: `this path does not accept ${shown}; allowed: ${allow.join(', ') || 'none'}` },
  );
}

/**
 * Refuses a request target that no route should ever see: a percent-encoded NUL or other
 * control character (`/app.js%00.html`), or an escape that is not UTF-8 (`%E4%zz`). Throws
 * a 400 {@link HttpProblem}.
 */
export function checkRequestPath(pathname: string): void {
  if (/%(?:[01][0-9a-f]|7f)/i.test(pathname)) throw badRequest('路径含控制字符', 'the path contains a control character');
  for (const segment of pathname.split('/')) {
    try {
      decodeURIComponent(segment);
    } catch {
      throw badRequest('路径的百分号编码无效', 'the path has an invalid percent-encoding');
    }
  }
}

/** The route of a request, or the methods its path allows (empty: no such path). */
export type RouteMatch = { route: RouteSpec; allow: readonly string[] } | { route: null; allow: readonly string[] };

/**
 * Matches a path and method against the route table (templates `{name}` match one
 * segment; a trailing slash is another path). `HEAD` is served by `GET` routes.
 */
export function createRouteMatcher(routes: readonly RouteSpec[], basePath: string): (pathname: string, method: string) => RouteMatch {
  const compiled = routes.map((route) => ({
    route,
    pattern: new RegExp(
      `^${escape(basePath)}${route.path
        .split(/\{\w+\}/)
        .map(escape)
        .join('[^/]+')}$`,
    ),
  }));
  return (pathname, method) => {
    const onPath = compiled.filter((c) => c.pattern.test(pathname)).map((c) => c.route);
    const allow = [...new Set(onPath.flatMap((r) => (r.method === 'get' ? ['GET', 'HEAD'] : [r.method.toUpperCase()])))];
    const wanted = method === 'HEAD' ? 'get' : method.toLowerCase();
    const route = ROUTABLE.has(method) ? (onPath.find((r) => r.method === wanted) ?? null) : null;
    return { route, allow };
  };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
