import { HttpProblem } from './problem.js';

/** A 400 `BAD_REQUEST` problem with a detail in both languages. */
export function badRequest(zh: string, en: string): HttpProblem {
  return new HttpProblem(400, 'BAD_REQUEST', { 'zh-CN': '请求无效', en: 'Bad request' }, { 'zh-CN': zh, en });
}
