import { chainErrorProblem, HttpProblem, negotiateLanguage, problemResponse } from '@anjian/http';

/** A problem+json answer for the portal's own routes, in the API's format and language. */
export function portalProblem(request: Request, status: number, code: string, zh: string, en: string, headers?: HeadersInit): Response {
  const title = { 'zh-CN': zh, en };
  return problemResponse(new HttpProblem(status, code, title, title), negotiateLanguage(request.headers.get('accept-language')), headers);
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
