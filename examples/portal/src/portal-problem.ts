import { HttpProblem, negotiateLanguage, problemResponse } from '@anjian/http';

/** A problem+json answer for the portal's own routes, in the API's format and language. */
export function portalProblem(request: Request, status: number, code: string, zh: string, en: string, headers?: HeadersInit): Response {
  const title = { 'zh-CN': zh, en };
  return problemResponse(new HttpProblem(status, code, title, title), negotiateLanguage(request.headers.get('accept-language')), headers);
}
