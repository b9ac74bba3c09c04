import { isChainError } from '@anjian/core';
import { HttpProblem } from './problem.js';

/**
 * The problem the API answers for a `ChainError` a route meets outside a command's refusal:
 * `INVALID_QUERY` a 400, `CALENDAR_NOT_COVERED` a 503 (a working-day period reaches a year whose
 * holiday arrangement the host has not loaded: the server's data is missing, not the request at
 * fault; the detail names the year, 中文 and English). `null` for any other error (a 500). One
 * mapping: the API uses it, and so can a host's own routes that call core (a portal's worklist),
 * so that they answer as the API does.
 *
 * @example
 * ```ts
 * const problem = chainErrorProblem(error);
 * if (problem) return problemResponse(problem, negotiateLanguage(request.headers.get('accept-language')));
 * ```
 */
export function chainErrorProblem(error: unknown): HttpProblem | null {
  if (!isChainError(error)) return null;
  if (error.code === 'INVALID_QUERY') return new HttpProblem(400, 'INVALID_QUERY', { 'zh-CN': '请求无效', en: 'Bad request' }, error.localized);
  if (error.code === 'CALENDAR_NOT_COVERED') {
    return new HttpProblem(503, 'CALENDAR_NOT_COVERED', { 'zh-CN': '节假日安排未载入', en: 'Holiday arrangement not loaded' }, error.localized);
  }
  return null;
}
