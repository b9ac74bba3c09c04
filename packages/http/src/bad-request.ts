import { HttpProblem } from './problem.js';

/** A 400 `BAD_REQUEST` problem with a detail in both languages. */
export function badRequest(zh: string, en: string): HttpProblem {
  return new HttpProblem(400, 'BAD_REQUEST', { 'zh-CN': '请求无效', en: 'Bad request' }, { 'zh-CN': zh, en });
}

/** A 400 `BAD_REQUEST` about one query parameter: the detail in both languages, and one issue naming the parameter (`INVALID_VALUE`). */
export function badParameter(parameter: string, zh: string, en: string): HttpProblem {
  const message = { 'zh-CN': zh, en };
  return new HttpProblem(400, 'BAD_REQUEST', { 'zh-CN': '请求无效', en: 'Bad request' }, message, [{ code: 'INVALID_VALUE', severity: 'error', parameter, message }]);
}
