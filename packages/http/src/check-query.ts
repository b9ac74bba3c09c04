import { cutInput, didYouMean, quoteInput } from '@anjian/core/internal';
import { namedCoOfficer } from './co-sign-code-header.js';
import { HttpProblem } from './problem.js';
import type { RouteSpec } from './types.js';

const BAD = { 'zh-CN': '请求无效', en: 'Bad request' } as const;

/**
 * The query of a request as its route declares it (the route table, from which the OpenAPI
 * document is built too): every parameter the route's `parameters` name `in: 'query'`, each at
 * most once and never empty. Anything else is refused before the route runs — a misspelt
 * filter (`?levle=major`) must not answer the whole list, a second `level` must not be dropped,
 * an empty `domain=` must not mean "every domain":
 *
 * - a parameter the route does not declare: 400 `UNKNOWN_QUERY_PARAMETER`, naming it (with a
 *   "did you mean") and the accepted ones; on a route that takes a co-sign code, `coOfficerId`
 *   is the 422 `SERVER_ASSIGNED` of a request naming the second officer (derived from his code);
 * - a parameter given twice, or given empty: 400 `INVALID_QUERY`.
 *
 * Each problem carries one issue with the parameter (`parameter`) and both languages; what it
 * echoes of the request is cut to 64 characters (`cutInput`).
 */
export function checkQuery(route: RouteSpec, query: URLSearchParams): void {
  const accepted = (route.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  const seen = new Map<string, number>();
  for (const [name, value] of query) {
    if (!accepted.includes(name)) throw unknownParameter(route, name, accepted);
    const times = (seen.get(name) ?? 0) + 1;
    seen.set(name, times);
    if (times === 2) throw repeated(name, query.getAll(name).length);
    if (value === '') throw empty(name);
  }
}

function unknownParameter(route: RouteSpec, name: string, accepted: readonly string[]): HttpProblem {
  const takesCoSignCode = (route.parameters ?? []).some((p) => p.in === 'header' && p.name.toLowerCase() === 'co-sign-code');
  if (takesCoSignCode && name === 'coOfficerId') return namedCoOfficer('/coOfficerId');
  const shown = quoteInput(name);
  const guess = didYouMean(name.slice(0, 128), accepted);
  const hint = guess === undefined ? undefined : { 'zh-CN': `是不是“${guess}”？`, en: `did you mean "${guess}"?` };
  const operation = `${route.method.toUpperCase()} ${route.path}`;
  const message = { 'zh-CN': `未知的查询参数 ${shown}${hint ? `（${hint['zh-CN']}）` : ''}`, en: `unknown query parameter ${shown}${hint ? ` (${hint.en})` : ''}` };
  const takes =
    accepted.length === 0
      ? { 'zh-CN': `${operation} 不接受查询参数`, en: `${operation} takes no query parameters` }
      : { 'zh-CN': `${operation} 可用：${accepted.join('、')}`, en: `${operation} accepts: ${accepted.join(', ')}` };
  return new HttpProblem(
    400,
    'UNKNOWN_QUERY_PARAMETER',
    { 'zh-CN': '未知的查询参数', en: 'Unknown query parameter' },
    { 'zh-CN': `${message['zh-CN']}；${takes['zh-CN']}`, en: `${message.en}; ${takes.en}` },
    [{ code: 'UNKNOWN_PARAMETER', severity: 'error', parameter: cutInput(name), message, ...(hint ? { hint } : {}) }],
  );
}

function repeated(name: string, times: number): HttpProblem {
  const message = {
    'zh-CN': `查询参数 "${name}" 出现了 ${times} 次，只能给一次（列表用逗号分隔：${name}=a,b）`,
    en: `query parameter "${name}" is given ${times} times; give it once (a list is comma-separated: ${name}=a,b)`,
  };
  return new HttpProblem(400, 'INVALID_QUERY', BAD, message, [{ code: 'REPEATED_PARAMETER', severity: 'error', parameter: name, message }]);
}

function empty(name: string): HttpProblem {
  const message = { 'zh-CN': `查询参数 "${name}" 为空：请给出取值，或省略该参数`, en: `query parameter "${name}" is empty; give a value or leave it out` };
  return new HttpProblem(400, 'INVALID_QUERY', BAD, message, [{ code: 'EMPTY_PARAMETER', severity: 'error', parameter: name, message }]);
}
