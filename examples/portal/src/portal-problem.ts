import { chainErrorProblem, HttpProblem, negotiateLanguage, problemResponse } from '@anjian/http';

/** A problem+json answer for the portal's own routes, in the API's format and language. */
export function portalProblem(request: Request, status: number, code: string, zh: string, en: string, headers?: HeadersInit): Response {
  const title = { 'zh-CN': zh, en };
  return problemResponse(new HttpProblem(status, code, title, title), negotiateLanguage(request.headers.get('accept-language')), headers);
}

/**
 * A problem+json answer for a portal route's query, as the API answers one: a title, a message
 * and at most one issue naming the parameter (`parameter`), each in 中文 and English.
 */
export function portalQueryProblem(
  request: Request,
  status: number,
  code: string,
  title: { 'zh-CN': string; en: string },
  message: { 'zh-CN': string; en: string },
  issue?: { code: string; parameter: string; message: { 'zh-CN': string; en: string }; hint?: { 'zh-CN': string; en: string } },
): Response {
  const issues = issue ? [{ severity: 'error' as const, ...issue }] : undefined;
  return problemResponse(new HttpProblem(status, code, title, message, issues), negotiateLanguage(request.headers.get('accept-language')));
}

/**
 * The answer to a `ChainError` a portal route met (the worklist's due dates count working days:
 * `CALENDAR_NOT_COVERED`), the problem the API answers for it — @anjian/http's one mapping
 * (`chainErrorProblem`: a 503 naming the year, 中文 and English) — or `null` for any other error.
 */
export function chainProblemResponse(request: Request, error: unknown): Response | null {
  const problem = chainErrorProblem(error);
  return problem ? problemResponse(problem, negotiateLanguage(request.headers.get('accept-language'))) : null;
}
